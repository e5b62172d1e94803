// Contact network: countries or people as nodes, shared events as edges (width by count); click-through.
(function () {
  "use strict";
  function draw(element, data) {
    if (!data.nodes.length) { element.textContent = "No contacts in this selection."; return; }
    var most = Math.max.apply(null, data.edges.map(function (e) { return e.events; }).concat([1]));
    var big = Math.max.apply(null, data.nodes.map(function (n) { return n.events; }).concat([1]));
    var chart = echarts.init(element);
    chart.setOption({
      aria: { enabled: true },
      tooltip: { formatter: function (p) {  // the tooltip is HTML: names from articles are escaped
        var names = {};
        data.nodes.forEach(function (n) { names[n.id] = n.label; });
        var text = p.dataType === "edge" ? names[p.data.source] + " – " + names[p.data.target] : p.data.name;
        return echarts.format.encodeHTML(text + ": " + p.data.events + " events");
      } },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { repulsion: 600, gravity: 0.06, edgeLength: [80, 220] },
        label: { show: true, position: "right" },
        lineStyle: { color: "#5b6470", opacity: 0.7 },
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        data: data.nodes.map(function (n) {
          return { id: n.id, name: n.label, events: n.events, href: n.href,
                   symbolSize: 12 + 28 * Math.sqrt(n.events / big) };
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
