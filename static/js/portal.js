// Provider portal, optional: without JavaScript the provider fills the rows by hand, and
// "More rows for times" reloads the page (at the new rows, with everything kept).
// - a "repeat on the next day" button for each time, filling the next empty row;
// - "More rows for times" adds one empty row at once, without a reload.
(function () {
  "use strict";
  var list = document.querySelector("[data-session-rows]");
  if (!list) return;
  var lang = document.documentElement.lang;
  var label = lang === "de" ? "Am nächsten Tag wiederholen"
    : lang === "en" ? "Repeat on the next day" : "Herhaal op de volgende dag";
  var total = document.querySelector("[name=sessions-TOTAL_FORMS]");
  var max = document.querySelector("[name=sessions-MAX_NUM_FORMS]");

  function rows() {
    return Array.prototype.slice.call(list.querySelectorAll("[data-session-row]"));
  }
  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }
  function isEmpty(row) {
    return !field(row, "day").value && !field(row, "start").value;
  }
  function addRepeat(row) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = label;
    button.setAttribute("data-repeat", "");
    button.addEventListener("click", function () {
      var day = field(row, "day");
      var target = rows().filter(isEmpty)[0];
      if (!target || day.selectedIndex < 1 || day.selectedIndex >= day.options.length - 1) return;
      field(target, "day").selectedIndex = day.selectedIndex + 1;
      ["start", "end", "venue", "capacity"].forEach(function (name) {
        field(target, name).value = field(row, name).value;
      });
      field(target, "day").focus();
    });
    row.querySelector("fieldset").appendChild(button);
  }
  rows().forEach(addRepeat);

  // One more empty row: a copy of the last one with its number raised and its values cleared.
  var more = document.querySelector("[data-add-row]");
  if (!more || !total) return;
  more.addEventListener("click", function (event) {
    var all = rows();
    var count = parseInt(total.value, 10);
    if (!all.length || isNaN(count) || (max && count >= parseInt(max.value, 10))) return;
    event.preventDefault();
    var last = all[all.length - 1];
    var row = last.cloneNode(true);
    var from = new RegExp("sessions-" + (count - 1) + "-", "g");
    var to = "sessions-" + count + "-";
    row.id = "time-" + (count + 1);
    Array.prototype.forEach.call(row.querySelectorAll(".portal-actions, [data-repeat], .errorlist"),
      function (node) { node.parentNode.removeChild(node); });
    Array.prototype.forEach.call(row.querySelectorAll("[name], [id], [for], [aria-describedby]"),
      function (node) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
          var value = node.getAttribute(attr);
          if (value) node.setAttribute(attr, value.replace(from, to).replace(
            new RegExp("id_sessions-" + (count - 1) + "-", "g"), "id_sessions-" + count + "-"));
        });
        if (node.type === "checkbox") node.checked = false;
        else if (node.tagName === "SELECT") node.selectedIndex = 0;
        else if (node.tagName === "INPUT") node.value = "";
        node.removeAttribute("aria-invalid");
      });
    var legend = row.querySelector("legend");
    legend.textContent = legend.textContent.replace(/\d+/, String(count + 1));
    list.appendChild(row);
    total.value = String(count + 1);
    addRepeat(row);
    field(row, "day").focus();
  });
})();
