/* Review, the schedule: which quiz questions to ask again, and when. Loaded on every
   page with a quiz, so kept small; the review page and the due line on the course
   overview are review-page.js. Listens for "inkl:quiz-checked" (quiz.js). Stored
   through store.js as "review", by question id, so it holds in both languages:
     {v: 1, items: {"<quiz id>/<question id>": {due: "YYYY-MM-DD", step: 0-3, streak: 0-2}}}
   In a quiz, a wrong answer, or a right one given as «unsure» or «guessing», puts the
   question on the list for the next day (a wrong one starts it over). On the review
   page (data-quiz-review) a check counts only while the question is due, so a second
   try the same day changes nothing: wrong starts over; right waits the next of 1, 3,
   7, 21 days; right and «sure» twice in a row takes it off. Team mode keeps nothing. */
(function () {
  "use strict";

  var DAYS = [1, 3, 7, 21];
  var ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

  function store() { return window.inklStore; }
  function isId(id) { return typeof id === "string" && ID.test(id); }

  // The reader's own calendar day, "YYYY-MM-DD", `offset` days from today.
  function day(offset) {
    var now = new Date(), date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + (offset || 0));
    return date.getFullYear() + "-" + ("0" + (date.getMonth() + 1)).slice(-2) + "-" + ("0" + date.getDate()).slice(-2);
  }

  function load() { return (store() && store().get("review")) || { v: 1, items: {} }; }

  function save(data) {
    if (Object.keys(data.items).length) store().set("review", data);
    else store().remove("review");
  }

  // The keys of the items due today or before, and the next due day after today.
  function summary(data) {
    var today = day(0), due = [], next = null;
    Object.keys(data.items).forEach(function (key) {
      var when = data.items[key].due;
      if (when <= today) due.push(key);
      else if (next === null || when < next) next = when;
    });
    return { due: due, next: next };
  }

  function at(step, streak) { return { due: day(DAYS[step]), step: step, streak: streak }; }

  function checked(event) {
    var d = event.detail;
    if (!d || d.team || !store() || !isId(d.quiz) || !isId(d.question)) return;
    var key = d.quiz + "/" + d.question, data = load();
    var item = Object.prototype.hasOwnProperty.call(data.items, key) ? data.items[key] : null;
    var sure = d.sure === "sure";
    if (event.target instanceof Element && event.target.closest("[data-quiz-review]")) {
      if (!item || item.due > day(0)) return;
      if (!d.right) item = at(0, 0);
      else if (sure && item.streak >= 1) item = null;
      else item = at(Math.min(item.step + 1, DAYS.length - 1), sure ? item.streak + 1 : 0);
    } else if (!d.right) {
      item = at(0, 0);
    } else if ((d.sure === "unsure" || d.sure === "guess") && !item) {
      item = at(0, 0);
    } else {
      return; // right and sure (or not said), or unsure but already on the list
    }
    if (item) data.items[key] = item;
    else delete data.items[key];
    save(data);
  }

  if (!window.inklReview) {
    document.addEventListener("inkl:quiz-checked", function (event) {
      try { checked(event); } catch (error) { if (window.console) console.error(error); }
    });
  }
  window.inklReview = { load: load, save: save, day: day, summary: summary };
})();
