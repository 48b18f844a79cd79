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

  // Delete only what this site stored: its own keys start with "inkl.", and
  // Material's start with the site's path (__md_scope). Other sites on the same
  // origin (several GitHub Pages projects share one) keep their data.
  function isSiteKey(key) {
    var scope = window.__md_scope ? window.__md_scope.pathname + "." : null;
    return key.indexOf("inkl.") === 0 || (scope !== null && key.indexOf(scope) === 0);
  }

  function clearSiteStorage() {
    [window.localStorage, window.sessionStorage].forEach(function (store) {
      Object.keys(store).filter(isSiteKey).forEach(function (key) {
        store.removeItem(key);
      });
    });
  }

  function mountClearButtons() {
    var strings = siteStrings();
    document.querySelectorAll("[data-site-clear-storage]").forEach(function (button) {
      if (button.dataset.siteMounted) return;
      button.dataset.siteMounted = "true";
      button.addEventListener("click", function () {
        var message = strings["storage.cleared"];
        try {
          clearSiteStorage();
        } catch (error) {
          message = strings["storage.failed"];
        }
        var status = document.querySelector("[data-site-clear-status]");
        if (status) status.textContent = message;
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
  // readers. The choice is stored in this browser only; the head of every page
  // (overrides/main.html) reads it before drawing, so notes never flash.
  var FACILITATOR_KEY = "inkl.facilitator";

  function setFacilitatorView(on) {
    document.documentElement.classList.toggle("inkl-facilitator", on);
    try {
      if (on) localStorage.setItem(FACILITATOR_KEY, "on");
      else localStorage.removeItem(FACILITATOR_KEY);
    } catch (error) { /* storage blocked: the view still changes on this page */ }
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

  function mount() {
    mountClearButtons();
    focusableScrollingTables();
    mountTools();
  }

  if (window.document$) {
    window.document$.subscribe(mount);
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
  window.addEventListener("resize", focusableScrollingTables);
})();
