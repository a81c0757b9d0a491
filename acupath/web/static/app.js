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
  if (field.validity.valid) {
    note.textContent = "";
    field.removeAttribute("aria-invalid");
    return;
  }
  // Say it in the clinic's words: the field's label and what it allows.
  var label = document.querySelector('label[for="' + field.id + '"]');
  var name = label ? label.textContent.trim() : "This field";
  var rule = field.dataset.rule;
  note.textContent = rule ? name + " must be " + rule + "." : field.validationMessage;
  field.setAttribute("aria-invalid", "true");
});
// Printable documents: a Print button (no inline script: the CSP forbids it).
document.addEventListener("click", function (event) {
  if (event.target instanceof HTMLElement && event.target.id === "print-page") window.print();
});
