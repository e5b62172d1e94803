// World map: events per country (or per counterpart of the focus country) on the vendored Natural Earth outline,
// coloured in steps of 1-2-5 (a legend names them), click-through; read from the element's data-src JSON.
// Tooltips are drawn on the canvas (renderMode "richText"): no inline styles, nothing for the CSP to block.
(function () {
  "use strict";
  var COLOURS = ["#dbe9f6", "#b5d2ec", "#85b5dd", "#5495ca", "#2f74b5", "#1a5397", "#0d3670", "#061f47"];
  var FOCUS = "#d4622a";
  function pieces(most) {
    var bounds = [1], steps = [2, 2.5, 2], i = 0;     // 1, 2, 5, 10, 20, 50... up to the largest count
    while (bounds.length < COLOURS.length) {
      var next = Math.round(bounds[bounds.length - 1] * steps[i++ % 3]);
      if (next > most) { break; }
      bounds.push(next);
    }
    return bounds.map(function (low, k) {
      var high = k + 1 < bounds.length ? bounds[k + 1] - 1 : Infinity;
      var label = high === Infinity ? low + "+" : low === high ? String(low) : low + "–" + high;
      return high === Infinity ? { gte: low, label: label, color: COLOURS[k] }
                               : { gte: low, lte: high, label: label, color: COLOURS[k] };
    });
  }
  function tooltip(data, byCode) {
    return function (p) {
      var name = data.names[p.name] || p.name;
      var row = byCode[p.name];
      var text = data.text || {};   // the server's words in the page's language, plural forms included
      if (data.focus && p.name === data.focus.code) {
        return name + ": " + (text.in_all || "{label} in all").replace("{label}", data.focus.label);
      }
      var label = row ? row.label : (text.none || "0 events");
      if (!data.focus) { return name + ": " + label; }
      return name + ": " + (text["with"] || "{label} with {name}").replace("{label}", label)
        .replace("{name}", data.names[data.focus.code]);
    };
  }
  function draw(element, data, outline) {
    echarts.registerMap("world", outline);
    var byCode = {};
    data.countries.forEach(function (row) { byCode[row.code] = row; });
    var items = data.countries.map(function (row) { return { name: row.code, value: row.events, href: row.href }; });
    var legend = pieces(Math.max.apply(null, data.countries.map(function (row) { return row.events; }).concat([1])));
    if (data.focus) {
      items.push({ name: data.focus.code, value: -1, href: data.focus.href });
      legend.unshift({ value: -1, label: data.names[data.focus.code] || data.focus.code, color: FOCUS });
    }
    var narrow = element.clientWidth < 600;
    var chart = echarts.init(element);
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: "item", renderMode: "richText", formatter: tooltip(data, byCode) },
      visualMap: { type: "piecewise", pieces: legend, left: narrow ? "center" : 8, bottom: narrow ? 2 : 8,
                   orient: narrow ? "horizontal" : "vertical", itemGap: narrow ? 4 : 6, itemWidth: narrow ? 10 : 14,
                   itemHeight: narrow ? 8 : 12, textStyle: { fontSize: narrow ? 9 : 11 },
                   outOfRange: { color: "#eef0f3" } },
      series: [{
        type: "map", map: "world", roam: false, animation: false, selectedMode: false,
        left: 0, right: 0, top: 4, bottom: narrow ? 24 : 4,
        itemStyle: { areaColor: "#eef0f3", borderColor: "#8a94a3", borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#f2c14e", borderColor: "#333" } },
        data: items
      }]
    });
    chart.on("click", function (p) { if (p.data && p.data.href) { window.location.href = p.data.href; } });
    window.addEventListener("resize", function () { chart.resize(); });
    element.dataset.ready = "1";
  }
  function json(url) {
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); });
  }
  var element = document.getElementById("map");
  if (!element) { return; }
  Promise.all([json(element.dataset.src), json(element.dataset.outline)])
    .then(function (both) { draw(element, both[0], both[1]); })
    .catch(function (error) { element.textContent = "Map unavailable (" + error.message + ")."; });
})();
