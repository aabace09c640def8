// Progressive enhancement: on wide screens the filter panel starts open; phones keep it folded.
(function () {
  var panel = document.querySelector(".filter-panel");
  if (panel && window.matchMedia("(min-width: 60rem)").matches) {
    panel.open = true;
  }
})();
