/* Review, what the reader sees: on the review page, the questions that are due, put
   into the page from the quizzes the build wrote into <template>s (partials/review.html),
   and how many there are, or when the next ones are due; on the course overview, the
   due line ([data-review-due], course-tasks.html). The schedule is review.js, loaded
   before this script. quiz.js mounts the quizzes put in here as usual, on
   DOMContentLoaded: this runs as soon as it loads, before that. Stored values are only
   compared with the questions' ids, never put into a selector or into HTML. */
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
  function mountPage(root) {
    var status = root.querySelector("[data-review-status]");
    var data = review.load(), state = review.summary(data), known = {}, shown = [];

    function say(text) { status.textContent = text; status.hidden = false; }

    root.querySelector("[data-review-nojs]").hidden = true;
    root.querySelectorAll("template[data-review-quiz]").forEach(function (template) {
      var quizId = template.dataset.reviewQuiz, part = template.content.cloneNode(true), kept = 0;
      part.querySelectorAll(".inkl-quiz__question").forEach(function (question) {
        var key = quizId + "/" + question.dataset.question;
        known[key] = true;
        if (state.due.indexOf(key) >= 0) { kept += 1; shown.push(key); } else question.remove();
      });
      var score = part.querySelector("[data-quiz-score]");
      if (score) score.dataset.total = String(kept); // the quiz's score counts the questions shown
      if (kept) template.parentNode.insertBefore(part, template);
    });
    // Questions no quiz has any more (a quiz was rewritten) leave the list.
    var gone = Object.keys(data.items).filter(function (key) { return !known[key]; });
    if (gone.length) {
      gone.forEach(function (key) { delete data.items[key]; });
      review.save(data);
      state = review.summary(data);
    }
    say(shown.length ? dueText(shown.length) : laterText(state));

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
