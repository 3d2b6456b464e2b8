// Progressive enhancement only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("analyze-form");
  if (form) {
    form.addEventListener("submit", function () {
      var button = document.getElementById("analyze-button");
      var busy = form.querySelector(".np-busy");
      if (button) { button.disabled = true; button.textContent = "Analysing…"; }
      if (busy) { busy.hidden = false; }
    });
    var file = document.getElementById("file");
    var fileTab = document.getElementById("src-file");
    if (file && fileTab) { file.addEventListener("change", function () { fileTab.checked = true; }); }
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () { button.textContent = "Copied"; });
    });
  });
});
