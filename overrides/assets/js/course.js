/* The course: each module's status from the reader's quiz progress, progress to and
   from a file, deleting it (with a confirm step and an undo), and the completion
   summary. Everything stays in this browser, read and written only through
   assets/js/store.js (quiz progress is "quiz.<quiz id>", written by quiz.js).
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

  // What «Delete progress» deletes: the quizzes' answers and notes, and the name.
  // The facilitator view is a display setting and stays.
  function isProgress(name) { return name.indexOf("quiz.") === 0 || name === "course.name"; }

  function quizData(quizId) {
    return store() ? store().get("quiz." + quizId) : null;
  }

  function status(quizId) {
    var data = quizData(quizId);
    if (data && data.done) return "done";
    if (data && Object.keys(data.answers).length) return "started";
    return "todo";
  }

  function showStatuses() {
    document.querySelectorAll("[data-course-status]").forEach(function (element) {
      var state = status(element.dataset.courseStatus);
      element.dataset.state = state;
      element.textContent = t("course.status." + state);
    });
    // «You are here»: the module page the reader came from, marked in the task list.
    var here = store() ? store().get("course.here") : null;
    document.querySelectorAll("[data-course-tasks] a").forEach(function (link) {
      var mark = link.querySelector(".inkl-tasks__here");
      if (link.pathname === here && !mark) {
        link.setAttribute("aria-current", "step");
        mark = document.createElement("span");
        mark.className = "inkl-tasks__here";
        mark.textContent = " (" + t("course.status.here").toLowerCase() + ")";
        link.appendChild(mark);
      }
    });
  }

  function message(text) {
    var element = document.querySelector("[data-course-message]");
    if (element) element.textContent = text;
  }

  // -- export and import ----------------------------------------------------------
  function exportProgress() {
    var data = store().exportFile();
    var name = "inkl-fremdrift-" + data.saved.slice(0, 10) + ".json";
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
  function showCompletion() {
    var box = document.querySelector("[data-course-completion]");
    if (!box) return;
    var cells = box.querySelectorAll("[data-course-date]");
    var done = Array.prototype.every.call(cells, function (cell) {
      var data = quizData(cell.dataset.courseDate);
      var date = data && data.done ? new Date(data.done) : null;
      cell.textContent = date && !isNaN(date) ? date.toLocaleDateString(document.documentElement.lang) : "";
      return Boolean(date);
    });
    box.querySelector("[data-course-missing]").hidden = done;
    box.querySelector("[data-course-summary]").hidden = !done;
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
    guarded(showCompletion);
  }

  function mountTools() {
    if (!store()) return; // without the store, nothing to save, load or delete
    document.querySelectorAll("[data-course-js]").forEach(function (part) { part.hidden = false; });
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
    guarded(function () {
      if (store() && document.querySelector("h1#modul")) store().set("course.here", location.pathname);
    });
    refresh();
    guarded(mountTools);
    // A quiz checked on this page changes the module's status.
    if (!listening) {
      listening = true;
      document.addEventListener("click", function (event) {
        if (event.target.closest("[data-quiz-action]")) setTimeout(refresh, 0);
      });
    }
  }

  if (window.document$) window.document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();
