/* Self-check quizzes: checking, feedback, how sure the reader was, score,
   progress and team mode. The page works without this script (answers open in
   <details>); this only enhances it. Progress is kept through assets/js/store.js
   under the name "quiz.<quiz id>", keyed by question id, never by URL, so it
   follows the reader across languages. A stored value is only ever compared, never
   put into a selector or into HTML. Mounted on Material's document$ so that it runs
   again after page changes; each quiz is mounted on its own, so one that fails
   leaves the others working.

   After every check of a scored question the quiz's <section> gets the event
   "inkl:quiz-checked" (it bubbles), detail {quiz, question, right, sure, team}.
   A quiz marked data-quiz-review (the review page) is mounted the same way, but
   nothing is read from or kept under "quiz.<quiz id>", and it has no delete or
   team button: assets/js/review.js keeps its state and shows the questions due.
   Outside team mode this script never hides or shows a question.

   Team mode is shown as presenter mode: one question at a time in a layer that fills
   the window (the rest of the page hidden and inert, nothing stored, no «how sure», no
   delete), from the quiz's team button or an address with ?team=1 (#quiz-<id> picks
   the quiz). Keys while presenting (a document keydown listener, which calls
   preventDefault() on every key it acts on): → / PageDown next question, ← / PageUp
   previous, Space / Enter show the answer (not on a button, option, link or text
   field, where they keep their own meaning), Esc leaves (focus back to the team button).

   API for a caller such as the session plan's run view:
   - Start: quizElement.dispatchEvent(new CustomEvent("inkl:present",
       {detail: {questions: [3, 5, 6, 7] | null, embedded: true}}))
     questions: 1-based positions in the quiz (null: all); the position reads «1 / 4»
     over the subset. embedded: the caller already shows a full-window layer, so the
     quiz presents in place (same sizes and keys; no layer, no inert, no Esc of its own).
   - Embedded, the quiz asks to leave with a bubbling "inkl:present-leave" on its
     element, detail {direction: "next" | "back" | "exit"}: → / PageDown (or its Next
     button) on the last question, ← / PageUp on the first, Esc. On its own layer it
     stays on the last / first question and Esc leaves.
   - Stop quietly: quizElement.dispatchEvent(new CustomEvent("inkl:present-stop")).
   - A quiz added to the page later (cloned from a <template>) is mounted with
     window.inklQuiz.init(element) before the first "inkl:present". */
(function () {
  "use strict";

  var VERSION = 1;
  var SURE = ["sure", "unsure", "guess"];
  var strings = {};

  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  // -- storage, through assets/js/store.js: a stored value that is unreadable, from
  // another version or of the wrong shape is dropped there, never an error.
  // Without store.js nothing is kept.
  var NO_STORE = {
    get: function () { return null; }, set: function () { return false; },
    removeAll: function () { return null; }, undo: function () { return false; }
  };
  function store() { return window.inklStore || NO_STORE; }
  function storeName(quizId) { return "quiz." + quizId; }

  function empty() { return { v: VERSION, answers: {} }; }

  function load(quiz) {
    if (quiz.review) return empty(); // the review page keeps its own state (review.js)
    return store().get(storeName(quiz.id)) || empty();
  }

  function save(quiz, data) {
    if (quiz.team || quiz.review) return; // team mode stores nothing; review.js stores the review
    store().set(storeName(quiz.id), data);
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  // The right answer: base64 of JSON, reversed (see hooks/sitekit/quizzes.py).
  function key(question) {
    try {
      return JSON.parse(atob(question.dataset.key.split("").reverse().join(""))).a;
    } catch (error) { return null; }
  }

  // The answer's own controls: those in the question's fieldset, not the «how sure» group.
  var ANSWER = ":scope > fieldset:not([data-quiz-sure]) ";
  function answerControls(question, kind) {
    return question.querySelectorAll(ANSWER + kind);
  }

  function optionValues(question) {
    return Array.prototype.map.call(answerControls(question, "input"), function (input) { return input.value; });
  }

  // -- how sure the reader is: "sure", "unsure", "guess" or null (not said)
  function sureOf(question) {
    var chosen = null;
    question.querySelectorAll("[data-quiz-sure] input").forEach(function (input) {
      if (input.checked && SURE.indexOf(input.value) >= 0) chosen = input.value;
    });
    return chosen;
  }

  function restoreSure(question, sure) {
    question.querySelectorAll("[data-quiz-sure] input").forEach(function (input) {
      input.checked = input.value === sure;
    });
  }

  // Said before checking: once the answer is checked, it stays as it was until «Try again».
  function lockSure(question, locked) {
    var group = question.querySelector("[data-quiz-sure]");
    if (group) group.disabled = locked;
  }

  // Does a stored value fit this question (its type's shape, options it has)?
  // Anything else, from an old quiz or an edited file, counts as no answer.
  function fits(question, value) {
    if (value === null || value === undefined) return false;
    var options = optionValues(question);
    switch (question.dataset.type) {
      case "reflection": return typeof value === "string";
      case "truefalse": return value === "true" || value === "false";
      case "single": return typeof value === "string" && options.indexOf(value) >= 0;
      case "multiple":
        return Array.isArray(value) && value.every(function (n) { return options.indexOf(String(n)) >= 0; });
      case "order":
        var places = answerControls(question, "select").length;
        return Array.isArray(value) && value.length === places && value.every(function (n) {
          return n === null || (typeof n === "number" && n >= 1 && n <= places);
        });
    }
    return false;
  }

  // -- reading and restoring a question's answer
  function valueOf(question) {
    var type = question.dataset.type;
    if (type === "reflection") return question.querySelector("textarea").value;
    if (type === "order") {
      return Array.prototype.map.call(answerControls(question, "select"), function (select) {
        return select.value ? Number(select.value) : null;
      });
    }
    var chosen = Array.prototype.filter.call(answerControls(question, "input"), function (input) {
      return input.checked;
    }).map(function (input) { return input.value; });
    if (type === "multiple") return chosen.map(Number);
    return chosen.length ? chosen[0] : null;
  }

  function restore(question, value) {
    var type = question.dataset.type;
    if (type === "reflection") { question.querySelector("textarea").value = typeof value === "string" ? value : ""; return; }
    if (type === "order") {
      answerControls(question, "select").forEach(function (select, index) {
        select.value = Array.isArray(value) && value[index] ? String(value[index]) : "";
      });
      return;
    }
    answerControls(question, "input").forEach(function (input) {
      input.checked = Array.isArray(value) ? value.indexOf(Number(input.value)) >= 0 : input.value === value;
    });
  }

  function isAnswered(question, value) {
    if (question.dataset.type === "order") return value.every(function (n) { return n !== null; });
    return Array.isArray(value) ? value.length > 0 : value !== null;
  }

  function isRight(question, value) {
    var right = key(question);
    if (!Array.isArray(right) && typeof right !== "boolean") return false;
    switch (question.dataset.type) {
      case "single": return Number(value) === right[0];
      case "multiple": return value.length === right.length && right.every(function (n) { return value.indexOf(n) >= 0; });
      case "truefalse": return value === String(right);
      case "order":
        // Item k (data-item) belongs at place k + 1.
        return Array.prototype.every.call(answerControls(question, "select"), function (select) {
          return Number(select.value) === Number(select.dataset.item) + 1;
        });
    }
    return false;
  }

  // -- showing the result of a check: the verdict (and, for a wrong answer given as
  // «sure», a flag) in the status region; in the answer box, open, every option once,
  // marked right or wrong with why, and the reader's own choice marked.
  function showResult(quiz, question, value, sure, moveFocus) {
    var feedback = question.querySelector("[data-quiz-feedback]");
    var details = question.querySelector("details");
    var right = isRight(question, value);
    feedback.textContent = "";
    var verdict = document.createElement("p");
    verdict.className = "inkl-quiz__verdict inkl-quiz__verdict--" + (right ? "right" : "wrong");
    verdict.textContent = (right ? "✓ " : "✗ ") + t(right ? "quiz.right" : "quiz.wrong");
    feedback.appendChild(verdict);
    if (!right && sure === "sure") {
      var flag = document.createElement("p");
      flag.className = "inkl-quiz__flag";
      flag.textContent = "⚠ " + t("quiz.sure.flag");
      feedback.appendChild(flag);
    }
    // The reader's choice, found by comparing values (never a selector built from one).
    var chosen = [].concat(value).map(String);
    markChoice(question, function (option) { return chosen.indexOf(option) >= 0; });
    question.classList.toggle("is-right", right);
    question.classList.toggle("is-wrong", !right);
    if (details) { details.hidden = false; details.open = true; }
    lockSure(question, true);
    question.querySelector('[data-quiz-action="retry"]').hidden = right;
    if (moveFocus) feedback.focus();
    return right;
  }

  function markChoice(question, isChosen) {
    question.querySelectorAll("details [data-option]").forEach(function (note) {
      var mark = note.querySelector("[data-quiz-yours]");
      if (mark) mark.hidden = !isChosen(note.dataset.option);
    });
  }

  function clearResult(question) {
    var feedback = question.querySelector("[data-quiz-feedback]");
    if (!feedback) return;
    feedback.textContent = "";
    question.classList.remove("is-right", "is-wrong");
    markChoice(question, function () { return false; });
    var details = question.querySelector("details");
    details.open = false;
    details.hidden = true; // the answer stays out of sight until the reader has tried
    lockSure(question, false);
    question.querySelector('[data-quiz-action="retry"]').hidden = true;
  }

  function updateScore(quiz) {
    var score = quiz.element.querySelector("[data-quiz-score]");
    if (!score) return;
    var answers = quiz.data.answers, right = 0, checked = 0;
    quiz.questions.forEach(function (question) {
      var stored = answers[question.dataset.question];
      if (question.dataset.type !== "reflection" && stored && stored.checked) {
        checked += 1;
        if (stored.right) right += 1;
      }
    });
    var total = Number(score.dataset.total);
    score.textContent = checked ? t("quiz.score", { right: right, total: total, checked: checked }) : "";
    // The course pages read `done` (every scored question checked) and `mastered` (the
    // day the score first reached data-mastery percent; kept after that) from storage.
    if (checked === total && !quiz.data.done) quiz.data.done = today();
    var mastery = Number(quiz.element.dataset.mastery);
    if (mastery > 0 && total > 0 && right * 100 >= mastery * total && !quiz.data.mastered) quiz.data.mastered = today();
  }

  function check(quiz, question, moveFocus) {
    var value = valueOf(question);
    if (!isAnswered(question, value)) {
      var feedback = question.querySelector("[data-quiz-feedback]");
      feedback.textContent = t(question.dataset.type === "order" ? "quiz.order.incomplete" : "quiz.unanswered");
      if (moveFocus) feedback.focus();
      return;
    }
    var sure = quiz.team ? null : sureOf(question);
    var right = showResult(quiz, question, value, sure, moveFocus);
    if (!quiz.team) {
      var answer = { value: value, checked: true, right: right };
      if (sure) answer.sure = sure;
      quiz.data.answers[question.dataset.question] = answer;
      updateScore(quiz);
      save(quiz, quiz.data);
    }
    quiz.element.dispatchEvent(new CustomEvent("inkl:quiz-checked", {
      bubbles: true,
      detail: { quiz: quiz.id, question: question.dataset.question, right: right, sure: sure, team: quiz.team }
    }));
  }

  // -- team mode, shown as presenter mode: one question at a time, large, in a layer
  // that fills the window (or in place inside a caller's layer: `embedded`), answer on
  // demand, nothing stored, no «how sure», no delete. One quiz presents at a time.
  var presenting = null;

  // The questions to present: 1-based positions as authors write them («spørsmål 3»);
  // numbers that are not a question's are left out; none left (or null) means all.
  function presentOrder(quiz, numbers) {
    var all = quiz.questions.map(function (question, index) { return index; });
    if (!Array.isArray(numbers)) return all;
    var chosen = [];
    numbers.forEach(function (n) {
      if (typeof n === "number" && n % 1 === 0 && n >= 1 && n <= all.length && chosen.indexOf(n - 1) < 0) chosen.push(n - 1);
    });
    return chosen.length ? chosen : all;
  }

  function currentQuestion(quiz) { return quiz.questions[quiz.order[quiz.current]]; }

  function showTeamQuestion(quiz, step) {
    quiz.current = Math.max(0, Math.min(step, quiz.order.length - 1));
    var shown = currentQuestion(quiz);
    quiz.questions.forEach(function (question) {
      question.hidden = question !== shown;
      question.classList.remove("is-shown");
      var details = question.querySelector("details");
      if (details) { details.hidden = true; details.open = false; }
      var talk = question.querySelector("[data-quiz-talk]");
      if (talk) talk.hidden = false; // a scenario: talk first, then show the answer
    });
    var nav = quiz.element.querySelector("[data-quiz-team-nav]");
    // Embedded, the ends ask the caller to move on; on its own, the quiz stays there.
    var first = quiz.current === 0 && !quiz.embedded, last = quiz.current === quiz.order.length - 1 && !quiz.embedded;
    nav.querySelector('[data-quiz-action="previous"]').setAttribute("aria-disabled", String(first));
    nav.querySelector('[data-quiz-action="next"]').setAttribute("aria-disabled", String(last));
    nav.querySelector('[data-quiz-action="show"]').hidden = !shown.querySelector("details");
    quiz.element.querySelector("[data-quiz-position]").textContent =
      t("quiz.team.position", { n: quiz.current + 1, total: quiz.order.length });
  }

  // The right answer, the explanation and the source link, large; the talk prompt goes.
  function showAnswer(quiz) {
    var question = currentQuestion(quiz);
    var details = question.querySelector("details");
    if (!details || question.classList.contains("is-shown")) return false;
    question.classList.add("is-shown");
    details.hidden = false;
    details.open = true;
    var talk = question.querySelector("[data-quiz-talk]");
    if (talk) talk.hidden = true;
    quiz.element.querySelector('[data-quiz-action="show"]').hidden = true;
    details.setAttribute("tabindex", "-1");
    details.focus();
    return true;
  }

  function move(quiz, delta) {
    var step = quiz.current + delta;
    if (step < 0 || step >= quiz.order.length) {
      if (quiz.embedded) leaveRequest(quiz, delta > 0 ? "next" : "back");
      return;
    }
    var focusWasInQuestion = currentQuestion(quiz).contains(document.activeElement);
    showTeamQuestion(quiz, step);
    // Focus never stays behind in a question that is gone.
    if (focusWasInQuestion) focusQuestion(quiz);
  }

  function focusQuestion(quiz) {
    var question = currentQuestion(quiz);
    question.setAttribute("tabindex", "-1");
    question.focus();
  }

  function leaveRequest(quiz, direction) {
    quiz.element.dispatchEvent(new CustomEvent("inkl:present-leave", { bubbles: true, detail: { direction: direction } }));
  }

  // Keys a presentation clicker sends, on the whole document while presenting. Space
  // and Enter keep their own meaning on controls (a button, an option, a link); arrows
  // and PageUp/PageDown theirs while typing in a note or picking in a list.
  function onPresentKey(event) {
    var quiz = presenting;
    if (!quiz || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!quiz.element.isConnected) { stopPresenting(quiz, true); return; } // the caller took it away
    if (quiz.embedded && !quiz.element.getClientRects().length) return; // hidden by the caller
    var target = event.target instanceof Element ? event.target : document.body;
    var editing = target.closest("textarea, select, input:not([type=radio]):not([type=checkbox])");
    var control = target.closest("button, a[href], input, select, textarea, summary, [contenteditable]");
    var key = event.key, acted = true;
    if ((key === "ArrowRight" || key === "PageDown") && !editing) move(quiz, 1);
    else if ((key === "ArrowLeft" || key === "PageUp") && !editing) move(quiz, -1);
    else if ((key === " " || key === "Enter") && !control) acted = showAnswer(quiz);
    else if (key === "Escape") {
      if (quiz.embedded) leaveRequest(quiz, "exit");
      else { stopPresenting(quiz, false); }
    } else acted = false;
    if (acted) event.preventDefault();
    // On its own layer the rest of the page is out of reach: Material's shortcuts
    // (n, p, s, /), which listen on window, must not act on the page behind it.
    if (!quiz.embedded) event.stopPropagation();
  }

  // Everything outside the quiz: out of reach (inert) while the quiz fills the window.
  function inertOutside(quiz, on) {
    if (!on) {
      (quiz.inerted || []).forEach(function (element) { element.inert = false; });
      quiz.inerted = [];
      return;
    }
    quiz.inerted = [];
    for (var node = quiz.element; node.parentElement && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling === node || sibling.inert) return;
        sibling.inert = true;
        quiz.inerted.push(sibling);
      });
    }
  }

  function startPresenting(quiz, numbers, embedded) {
    if (quiz.review) return;
    if (presenting && presenting !== quiz) stopPresenting(presenting, true);
    if (quiz.team) setTeam(quiz, false, true);
    quiz.embedded = Boolean(embedded);
    quiz.order = presentOrder(quiz, numbers);
    presenting = quiz;
    setTeam(quiz, true, false);
    document.addEventListener("keydown", onPresentKey);
  }

  // quiet: no message and focus stays (the caller ends it, or another quiz starts).
  function stopPresenting(quiz, quiet) {
    if (!quiz.team) return;
    if (presenting === quiz) { presenting = null; document.removeEventListener("keydown", onPresentKey); }
    setTeam(quiz, false, quiet);
    if (!quiet) quiz.element.querySelector('[data-quiz-action="team"]').focus();
  }

  function setTeam(quiz, on, quiet) {
    var layer = on && !quiz.embedded;
    quiz.team = on;
    quiz.element.classList.toggle("inkl-quiz--team", on);
    quiz.element.classList.toggle("inkl-quiz--embedded", on && quiz.embedded);
    quiz.element.querySelector("[data-quiz-team-nav]").hidden = !on;
    quiz.element.querySelector("[data-quiz-present-bar]").hidden = !on;
    quiz.element.querySelector("[data-quiz-keys]").hidden = !layer;
    var toggle = quiz.element.querySelector('[data-quiz-action="team"]');
    toggle.setAttribute("aria-pressed", String(on));
    toggle.hidden = on && quiz.embedded; // embedded, the caller has its own way out
    // No «how sure» in team mode: it is the reader's own, and nothing is stored.
    quiz.element.querySelectorAll(".inkl-quiz__actions, .inkl-quiz__summary, [data-quiz-sure]").forEach(function (part) { part.hidden = on; });
    // No deleting in team mode: the group's screen is not the place for it.
    showReset(quiz, on ? "none" : (quiz.undo ? "undo" : "idle"));
    if (!on || layer) {
      document.documentElement.classList.toggle("inkl-presenting", layer);
      inertOutside(quiz, layer);
    }
    quiz.questions.forEach(function (question) {
      question.hidden = false; restore(question, null); restoreSure(question, null); clearResult(question);
      question.classList.remove("is-shown");
      question.removeAttribute("tabindex");
      var talk = question.querySelector("[data-quiz-talk]");
      if (talk) talk.hidden = true;
    });
    if (on) {
      showTeamQuestion(quiz, 0);
      quiz.element.scrollTop = 0;
      focusQuestion(quiz);
    } else {
      quiz.embedded = false;
      quiz.data = load(quiz);
      restoreAll(quiz);
      if (!quiet) status(quiz, t("quiz.team.off"));
      // A reload should show the page, not the layer again.
      if (!quiet && new URLSearchParams(location.search).get("team") === "1" && window.history.replaceState) {
        var url = new URL(location.href);
        url.searchParams.delete("team");
        history.replaceState(history.state, "", url.href);
      }
    }
  }

  function status(quiz, text) { quiz.element.querySelector("[data-quiz-status]").textContent = text; }

  function restoreAll(quiz) {
    quiz.questions.forEach(function (question) {
      var id = question.dataset.question;
      var stored = quiz.data.answers[id];
      // null is «no answer yet» (the reader may have said how sure they are first).
      if (stored && stored.value !== null && !fits(question, stored.value)) { delete quiz.data.answers[id]; stored = null; }
      restore(question, stored ? stored.value : null);
      var sure = stored && SURE.indexOf(stored.sure) >= 0 ? stored.sure : null;
      restoreSure(question, sure);
      if (stored && stored.checked && stored.value !== null && question.dataset.type !== "reflection") {
        showResult(quiz, question, stored.value, sure, false);
      } else {
        clearResult(question);
      }
    });
    updateScore(quiz);
  }

  // -- deleting this quiz's answers: a confirm step in the page, then an undo for as
  // long as the page is open. Built here: the parts exist only where the script runs.
  function buildReset(quiz) {
    var button = quiz.element.querySelector('[data-quiz-action="reset"]');
    var toolbar = quiz.element.querySelector(".inkl-quiz__toolbar");
    if (!button || !toolbar || !window.inklConfirmStep) return;
    var base = quiz.element.id || "quiz-" + quiz.id;
    var step = window.inklConfirmStep(base + "-confirm", {  // assets/js/site.js
      title: t("quiz.reset.confirm.title"), about: t("quiz.reset.confirm.about"),
      yes: t("quiz.reset.confirm"), no: t("quiz.reset.cancel"),
    });
    var confirm = step.element, group = step.group;
    confirm.className = "inkl-quiz__confirm";
    step.yes.setAttribute("data-quiz-action", "reset-confirm");
    step.no.setAttribute("data-quiz-action", "reset-cancel");
    var undo = document.createElement("p");
    undo.className = "inkl-quiz__undo";
    undo.hidden = true;
    undo.innerHTML = '<button type="button" class="md-button" data-quiz-action="reset-undo"></button>';
    undo.firstChild.textContent = t("quiz.reset.undo");
    toolbar.insertAdjacentElement("afterend", undo);
    toolbar.insertAdjacentElement("afterend", confirm);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", confirm.id);
    confirm.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { showReset(quiz, quiz.undo ? "undo" : "idle"); button.focus(); }
    });
    quiz.reset = { button: button, confirm: confirm, group: group, undo: undo };
  }

  // state: "idle" (the delete button), "confirm", "undo" (the button and an undo), "none" (team mode)
  function showReset(quiz, state) {
    var parts = quiz.reset;
    if (!parts) return;
    parts.button.hidden = state === "none";
    parts.button.setAttribute("aria-expanded", String(state === "confirm"));
    parts.confirm.hidden = state !== "confirm";
    parts.undo.hidden = state !== "undo";
  }

  function resetAction(quiz, action) {
    var parts = quiz.reset;
    if (!parts || quiz.team) return;
    if (action === "reset") {
      showReset(quiz, "confirm");
      parts.group.focus();
    } else if (action === "reset-cancel") {
      showReset(quiz, quiz.undo ? "undo" : "idle");
      parts.button.focus();
    } else if (action === "reset-confirm") {
      var snapshot = store().removeAll(function (name) { return name === storeName(quiz.id); });
      if (snapshot === null) { status(quiz, t("quiz.reset.failed")); return; }
      quiz.undo = snapshot.length ? snapshot : null;
      quiz.data = load(quiz);
      restoreAll(quiz);
      showReset(quiz, quiz.undo ? "undo" : "idle");
      status(quiz, t("quiz.reset.done"));
      (quiz.undo ? parts.undo.firstChild : parts.button).focus();
    } else if (action === "reset-undo") {
      if (!store().undo(quiz.undo)) { status(quiz, t("quiz.reset.failed")); return; }
      quiz.undo = null;
      quiz.data = load(quiz);
      restoreAll(quiz);
      showReset(quiz, "idle");
      status(quiz, t("quiz.reset.undone"));
      parts.button.focus();
    }
  }

  // -- wiring
  function mount(element) {
    if (element.dataset.quizMounted) return null;
    element.dataset.quizMounted = "true";
    var quiz = {
      id: element.dataset.quiz,
      element: element,
      questions: Array.prototype.slice.call(element.querySelectorAll(".inkl-quiz__question")),
      review: element.hasAttribute("data-quiz-review"),
      data: null,
      team: false,
      embedded: false,
      order: [],
      inerted: [],
      current: 0,
      reset: null,
      undo: null
    };
    quiz.data = load(quiz);
    try {
      restoreAll(quiz);
    } catch (error) {
      // Whatever was stored, the quiz still works: start it empty.
      quiz.data = empty();
      quiz.questions.forEach(function (question) { restore(question, null); restoreSure(question, null); clearResult(question); });
      updateScore(quiz);
    }
    element.querySelectorAll("[data-quiz-js]").forEach(function (part) { part.hidden = false; });
    element.querySelectorAll("[data-quiz-nojs]").forEach(function (part) { part.hidden = true; });
    if (quiz.review) {
      // The review page: nothing to delete here, and no team mode (review.js shows the questions due).
      element.querySelectorAll('[data-quiz-action="reset"], [data-quiz-action="team"]').forEach(function (button) { button.hidden = true; });
    } else {
      buildReset(quiz);
    }

    element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-quiz-action]");
      if (!button) return;
      var question = button.closest(".inkl-quiz__question");
      switch (button.dataset.quizAction) {
        case "check": check(quiz, question, true); break;
        case "retry":
          delete quiz.data.answers[question.dataset.question];
          delete quiz.data.done;
          restore(question, null);
          restoreSure(question, null);
          clearResult(question);
          updateScore(quiz);
          save(quiz, quiz.data);
          var first = answerControls(question, "input")[0] || answerControls(question, "select")[0];
          if (first) first.focus();
          break;
        case "check-all":
          quiz.questions.forEach(function (q) {
            // On the review page only the questions shown (review.js hides those not due).
            if (q.dataset.type !== "reflection" && !(quiz.review && q.hidden)) check(quiz, q, false);
          });
          element.querySelector("[data-quiz-score]").focus();
          break;
        case "reset": case "reset-confirm": case "reset-cancel": case "reset-undo":
          resetAction(quiz, button.dataset.quizAction);
          break;
        case "team":
          // A toggle: pressed while presenting (on the layer it is the way out besides Esc).
          if (quiz.team) stopPresenting(quiz, false); else startPresenting(quiz, null, false);
          break;
        case "previous": move(quiz, -1); break;
        case "next": move(quiz, 1); break;
        case "show": showAnswer(quiz); break;
      }
    });

    // Keep answers (not yet checked) and notes as the reader types or picks.
    element.addEventListener("input", function (event) {
      var question = event.target.closest(".inkl-quiz__question");
      if (!question || quiz.team) return;
      var id = question.dataset.question;
      var stored = quiz.data.answers[id];
      if (event.target.closest("[data-quiz-sure]")) {
        // How sure the reader is, said before checking: kept with the answer as it stands.
        if (stored && stored.checked) return; // the group is locked then; nothing to change
        var sure = sureOf(question);
        quiz.data.answers[id] = stored || { value: valueOf(question), checked: false };
        if (sure) quiz.data.answers[id].sure = sure; else delete quiz.data.answers[id].sure;
        save(quiz, quiz.data);
        return;
      }
      if (stored && stored.checked) clearResult(question);
      quiz.data.answers[id] = { value: valueOf(question), checked: false };
      if (sureOf(question)) quiz.data.answers[id].sure = sureOf(question);
      if (question.dataset.type === "reflection") status(quiz, t("quiz.saved"));
      updateScore(quiz);
      save(quiz, quiz.data);
    });

    // The API for a caller (the session plan's run view): see the top of this file.
    element.addEventListener("inkl:present", function (event) {
      var detail = event.detail || {};
      startPresenting(quiz, detail.questions || null, detail.embedded === true);
    });
    element.addEventListener("inkl:present-stop", function () { stopPresenting(quiz, true); });
    return quiz;
  }

  function loadStrings() {
    var element = document.getElementById("__site-strings");
    try { strings = JSON.parse(element ? element.textContent : "{}"); } catch (error) { strings = {}; }
  }

  function mountAll() {
    loadStrings();
    // Each quiz on its own: one that fails leaves the others (and other scripts) working.
    var mounted = [];
    document.querySelectorAll(".inkl-quiz[data-quiz]").forEach(function (element) {
      try { var quiz = mount(element); if (quiz) mounted.push(quiz); } catch (error) { if (window.console) console.error(error); }
    });
    // ?team=1: the quiz the address names (#quiz-<id>), or the page's first, presents.
    if (new URLSearchParams(location.search).get("team") !== "1") return;
    var wanted = mounted.filter(function (quiz) { return !quiz.review; });
    var named = wanted.filter(function (quiz) { return "#" + quiz.element.id === location.hash; });
    if (named.length || wanted.length) startPresenting((named[0] || wanted[0]), null, false);
  }

  // A quiz put into the page later (cloned from a <template>): window.inklQuiz.init(element).
  window.inklQuiz = {
    init: function (element) {
      if (!Object.keys(strings).length) loadStrings();
      mount(element);
    }
  };

  if (window.document$) window.document$.subscribe(mountAll);
  else document.addEventListener("DOMContentLoaded", mountAll);
})();
