/* Switching language keeps the reader's place on the page. Both languages of a page
   have the same headings in the same order (their ids may differ), so the place is
   the number of the heading the reader is in: kept for one page load through
   assets/js/store.js ("language.place", this tab only) and scrolled to on the page in
   the other language. Without this script the switch opens the page at its top. */
(function () {
  "use strict";

  var HEADINGS = ".md-content__inner h1, .md-content__inner h2[id], .md-content__inner h3[id]";

  function store() { return window.inklStore; }

  // The headings the reader can see (a module page also holds its printed sheet,
  // hidden on screen).
  function headings() {
    return Array.prototype.filter.call(document.querySelectorAll(HEADINGS), function (heading) {
      return heading.getClientRects().length > 0;
    });
  }

  // The heading the reader is in: the last one that starts above the middle of the
  // top third of the window (below the fixed header).
  function currentHeading() {
    var line = window.innerHeight / 6 + 60;
    var found = -1;
    headings().forEach(function (heading, index) {
      if (heading.getBoundingClientRect().top <= line) found = index;
    });
    return found;
  }

  function remember(event) {
    var link = event.target.closest("a.md-select__link[hreflang]");
    if (!link || !store() || link.hreflang === document.documentElement.lang) return;
    var heading = currentHeading();
    if (heading <= 0) { store().remove("language.place"); return; } // at the top: nothing to keep
    store().set("language.place", { path: new URL(link.href, location.href).pathname, heading: heading });
  }

  function restore() {
    if (!store()) return;
    var place = store().get("language.place");
    if (!place) return;
    store().remove("language.place");
    if (place.path !== location.pathname || location.hash) return;
    var heading = headings()[place.heading];
    if (!heading) return;
    if (heading.id) history.replaceState(history.state, "", "#" + heading.id);
    heading.scrollIntoView();
  }

  document.addEventListener("click", remember);
  // After the page's other scripts have shown their parts (status, ticks, tools), which
  // would otherwise push the heading down after the scroll.
  if (document.readyState === "complete") setTimeout(restore, 0);
  else window.addEventListener("load", function () { setTimeout(restore, 0); });
})();
