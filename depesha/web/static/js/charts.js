// Timeline charts: stacked bars per week, month or year and category, read from the element's data-src JSON.
// Colours and patterns come from the server (depesha/data/categories.tsv), so a category looks the same on
// every page; tooltips are drawn on the canvas (renderMode "richText"): no inline styles, nothing for the CSP to block.
(function () {
  "use strict";
  var DECALS = {
    none: { symbol: "none" },
    dots: { symbol: "circle", symbolSize: 0.4, dashArrayX: [[1, 5]], dashArrayY: [3, 3] },
    lines: { symbol: "rect", rotation: Math.PI / 4, dashArrayX: [[1, 0]], dashArrayY: [2, 6] },
    cross: { symbol: "rect", rotation: -Math.PI / 4, dashArrayX: [[4, 2]], dashArrayY: [2, 3] }
  };
  function say(data, key, fallback, values) {   // the server's words in the page's language (data.text)
    var text = (data.text && data.text[key]) || fallback;
    Object.keys(values || {}).forEach(function (name) { text = text.replace("{" + name + "}", values[name]); });
    return text;
  }
  function label(data, name) { return (data.styles && data.styles[name] && data.styles[name].label) || name; }
  function table(data) {
    var t = document.createElement("table");
    var head = t.createTHead().insertRow();
    [say(data, "period", "Period")].concat(Object.keys(data.series).map(function (name) { return label(data, name); })).forEach(function (name) {
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
  function note(element, data) {
    var target = document.querySelector('[data-undated-for="' + element.id + '"]');
    if (!target || data.total === undefined) { return; }
    target.textContent = data.undated
      ? say(data, "undated", "{undated} of {total} events have no date and are not on the time axis.",
            { undated: data.undated, total: data.total })
      : say(data, "dated", "All {total} events are dated.", { total: data.total });
  }
  function tooltip(data) {
    return function (params) {
      var items = params.filter(function (p) { return p.value; });
      var lines = [params.length ? params[0].axisValue : ""];
      var sum = 0;
      items.forEach(function (p) { lines.push(label(data, p.seriesName) + ": " + p.value); sum += p.value; });
      lines.push(say(data, "total", "Total") + ": " + sum);
      return lines.join("\n");
    };
  }
  function draw(element, data) {
    var target = document.querySelector('[data-table-for="' + element.id + '"]');
    if (target) { target.replaceChildren(table(data)); }
    note(element, data);
    if (!data.buckets.length) { element.textContent = say(data, "empty", "No dated events for this selection."); return; }
    var chart = echarts.init(element);
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: "axis", renderMode: "richText", formatter: tooltip(data) },
      legend: { type: "scroll", top: 0, formatter: function (name) { return label(data, name); } },
      grid: { left: 40, right: 16, top: 40, bottom: 40 },
      xAxis: { type: "category", data: data.buckets },
      yAxis: { type: "value", minInterval: 1 },
      series: Object.keys(data.series).map(function (name) {
        var style = (data.styles && data.styles[name]) || {};
        return { name: name, type: "bar", stack: "all", data: data.series[name],
                 itemStyle: { color: style.color, decal: DECALS[style.pattern] || DECALS.none } };
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
