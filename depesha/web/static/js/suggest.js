// Autocomplete for inputs marked data-suggest="person,country,...": a <datalist> filled from /charts/suggest.json
// as the reader types (native, keyboard-accessible; nothing inline, so the page's CSP holds).
(function () {
  "use strict";
  var serial = 0;
  function attach(input) {
    var list = document.createElement("datalist");
    list.id = "suggest-" + (++serial);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    input.after(list);
    var timer = null, asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 2 || typed === asked) { return; }
        asked = typed;
        var url = "/charts/suggest.json?kind=" + encodeURIComponent(input.dataset.suggest) + "&q=" + encodeURIComponent(typed);
        fetch(url, {credentials: "same-origin"}).then(function (response) {
          return response.ok ? response.json() : {items: []};
        }).then(function (data) {
          if (typed !== asked) { return; }  // a later keystroke asked again
          list.replaceChildren();
          data.items.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.value;
            option.label = item.label;
            option.textContent = item.label;
            list.appendChild(option);
          });
          input.dataset.suggested = String(data.items.length);
        }).catch(function () { /* suggestions are a convenience: the form works without them */ });
      }, 150);
    });
  }
  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
