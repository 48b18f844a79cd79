/* The site's one door to the browser's storage. quiz.js, course.js and site.js
   read and write only through window.inklStore.

   Keys are scoped to this site: "inkl:<site root path>:<name>", for example
   "inkl:/inkl/:quiz.kurs-modul-1". All GitHub Pages project sites of one owner share
   one origin (user.github.io/a/, user.github.io/b/), and so one localStorage: the
   site root path keeps each site to its own keys. The root path is Material's
   __md_scope, set in the page head (the head script in overrides/main.html that
   reads the facilitator choice builds the same key).

   Only known names are stored, each with a check of its value. Every read checks:
   a stored value that fails is treated as absent and removed, never thrown.
     quiz.<quiz id>  localStorage    JSON {v: 1, answers: {<question id>: {value, checked, right?, sure?}},
                                     done?: date, mastered?: date}; sure: "sure" | "unsure" | "guess", how
                                     sure the reader said they were (quiz.js); done: the day every scored
                                     question was first checked; mastered: the day the score first reached
                                     the mastery threshold (data-mastery on the quiz)
     course.name     localStorage    the reader's name on the completion page, at most 200 characters
     course.ticks    localStorage    JSON {v: 1, modules: {<quiz id>: {read?: date, challenge?: date}}}: the
                                     reader's ticks for reading a module and doing its challenge (course.js)
     review          localStorage    JSON {v: 1, items: {"<quiz id>/<question id>": {due: "YYYY-MM-DD", step: 0-3,
                                     streak: 0-2}}}: the questions to ask again, when, how far along the waits
                                     (1, 3, 7, 21 days) and how many right, «sure» answers in a row (review.js)
     facilitator     localStorage    "on" when the facilitator view is on
     contacts        localStorage    JSON {v: 1, leader?: {name?, phone?}, nav?: {…}, provider?: {…}}: whom the
                                     mentor calls (their manager, the Nav counsellor, the provider), written on
                                     the guide's start page (contacts.js); short one-line texts. Not in
                                     progress files: it is not progress, and a file may be passed on
     course.here     sessionStorage  the quiz id of the last module opened in this tab (so it holds in both languages)
     language.place  sessionStorage  JSON {path, heading}: the page in the other language and the heading
                                     the reader was at when they switched; read once on that page

   Progress files (export and import on the course overview) are JSON
   {site: "inkl", v: 1, saved: <ISO date>, items: {"inkl.<name>": "<stored text>"}}:
   the names are not scoped, so a file moves between addresses of the site. */
(function () {
  "use strict";

  var FILE_SITE = "inkl";
  var FILE_VERSION = 1;
  var MAX_FILE_BYTES = 1024 * 1024;
  var MAX_NAME = 200;
  var MAX_NOTE = 20000;
  var MAX_ANSWERS = 200;
  var LEGACY = "inkl."; // the keys before scoping, shared by every site on the origin
  var ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;
  var CONTROL = /[\u0000-\u001f\u007f]/;

  // -- the site root path --------------------------------------------------------
  function rootPath() {
    try {
      if (window.__md_scope && typeof window.__md_scope.pathname === "string") return window.__md_scope.pathname;
    } catch (error) { /* fall through */ }
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      var path = new URL(config.base, location).pathname;
      // A non-default language's base is that language's folder (hooks/language_scope.py).
      var lang = "/" + document.documentElement.lang + "/";
      if (path.length > lang.length && path.slice(-lang.length) === lang) path = path.slice(0, -lang.length + 1);
      return path;
    } catch (error) {
      return "/";
    }
  }

  var ROOT = rootPath();
  var PREFIX = "inkl:" + ROOT + ":";

  // -- what may be stored --------------------------------------------------------
  function isPlain(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) &&
      Object.getPrototypeOf(value) === Object.prototype;
  }

  function onlyKeys(object, allowed) {
    return Object.keys(object).every(function (key) { return allowed.indexOf(key) >= 0; });
  }

  // An answer's value: nothing yet, a chosen option or "true"/"false" or a note
  // (text of bounded length), or a list of small numbers (several options, an order).
  function validValue(value) {
    if (value === null) return true;
    if (typeof value === "string") return value.length <= MAX_NOTE;
    if (Array.isArray(value)) {
      return value.length <= 50 && value.every(function (n) {
        return n === null || (typeof n === "number" && Math.floor(n) === n && n >= 0 && n <= 99);
      });
    }
    return false;
  }

  var SURE = ["sure", "unsure", "guess"];

  function validAnswer(answer) {
    return isPlain(answer) && onlyKeys(answer, ["value", "checked", "right", "sure"]) &&
      typeof answer.checked === "boolean" &&
      (answer.right === undefined || typeof answer.right === "boolean") &&
      (answer.sure === undefined || SURE.indexOf(answer.sure) >= 0) &&
      validValue(answer.value);
  }

  function validQuiz(data) {
    if (!isPlain(data) || !onlyKeys(data, ["v", "answers", "done", "mastered"])) return false;
    if (data.v !== 1 || !isPlain(data.answers)) return false;
    if (data.done !== undefined && !(typeof data.done === "string" && DATE.test(data.done))) return false;
    if (data.mastered !== undefined && !(typeof data.mastered === "string" && DATE.test(data.mastered))) return false;
    var ids = Object.keys(data.answers);
    return ids.length <= MAX_ANSWERS && ids.every(function (id) {
      return ID.test(id) && validAnswer(data.answers[id]);
    });
  }

  // The reader's ticks (course.js): per module, the day they ticked «read» and «challenge done».
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  function validTicks(data) {
    if (!isPlain(data) || !onlyKeys(data, ["v", "modules"]) || data.v !== 1 || !isPlain(data.modules)) return false;
    var ids = Object.keys(data.modules);
    return ids.length <= MAX_ANSWERS && ids.every(function (id) {
      var ticks = data.modules[id];
      return ID.test(id) && isPlain(ticks) && onlyKeys(ticks, ["read", "challenge"]) && Object.keys(ticks).length > 0 &&
        Object.keys(ticks).every(function (kind) { return typeof ticks[kind] === "string" && DAY.test(ticks[kind]); });
    });
  }

  // The review list (review.js): per question, "<quiz id>/<question id>", the day it is
  // due, its step in the waits (1, 3, 7, 21 days) and the right, «sure» answers in a row.
  var MAX_REVIEW = 1000;
  function validReview(data) {
    if (!isPlain(data) || !onlyKeys(data, ["v", "items"]) || data.v !== 1 || !isPlain(data.items)) return false;
    var keys = Object.keys(data.items);
    return keys.length <= MAX_REVIEW && keys.every(function (key) {
      var ids = key.split("/"), item = data.items[key];
      return ids.length === 2 && ID.test(ids[0]) && ID.test(ids[1]) && isPlain(item) &&
        onlyKeys(item, ["due", "step", "streak"]) && typeof item.due === "string" && DAY.test(item.due) &&
        [0, 1, 2, 3].indexOf(item.step) >= 0 && [0, 1, 2].indexOf(item.streak) >= 0;
    });
  }

  // Whom the mentor calls (contacts.js): per role, a name and a phone number, each a short
  // line of text; a role with nothing written is left out, and so is the whole when empty.
  var CONTACT_ROLES = ["leader", "nav", "provider"];
  var CONTACT_LIMITS = { name: 100, phone: 40 };
  function validContacts(data) {
    if (!isPlain(data) || !onlyKeys(data, ["v"].concat(CONTACT_ROLES)) || data.v !== 1) return false;
    var roles = Object.keys(data).filter(function (key) { return key !== "v"; });
    return roles.length > 0 && roles.every(function (role) {
      var contact = data[role];
      return isPlain(contact) && onlyKeys(contact, ["name", "phone"]) && Object.keys(contact).length > 0 &&
        Object.keys(contact).every(function (part) {
          var text = contact[part];
          return typeof text === "string" && text.trim().length > 0 && text.length <= CONTACT_LIMITS[part] && !CONTROL.test(text);
        });
    });
  }

  var KINDS = [
    { name: /^quiz\.[a-z0-9][a-z0-9-]{0,79}$/, area: "local", json: true, file: true, valid: validQuiz },
    { name: /^course\.name$/, area: "local", file: true, valid: function (v) {
      return typeof v === "string" && v.length > 0 && v.length <= MAX_NAME && !CONTROL.test(v);
    } },
    { name: /^course\.ticks$/, area: "local", json: true, file: true, valid: validTicks },
    { name: /^review$/, area: "local", json: true, file: true, valid: validReview },
    { name: /^facilitator$/, area: "local", file: true, valid: function (v) { return v === "on"; } },
    { name: /^contacts$/, area: "local", json: true, file: false, valid: validContacts },
    { name: /^course\.here$/, area: "session", file: false, valid: function (v) { return typeof v === "string" && ID.test(v); } },
    // Where the reader was on the page when they switched language (language-place.js):
    // the page to open and the number of the heading they were reading.
    { name: /^language\.place$/, area: "session", json: true, file: false, valid: function (v) {
      return isPlain(v) && onlyKeys(v, ["path", "heading"]) && typeof v.path === "string" && v.path.length <= 500 &&
        v.path.indexOf(ROOT) === 0 && typeof v.heading === "number" && Math.floor(v.heading) === v.heading &&
        v.heading >= 0 && v.heading <= 500;
    } }
  ];

  function kindOf(name) {
    if (typeof name !== "string") return null;
    for (var i = 0; i < KINDS.length; i += 1) if (KINDS[i].name.test(name)) return KINDS[i];
    return null;
  }

  // The stored text for a value, or null if the value is not valid for the name.
  function encode(name, value) {
    var kind = kindOf(name);
    if (!kind || !kind.valid(value)) return null;
    return kind.json ? JSON.stringify(value) : value;
  }

  // The value in a stored text, or undefined if the text is not valid for the name.
  function decode(name, raw) {
    var kind = kindOf(name);
    if (!kind || typeof raw !== "string") return undefined;
    var value = raw;
    if (kind.json) {
      try { value = JSON.parse(raw); } catch (error) { return undefined; }
    }
    return kind.valid(value) ? value : undefined;
  }

  // -- the storage areas, each access guarded (blocked storage throws) -------------
  function area(which) {
    try { return which === "session" ? window.sessionStorage : window.localStorage; } catch (error) { return null; }
  }

  function keysOf(which) {
    var storage = area(which), keys = [];
    try {
      for (var i = 0; storage && i < storage.length; i += 1) keys.push(storage.key(i));
    } catch (error) { /* blocked */ }
    return keys;
  }

  function rawGet(which, key) {
    try { var storage = area(which); return storage ? storage.getItem(key) : null; } catch (error) { return null; }
  }

  function rawRemove(which, key) {
    try { var storage = area(which); if (storage) storage.removeItem(key); } catch (error) { /* blocked */ }
  }

  // Apply changes [{area, key, raw}] (raw null removes) all or nothing: if one
  // write fails (storage full or blocked), every key changed is put back as it was.
  function apply(changes) {
    var before = changes.map(function (change) {
      return { area: change.area, key: change.key, raw: rawGet(change.area, change.key) };
    });
    try {
      changes.forEach(function (change) {
        var storage = area(change.area);
        if (!storage) throw new Error("storage blocked");
        if (change.raw === null) storage.removeItem(change.key);
        else storage.setItem(change.key, change.raw);
      });
      return true;
    } catch (error) {
      before.forEach(function (old) {
        try {
          var storage = area(old.area);
          if (old.raw === null) storage.removeItem(old.key);
          else storage.setItem(old.key, old.raw);
        } catch (ignored) { /* nothing more can be done */ }
      });
      return false;
    }
  }

  // -- reading and writing by name -----------------------------------------------
  function get(name) {
    var kind = kindOf(name);
    if (!kind) return null;
    var raw = rawGet(kind.area, PREFIX + name);
    if (raw === null) return null;
    var value = decode(name, raw);
    if (value === undefined) { rawRemove(kind.area, PREFIX + name); return null; }
    return value;
  }

  function set(name, value) {
    var raw = encode(name, value), kind = kindOf(name);
    if (raw === null) return false;
    return apply([{ area: kind.area, key: PREFIX + name, raw: raw }]);
  }

  function remove(name) {
    var kind = kindOf(name);
    if (kind) rawRemove(kind.area, PREFIX + name);
  }

  // The names of this site's stored values in localStorage that `keep(name)` selects.
  function names(keep) {
    return keysOf("local").filter(function (key) {
      return key.indexOf(PREFIX) === 0 && kindOf(key.slice(PREFIX.length));
    }).map(function (key) { return key.slice(PREFIX.length); }).filter(function (name) {
      return !keep || keep(name);
    });
  }

  // -- delete with undo ----------------------------------------------------------
  // Delete the selected names; returns what undo() needs to put back exactly what
  // was there, or null if the browser refused.
  function removeAll(keep) {
    var changes = names(keep).map(function (name) { return { area: "local", key: PREFIX + name, raw: null }; });
    return removeChanges(changes);
  }

  function removeChanges(changes) {
    var snapshot = changes.map(function (change) {
      return { area: change.area, key: change.key, raw: rawGet(change.area, change.key) };
    }).filter(function (old) { return old.raw !== null; });
    return apply(changes) ? snapshot : null;
  }

  function undo(snapshot) {
    return apply(snapshot || []);
  }

  // Everything the site stored in this browser, for the privacy page: this site's
  // keys in both areas, Material's keys for this site (they start with the site root
  // path and a dot, e.g. "/inkl/.__palette") and any unscoped key left from before.
  function clearSite() {
    var changes = [];
    ["local", "session"].forEach(function (which) {
      keysOf(which).forEach(function (key) {
        if (key.indexOf(PREFIX) === 0 || key.indexOf(ROOT + ".") === 0 || key.indexOf(LEGACY) === 0) {
          changes.push({ area: which, key: key, raw: null });
        }
      });
    });
    return removeChanges(changes);
  }

  // -- progress files ------------------------------------------------------------
  function exportFile() {
    var items = {};
    names(function (name) { return kindOf(name).file; }).sort().forEach(function (name) {
      var value = get(name);
      if (value !== null) items[LEGACY + name] = encode(name, value);
    });
    return { site: FILE_SITE, v: FILE_VERSION, saved: new Date().toISOString(), items: items };
  }

  // Check a whole file's text before anything is written. Returns {items: [{name, raw}]}
  // or {error: "json" | "site" | "newer" | "version" | "entry", entry?, version?}.
  function checkFile(text) {
    var data;
    try { data = JSON.parse(text); } catch (error) { return { error: "json" }; }
    if (!isPlain(data) || data.site !== FILE_SITE) return { error: "site" };
    if (typeof data.v === "number" && data.v > FILE_VERSION) return { error: "newer", version: String(data.v) };
    if (data.v !== FILE_VERSION) return { error: "version", version: String(data.v) };
    if (!isPlain(data.items)) return { error: "site" };
    var items = [], keys = Object.keys(data.items);
    for (var i = 0; i < keys.length; i += 1) {
      var key = keys[i];
      var name = key.indexOf(LEGACY) === 0 ? key.slice(LEGACY.length) : null;
      var kind = kindOf(name);
      var value = kind && kind.file ? decode(name, data.items[key]) : undefined;
      if (value === undefined) return { error: "entry", entry: key };
      items.push({ name: name, raw: encode(name, value) });
    }
    return { items: items };
  }

  // Write a checked file's items, all or nothing; entries not in the file stay.
  function importItems(items) {
    return apply(items.map(function (item) {
      return { area: kindOf(item.name).area, key: PREFIX + item.name, raw: item.raw };
    }));
  }

  // -- move the unscoped keys of earlier versions into this site's keys, then remove
  // them. A scoped value already there is newer and stays. Keys with a name the
  // site does not know are not touched: they may be another site's.
  function migrate() {
    ["local", "session"].forEach(function (which) {
      keysOf(which).forEach(function (key) {
        if (key.indexOf(LEGACY) !== 0) return;
        var name = key.slice(LEGACY.length), kind = kindOf(name);
        if (!kind || kind.area !== which) return;
        var value = decode(name, rawGet(which, key));
        if (value !== undefined && get(name) === null) {
          if (!apply([{ area: which, key: PREFIX + name, raw: encode(name, value) }])) return; // try again next time
          if (name === "facilitator") document.documentElement.classList.add("inkl-facilitator");
        }
        rawRemove(which, key);
      });
    });
  }

  try { migrate(); } catch (error) { /* never stop the page */ }

  window.inklStore = {
    root: ROOT,
    prefix: PREFIX,
    maxFileBytes: MAX_FILE_BYTES,
    fileVersion: FILE_VERSION,
    get: get,
    set: set,
    remove: remove,
    names: names,
    removeAll: removeAll,
    undo: undo,
    clearSite: clearSite,
    exportFile: exportFile,
    checkFile: checkFile,
    importItems: importItems
  };
})();
