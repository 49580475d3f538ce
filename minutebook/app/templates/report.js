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

  // Decisions made on the page, saved as a file that `minutebook review import` applies:
  // the page stays one file and needs no server.
  var decisions = {};
  var bar = document.getElementById("decisions");
  var count = document.getElementById("decided-count");
  var byInput = document.getElementById("decided-by");

  function decide(rec, action) {
    var box = rec.querySelector(".decide");
    var id = rec.dataset.id;
    var d = decisions[id] || { record_id: id, text_hash: box.dataset.hash, decision: "" };
    if (action) { d.decision = action; }
    box.querySelectorAll(".edit input").forEach(function (input) {
      if (input.value !== input.defaultValue) { d[input.name] = input.value; } else { delete d[input.name]; }
    });
    decisions[id] = d;
    rec.dataset.decision = d.decision || "edit";
    box.querySelector(".chosen").textContent = d.decision ? d.decision + "ed" : "edited";
    count.textContent = String(Object.keys(decisions).length);
  }

  document.querySelectorAll(".rec .decide").forEach(function (box) {
    var rec = box.closest(".rec");
    box.hidden = false;
    box.addEventListener("click", function (ev) {
      var button = ev.target.closest("button[data-action]");
      if (!button) { return; }
      if (button.dataset.action === "edit") {
        box.querySelector(".edit").hidden = false;
      } else {
        decide(rec, button.dataset.action);
      }
    });
    box.querySelectorAll(".edit input").forEach(function (input) {
      input.addEventListener("change", function () { decide(rec, null); });
    });
  });

  document.getElementById("save").addEventListener("click", function () {
    var by = byInput.value.trim();
    var list = Object.keys(decisions).map(function (id) {
      var d = Object.assign({}, decisions[id]);
      if (by) { d.by = by; }
      return d;
    });
    var text = JSON.stringify({ format: "minutebook-decisions", decisions: list }, null, 1);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = "minutebook-decisions.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  bar.hidden = false;
  form.hidden = false;
  form.addEventListener("change", apply);
  // A printed report shows everything, the collapsed unchanged lists included.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
