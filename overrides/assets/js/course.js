/* The course: each module's status from the reader's quiz answers, the reader's ticks
   for reading a module and doing its workplace challenge, progress to and from a
   file, deleting it (with a confirm step and an undo), and the completion page.
   Everything stays in this browser, read and written only through assets/js/store.js
   (quiz progress is "quiz.<quiz id>", written by quiz.js; the ticks are "course.ticks").
   Stored values are only compared and counted, never put into HTML or a selector.
   Each part is mounted on its own, so one that fails leaves the others working. */
(function () {
  "use strict";

  var strings = {};
  var undoDelete = null; // what "Undo" puts back, for as long as the page is open

  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function store() { return window.inklStore; }

  function guarded(part) {
    try { part(); } catch (error) { if (window.console) console.error(error); }
  }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // What «Delete progress» deletes: the quizzes' answers and notes, the ticks, the
  // review list and the name. The facilitator view is a display setting and stays.
  function isProgress(name) {
    return name.indexOf("quiz.") === 0 || name === "course.name" || name === "course.ticks" || name === "review";
  }

  // Team mode (?team=1, or the quiz's team button) stores nothing: no ticks, no place.
  function teamMode() {
    return new URLSearchParams(location.search).get("team") === "1" || Boolean(document.querySelector(".inkl-quiz--team"));
  }

  // -- days ----------------------------------------------------------------------------
  function pad(number) { return (number < 10 ? "0" : "") + number; }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // A stored day ("YYYY-MM-DD…") in the page's language, the month in words:
  // «2. desember 2026» on bokmål pages, «2 December 2026» on English ones.
  function formatDay(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof value === "string" ? value : "");
    if (!parts) return "";
    var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
    if (isNaN(date.getTime())) return "";
    var locale = (document.documentElement.lang || "").toLowerCase().indexOf("en") === 0 ? "en-GB" : "nb-NO";
    return date.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
  }

  // -- a module's status ------------------------------------------------------------------
  // The reader's ticks: {<quiz id>: {read?: day, challenge?: day}}.
  function allTicks() {
    var data = store() ? store().get("course.ticks") : null;
    return data ? data.modules : {};
  }

  function ticksOf(quizId) {
    var ticks = allTicks();
    return own(ticks, quizId) ? ticks[quizId] : {};
  }

  // Tick or untick one box; false if the browser refused.
  function setTick(quizId, kind, on) {
    var data = store().get("course.ticks") || { v: 1, modules: {} };
    var mine = own(data.modules, quizId) ? data.modules[quizId] : {};
    if (on) mine[kind] = mine[kind] || today();
    else delete mine[kind];
    if (Object.keys(mine).length) data.modules[quizId] = mine;
    else delete data.modules[quizId];
    if (Object.keys(data.modules).length) return store().set("course.ticks", data);
    store().remove("course.ticks");
    return true;
  }

  // The status of the module whose status element this is: the element names the quiz
  // (data-course-status), its scored questions (data-course-scored, from the build) and
  // the mastery threshold in percent (data-mastery, sitekit.course.MASTERY_PERCENT).
  // Right answers are counted among the scored questions only. «mastered» once right /
  // scored reaches the threshold, or once quiz.js has noted the day it did (`mastered`);
  // «checked» when every scored question is checked; «started» with any answer or tick.
  function moduleStatus(element) {
    var quizId = element.dataset.courseStatus;
    var scored = (element.dataset.courseScored || "").split(" ").filter(Boolean);
    var mastery = Number(element.dataset.mastery);
    var data = store() ? store().get("quiz." + quizId) : null;
    var answers = data ? data.answers : {};
    var right = 0, checked = 0;
    scored.forEach(function (id) {
      var answer = own(answers, id) ? answers[id] : null;
      if (answer && answer.checked) {
        checked += 1;
        if (answer.right === true) right += 1;
      }
    });
    var total = scored.length;
    var reached = total > 0 && mastery > 0 && right * 100 >= mastery * total;
    var state = "todo";
    if (reached || (data && data.mastered)) state = "mastered";
    else if (total > 0 && checked === total) state = "checked";
    else if ((data && Object.keys(answers).length) || Object.keys(ticksOf(quizId)).length) state = "started";
    // The day it was mastered: quiz.js's note, or (until every quiz.js writes one) the day
    // every scored question was checked. Only a mastered module has a day.
    var day = state === "mastered" && data ? data.mastered || data.done || "" : "";
    return { quiz: quizId, state: state, right: right, total: total, day: day };
  }

  function statusText(status) {
    return t("course.status." + status.state, { right: status.right, total: status.total });
  }

  function showStatuses() {
    document.querySelectorAll("[data-course-status]").forEach(function (element) {
      var status = moduleStatus(element);
      element.dataset.state = status.state;
      element.textContent = statusText(status);
    });
    // On the overview, the module the reader opened last in this tab («last opened»).
    // The page the reader is on is marked by the build («you are here»).
    var last = store() ? store().get("course.here") : null;
    document.querySelectorAll("li[data-course-module]").forEach(function (item) {
      var mark = item.querySelector("[data-course-last]");
      if (mark) mark.hidden = item.dataset.courseModule !== last;
    });
  }

  function showTicks() {
    var team = teamMode();
    document.querySelectorAll(".inkl-tick").forEach(function (box) { box.hidden = team || !store(); });
    document.querySelectorAll("input[data-course-tick]").forEach(function (input) {
      var ticks = ticksOf(input.dataset.courseModule), kind = input.dataset.courseTick;
      var day = own(ticks, kind) ? ticks[kind] : null;
      input.checked = Boolean(day);
      var shown = input.parentNode.querySelector("[data-course-tick-date]");
      if (shown) shown.textContent = day ? t("course.tick.date", { date: formatDay(day) }) : "";
    });
    document.querySelectorAll("[data-course-tick-shown]").forEach(function (cell) {
      var ticks = ticksOf(cell.dataset.courseModule), kind = cell.dataset.courseTickShown;
      cell.textContent = own(ticks, kind) ? formatDay(ticks[kind]) : t("course.tick.no");
    });
  }

  function tickChanged(input) {
    if (!store() || teamMode()) { input.checked = !input.checked; return; }
    if (!setTick(input.dataset.courseModule, input.dataset.courseTick, input.checked)) input.checked = !input.checked;
    refresh();
  }

  function message(text) {
    var element = document.querySelector("[data-course-message]");
    if (element) element.textContent = text;
  }

  // -- export and import ----------------------------------------------------------
  function exportProgress() {
    var data = store().exportFile();
    var name = t("course.export.file", { date: today() }); // in the page's language, the reader's day
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    message(t("course.exported", { file: name }));
  }

  function importFailed(text) {
    message(text + " " + t("course.import.unchanged"));
  }

  // The whole file is read and checked before anything is written; then all of it
  // is written, or (if the browser refuses one entry) none of it.
  function importProgress(file) {
    if (file.size > store().maxFileBytes) {
      importFailed(t("course.import.too-big", { size: Math.ceil(file.size / 1024) + " KB" }));
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () { importFailed(t("course.import.failed")); };
    reader.onload = function () {
      var checked = store().checkFile(String(reader.result));
      if (checked.error === "json") return importFailed(t("course.import.failed"));
      if (checked.error === "site") return importFailed(t("course.import.not-ours"));
      if (checked.error === "newer") return importFailed(t("course.import.newer", { version: checked.version }));
      if (checked.error === "version") return importFailed(t("course.import.version", { version: checked.version }));
      if (checked.error === "entry") {
        var entry = checked.entry.length > 60 ? checked.entry.slice(0, 60) + "…" : checked.entry;
        return importFailed(t("course.import.entry", { entry: entry }));
      }
      if (!store().importItems(checked.items)) return importFailed(t("course.import.write-failed"));
      message(t("course.imported", { count: checked.items.length }));
      refresh();
    };
    reader.readAsText(file);
  }

  // -- delete: a confirm step, then an undo ----------------------------------------
  function deleteParts() {
    return {
      button: document.querySelector('[data-course-action="delete"]'),
      confirm: document.querySelector("[data-course-confirm]"),
      undo: document.querySelector("[data-course-undo]")
    };
  }

  // state: "idle", "confirm" or "undo"
  function showDelete(state) {
    var parts = deleteParts();
    if (!parts.button || !parts.confirm || !parts.undo) return parts;
    parts.button.setAttribute("aria-expanded", String(state === "confirm"));
    parts.confirm.hidden = state !== "confirm";
    parts.undo.hidden = state !== "undo";
    return parts;
  }

  function deleteAction(action) {
    var parts;
    if (action === "delete") {
      parts = showDelete("confirm");
      message("");
      parts.confirm.querySelector("[tabindex]").focus();
    } else if (action === "delete-cancel") {
      showDelete(undoDelete ? "undo" : "idle").button.focus();
    } else if (action === "delete-confirm") {
      var snapshot = store().removeAll(isProgress);
      if (snapshot === null) { showDelete("idle"); message(t("course.delete.failed")); return; }
      undoDelete = snapshot.length ? snapshot : null;
      parts = showDelete(undoDelete ? "undo" : "idle");
      message(t("course.deleted"));
      refresh();
      (undoDelete ? parts.undo.querySelector("button") : parts.button).focus();
    } else if (action === "delete-undo") {
      if (!store().undo(undoDelete)) { message(t("course.undo.failed")); return; }
      undoDelete = null;
      parts = showDelete("idle");
      message(t("course.undone"));
      refresh();
      parts.button.focus();
    }
  }

  // -- the completion page ----------------------------------------------------------
  // What is left, grouped by kind (a kind left in every module says so in one sentence),
  // and the sheet: each module's status and score, the day it was mastered, the ticks.
  function showCompletion() {
    var box = document.querySelector("[data-course-completion]");
    if (!box) return;
    var left = { quiz: [], read: [], challenge: [] }, count = 0;
    box.querySelectorAll("[data-course-summary] [data-course-status]").forEach(function (element) {
      var status = moduleStatus(element), ticks = ticksOf(status.quiz);
      count += 1;
      if (status.state !== "mastered") left.quiz.push(status.quiz);
      if (!own(ticks, "read")) left.read.push(status.quiz);
      if (!own(ticks, "challenge")) left.challenge.push(status.quiz);
      var day = element.parentNode.querySelector("[data-course-date]");
      if (day) day.textContent = status.day ? formatDay(status.day) : "";
    });
    var nothingLeft = true;
    Object.keys(left).forEach(function (kind) {
      var part = box.querySelector('[data-course-left-kind="' + kind + '"]'); // kind: one of the three above
      if (!part) return;
      var all = left[kind].length === count;
      part.hidden = left[kind].length === 0;
      if (left[kind].length) nothingLeft = false;
      part.querySelector("[data-course-left-all]").hidden = !all;
      part.querySelectorAll("[data-course-left-some]").forEach(function (some) { some.hidden = all; });
      part.querySelectorAll("[data-course-left-module]").forEach(function (item) {
        item.hidden = left[kind].indexOf(item.dataset.courseLeftModule) < 0;
      });
    });
    box.querySelector("[data-course-left-none]").hidden = !nothingLeft;

    var input = box.querySelector("[data-course-name]");
    var shown = box.querySelector("[data-course-name-shown]");
    input.value = (store() && store().get("course.name")) || "";
    shown.textContent = input.value;
    input.maxLength = 200;
    input.oninput = function () {
      shown.textContent = input.value;
      if (!store()) return;
      if (input.value) store().set("course.name", input.value);
      else store().remove("course.name");
    };
  }

  function refresh() {
    guarded(showStatuses);
    guarded(showTicks);
    guarded(showCompletion);
  }

  function mountTools() {
    if (!store()) return; // without the store, nothing to show, save, load or delete
    document.querySelectorAll("[data-course-js]").forEach(function (part) { part.hidden = false; });
    document.querySelectorAll("[data-course-nojs]").forEach(function (part) { part.hidden = true; });
    var input = document.querySelector("[data-course-import]");
    if (input) input.onchange = function () { if (input.files[0]) importProgress(input.files[0]); input.value = ""; };
    document.querySelectorAll("[data-course-action]").forEach(function (button) {
      button.onclick = function () {
        var action = button.dataset.courseAction;
        if (action === "export") exportProgress();
        else if (action === "print") window.print();
        else deleteAction(action);
      };
    });
    var confirm = document.querySelector("[data-course-confirm]");
    if (confirm) confirm.onkeydown = function (event) { if (event.key === "Escape") deleteAction("delete-cancel"); };
  }

  var listening = false;

  function mount() {
    var element = document.getElementById("__site-strings");
    try { strings = JSON.parse(element ? element.textContent : "{}"); } catch (error) { strings = {}; }
    // A module page: remember it as the module opened last in this tab (its quiz id, the
    // same in both languages), for «last opened» on the overview.
    guarded(function () {
      var place = document.querySelector(".inkl-module__place [data-course-status]");
      if (store() && place && !teamMode()) store().set("course.here", place.dataset.courseStatus);
    });
    guarded(mountTools);
    refresh();
    if (!listening) {
      listening = true;
      // A quiz checked, retried or reset on this page changes the module's status;
      // so does team mode (no ticks in it).
      document.addEventListener("click", function (event) {
        if (event.target.closest && event.target.closest("[data-quiz-action]")) setTimeout(refresh, 0);
      });
      document.addEventListener("inkl:quiz-checked", function () { setTimeout(refresh, 0); });
      document.addEventListener("change", function (event) {
        if (event.target.matches && event.target.matches("input[data-course-tick]")) tickChanged(event.target);
      });
      // Back to a page kept in the browser's cache, or a change made in another tab.
      window.addEventListener("pageshow", function (event) { if (event.persisted) refresh(); });
      window.addEventListener("storage", function () { refresh(); });
    }
  }

  if (window.document$) window.document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();
