/* Reporting to a learning platform (LMS) through SCORM. Loaded only by the module pages
   inside a SCORM package, as the last element of <head>; each package's copy of this
   file names its SCORM version, 1.2 or 2004 (below). Public pages never load it.

   Without an API in a parent frame or the opener, this does nothing at all: the page
   behaves as on the public site. Every call to the API is guarded: an error or a
   "false" goes to the console, never to the reader, and the page keeps working.

   What a module reports, step by step:
   1. On start: Initialize; a module not attempted becomes incomplete (1.2
      cmi.core.lesson_status, 2004 cmi.completion_status). The saved state (suspend
      data, below) goes into the browser's store before quiz.js and course.js read it.
   2. On each check of a scored question (quiz.js's inkl:quiz-checked): one interaction,
      cmi.interactions.n (id "<quiz id>/<question id>", type, the reader's response, the
      right one, result, time); the score in percent of the scored questions answered
      right (raw 0–100, min 0, max 100; 2004 also scaled 0–1 and progress_measure); the
      suspend data; then one Commit for all the checks of one click.
   3. When every scored question is checked: 1.2 lesson_status passed or failed, 2004
      completion_status completed and success_status passed or failed, against the
      LMS's mastery (1.2 cmi.student_data.mastery_score in percent, 2004
      cmi.scaled_passing_score) or else the quiz's data-mastery (80 %). A module once
      passed is never reported failed again (a reader may try a question again).
   4. On leaving (pagehide): the suspend data again (answers picked but not checked,
      ticks), session time, exit "suspend" unless completed ("" in 1.2, "normal" in
      2004), then Terminate / LMSFinish, once.
   In review or browse mode (cmi.core.lesson_mode, cmi.mode) the LMS only shows the
   module: the saved answers come back, and nothing is written.

   Suspend data is compact JSON, the LMS's copy of what the reader did in this module:
     {"v":1,"q":{"<quiz id>":{"a":{"<question id>":[<value>,"<flags>"]},"d":day,"m":day}},
      "t":{"<quiz id>":{"r":day,"c":day}}}
   value as quiz.js stores it; flags: c checked, r right, s/u/g sure/unsure/guess;
   d and m the quiz's `done` and `mastered` days; t the module's ticks (course.ticks:
   r read, c challenge). Notes (reflection questions) are not in it: they stay in this
   browser, as on the public site, and they could pass SCORM 1.2's 4,096 characters.
   It is the source of truth: the LMS may launch the module in another browser, so on
   start each quiz's scored answers and the module's ticks in the store are replaced by
   it (nothing saved: a fresh attempt, so they are removed).

   The restore goes through window.inklStore (assets/js/store.js), which loads in the
   body, later than this script: it runs in the first DOMContentLoaded listener of the
   page (added here, in the head), before Material's document$ and so before quiz.js and
   course.js mount. The SCORM calls are synchronous, so the saved state is ready by then. */
(function () {
  "use strict";

  // -- the two versions: the API object's name, its functions, the data model
  var VERSIONS = {
    "1.2": {
      api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
      finish: "LMSFinish", error: "LMSGetLastError", text: "LMSGetErrorString",
      status: "cmi.core.lesson_status", suspend: "cmi.suspend_data", score: "cmi.core.score",
      exit: "cmi.core.exit", time: "cmi.core.session_time", limit: 4096
    },
    "2004": {
      api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
      finish: "Terminate", error: "GetLastError", text: "GetErrorString",
      status: "cmi.completion_status", suspend: "cmi.suspend_data", score: "cmi.score",
      exit: "cmi.exit", time: "cmi.session_time", limit: 64000
    }
  };
  var LEVELS = 10; // how far up the frames to look for the API

  function warn(message, error) {
    try { if (window.console) console.warn("lms.js: " + message, error === undefined ? "" : error); } catch (ignored) { /* nothing */ }
  }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // -- finding the API: this window and its parents, then the opener (of this window, or
  // of the top window when the page is a frame in a window the LMS opened) and its parents.
  // A frame from another origin throws on access: that is «not here».
  function findIn(win, name) {
    for (var level = 0; win && level < LEVELS; level += 1) {
      try { if (win[name]) return win[name]; } catch (error) { /* another origin */ }
      try { if (!win.parent || win.parent === win) return null; win = win.parent; } catch (error) { return null; }
    }
    return null;
  }

  function openerOf(win) {
    try { return win.opener || null; } catch (error) { return null; }
  }

  function findApi(name) {
    return findIn(window, name) || findIn(openerOf(window), name) || findIn(openerOf(window.top), name);
  }

  // The SCORM version of the package this copy is in: each package's copy has its
  // version's key in place of the mark (sitekit.scorm.VERSION_MARK); the site's has none.
  var packaged = "@inkl-scorm-version@";
  var V = VERSIONS[packaged] || null;
  if (!V) { if (packaged.charAt(0) !== "@") warn("unknown SCORM version " + packaged); return; }
  var is12 = V === VERSIONS["1.2"];
  var api = findApi(V.api);
  if (!api) return; // not in an LMS: the page works as on the public site

  // -- guarded calls: success is the string "true" (some APIs answer true)
  function call(fn, args, what) {
    try {
      var result = api[fn].apply(api, args);
      if (String(result) === "true") return true;
      var code = "";
      try { code = api[V.error](); code += " " + api[V.text](code); } catch (ignored) { /* no more to say */ }
      warn(fn + "(" + (what || "") + ") failed: " + code);
    } catch (error) {
      warn(fn + "(" + (what || "") + ") threw", error);
    }
    return false;
  }

  // A value, or "" when not set. `optional`: not being set is normal, not worth a warning.
  function get(name, optional) {
    try {
      var value = api[V.get](name);
      var code = String(api[V.error]());
      if (code !== "0" && !optional) warn(V.get + "(" + name + ") failed: " + code);
      return value === null || value === undefined ? "" : String(value);
    } catch (error) {
      warn(V.get + "(" + name + ") threw", error);
      return "";
    }
  }

  function set(name, value) { return call(V.set, [name, String(value)], name); }

  var finished = false;
  if (!call(V.init, [""], "")) return; // the LMS said no: the page works as on the public site
  var started = Date.now();

  // -- what the LMS had before this session. In review or browse mode the LMS shows the
  // module without recording: the saved answers come back, nothing is written.
  var mode = get(is12 ? "cmi.core.lesson_mode" : "cmi.mode", true);
  var recording = mode !== "review" && mode !== "browse";
  var status = get(V.status);
  if (recording && (status === "not attempted" || status === "unknown" || status === "")) set(V.status, "incomplete");
  var passed = is12 ? status === "passed" : get("cmi.success_status") === "passed";
  var completed = is12 ? ["passed", "failed", "completed"].indexOf(status) >= 0 : status === "completed";
  var saved = null;
  var text = get(V.suspend, true);
  if (text) {
    try {
      saved = JSON.parse(text);
      if (!saved || saved.v !== 1) { warn("suspend data of an unknown version, ignored"); saved = null; }
    } catch (error) { warn("suspend data is not readable, ignored", error); }
  }
  // The pass mark in percent: the LMS's, where it gives one, or the quiz's data-mastery.
  var lmsMastery = is12 ? get("cmi.student_data.mastery_score", true) : get("cmi.scaled_passing_score", true);
  lmsMastery = lmsMastery === "" || isNaN(Number(lmsMastery)) ? null : Number(lmsMastery) * (is12 ? 1 : 100);
  call(V.commit, [""], "");

  // -- the page's quizzes and their questions (never the review page's)
  function store() { return window.inklStore || null; }

  function quizzes() {
    return Array.prototype.slice.call(document.querySelectorAll(".inkl-quiz[data-quiz]:not([data-quiz-review])"));
  }

  function questionsOf(section) {
    return Array.prototype.slice.call(section.querySelectorAll(".inkl-quiz__question[data-question]"));
  }

  function scored(question) { return question.dataset.type !== "reflection"; }

  function modules() {
    var ids = [];
    document.querySelectorAll("[data-course-module]").forEach(function (element) {
      if (ids.indexOf(element.dataset.courseModule) < 0) ids.push(element.dataset.courseModule);
    });
    return ids;
  }

  // -- suspend data: encode from the store, decode into it
  var SURE = { sure: "s", unsure: "u", guess: "g" };

  function encodeQuiz(section, data, checkedOnly) {
    var answers = {}, count = 0;
    questionsOf(section).forEach(function (question) {
      var id = question.dataset.question;
      if (!scored(question) || !own(data.answers, id)) return;
      var answer = data.answers[id];
      if (checkedOnly && !answer.checked) return;
      var flags = (answer.checked ? "c" : "") + (answer.right ? "r" : "") + (SURE[answer.sure] || "");
      answers[id] = [answer.value, flags];
      count += 1;
    });
    var out = { a: answers };
    if (data.done) out.d = data.done;
    if (data.mastered) out.m = data.mastered;
    return count || data.done || data.mastered ? out : null;
  }

  function encode(checkedOnly) {
    var state = { v: 1, q: {}, t: {} }, s = store();
    if (!s) return null;
    quizzes().forEach(function (section) {
      var data = s.get("quiz." + section.dataset.quiz);
      var quiz = data ? encodeQuiz(section, data, checkedOnly) : null;
      if (quiz) state.q[section.dataset.quiz] = quiz;
    });
    var ticks = s.get("course.ticks");
    modules().forEach(function (id) {
      if (ticks && own(ticks.modules, id)) {
        var mine = ticks.modules[id], out = {};
        if (mine.read) out.r = mine.read;
        if (mine.challenge) out.c = mine.challenge;
        state.t[id] = out;
      }
    });
    return JSON.stringify(state);
  }

  function decodeAnswer(entry) {
    if (!Array.isArray(entry) || typeof entry[1] !== "string") return null;
    var flags = entry[1], answer = { value: entry[0] === undefined ? null : entry[0], checked: flags.indexOf("c") >= 0 };
    if (answer.checked) answer.right = flags.indexOf("r") >= 0;
    Object.keys(SURE).forEach(function (sure) { if (flags.indexOf(SURE[sure]) >= 0) answer.sure = sure; });
    return answer;
  }

  // Put the saved state into the store: each quiz's scored answers and the module's
  // ticks as the LMS has them; notes from this browser stay.
  function restore() {
    var s = store();
    if (!s) { warn("no store (assets/js/store.js): nothing restored"); return; }
    var all = saved && saved.q && typeof saved.q === "object" ? saved.q : {};
    quizzes().forEach(function (section) {
      var id = section.dataset.quiz, name = "quiz." + id;
      var local = s.get(name), mine = own(all, id) && all[id] ? all[id] : {};
      var data = { v: 1, answers: {} };
      questionsOf(section).forEach(function (question) {
        var qid = question.dataset.question;
        if (!scored(question)) {
          if (local && own(local.answers, qid)) data.answers[qid] = local.answers[qid];
        } else if (mine.a && own(mine.a, qid)) {
          var answer = decodeAnswer(mine.a[qid]);
          if (answer) data.answers[qid] = answer;
        }
      });
      if (typeof mine.d === "string") data.done = mine.d;
      if (typeof mine.m === "string") data.mastered = mine.m;
      if (!Object.keys(data.answers).length && !data.done && !data.mastered) s.remove(name);
      else if (!s.set(name, data)) warn("saved answers for " + id + " refused by the store");
    });
    var ticks = s.get("course.ticks") || { v: 1, modules: {} };
    var savedTicks = saved && saved.t && typeof saved.t === "object" ? saved.t : {};
    modules().forEach(function (id) {
      var mine = own(savedTicks, id) && savedTicks[id] ? savedTicks[id] : {}, out = {};
      if (typeof mine.r === "string") out.read = mine.r;
      if (typeof mine.c === "string") out.challenge = mine.c;
      if (Object.keys(out).length) ticks.modules[id] = out;
      else delete ticks.modules[id];
    });
    if (!Object.keys(ticks.modules).length) s.remove("course.ticks");
    else if (!s.set("course.ticks", ticks)) warn("saved ticks refused by the store");
  }

  // The quiz's note under «About this quiz»: in an LMS, what the platform is told.
  function sayLms() {
    var strings = {};
    try { strings = JSON.parse(document.getElementById("__site-strings").textContent); } catch (error) { return; }
    if (!strings["quiz.about.lms"]) return;
    document.querySelectorAll(".inkl-quiz__about[data-quiz-js]").forEach(function (about) {
      about.textContent = strings["quiz.about.lms"];
    });
  }

  // -- the score: scored questions of the page's quizzes, from the store
  function score() {
    var right = 0, checked = 0, total = 0, mastery = 0, s = store();
    quizzes().forEach(function (section) {
      var data = s ? s.get("quiz." + section.dataset.quiz) : null;
      mastery = mastery || Number(section.dataset.mastery) || 0;
      questionsOf(section).forEach(function (question) {
        if (!scored(question)) return;
        total += 1;
        var answer = data && own(data.answers, question.dataset.question) ? data.answers[question.dataset.question] : null;
        if (answer && answer.checked) { checked += 1; if (answer.right) right += 1; }
      });
    });
    return { right: right, checked: checked, total: total, mastery: lmsMastery === null ? mastery : lmsMastery };
  }

  function report() {
    if (!recording) return;
    var now = score();
    if (!now.total || !now.checked) return;
    var percent = Math.round(now.right * 10000 / now.total) / 100;
    set(V.score + ".raw", percent);
    set(V.score + ".min", 0);
    set(V.score + ".max", 100);
    if (!is12) {
      set("cmi.score.scaled", Math.round(now.right * 10000 / now.total) / 10000);
      set("cmi.progress_measure", Math.round(now.checked * 10000 / now.total) / 10000);
    }
    if (now.checked < now.total) return;
    passed = passed || now.right * 100 >= now.mastery * now.total;
    completed = true;
    if (is12) set(V.status, passed ? "passed" : "failed");
    else { set(V.status, "completed"); set("cmi.success_status", passed ? "passed" : "failed"); }
  }

  function saveState() {
    if (!recording) return;
    var state = encode(false);
    if (state !== null && state.length > V.limit) state = encode(true); // drop answers not yet checked
    if (state === null) return;
    if (state.length > V.limit) { warn("suspend data too long (" + state.length + " characters), not saved"); return; }
    set(V.suspend, state);
  }

  // All the checks of one click (check all) end in one report and one Commit.
  var pending = null;
  function flush() {
    if (pending !== null) { clearTimeout(pending); pending = null; }
    if (finished) return;
    report();
    saveState();
    call(V.commit, [""], "");
  }

  // -- one interaction per check
  function letter(n) { return typeof n === "number" && n >= 0 && n < 26 ? String.fromCharCode(97 + n) : null; }

  function rightKey(question) {
    try { return JSON.parse(atob(question.dataset.key.split("").reverse().join(""))).a; } catch (error) { return null; }
  }

  // The reader's response and the right one in the version's format, or null.
  function responses(question, value) {
    var type = question.dataset.type, sep = is12 ? "," : "[,]", key = rightKey(question), mine, right;
    function letters(list) {
      var out = list.map(letter);
      return out.indexOf(null) >= 0 ? null : out.join(sep);
    }
    if (type === "truefalse") {
      mine = value === "true" || value === "false" ? (is12 ? value.charAt(0) : value) : null;
      right = typeof key === "boolean" ? (is12 ? String(key).charAt(0) : String(key)) : null;
      return { type: "true-false", mine: mine, right: right };
    }
    if (type === "single" || type === "multiple") {
      mine = letters([].concat(value).map(Number));
      right = Array.isArray(key) ? letters(key) : null;
      return { type: "choice", mine: mine, right: right };
    }
    if (type === "order") {
      // value[i]: the place chosen for the i-th list on the page, which shows item data-item.
      var selects = question.querySelectorAll(":scope > fieldset:not([data-quiz-sure]) select"), placed = [];
      Array.prototype.forEach.call(selects, function (select, index) {
        if (Array.isArray(value) && typeof value[index] === "number") placed[value[index] - 1] = Number(select.dataset.item);
      });
      var complete = placed.length === selects.length && placed.every(function (n) { return typeof n === "number"; });
      mine = complete ? letters(placed) : null;
      right = letters(Array.prototype.map.call(selects, function (select, index) { return index; })); // item k at place k + 1
      return { type: "sequencing", mine: mine, right: right };
    }
    return null;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function record(detail, section) {
    var question = null;
    questionsOf(section).forEach(function (q) { if (q.dataset.question === detail.question) question = q; });
    if (!recording || !question || !scored(question)) return;
    var data = store() ? store().get("quiz." + detail.quiz) : null;
    var answer = data && own(data.answers, detail.question) ? data.answers[detail.question] : null;
    var n = Number(get("cmi.interactions._count"));
    if (isNaN(n)) return;
    var prefix = "cmi.interactions." + n + ".", now = new Date();
    if (!set(prefix + "id", detail.quiz + "/" + detail.question)) return;
    var kind = responses(question, answer ? answer.value : null);
    if (kind) set(prefix + "type", kind.type);
    if (is12) {
      set(prefix + "time", pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" + pad(now.getSeconds()));
      if (kind && kind.right) set(prefix + "correct_responses.0.pattern", kind.right);
      if (kind && kind.mine) set(prefix + "student_response", kind.mine);
      set(prefix + "result", detail.right ? "correct" : "wrong");
    } else {
      // SCORM 2004 allows a time zone only after hundredths of a second.
      set(prefix + "timestamp", now.toISOString().slice(0, 22) + "Z");
      if (kind && kind.right) set(prefix + "correct_responses.0.pattern", kind.right);
      if (kind && kind.mine) set(prefix + "learner_response", kind.mine);
      set(prefix + "result", detail.right ? "correct" : "incorrect");
    }
  }

  // -- time spent in this session, in the version's format
  function sessionTime() {
    var centis = Math.max(0, Math.round((Date.now() - started) / 10));
    var hours = Math.floor(centis / 360000), minutes = Math.floor(centis / 6000) % 60;
    var seconds = (centis % 6000) / 100;
    if (!is12) return "PT" + hours + "H" + minutes + "M" + seconds + "S";
    var whole = Math.floor(seconds), part = centis % 100;
    return pad(Math.min(hours, 9999)) + ":" + pad(minutes) + ":" + pad(whole) + "." + pad(part);
  }

  function finish() {
    if (finished) return;
    flush();
    finished = true;
    if (recording) {
      set(V.time, sessionTime());
      set(V.exit, completed ? (is12 ? "" : "normal") : "suspend");
    }
    call(V.finish, [""], "");
  }

  // -- wiring: the first DOMContentLoaded listener of the page (see the top)
  document.addEventListener("DOMContentLoaded", function () {
    try { restore(); } catch (error) { warn("restore failed", error); }
    try { if (recording) sayLms(); } catch (error) { warn("could not change the quiz's note", error); }
  });
  document.addEventListener("inkl:quiz-checked", function (event) {
    var detail = event.detail || {};
    if (finished || detail.team || !event.target.closest || event.target.closest("[data-quiz-review]")) return;
    try { record(detail, event.target); } catch (error) { warn("interaction not recorded", error); }
    if (pending === null) pending = setTimeout(function () { try { flush(); } catch (error) { warn("report failed", error); } }, 0);
  });
  // Hidden (another tab, the phone locked): save what is there, in case the page never comes back.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { try { flush(); } catch (error) { warn("report failed", error); } }
  });
  window.addEventListener("pagehide", function () {
    try { finish(); } catch (error) { warn("finish failed", error); }
  });
})();
