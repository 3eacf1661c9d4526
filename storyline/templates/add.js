(function () {
  "use strict";
  // Reading and analysing reports takes a few seconds: say so, and stop double submits.
  var form = document.getElementById("add-form");
  if (!form) return;
  form.addEventListener("submit", function () {
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = true;
      button.textContent = "Reading the reports…";
    }
  });
})();
