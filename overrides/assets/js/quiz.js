/* Self-check quizzes: checking, feedback, score, progress and team mode.
   The page works without this script (answers open in <details>); this only
   enhances it. Progress is kept in localStorage under "inkl.quiz.<quiz id>",
   keyed by question id, never by URL, so it follows the reader across languages.
   Mounted on Material's document$ so that it runs again after page changes. */
(function () {
  "use strict";

  var VERSION = 1;
  var strings = {};

  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  // -- storage: anything unreadable or from another version is dropped, never an error
  function storageKey(quizId) { return "inkl.quiz." + quizId; }

  function load(quizId) {
    try {
      var data = JSON.parse(localStorage.getItem(storageKey(quizId)));
      if (data && data.v === VERSION && data.answers && typeof data.answers === "object") return data;
    } catch (error) { /* corrupt: start afresh */ }
    return { v: VERSION, answers: {} };
  }

  function save(quiz, data) {
    if (quiz.team) return; // team mode stores nothing
    try { localStorage.setItem(storageKey(quiz.id), JSON.stringify(data)); } catch (error) { /* full or blocked */ }
  }

  // The right answer: base64 of JSON, reversed (see hooks/sitekit/quizzes.py).
  function key(question) {
    try {
      return JSON.parse(atob(question.dataset.key.split("").reverse().join(""))).a;
    } catch (error) { return null; }
  }

  // -- reading and restoring a question's answer
  function valueOf(question) {
    var type = question.dataset.type;
    if (type === "reflection") return question.querySelector("textarea").value;
    if (type === "order") {
      return Array.prototype.map.call(question.querySelectorAll("select"), function (select) {
        return select.value ? Number(select.value) : null;
      });
    }
    var chosen = Array.prototype.filter.call(question.querySelectorAll("input"), function (input) {
      return input.checked;
    }).map(function (input) { return input.value; });
    if (type === "multiple") return chosen.map(Number);
    return chosen.length ? chosen[0] : null;
  }

  function restore(question, value) {
    var type = question.dataset.type;
    if (type === "reflection") { question.querySelector("textarea").value = typeof value === "string" ? value : ""; return; }
    if (type === "order") {
      question.querySelectorAll("select").forEach(function (select, index) {
        select.value = Array.isArray(value) && value[index] ? String(value[index]) : "";
      });
      return;
    }
    question.querySelectorAll("input").forEach(function (input) {
      input.checked = Array.isArray(value) ? value.indexOf(Number(input.value)) >= 0 : input.value === value;
    });
  }

  function isAnswered(question, value) {
    if (question.dataset.type === "order") return value.every(function (n) { return n !== null; });
    return Array.isArray(value) ? value.length > 0 : value !== null;
  }

  function isRight(question, value) {
    var right = key(question);
    switch (question.dataset.type) {
      case "single": return Number(value) === right[0];
      case "multiple": return value.length === right.length && right.every(function (n) { return value.indexOf(n) >= 0; });
      case "truefalse": return value === String(right);
      case "order":
        // Item k (data-item) belongs at place k + 1.
        return Array.prototype.every.call(question.querySelectorAll("select"), function (select) {
          return Number(select.value) === Number(select.dataset.item) + 1;
        });
    }
    return false;
  }

  // -- showing the result of a check
  function showResult(quiz, question, value, moveFocus) {
    var feedback = question.querySelector("[data-quiz-feedback]");
    var details = question.querySelector("details");
    var right = isRight(question, value);
    feedback.textContent = "";
    var verdict = document.createElement("p");
    verdict.className = "inkl-quiz__verdict inkl-quiz__verdict--" + (right ? "right" : "wrong");
    verdict.textContent = (right ? "✓ " : "✗ ") + t(right ? "quiz.right" : "quiz.wrong");
    feedback.appendChild(verdict);
    // The chosen options' own feedback, copied from the answer's details.
    [].concat(value).forEach(function (chosen) {
      var note = details && details.querySelector('[data-option="' + chosen + '"]');
      if (note) {
        var copy = document.createElement("p");
        copy.innerHTML = note.innerHTML;
        feedback.appendChild(copy);
      }
    });
    question.classList.toggle("is-right", right);
    question.classList.toggle("is-wrong", !right);
    if (details) { details.hidden = false; details.open = !right; }
    question.querySelector('[data-quiz-action="retry"]').hidden = right;
    if (moveFocus) feedback.focus();
    return right;
  }

  function clearResult(question) {
    var feedback = question.querySelector("[data-quiz-feedback]");
    if (!feedback) return;
    feedback.textContent = "";
    question.classList.remove("is-right", "is-wrong");
    var details = question.querySelector("details");
    details.open = false;
    details.hidden = true; // the answer stays out of sight until the reader has tried
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
    // The course overview reads `done` (every scored question checked) from storage.
    if (checked === total && !quiz.data.done) quiz.data.done = new Date().toISOString().slice(0, 10);
  }

  function check(quiz, question, moveFocus) {
    var value = valueOf(question);
    if (!isAnswered(question, value)) {
      var feedback = question.querySelector("[data-quiz-feedback]");
      feedback.textContent = t(question.dataset.type === "order" ? "quiz.order.incomplete" : "quiz.unanswered");
      if (moveFocus) feedback.focus();
      return;
    }
    var right = showResult(quiz, question, value, moveFocus);
    if (!quiz.team) {
      quiz.data.answers[question.dataset.question] = { value: value, checked: true, right: right };
      updateScore(quiz);
      save(quiz, quiz.data);
    }
  }

  // -- team mode: one question at a time, large, answer on demand, nothing stored
  function showTeamQuestion(quiz, index) {
    quiz.current = Math.max(0, Math.min(index, quiz.questions.length - 1));
    quiz.questions.forEach(function (question, i) {
      question.hidden = i !== quiz.current;
      var details = question.querySelector("details");
      if (details) { details.hidden = true; details.open = false; }
    });
    var nav = quiz.element.querySelector("[data-quiz-team-nav]");
    nav.querySelector('[data-quiz-action="previous"]').disabled = quiz.current === 0;
    nav.querySelector('[data-quiz-action="next"]').disabled = quiz.current === quiz.questions.length - 1;
    nav.querySelector('[data-quiz-action="show"]').hidden = !quiz.questions[quiz.current].querySelector("details");
    status(quiz, t("quiz.team.position", { n: quiz.current + 1, total: quiz.questions.length }));
  }

  function setTeam(quiz, on) {
    quiz.team = on;
    quiz.element.classList.toggle("inkl-quiz--team", on);
    quiz.element.querySelector('[data-quiz-action="team"]').setAttribute("aria-pressed", String(on));
    quiz.element.querySelector("[data-quiz-team-nav]").hidden = !on;
    quiz.element.querySelectorAll(".inkl-quiz__actions, .inkl-quiz__summary").forEach(function (part) { part.hidden = on; });
    quiz.questions.forEach(function (question) { question.hidden = false; restore(question, null); clearResult(question); });
    if (on) {
      showTeamQuestion(quiz, 0);
      status(quiz, t("quiz.team.on") + " " + t("quiz.team.position", { n: 1, total: quiz.questions.length }));
    } else {
      quiz.data = load(quiz.id);
      restoreAll(quiz);
      status(quiz, t("quiz.team.off"));
    }
  }

  function status(quiz, text) { quiz.element.querySelector("[data-quiz-status]").textContent = text; }

  function restoreAll(quiz) {
    quiz.questions.forEach(function (question) {
      var stored = quiz.data.answers[question.dataset.question];
      restore(question, stored ? stored.value : null);
      if (stored && stored.checked && question.dataset.type !== "reflection") showResult(quiz, question, stored.value, false);
      else clearResult(question);
    });
    updateScore(quiz);
  }

  // -- wiring
  function mount(element) {
    if (element.dataset.quizMounted) return;
    element.dataset.quizMounted = "true";
    var quiz = {
      id: element.dataset.quiz,
      element: element,
      questions: Array.prototype.slice.call(element.querySelectorAll(".inkl-quiz__question")),
      data: load(element.dataset.quiz),
      team: false,
      current: 0
    };
    element.querySelectorAll("[data-quiz-js]").forEach(function (part) { part.hidden = false; });
    restoreAll(quiz);

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
          clearResult(question);
          updateScore(quiz);
          save(quiz, quiz.data);
          var first = question.querySelector("input, select");
          if (first) first.focus();
          break;
        case "check-all":
          quiz.questions.forEach(function (q) { if (q.dataset.type !== "reflection") check(quiz, q, false); });
          element.querySelector("[data-quiz-score]").focus();
          break;
        case "reset":
          try { localStorage.removeItem(storageKey(quiz.id)); } catch (error) { /* blocked */ }
          quiz.data = load(quiz.id);
          restoreAll(quiz);
          status(quiz, t("quiz.reset.done"));
          break;
        case "team": setTeam(quiz, !quiz.team); break;
        case "previous": showTeamQuestion(quiz, quiz.current - 1); break;
        case "next": showTeamQuestion(quiz, quiz.current + 1); break;
        case "show":
          var details = quiz.questions[quiz.current].querySelector("details");
          details.hidden = false;
          details.open = true;
          details.querySelector("summary").focus();
          break;
      }
    });

    // Keep answers (not yet checked) and notes as the reader types or picks.
    element.addEventListener("input", function (event) {
      var question = event.target.closest(".inkl-quiz__question");
      if (!question || quiz.team) return;
      var id = question.dataset.question;
      var stored = quiz.data.answers[id];
      if (stored && stored.checked) clearResult(question);
      quiz.data.answers[id] = { value: valueOf(question), checked: false };
      if (question.dataset.type === "reflection") status(quiz, t("quiz.saved"));
      updateScore(quiz);
      save(quiz, quiz.data);
    });

    if (new URLSearchParams(location.search).get("team") === "1") setTeam(quiz, true);
  }

  function mountAll() {
    var element = document.getElementById("__site-strings");
    try { strings = JSON.parse(element ? element.textContent : "{}"); } catch (error) { strings = {}; }
    document.querySelectorAll(".inkl-quiz[data-quiz]").forEach(mount);
  }

  if (window.document$) window.document$.subscribe(mountAll);
  else document.addEventListener("DOMContentLoaded", mountAll);
})();
