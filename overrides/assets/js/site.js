/* Small site behaviour that Material does not have. Mounted on Material's
   document$ so that it runs again after each page change. */
(function () {
  "use strict";

  function siteStrings() {
    var element = document.getElementById("__site-strings");
    try {
      return JSON.parse(element ? element.textContent : "{}");
    } catch (error) {
      return {};
    }
  }

  // The privacy page's button deletes everything this site stored in this browser,
  // and nothing of other sites on the same origin (several GitHub Pages projects
  // share one): assets/js/store.js knows which keys are this site's. An undo button
  // puts it all back for as long as the page is open.
  function mountClearButtons() {
    var strings = siteStrings();
    document.querySelectorAll("[data-site-clear-storage]").forEach(function (button) {
      if (button.dataset.siteMounted) return;
      button.dataset.siteMounted = "true";
      var status = document.querySelector("[data-site-clear-status]");
      var undo = document.createElement("p");
      undo.hidden = true;
      undo.innerHTML = '<button type="button" class="md-button"></button>';
      undo.firstChild.textContent = strings["storage.undo"] || "";
      (status || button).insertAdjacentElement("afterend", undo);
      var snapshot = null;
      function say(text) { if (status) status.textContent = text || ""; }
      button.addEventListener("click", function () {
        var removed = window.inklStore ? window.inklStore.clearSite() : null;
        if (removed === null) { say(strings["storage.failed"]); return; }
        snapshot = removed.length ? removed : null;
        undo.hidden = !snapshot;
        say(strings["storage.cleared"]);
        if (snapshot) undo.firstChild.focus();
      });
      undo.firstChild.addEventListener("click", function () {
        if (!window.inklStore.undo(snapshot)) { say(strings["storage.undo.failed"]); return; }
        snapshot = null;
        undo.hidden = true;
        say(strings["storage.undone"]);
        button.focus();
      });
    });
  }

  // A wide table scrolls sideways inside Material's wrapper. Keyboard users can
  // only scroll what they can focus (axe: scrollable-region-focusable), so a
  // wrapper that scrolls becomes a named, focusable region.
  function focusableScrollingTables() {
    var strings = siteStrings();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", strings["table.scroll"] || "");
    });
  }

  // Facilitator view: notes for whoever leads a team session, hidden from other
  // readers. The choice is stored in this browser only, as "facilitator" through
  // assets/js/store.js; the head of every page (overrides/main.html) reads the same
  // key before drawing, so notes never flash.
  function setFacilitatorView(on) {
    document.documentElement.classList.toggle("inkl-facilitator", on);
    var store = window.inklStore;
    if (store) {  // storage blocked or missing: the view still changes on this page
      if (on) store.set("facilitator", "on");
      else store.remove("facilitator");
    }
    document.querySelectorAll("[data-facilitator-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
  }

  // Print buttons. data-print="some-id" prints only that part (one module's answer
  // key or sheet): what stands beside it is marked until the print dialog closes.
  function print(button) {
    var only = button.dataset.print ? document.getElementById(button.dataset.print) : null;
    var marked = [];
    if (only) {
      // Everything beside the part (the page's intro, the other parts) stays off paper.
      Array.prototype.forEach.call(only.parentElement.children, function (element) {
        if (element !== only) { element.classList.add("inkl-print-skip"); marked.push(element); }
      });
      only.classList.add("inkl-print-target");
      window.addEventListener("afterprint", function () {
        marked.forEach(function (element) { element.classList.remove("inkl-print-skip"); });
        only.classList.remove("inkl-print-target");
      }, { once: true });
    }
    window.print();
  }

  function mountTools() {
    var on = document.documentElement.classList.contains("inkl-facilitator");
    document.querySelectorAll("[data-facilitator-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
      if (button.dataset.siteMounted) return;
      button.dataset.siteMounted = "true";
      button.addEventListener("click", function () {
        setFacilitatorView(button.getAttribute("aria-pressed") !== "true");
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      if (button.dataset.siteMounted) return;
      button.dataset.siteMounted = "true";
      button.addEventListener("click", function () { print(button); });
    });
  }

  // Each part on its own: one that fails leaves the others working.
  function mount() {
    [mountClearButtons, focusableScrollingTables, mountTools].forEach(function (part) {
      try { part(); } catch (error) { if (window.console) console.error(error); }
    });
  }

  if (window.document$) {
    window.document$.subscribe(mount);
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
  window.addEventListener("resize", focusableScrollingTables);
})();
