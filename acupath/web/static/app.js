// acupath: a progress indicator for forms that may take more than a second. No framework.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || form.dataset.noProgress !== undefined) return;
  var progress = document.getElementById("progress");
  if (progress) {
    window.setTimeout(function () { progress.hidden = false; }, 300);
  }
  var buttons = form.querySelectorAll("button[type=submit]");
  buttons.forEach(function (b) { b.setAttribute("aria-busy", "true"); });
});
// Inline validation: show the browser's message next to a field as soon as it is left.
document.addEventListener("focusout", function (event) {
  var field = event.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) return;
  if (!field.willValidate) return;
  var note = document.getElementById(field.id + "-error");
  if (!note) return;
  note.textContent = field.validity.valid ? "" : field.validationMessage;
});
