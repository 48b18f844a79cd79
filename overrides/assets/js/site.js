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
  // share one): assets/js/store.js knows which keys are this site's. Like «Delete
  // progress» on the course overview (assets/js/course.js), it asks first in the page:
  // what goes, a link to save progress to a file on the course overview (written in
  // the page, data-site-clear-export, so that it leads to the page's language),
  // «Delete» and «Cancel» (Escape cancels). An undo button then puts it all back for
  // as long as the page is open.
  // One confirm step for every «delete» on the site (this page's button, a quiz's
  // reset): a named group with a title, what will go, and Yes / No buttons. The
  // caller places it, wires the buttons and moves focus. quiz.js uses it too.
  function confirmStep(id, texts) {
    var element = document.createElement("div");
    element.id = id;
    element.hidden = true;
    element.innerHTML =
      '<div class="admonition warning" role="group" tabindex="-1">' +
      '<p class="admonition-title"></p><p></p><p>' +
      '<button type="button" class="md-button md-button--primary"></button> ' +
      '<button type="button" class="md-button"></button></p></div>';
    var group = element.firstChild, parts = group.querySelectorAll("p"), buttons = group.querySelectorAll("button");
    parts[0].id = id + "-title";
    parts[0].textContent = texts.title || "";
    parts[1].id = id + "-about";
    parts[1].textContent = texts.about || "";
    group.setAttribute("aria-labelledby", parts[0].id);
    group.setAttribute("aria-describedby", parts[1].id);
    buttons[0].textContent = texts.yes || "";
    buttons[1].textContent = texts.no || "";
    return { element: element, group: group, yes: buttons[0], no: buttons[1] };
  }
  window.inklConfirmStep = confirmStep;

  function mountClearButtons() {
    var strings = siteStrings();
    document.querySelectorAll("[data-site-clear-storage]").forEach(function (button, index) {
      if (button.dataset.siteMounted) return;
      button.dataset.siteMounted = "true";
      var status = document.querySelector("[data-site-clear-status]");
      var base = "site-clear-" + index;

      var step = confirmStep(base + "-confirm", {
        title: strings["storage.confirm.title"], about: strings["storage.confirm.about"],
        yes: strings["storage.confirm"], no: strings["storage.cancel"],
      });
      var confirm = step.element, group = step.group, yes = step.yes, no = step.no;
      var texts = group.querySelectorAll("p");
      var holder = document.querySelector("[data-site-clear-export]");
      var exportLink = holder ? holder.querySelector("a") : null;
      if (exportLink) {
        texts[2].insertBefore(document.createTextNode(" "), texts[2].firstChild);
        texts[2].insertBefore(exportLink, texts[2].firstChild);
        holder.remove();
      }
      button.insertAdjacentElement("afterend", confirm);
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", confirm.id);

      var undo = document.createElement("p");
      undo.hidden = true;
      undo.innerHTML = '<button type="button" class="md-button"></button>';
      undo.firstChild.textContent = strings["storage.undo"] || "";
      (status || confirm).insertAdjacentElement("afterend", undo);

      var snapshot = null;
      function say(text) { if (status) status.textContent = text || ""; }
      // state: "idle", "confirm" or "undo"
      function show(state) {
        button.setAttribute("aria-expanded", String(state === "confirm"));
        confirm.hidden = state !== "confirm";
        undo.hidden = state !== "undo";
      }
      function cancel() {
        show(snapshot ? "undo" : "idle");
        button.focus();
      }
      button.addEventListener("click", function () {
        show("confirm");
        say("");
        (exportLink || yes).focus();
      });
      no.addEventListener("click", cancel);
      confirm.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); cancel(); }
      });
      yes.addEventListener("click", function () {
        var removed = window.inklStore ? window.inklStore.clearSite() : null;
        if (removed === null) { show(snapshot ? "undo" : "idle"); say(strings["storage.failed"]); button.focus(); return; }
        snapshot = removed.length ? removed : null;
        show(snapshot ? "undo" : "idle");
        say(strings["storage.cleared"]);
        (snapshot ? undo.firstChild : button).focus();
      });
      undo.firstChild.addEventListener("click", function () {
        if (!window.inklStore.undo(snapshot)) { say(strings["storage.undo.failed"]); return; }
        snapshot = null;
        show("idle");
        say(strings["storage.undone"]);
        button.focus();
      });
    });
  }

  // A wide table scrolls sideways inside Material's wrapper. Keyboard users can
  // only scroll what they can focus (axe: scrollable-region-focusable), so a
  // wrapper that scrolls becomes a named, focusable region. Every width is read
  // before any wrapper changes: a read after a change makes the browser lay the
  // page out again, once per table.
  function focusableScrollingTables() {
    var strings = siteStrings();
    var wide = Array.prototype.filter.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      return wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex");
    });
    wide.forEach(function (wrap) {
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
