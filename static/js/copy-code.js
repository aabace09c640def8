// Optional: a "Copy" button beside each code to copy (the portal's embed screen). Without
// JavaScript the code stays in its read-only text area, to select and copy by hand.
(function () {
  "use strict";
  var areas = document.querySelectorAll("textarea[data-copy-label]");
  Array.prototype.forEach.call(areas, function (area) {
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = area.getAttribute("data-copy-label");
    var heading = area.closest("section") && area.closest("section").querySelector("h2[id]");
    if (heading) button.setAttribute("aria-describedby", heading.id);
    status.setAttribute("role", "status");
    status.className = "copy-status";
    button.addEventListener("click", function () {
      area.select();
      var done = function () { status.textContent = area.getAttribute("data-copied-label"); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, function () {
          document.execCommand("copy");
          done();
        });
      } else {
        document.execCommand("copy");
        done();
      }
    });
    var row = document.createElement("p");
    row.appendChild(button);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(status);
    area.parentNode.insertBefore(row, area.nextSibling);
  });
})();
