/* The course: each module's status from the reader's quiz progress, progress to and
   from a file, and the completion summary. Everything stays in this browser.
   Quiz progress is stored by assets/js/quiz.js under "inkl.quiz.<quiz id>". */
(function () {
  "use strict";

  var PREFIX = "inkl.";
  var strings = {};

  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function quizData(quizId) {
    try {
      var data = JSON.parse(localStorage.getItem(PREFIX + "quiz." + quizId));
      return data && data.v === 1 && data.answers ? data : null;
    } catch (error) { return null; }
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
    var here = sessionStorage.getItem(PREFIX + "course.here");
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

  function siteKeys() {
    return Object.keys(localStorage).filter(function (key) { return key.indexOf(PREFIX) === 0; });
  }

  function message(text) {
    var element = document.querySelector("[data-course-message]");
    if (element) element.textContent = text;
  }

  function exportProgress() {
    var data = { site: "inkl", v: 1, saved: new Date().toISOString(), items: {} };
    siteKeys().forEach(function (key) { data.items[key] = localStorage.getItem(key); });
    var name = "inkl-fremdrift-" + data.saved.slice(0, 10) + ".json";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    message(t("course.exported", { file: name }));
  }

  // Only this site's keys, with text values, from a file this site wrote.
  function importProgress(file) {
    var reader = new FileReader();
    reader.onload = function () {
      try {
        var data = JSON.parse(reader.result);
        if (!data || data.site !== "inkl" || typeof data.items !== "object") throw new Error("not ours");
        Object.keys(data.items).forEach(function (key) {
          if (key.indexOf(PREFIX) === 0 && typeof data.items[key] === "string") localStorage.setItem(key, data.items[key]);
        });
        message(t("course.imported"));
        refresh();
      } catch (error) {
        message(t("course.import.failed"));
      }
    };
    reader.readAsText(file);
  }

  function showCompletion() {
    var box = document.querySelector("[data-course-completion]");
    if (!box) return;
    var cells = box.querySelectorAll("[data-course-date]");
    var done = Array.prototype.every.call(cells, function (cell) {
      var data = quizData(cell.dataset.courseDate);
      cell.textContent = data && data.done ? new Date(data.done).toLocaleDateString(document.documentElement.lang) : "";
      return Boolean(data && data.done);
    });
    box.querySelector("[data-course-missing]").hidden = done;
    box.querySelector("[data-course-summary]").hidden = !done;
    var input = box.querySelector("[data-course-name]");
    var shown = box.querySelector("[data-course-name-shown]");
    input.value = localStorage.getItem(PREFIX + "course.name") || "";
    shown.textContent = input.value;
    input.oninput = function () {
      shown.textContent = input.value;
      localStorage.setItem(PREFIX + "course.name", input.value);
    };
  }

  function refresh() {
    showStatuses();
    showCompletion();
  }

  function mount() {
    var element = document.getElementById("__site-strings");
    try { strings = JSON.parse(element ? element.textContent : "{}"); } catch (error) { strings = {}; }
    document.querySelectorAll("[data-course-js]").forEach(function (part) { part.hidden = false; });
    if (document.querySelector("h1#modul")) sessionStorage.setItem(PREFIX + "course.here", location.pathname);
    refresh();
    var input = document.querySelector("[data-course-import]");
    if (input) input.onchange = function () { if (input.files[0]) importProgress(input.files[0]); input.value = ""; };
    document.querySelectorAll("[data-course-action]").forEach(function (button) {
      button.onclick = function () {
        var action = button.dataset.courseAction;
        if (action === "export") exportProgress();
        if (action === "print") window.print();
        if (action === "delete") {
          siteKeys().forEach(function (key) { localStorage.removeItem(key); });
          message(t("course.deleted"));
          refresh();
        }
      };
    });
    // A quiz checked on this page changes the module's status.
    document.addEventListener("click", function (event) {
      if (event.target.closest("[data-quiz-action]")) setTimeout(refresh, 0);
    });
  }

  if (window.document$) window.document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();
