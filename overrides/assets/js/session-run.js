/* Run a team session from its plan: a full-window layer (partials/session-run.html)
   with one step of the plan's time table at a time, its prompt and the section of
   the page its «Hva» links to (at the case, the module's case too), a countdown for
   the step, and the module's quiz in presenter mode at the quiz step. The table and the
   sections are copied from the page, the quiz from the module's page (quiz-from-page.js,
   fetched when the run opens): cloned or parsed nodes, never HTML from strings. State lives in this page
   only, and the step in the address (#run-plan-60-3) so a reload comes back to it:
   nothing is stored.

   Keys (not while the quiz presents; it has its own): → / PageDown next step,
   ← / PageUp previous, P or Space (focus not on a button) pause/resume, + one more
   minute, F facilitator view, Esc close. */
(function () {
  "use strict";

  var strings = {};
  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }

  function clock(seconds) {
    var whole = Math.max(0, Math.ceil(seconds));
    var minutes = Math.floor(whole / 60), rest = whole % 60;
    return (minutes < 10 ? "0" : "") + minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // A copy of page content fit to sit in the layer: no ids (they stay unique), no
  // heading anchors.
  function copied(node) {
    var copy = node.cloneNode(true);
    if (copy.nodeType !== 1) return copy;
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
    copy.querySelectorAll(".headerlink").forEach(function (element) { element.remove(); });
    return copy;
  }

  // The content of the page's h2 section `id`: what follows its heading, up to the next h2.
  function sectionContent(id) {
    var heading = document.getElementById(id);
    var parts = [];
    if (!heading || heading.tagName !== "H2") return parts;
    for (var node = heading.nextSibling; node && node.tagName !== "H2"; node = node.nextSibling) {
      if (node.nodeType === 1 && node.matches("table[data-session-plan], .inkl-run-open, .inkl-run, template")) continue;
      parts.push(node);
    }
    return parts;
  }

  function stepsOf(table) {
    return Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      var link = row.cells[1].querySelector('a[href^="#"]');
      return {
        minutes: parseInt(row.cells[0].textContent, 10) || 0,
        title: row.cells[1].textContent.trim(),
        how: row.cells[2],
        target: link ? link.getAttribute("href").slice(1) : null
      };
    });
  }

  function mount() {
    var view = document.querySelector("[data-session-run-view]");
    if (!view || view.dataset.runMounted) return;
    view.dataset.runMounted = "true";
    var element = document.getElementById("__site-strings");
    try { strings = JSON.parse(element ? element.textContent : "{}"); } catch (error) { strings = {}; }

    var home = view.parentNode, homeNext = view.nextSibling;
    var part = function (name) { return view.querySelector("[data-run-" + name + "]"); };
    var button = function (action) { return view.querySelector('[data-run-action="' + action + '"]'); };
    // The module's quiz, fetched from the module's page (quiz-from-page.js) when a run opens.
    var quizId = view.dataset.runQuiz, quizPage = view.dataset.runQuizPage;
    function fetchQuiz() {
      return quizId && quizPage && window.inklQuizFromPage
        ? window.inklQuizFromPage(quizPage, quizId)
        : Promise.reject(new Error("no quiz to fetch (quiz-from-page.js loaded?)"));
    }
    var run = null;  // the run now open: {steps, questions, index, left, running, opener, inert, quiz, upSaid}
    var ticker = null, last = 0;

    function render() {
      var left = run.left[run.index];
      var total = 0;
      for (var i = run.index; i < run.steps.length; i++) total += Math.max(0, run.left[i]);
      part("time").textContent = clock(left);
      part("total").textContent = t("run.total", { time: clock(total) });
      var up = left <= 0;
      view.classList.toggle("inkl-run--up", up);
      view.classList.toggle("inkl-run--paused", !run.running);
      part("state").textContent = up ? t("run.up") : (run.running ? "" : t("run.paused"));
      button("pause").textContent = t(run.running ? "run.pause" : "run.resume");
      if (up && !run.upSaid[run.index]) {
        run.upSaid[run.index] = true;
        say(t("run.up"));
      }
    }

    function say(text) {
      // Polite, and only on changes that matter (a step, time up), never each second.
      var live = part("live");
      live.textContent = "";
      window.setTimeout(function () { live.textContent = text; }, 50);
    }

    function tick() {
      var now = Date.now();
      if (run && run.running) run.left[run.index] -= (now - last) / 1000;
      last = now;
      if (run) render();
    }

    function stopQuiz() {
      if (!run.quiz) return;
      var quiz = run.quiz;
      run.quiz = null;
      run.presenting = false;
      quiz.dispatchEvent(new CustomEvent("inkl:present-stop"));
      quiz.remove();
    }

    function startQuiz(area) {
      var waiting = document.createElement("p");
      waiting.className = "inkl-run__quiz-state";
      waiting.textContent = t("run.quiz.loading");
      area.appendChild(waiting);
      var thisRun = run, step = run.index;
      fetchQuiz().then(function (quiz) {
        if (run !== thisRun || run.index !== step || !waiting.isConnected) return;  // the team has moved on
        waiting.replaceWith(quiz);
        run.quiz = quiz;
        var engine = window.inklQuiz;
        if (engine && typeof engine.init === "function") engine.init(quiz);
        // While the quiz presents, its keys are its own (it hands back at its ends).
        run.presenting = Boolean(engine);
        quiz.dispatchEvent(new CustomEvent("inkl:present", { detail: { questions: run.questions, embedded: true } }));
      }, function (error) {
        if (window.console) console.error(error);
        if (waiting.isConnected) waiting.textContent = t("run.quiz.failed");
      });
    }

    function show(index, focusTitle) {
      if (index < 0 || index >= run.steps.length) {
        if (index >= run.steps.length) say(t("run.end"));
        return;
      }
      stopQuiz();
      tick();  // the time so far counts for the step being left
      run.index = index;
      var step = run.steps[index];
      part("position").textContent = t("run.position", { n: index + 1, total: run.steps.length });
      part("title").textContent = step.title;
      part("minutes").textContent = t("run.minutes", { n: step.minutes });
      var prompt = part("prompt"), section = part("section");
      prompt.replaceChildren();
      Array.prototype.forEach.call(step.how.childNodes, function (node) { prompt.appendChild(copied(node)); });
      section.replaceChildren();
      view.classList.toggle("inkl-run--quiz", step.target === "quiz");
      if (step.target === "quiz") {
        startQuiz(section);
      } else if (step.target) {
        sectionContent(step.target).forEach(function (node) { section.appendChild(copied(node)); });
        // The module's own section of that id (its case), put in the page by the build.
        var fromModule = document.querySelector('template[data-run-module="' + step.target + '"]');
        if (fromModule) Array.prototype.forEach.call(fromModule.content.childNodes, function (node) { section.appendChild(copied(node)); });
      }
      part("body").scrollTop = 0;
      button("previous").disabled = index === 0;
      button("next").disabled = index === run.steps.length - 1;
      if (focusTitle || !view.contains(document.activeElement) || document.activeElement.disabled) {
        if (!run.presenting) part("title").focus();
      }
      say(t("run.announce", { n: index + 1, total: run.steps.length, title: step.title, minutes: step.minutes }));
      render();
      // The step in the address (not stored): a reload comes back to it.
      if (window.history.replaceState) history.replaceState(history.state, "", "#run-" + run.plan + "-" + (index + 1));
    }

    function setFacilitator(on) {
      // For this page only: the run view stores nothing (the page's own toggle does).
      document.documentElement.classList.toggle("inkl-facilitator", on);
      document.querySelectorAll("[data-facilitator-toggle], [data-run-action='facilitator']").forEach(function (toggle) {
        toggle.setAttribute("aria-pressed", String(on));
      });
    }

    function open(opener, start) {
      var table = document.querySelector('table[data-session-plan="' + opener.dataset.sessionRun + '"]');
      if (!table || run) return;
      var steps = stepsOf(table);
      var questions = opener.dataset.runQuestions ? opener.dataset.runQuestions.split(" ").map(Number) : null;
      run = {
        plan: opener.dataset.sessionRun, steps: steps, questions: questions, index: 0, running: true, opener: opener, quiz: null, presenting: false,
        left: steps.map(function (step) { return step.minutes * 60; }),
        upSaid: steps.map(function () { return false; }),
        inert: []
      };
      // The layer alone in the window: the rest of the page cannot be reached.
      document.body.appendChild(view);
      Array.prototype.forEach.call(document.body.children, function (child) {
        if (child !== view && !child.inert) { child.inert = true; run.inert.push(child); }
      });
      document.documentElement.classList.add("inkl-run-on");
      view.hidden = false;
      button("facilitator").setAttribute("aria-pressed", String(document.documentElement.classList.contains("inkl-facilitator")));
      last = Date.now();
      ticker = window.setInterval(tick, 250);
      fetchQuiz().catch(function () { /* said at the quiz step */ });  // ready before the quiz step
      show(Math.min(Math.max(start || 0, 0), steps.length - 1), true);
    }

    function close() {
      if (!run) return;
      stopQuiz();
      window.clearInterval(ticker);
      view.hidden = true;
      run.inert.forEach(function (child) { child.inert = false; });
      document.documentElement.classList.remove("inkl-run-on");
      home.insertBefore(view, homeNext && homeNext.parentNode === home ? homeNext : null);
      var opener = run.opener;
      run = null;
      if (window.history.replaceState) history.replaceState(history.state, "", location.pathname + location.search);
      opener.focus();
    }

    function act(action) {
      if (!run) return;
      switch (action) {
        case "next": show(run.index + 1); break;
        case "previous": show(run.index - 1); break;
        case "pause": tick(); run.running = !run.running; render(); break;
        case "extend": tick(); run.left[run.index] = Math.max(0, run.left[run.index]) + 60; run.upSaid[run.index] = false; render(); break;
        case "facilitator": setFacilitator(!document.documentElement.classList.contains("inkl-facilitator")); break;
        case "close": close(); break;
      }
    }

    document.querySelectorAll("[data-session-run]").forEach(function (opener) {
      opener.addEventListener("click", function () { open(opener); });
    });
    // Reloaded during a session (#run-plan-60-3): back to that step, its time from the start.
    var address = /^#run-(plan-\d+)-(\d+)$/.exec(location.hash);
    var again = address && document.querySelector('[data-session-run="' + address[1] + '"]');
    if (again) open(again, Number(address[2]) - 1);
    view.addEventListener("click", function (event) {
      var control = event.target.closest("[data-run-action]");
      if (control) act(control.dataset.runAction);
    });
    // The quiz asks to leave at its ends (its own keys): move on, back, or close.
    view.addEventListener("inkl:present-leave", function (event) {
      if (!run) return;
      var direction = event.detail && event.detail.direction;
      run.presenting = false;
      if (direction === "next") show(run.index + 1, true);
      else if (direction === "back") show(run.index - 1, true);
      else if (direction === "exit") close();
    });
    document.addEventListener("keydown", function (event) {
      if (!run) return;
      // The page behind is out of reach: Material's shortcuts (n, p, s, /), which
      // listen on window, must not act on it (the quiz's own keys listen on document).
      event.stopPropagation();
      if (event.defaultPrevented || run.presenting) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
      var onControl = target.closest && target.closest("button, a, summary");
      var action = {
        ArrowRight: "next", PageDown: "next", ArrowLeft: "previous", PageUp: "previous", Escape: "close",
        p: "pause", P: "pause", "+": "extend", f: "facilitator", F: "facilitator"
      }[event.key];
      if (event.key === " " && !onControl) action = "pause";
      if (!action) return;
      event.preventDefault();
      act(action);
    });
  }

  if (window.document$) window.document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();
