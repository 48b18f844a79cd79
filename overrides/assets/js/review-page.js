/* Review, what the reader sees: on the review page, the questions that are due, fetched
   from their quizzes' own pages (the page lists each quiz's page and its scored
   questions, partials/review.html), and how many there are, or when the next ones are
   due; on the course overview, the due line ([data-review-due], course-tasks.html). The
   schedule is review.js, loaded before this script; quiz.js mounts each quiz put in here
   (window.inklQuiz.init). Stored values are only compared with the questions' ids, never
   put into a selector or into HTML. */
(function () {
  "use strict";

  var review = window.inklReview;
  if (!review || !window.inklStore) return; // the no-JavaScript line stays

  var texts = {};
  try { texts = JSON.parse(document.getElementById("__site-strings").textContent); } catch (error) { /* keys */ }

  function t(key, values) {
    var text = texts[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  // "2. desember 2026" on bokmål pages, "2 December 2026" on English ones.
  function formatDay(text) {
    var parts = text.split("-").map(Number);
    var locale = document.documentElement.lang === "en" ? "en-GB" : "nb-NO";
    return new Date(parts[0], parts[1] - 1, parts[2]).toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
  }

  function dueText(count) { return t(count === 1 ? "review.due.one" : "review.due.many", { count: count }); }

  function laterText(state) { return state.next ? t("review.next", { date: formatDay(state.next) }) : t("review.none"); }

  // -- the course overview: how many are due, beside its link to the review page.
  // Hidden while the list is empty. The overview's import, delete and undo (course.js)
  // each end with a message: the list may have changed with them.
  function showDue(line) {
    var state = review.summary(review.load());
    line.querySelector("[data-review-due-text]").textContent = state.due.length ? dueText(state.due.length) : laterText(state);
    line.hidden = !state.due.length && !state.next;
  }

  function mountDue(line) {
    showDue(line);
    var message = document.querySelector("[data-course-message]");
    if (message && window.MutationObserver) {
      new MutationObserver(function () { showDue(line); }).observe(message, { childList: true, characterData: true, subtree: true });
    }
  }

  // -- the review page
  // A quiz from its own page (quiz-from-page.js), made ready for review: only the
  // questions due (in their order, with their numbers), marked for review (quiz.js keeps
  // no answers for it), and the «From the page» line in place of its intro.
  function forReview(quiz, group, due) {
    quiz.setAttribute("data-quiz-review", "");
    quiz.removeAttribute("data-mastery");
    quiz.querySelectorAll(".inkl-quiz__question").forEach(function (question) {
      if (due.indexOf(question.dataset.question) < 0) question.remove();
    });
    var intro = quiz.querySelector(".inkl-quiz__intro");
    if (intro) intro.remove();
    var title = quiz.querySelector(".inkl-quiz__title");
    title.parentNode.insertBefore(group.querySelector("[data-review-from]"), title.nextSibling);
    var score = quiz.querySelector("[data-quiz-score]");
    if (score) score.dataset.total = String(due.length); // the quiz's score counts the questions shown
    return quiz;
  }

  function mountPage(root) {
    var status = root.querySelector("[data-review-status]");
    var data = review.load(), state = review.summary(data), known = {}, shown = [], waiting = [];

    function say(text) { status.textContent = text; status.hidden = false; }

    root.querySelector("[data-review-nojs]").hidden = true;
    root.querySelectorAll("[data-review-quiz]").forEach(function (group) {
      var quizId = group.dataset.reviewQuiz, due = [];
      group.dataset.reviewQuestions.split(" ").forEach(function (id) {
        var key = quizId + "/" + id;
        known[key] = true;
        if (state.due.indexOf(key) >= 0) due.push(id);
      });
      if (due.length) waiting.push({ group: group, due: due });
    });
    // Questions no quiz has any more (a quiz was rewritten) leave the list.
    var gone = Object.keys(data.items).filter(function (key) { return !known[key]; });
    if (gone.length) {
      gone.forEach(function (key) { delete data.items[key]; });
      review.save(data);
      state = review.summary(data);
    }
    if (!waiting.length) { say(laterText(state)); return; }

    // Each quiz with questions due, from its own page; they show together, in the list's order.
    say(t("review.loading"));
    Promise.all(waiting.map(function (entry) {
      var group = entry.group, fetched = window.inklQuizFromPage
        ? window.inklQuizFromPage(group.dataset.reviewPage, group.dataset.reviewQuiz)
        : Promise.reject(new Error("quiz-from-page.js is not loaded"));
      return fetched.then(function (quiz) { return { entry: entry, quiz: forReview(quiz, entry.group, entry.due) }; })
        .catch(function (error) {
          if (window.console) console.error(error);
          return { entry: entry, quiz: null };
        });
    })).then(function (results) {
      var count = 0;
      results.forEach(function (result) {
        if (!result.quiz) return;
        result.entry.group.appendChild(result.quiz);
        result.entry.group.hidden = false;
        if (window.inklQuiz) window.inklQuiz.init(result.quiz);
        result.entry.due.forEach(function (id) { shown.push(result.entry.group.dataset.reviewQuiz + "/" + id); });
        count += result.entry.due.length;
      });
      var failed = results.some(function (result) { return !result.quiz; });
      say((count ? dueText(count) : "") + (failed ? (count ? " " : "") + t("review.failed") : ""));
    });

    // After each check here (review.js, listening first, has moved the question on):
    // once every question shown is done for today, say so, and what comes next.
    document.addEventListener("inkl:quiz-checked", function (event) {
      if (!(event.target instanceof Element) || !event.target.closest("[data-quiz-review]")) return;
      var now = review.summary(review.load());
      var left = shown.filter(function (key) { return now.due.indexOf(key) >= 0; });
      if (!left.length) say(t("review.finished") + " " + laterText(now));
    });
  }

  try {
    var line = document.querySelector("[data-review-due]");
    if (line) mountDue(line);
    var root = document.querySelector("[data-review]");
    if (root) mountPage(root);
  } catch (error) {
    if (window.console) console.error(error);
  }
})();
