// Promotion kit, optional: a "Copy" button beside each link, text and code. Without
// JavaScript the fields are selected and copied by hand. The labels come from the page
// (data-copy, data-copied on the kit), so they are translated like everything else.
(function () {
  "use strict";
  var kit = document.querySelector("[data-copy]");
  if (!kit || !navigator.clipboard) return;
  var fields = kit.querySelectorAll("textarea[readonly], input[readonly]");
  Array.prototype.forEach.call(fields, function (field) {
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "button button-secondary kit-copy";
    button.textContent = kit.getAttribute("data-copy");
    var label = kit.querySelector("label[for='" + field.id + "']");
    if (label) button.setAttribute("aria-label", button.textContent + ": " + label.textContent);
    status.setAttribute("role", "status");
    status.className = "kit-copied";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = kit.getAttribute("data-copied");
        setTimeout(function () { status.textContent = ""; }, 3000);
      });
    });
    field.insertAdjacentElement("afterend", status);
    field.insertAdjacentElement("afterend", button);
  });
})();
