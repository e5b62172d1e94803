// Shows the role of a highlight (its title) in the #mark-info line on hover, tap or keyboard focus.
(function () {
  "use strict";
  function show(event) {
    var mark = event.target.closest && event.target.closest("mark[title]");
    var info = document.getElementById("mark-info");
    if (mark && info && mark.title) { info.textContent = mark.title; }
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  document.addEventListener("click", show);
})();
