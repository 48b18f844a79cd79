/* «Who to call»: the mentor's contacts (their manager, the Nav counsellor, the provider).
   The card on the guide's start page saves them as the reader types, in this browser
   only, under the store name "contacts" (assets/js/store.js; not in progress files);
   deleting asks first and can be undone while the page is open. The sheet on each
   checklist shows them, and prints them; empty cells print as lines to write on.
   Stored texts go into the page only as textContent and are only compared.
   Markup: overrides/partials/contacts.html (hooks/contacts.py). */
(function () {
  "use strict";

  var NAME = "contacts";
  var strings = {};
  var undoDelete = null; // what «Undo» puts back, for as long as the page is open

  function t(key) { return strings[key] || key; }
  function store() { return window.inklStore; }

  function readStrings() {
    var element = document.getElementById("__site-strings");
    try { strings = JSON.parse(element ? element.textContent : "{}"); } catch (error) { strings = {}; }
  }

  // The stored contacts: {leader?: {name?, phone?}, nav?: …, provider?: …} (checked by store.js).
  function stored() {
    var value = store() ? store().get(NAME) : null;
    return value || {};
  }

  // The text at "role.part" ("leader.name") in `data`, or "".
  function valueAt(data, path) {
    var parts = path.split("."), contact = Object.prototype.hasOwnProperty.call(data, parts[0]) ? data[parts[0]] : null;
    return contact && typeof contact[parts[1]] === "string" ? contact[parts[1]] : "";
  }

  // Every table on the page (the card's, a checklist's sheet) shows what is stored.
  function fillTables() {
    var data = stored();
    document.querySelectorAll("[data-contacts-value]").forEach(function (cell) {
      cell.textContent = valueAt(data, cell.getAttribute("data-contacts-value"));
    });
  }

  // -- the card ---------------------------------------------------------------------
  // The card's fields as a value to store: only what has text, one line each (a pasted
  // tab or line break becomes a space); null when nothing is written.
  function collect(card) {
    var data = { v: 1 }, any = false;
    card.querySelectorAll("[data-contacts-field]").forEach(function (input) {
      var parts = input.getAttribute("data-contacts-field").split(".");
      var text = input.value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
      if (!text) return;
      data[parts[0]] = data[parts[0]] || {};
      data[parts[0]][parts[1]] = text;
      any = true;
    });
    return any ? data : null;
  }

  function fillFields(card) {
    var data = stored();
    card.querySelectorAll("[data-contacts-field]").forEach(function (input) {
      input.value = valueAt(data, input.getAttribute("data-contacts-field"));
    });
  }

  function say(card, text) {
    var status = card.querySelector("[data-contacts-status]");
    if (status && status.textContent !== text) status.textContent = text; // the same words are not said again
  }

  function save(card) {
    var data = collect(card), ok = true;
    if (data) ok = store() ? store().set(NAME, data) : false;
    else if (store()) store().remove(NAME);
    say(card, t(ok ? "contacts.saved" : "contacts.failed"));
    fillTables();
  }

  // Delete: the site's confirm step (assets/js/site.js), then an undo button.
  function mountDelete(card) {
    var button = card.querySelector("[data-contacts-delete]");
    if (!button || !window.inklConfirmStep) return;
    var step = window.inklConfirmStep("kontakter-slett", {
      title: t("contacts.confirm.title"), about: t("contacts.confirm.about"),
      yes: t("contacts.confirm"), no: t("contacts.cancel")
    });
    var holder = button.parentElement;
    holder.insertAdjacentElement("afterend", step.element);
    var undo = document.createElement("p");
    undo.hidden = true;
    undo.innerHTML = '<button type="button" class="md-button"></button>';
    undo.firstChild.textContent = t("contacts.undo");
    step.element.insertAdjacentElement("afterend", undo);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", step.element.id);

    // state: "idle", "confirm" or "undo"
    function show(state) {
      button.setAttribute("aria-expanded", String(state === "confirm"));
      step.element.hidden = state !== "confirm";
      undo.hidden = state !== "undo";
    }
    function cancel() {
      show(undoDelete ? "undo" : "idle");
      button.focus();
    }
    button.addEventListener("click", function () {
      show("confirm");
      say(card, "");
      step.group.focus();
    });
    step.no.addEventListener("click", cancel);
    step.element.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); cancel(); }
    });
    step.yes.addEventListener("click", function () {
      var snapshot = store() ? store().removeAll(function (name) { return name === NAME; }) : null;
      if (snapshot === null) { show(undoDelete ? "undo" : "idle"); say(card, t("contacts.delete.failed")); button.focus(); return; }
      undoDelete = snapshot.length ? snapshot : null;
      fillFields(card);
      fillTables();
      show(undoDelete ? "undo" : "idle");
      say(card, t("contacts.deleted"));
      (undoDelete ? undo.firstChild : button).focus();
    });
    undo.firstChild.addEventListener("click", function () {
      if (!store().undo(undoDelete)) { say(card, t("contacts.undo.failed")); return; }
      undoDelete = null;
      fillFields(card);
      fillTables();
      show("idle");
      say(card, t("contacts.undone"));
      button.focus();
    });
    // Writing again after a delete: the undo would overwrite it, so it goes.
    card.addEventListener("input", function () {
      if (undoDelete) { undoDelete = null; show("idle"); }
    });
  }

  function mountCard(card) {
    if (card.dataset.contactsMounted) return;
    card.dataset.contactsMounted = "true";
    fillFields(card);
    card.querySelectorAll("[data-contacts-field]").forEach(function (input) {
      input.addEventListener("input", function () { save(card); });
    });
    mountDelete(card);
    card.querySelectorAll("[data-contacts-js]").forEach(function (part) { part.hidden = false; });
  }

  function mount() {
    readStrings();
    document.querySelectorAll("[data-contacts-card]").forEach(function (card) {
      try { mountCard(card); } catch (error) { if (window.console) console.error(error); }
    });
    fillTables();
  }

  // Written in another tab, or just before printing: the tables show what is stored now.
  window.addEventListener("storage", function () {
    fillTables();
    document.querySelectorAll("[data-contacts-card]").forEach(function (card) {
      if (!card.contains(document.activeElement)) fillFields(card);
    });
  });
  window.addEventListener("beforeprint", fillTables);

  if (window.document$) window.document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();
