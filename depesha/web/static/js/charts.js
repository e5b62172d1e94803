// Timeline charts: stacked bars per week or month and category, read from the element's data-src JSON.
(function () {
  "use strict";
  function table(data) {
    var t = document.createElement("table");
    var head = t.createTHead().insertRow();
    ["Period"].concat(Object.keys(data.series)).forEach(function (name) {
      var th = document.createElement("th"); th.scope = "col"; th.textContent = name; head.appendChild(th);
    });
    var body = t.createTBody();
    data.buckets.forEach(function (bucket, i) {
      var row = body.insertRow();
      row.insertCell().textContent = bucket;
      Object.keys(data.series).forEach(function (name) { row.insertCell().textContent = data.series[name][i]; });
    });
    return t;
  }
  function draw(element, data) {
    var target = document.querySelector('[data-table-for="' + element.id + '"]');
    if (target) { target.replaceChildren(table(data)); }
    if (!data.buckets.length) { element.textContent = "No dated events for this selection."; return; }
    var chart = echarts.init(element);
    chart.setOption({
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 40 },
      xAxis: { type: "category", data: data.buckets },
      yAxis: { type: "value", minInterval: 1 },
      series: Object.keys(data.series).map(function (name) {
        return { name: name, type: "bar", stack: "all", data: data.series[name] };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
    element.dataset.ready = "1";
  }
  document.querySelectorAll(".chart[data-src]:not(.graph)").forEach(function (element) {
    fetch(element.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (data) { draw(element, data); })
      .catch(function (error) { element.textContent = "Chart unavailable (" + error.message + ")."; });
  });
})();
