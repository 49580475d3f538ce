"use strict";
// Filters work on data-* attributes only; without script every record stays visible.
(function () {
  var form = document.getElementById("filters");
  var docSelect = document.getElementById("filter-doc");
  var onlyChanges = document.getElementById("filter-changes");
  var kinds = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));

  function apply() {
    var doc = docSelect.value;
    var shown = kinds.filter(function (k) { return k.checked; }).map(function (k) { return k.value; });
    document.querySelectorAll(".rec").forEach(function (rec) {
      var ok = shown.indexOf(rec.dataset.kind) >= 0 && (!doc || rec.dataset.doc === doc);
      rec.hidden = !ok;
    });
    document.querySelectorAll("section.doc").forEach(function (sec) {
      var off = (doc && sec.dataset.doc !== doc) || (onlyChanges.checked && !sec.classList.contains("touched"));
      sec.hidden = off;
    });
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  // A printed report shows everything, the collapsed unchanged lists included.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
