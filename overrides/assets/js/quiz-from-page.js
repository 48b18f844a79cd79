/* A quiz from its own page, for the pages that show it elsewhere: the review page
   (review-page.js) and a session plan's run view (session-run.js). They fetch it when
   they need it instead of carrying a copy of every quiz (the review page held every
   quiz, half a megabyte; each session plan its module's, 40 KB).

   window.inklQuizFromPage(address, quizId) gives a promise of the quiz's <section>,
   adopted into this document and not yet in it: the links to its objectives (ids
   that only its module page has) become their text, and every other link works from
   here. Each page is fetched once. The HTML comes from this site, parsed by
   DOMParser: nothing in it runs, and nothing is built from strings. */
(function () {
  "use strict";

  var pages = {};  // address → promise of the page's text

  function adopted(html, address, quizId) {
    var found = new DOMParser().parseFromString(html, "text/html").getElementById("quiz-" + quizId);
    if (!found || found.dataset.quiz !== quizId) throw new Error("no quiz " + quizId + " on " + address);
    var quiz = document.importNode(found, true);
    quiz.querySelectorAll('a[href^="#mal-"]').forEach(function (link) { link.replaceWith(document.createTextNode(link.textContent)); });
    var ids = {};
    quiz.querySelectorAll("[id]").forEach(function (element) { ids["#" + element.id] = true; });
    quiz.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (ids[href]) return;  // a place in the quiz itself
      var url = new URL(href, address);
      link.setAttribute("href", url.origin === location.origin ? url.pathname + url.search + url.hash : url.href);
    });
    return quiz;
  }

  window.inklQuizFromPage = function (address, quizId) {
    var url = new URL(address, location.href);
    url.hash = "";
    if (!pages[url.href]) {
      pages[url.href] = fetch(url.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(url.href + ": " + response.status);
        return response.text();
      });
      pages[url.href].catch(function () { delete pages[url.href]; });  // a later call tries again
    }
    return pages[url.href].then(function (html) { return adopted(html, url.href, quizId); });
  };
})();
