// Contact network: countries or people as nodes, shared events as edges (width by count); click-through.
// A circular layout keeps every node on the canvas; tooltips are drawn on the canvas (no inline styles for the CSP).
(function () {
  "use strict";
  function draw(element, data) {
    if (!data.nodes.length) { element.textContent = "No contacts in this selection."; return; }
    var most = Math.max.apply(null, data.edges.map(function (e) { return e.events; }).concat([1]));
    var big = Math.max.apply(null, data.nodes.map(function (n) { return n.events; }).concat([1]));
    var names = {};
    data.nodes.forEach(function (n) { names[n.id] = n.label; });
    var chart = echarts.init(element);
    chart.setOption({
      aria: { enabled: true },
      tooltip: { renderMode: "richText", formatter: function (p) {
        var text = p.dataType === "edge" ? names[p.data.source] + " – " + names[p.data.target] : p.data.name;
        return text + ": " + p.data.events + " events";
      } },
      series: [{
        type: "graph", layout: "circular", circular: { rotateLabel: true }, roam: false, animation: false,
        left: "12%", right: "12%", top: "12%", bottom: "12%",
        label: { show: true, position: "right", fontSize: 11 },
        lineStyle: { color: "#5b6470", opacity: 0.6, curveness: 0.2 },
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        data: data.nodes.map(function (n) {
          return { id: n.id, name: n.label, events: n.events, href: n.href,
                   symbolSize: 8 + 22 * Math.sqrt(n.events / big) };
        }),
        links: data.edges.map(function (e) {
          return { source: e.source, target: e.target, events: e.events, href: e.href,
                   lineStyle: { width: 1 + 9 * e.events / most } };
        })
      }]
    });
    chart.on("click", function (p) { if (p.data && p.data.href) { window.location.href = p.data.href; } });
    window.addEventListener("resize", function () { chart.resize(); });
    element.dataset.ready = "1";
  }
  var element = document.getElementById("network");
  if (!element) { return; }
  fetch(element.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (data) { draw(element, data); })
    .catch(function (error) { element.textContent = "Graph unavailable (" + error.message + ")."; });
})();
