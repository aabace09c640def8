// Progressive enhancement (issue 14): a visitor whose browser prefers another language the
// site speaks gets a one-line pointer to that version of the page. No redirect, nothing on
// the server: cached pages stay the same for everyone. Dismissed once, it stays away.
(function () {
  var KEY = "week3-language-pointer";
  try {
    if (window.localStorage.getItem(KEY) === "dismissed") {
      return;
    }
  } catch (error) {
    // No storage (private mode): the pointer still shows, and closes for this page.
  }
  var current = (document.documentElement.lang || "").toLowerCase();
  var preferred = navigator.languages || [navigator.language || ""];
  var link = null;
  for (var i = 0; i < preferred.length; i++) {
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (code === current) {
      return; // the visitor reads this language: nothing to point at
    }
    link = document.querySelector('.language-nav a[hreflang="' + code + '"][data-pointer]');
    if (link) {
      break;
    }
  }
  if (!link) {
    return;
  }
  var code = link.getAttribute("hreflang");
  var pointer = document.createElement("aside");
  pointer.className = "language-pointer";
  pointer.lang = code;
  pointer.setAttribute("aria-label", link.getAttribute("data-pointer-label"));
  var wrap = document.createElement("div");
  wrap.className = "wrap";
  var text = document.createElement("p");
  var target = document.createElement("a");
  target.setAttribute("href", link.getAttribute("href"));
  target.setAttribute("hreflang", code);
  target.textContent = link.getAttribute("data-pointer");
  text.appendChild(target);
  var close = document.createElement("button");
  close.type = "button";
  close.textContent = link.getAttribute("data-pointer-close");
  close.addEventListener("click", function () {
    try {
      window.localStorage.setItem(KEY, "dismissed");
    } catch (error) {
      // Not remembered; it is gone from this page all the same.
    }
    pointer.parentNode.removeChild(pointer);
    link.focus();
  });
  wrap.appendChild(text);
  wrap.appendChild(close);
  pointer.appendChild(wrap);
  var header = document.querySelector(".site-header");
  header.parentNode.insertBefore(pointer, header);
})();
