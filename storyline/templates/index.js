(function () {
  "use strict";
  // Client-side filter: a story stays when every typed word is in its data-search text.
  // The box is hidden in the markup so readers without JS never see a dead control.
  var box = document.getElementById("search");
  if (!box) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll(".story"));
  var count = document.getElementById("search-count");
  var none = document.getElementById("no-match");
  var wrap = box.closest(".search-box");
  if (wrap) wrap.hidden = false;

  function apply() {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search") || "";
      var hit = words.every(function (w) {
        return text.indexOf(w) !== -1;
      });
      row.hidden = !hit;
      if (hit) shown += 1;
    });
    if (count) count.textContent = words.length ? shown + " of " + rows.length : "";
    if (none) none.hidden = shown !== 0;
  }

  box.addEventListener("input", apply);
  apply();
})();
