// Provider portal: a "repeat on the next day" button for each time, filling the next empty row.
// Optional: without JavaScript the provider fills the rows by hand.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-session-row]"));
  if (!rows.length) return;
  var label = document.documentElement.lang === "de" ? "Am nächsten Tag wiederholen"
    : document.documentElement.lang === "en" ? "Repeat on the next day" : "Herhaal op de volgende dag";

  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }
  function isEmpty(row) {
    return !field(row, "day").value && !field(row, "start").value;
  }
  rows.forEach(function (row) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = label;
    button.addEventListener("click", function () {
      var day = field(row, "day");
      var target = rows.filter(isEmpty)[0];
      if (!target || day.selectedIndex < 1 || day.selectedIndex >= day.options.length - 1) return;
      field(target, "day").selectedIndex = day.selectedIndex + 1;
      ["start", "end", "venue", "capacity"].forEach(function (name) {
        field(target, name).value = field(row, name).value;
      });
      field(target, "day").focus();
    });
    row.querySelector("fieldset").appendChild(button);
  });
})();
