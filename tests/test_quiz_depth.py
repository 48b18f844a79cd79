"""The quiz page in depth (overrides/partials/quiz.html, assets/js/quiz.js): scenario
boxes, every option's feedback once after checking, the answer key as a list, the
verdict words, how sure the reader was (kept, flagged when sure and wrong, never in
team mode), the objective a question checks, the «inkl:quiz-checked» event, the
`mastered` date, a review section (`data-quiz-review`) that keeps nothing, the text
without JavaScript, and axe-core on a checked quiz in both schemes.

Uses tests/fixtures/quiz-demo.yml on the About page (`quiz_server`), and module 1's own
quiz on its page (which links the objectives)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import material
import pytest
from playwright.sync_api import Page, expect

from axe import violations
from sitebuild import DEMO_QUIZ, ROOT
from sitekit import strict_yaml
from sitekit.course import MASTERY_PERCENT
from sitekit.quizzes import load_quiz, view_model
from sitekit.templates import autoescaping

NB, EN = "/om/", "/en/om/"
KEY = "inkl:/:quiz.quiz-demo"  # the site root is "/" on the test server (assets/js/store.js)
DEMO = strict_yaml.load(DEMO_QUIZ.read_text(encoding="utf-8"))

# The page's words, per language.
WORDS = {
    NB: {
        "check": "Sjekk svaret", "check all": "Sjekk alle svarene", "team": "Teammodus", "next": "Neste spørsmål",
        "show": "Vis svaret og forklaringen", "right": "✓ Riktig.", "wrong": "✗ Ikke helt.",
        "flag": "Du var sikker – les dette igjen.", "sure": "Sikker", "unsure": "Usikker", "guess": "Gjetter",
        "group": "Hvor sikker er du? (valgfritt)", "yours": "(ditt valg)", "right option": "Riktig:",
        "wrong option": "Feil:", "answers": "Riktige svar:", "constructed": "Tenkt eksempel",
        "case": "Fra modulens sak", "checks one": "Sjekker læringsmål:", "checks many": "Sjekker læringsmål:",
        "true": "Sant", "false": "Usant", "three": "Tre", "five": "Fem", "virke": "Virke",
    },
    EN: {
        "check": "Check your answer", "check all": "Check all answers", "team": "Team mode", "next": "Next question",
        "show": "Show the answer and explanation", "right": "✓ Correct.", "wrong": "✗ Not quite.",
        "flag": "You were sure – read this again.", "sure": "Sure", "unsure": "Unsure", "guess": "Guessing",
        "group": "How sure are you? (optional)", "yours": "(your choice)", "right option": "Right:",
        "wrong option": "Wrong:", "answers": "Right answers:", "constructed": "Constructed example",
        "case": "From the module's case", "checks one": "Checks the learning objective:",
        "checks many": "Checks the learning objectives:",
        "true": "True", "false": "False", "three": "Three", "five": "Five", "virke": "Virke",
    },
}
LANG = {NB: "nb", EN: "en"}
BOTH = pytest.mark.parametrize("path", [NB, EN], ids=["nb", "en"])


def question(page: Page, qid: str):
    return page.locator(f"#quiz-quiz-demo-{qid}")


def demo_question(qid: str) -> dict:
    return next(q for q in DEMO["questions"] if q["id"] == qid)


def stored(page: Page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def sure_group(q):
    return q.locator("[data-quiz-sure]")


def pick_sure(page: Page, q, word: str) -> None:
    sure_group(q).get_by_label(word, exact=True).check()


def check(page: Page, q, path: str) -> None:
    q.get_by_role("button", name=WORDS[path]["check"]).click()


@pytest.fixture
def open_quiz(page: Page, quiz_server: str):
    """Open the quiz page in a language, with nothing stored; no script errors allowed."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def go(path: str, query: str = "") -> Page:
        page.goto(quiz_server + path)
        page.evaluate("localStorage.clear()")
        page.goto(quiz_server + path + query)
        return page

    yield go
    assert errors == [], errors


def record_events(page: Page) -> None:
    """Keep every «inkl:quiz-checked» that reaches the document (so it bubbles)."""
    page.evaluate("""() => {
        window.__checked = [];
        document.addEventListener("inkl:quiz-checked", (event) => window.__checked.push(event.detail));
    }""")


def events(page: Page) -> list[dict]:
    return page.evaluate("window.__checked")


# -- scenario, verdict, feedback, answer key ----------------------------------------------


@BOTH
def test_a_scenario_is_labelled_by_kind_and_comes_before_the_prompt(open_quiz, path: str) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    for qid, kind in (("velg-en", "constructed"), ("sant-usant", "case")):
        q = question(page, qid)
        box = q.locator(".inkl-quiz__scenario")
        expect(box).to_be_visible()
        expect(box.locator(".inkl-quiz__scenario-label")).to_have_text(words[kind])
        expect(box).to_contain_text(demo_question(qid)["scenario"]["text"][LANG[path]])
        # The situation is read first: the box precedes the question's own fieldset.
        before = q.evaluate("""(li) => {
            const box = li.querySelector(".inkl-quiz__scenario"), legend = li.querySelector("fieldset > legend");
            return Boolean(box.compareDocumentPosition(legend) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        assert before, qid
    expect(question(page, "velg-flere").locator(".inkl-quiz__scenario")).to_have_count(0)


@BOTH
def test_the_verdict_says_correct_or_not_quite(open_quiz, path: str) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    q = question(page, "velg-en")
    q.get_by_label(words["five"], exact=True).check()
    check(page, q, path)
    expect(q.locator("[data-quiz-feedback]")).to_have_text(words["right"])
    q = question(page, "sant-usant")
    q.get_by_label(words["true"], exact=True).check()
    check(page, q, path)
    expect(q.locator("[data-quiz-feedback]")).to_have_text(words["wrong"])


def _feedback_texts(qid: str, language: str) -> list[str]:
    q = demo_question(qid)
    if q["type"] == "truefalse":
        return [q[name][language] for name in ("feedback_true", "feedback_false")]
    return [option["feedback"][language] for option in q["options"]]


@BOTH
@pytest.mark.parametrize(("qid", "choose", "chosen_note", "right"), [
    ("velg-en", ["three"], "0", False),
    ("velg-en", ["five"], "1", True),
    ("velg-flere", ["virke"], "0", False),   # one of the two right options is not enough
    ("sant-usant", ["true"], "true", False),
])
def test_every_options_feedback_shows_once_after_checking(open_quiz, path: str, qid: str, choose: list, chosen_note: str, right: bool) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    q = question(page, qid)
    texts = _feedback_texts(qid, LANG[path])
    for text in texts:  # nothing before the reader has tried
        assert text not in q.inner_text(), text
    for word in choose:
        q.get_by_label(words[word], exact=True).check()
    check(page, q, path)
    # Without a click: the answer box opens, right or wrong.
    expect(q.locator("details")).to_have_attribute("open", "")
    shown = q.inner_text()
    for text in texts:
        assert shown.count(text) == 1, f"{text!r} shown {shown.count(text)} times:\n{shown}"
    expect(q.locator("[data-quiz-feedback]")).to_have_text(words["right" if right else "wrong"])
    # Each option marked right or wrong in words; the reader's own choice marked, and only it.
    notes = q.locator("details [data-option]")
    expect(notes).to_have_count(len(texts))
    for note in notes.all():
        mark = words["right option"] if "inkl-quiz__note--right" in note.get_attribute("class") else words["wrong option"]
        expect(note).to_contain_text(mark, use_inner_text=True)
        if note.get_attribute("data-option") == chosen_note:
            expect(note).to_contain_text(words["yours"], use_inner_text=True)
        else:
            expect(note).not_to_contain_text(words["yours"], use_inner_text=True)
    assert shown.count(words["yours"]) == len(choose)
    # «Try again» takes it all away.
    if not right:
        q.get_by_role("button", name="Prøv igjen" if path == NB else "Try again").click()
        expect(q.locator("details")).to_be_hidden()
        for text in texts:
            assert text not in q.inner_text(), text


@BOTH
def test_a_wrong_answer_states_the_right_options_as_a_list(open_quiz, path: str) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    q = question(page, "velg-flere")
    q.get_by_label("A blog post" if path == EN else "Et blogginnlegg", exact=True).check()
    check(page, q, path)
    details = q.locator("details")
    expect(details).to_contain_text(words["answers"])
    right = [o["text"][LANG[path]] for o in demo_question("velg-flere")["options"] if o.get("correct")]
    expect(details.locator("ul.inkl-quiz__key > li")).to_have_text(right)
    assert "; ".join(right) not in details.inner_text()
    # One right option stays one line.
    q = question(page, "velg-en")
    q.get_by_label(words["three"], exact=True).check()
    check(page, q, path)
    expect(q.locator("details p").first).to_have_text(("Svar: " if path == NB else "Answer: ") + words["five"])
    expect(q.locator("ul.inkl-quiz__key")).to_have_count(0)


def _render(template: str, language: str, **context) -> str:
    """A partial rendered as the build renders it (autoescaping, the site's strings)."""
    loader = jinja2.FileSystemLoader([ROOT / "overrides", Path(material.__file__).parent / "templates"])
    env = autoescaping(jinja2.Environment(loader=loader))
    return env.get_template(template).render(config={"theme": {"language": language}}, **context)


@pytest.mark.parametrize(("language", "label"), [("nb", "Riktige svar"), ("en", "Right answers")])
def test_the_printed_answer_key_lists_several_right_options(language: str, label: str) -> None:
    quiz = view_model(load_quiz(DEMO_QUIZ), language, "team/fasit/")
    keys = [{"number": 1, "title": "Modul 1", "href": "../../kurs/modul-1/", "quiz": "quiz-demo", "quiz_view": quiz}]
    html = _render("partials/course-answer-keys.html", language, keys=keys, page=None)
    several = [o["text"] for o in quiz["questions"][1]["options"] if o["correct"]]
    assert re.search(rf"<p><strong>{label}:</strong></p>\s*<ul><li>{several[0]}</li><li>{several[1]}</li></ul>", html), html
    assert f"{several[0]}; {several[1]}" not in html
    one = next(o["text"] for o in quiz["questions"][0]["options"] if o["correct"])
    assert re.search(rf"<p><strong>(Svar|Answer):</strong> {one}</p>", html)


# -- how sure the reader is ---------------------------------------------------------------


@BOTH
def test_confidence_by_keyboard_is_kept_with_the_answer_and_after_reload(open_quiz, path: str) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    kb = page.keyboard
    q = question(page, "velg-en")

    def tab_to(locator) -> None:
        for _ in range(60):
            if locator.evaluate("element => element === document.activeElement"):
                return
            kb.press("Tab")
        raise AssertionError(f"Tab never reached {locator}")

    group = sure_group(q)
    expect(page.get_by_role("group", name=words["group"]).first).to_be_visible()
    tab_to(q.locator("input").first)
    kb.press("ArrowDown")  # the second option: the right one
    tab_to(group.locator("input").first)  # one Tab stop for the group, then arrows
    kb.press("Space")
    kb.press("ArrowRight")
    expect(group.get_by_label(words["unsure"], exact=True)).to_be_checked()
    assert stored(page)["answers"]["velg-en"]["sure"] == "unsure"  # kept as soon as said
    tab_to(q.get_by_role("button", name=words["check"]))
    kb.press("Enter")
    expect(q.locator("[data-quiz-feedback]")).to_have_text(words["right"])
    assert stored(page)["answers"]["velg-en"] == {"value": "1", "checked": True, "right": True, "sure": "unsure"}
    # Said before checking: it stays as it was once checked.
    for radio in group.locator("input").all():
        expect(radio).to_be_disabled()
    page.reload()
    q = question(page, "velg-en")
    expect(sure_group(q).get_by_label(words["unsure"], exact=True)).to_be_checked()
    expect(sure_group(q).get_by_label(words["sure"], exact=True)).not_to_be_checked()
    expect(q.get_by_label(words["five"], exact=True)).to_be_checked()
    # Said, not checked yet: kept over a reload too; optional: a check without it stores none.
    other = question(page, "velg-flere")
    pick_sure(page, other, words["guess"])
    page.reload()
    expect(sure_group(question(page, "velg-flere")).get_by_label(words["guess"], exact=True)).to_be_checked()
    tf = question(page, "sant-usant")
    tf.get_by_label(words["false"], exact=True).check()
    check(page, tf, path)
    assert "sure" not in stored(page)["answers"]["sant-usant"]


@BOTH
def test_wrong_when_sure_is_flagged_and_only_then(open_quiz, path: str) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    cases = [  # question, answer, how sure, flagged?
        ("velg-en", "three", "sure", True),
        ("sant-usant", "true", "unsure", False),
        ("velg-flere", "virke", None, False),
    ]
    for qid, answer, sure, flagged in cases:
        q = question(page, qid)
        q.get_by_label(words[answer], exact=True).check()
        if sure:
            pick_sure(page, q, words[sure])
        check(page, q, path)
        flag = q.locator("[data-quiz-feedback] .inkl-quiz__flag")
        if flagged:
            expect(flag).to_have_text("⚠ " + words["flag"])
            expect(q.locator("[data-quiz-feedback]")).to_contain_text(words["wrong"])
        else:
            expect(flag).to_have_count(0)
    # Right and sure: no flag.
    q = question(page, "rekkefolge")
    for select in q.locator("select").all():
        select.select_option(str(int(select.get_attribute("data-item")) + 1))
    pick_sure(page, q, words["sure"])
    check(page, q, path)
    expect(q.locator("[data-quiz-feedback]")).to_have_text(words["right"])
    # The flag comes back after a reload, from the stored `sure`.
    page.reload()
    expect(question(page, "velg-en").locator(".inkl-quiz__flag")).to_have_text("⚠ " + words["flag"])
    expect(page.locator(".inkl-quiz__flag")).to_have_count(1)


@BOTH
def test_team_mode_shows_no_confidence_and_stores_nothing(open_quiz, path: str) -> None:
    words = WORDS[path]
    page = open_quiz(path, "?team=1")
    record_events(page)
    expect(page.get_by_role("button", name=words["team"])).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-quiz-sure]:visible")).to_have_count(0)
    expect(page.get_by_role("radio", name=words["sure"], exact=True)).to_have_count(0)  # not even to a screen reader
    q = question(page, "velg-en")
    q.get_by_label(words["three"], exact=True).check()
    page.get_by_role("button", name=words["show"]).click()
    page.get_by_role("button", name=words["next"]).click()
    question(page, "velg-flere").get_by_label(words["virke"], exact=True).check()
    assert page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('inkl:'))") == []
    assert events(page) == []  # nothing was checked, so nothing to tell the review
    # Off, the group is back; on again by the button, it goes.
    page.get_by_role("button", name=words["team"]).click()
    expect(sure_group(q)).to_be_visible()
    pick_sure(page, q, words["sure"])
    page.get_by_role("button", name=words["team"]).click()
    expect(page.locator("[data-quiz-sure]:visible")).to_have_count(0)
    expect(q.get_by_role("radio", name=words["sure"], exact=True)).to_have_count(0)


# -- the objective a question checks -------------------------------------------------------


@BOTH
def test_each_question_names_the_objectives_it_checks(open_quiz, path: str) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    objectives = {o["id"]: o["text"][LANG[path]] for o in DEMO["objectives"]}
    for q in DEMO["questions"]:
        line = question(page, q["id"]).locator(".inkl-quiz__checks")
        if not q.get("checks"):
            expect(line).to_have_count(0)
            continue
        label = words["checks one" if len(q["checks"]) == 1 else "checks many"]
        expect(line).to_have_text(f"{label} " + "; ".join(objectives[i] for i in q["checks"]))
        # Not the quiz's module page: the objectives are not on it, so no links.
        expect(line.locator("a")).to_have_count(0)


@pytest.mark.parametrize("path", ["/kurs/modul-1/", "/en/kurs/modul-1/"], ids=["nb", "en"])
def test_on_its_module_page_a_question_links_to_its_objectives(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    links = page.locator(".inkl-quiz__checks a")
    quiz = strict_yaml.load((ROOT / "quizzes/kurs-modul-1.yml").read_text(encoding="utf-8"))
    checked = [i for q in quiz["questions"] for i in q.get("checks", [])]
    assert checked, "module 1's quiz names the objectives its questions check"
    expect(links).to_have_count(len(checked))
    for link, objective in zip(links.all(), checked):
        assert link.get_attribute("href") == f"#mal-{objective}"
        target = page.locator(f"li#mal-{objective}")
        expect(target).to_have_count(1)
        expect(target).to_have_text(link.inner_text())
    page.locator(".inkl-quiz__checks a").first.click()
    assert page.evaluate("location.hash") == f"#mal-{checked[0]}"


# -- the event, mastery, review ------------------------------------------------------------


@BOTH
def test_every_check_of_a_scored_question_fires_the_event(open_quiz, path: str) -> None:
    page = open_quiz(path)
    words = WORDS[path]
    record_events(page)
    q = question(page, "velg-en")
    q.get_by_label(words["three"], exact=True).check()
    pick_sure(page, q, words["sure"])
    check(page, q, path)
    assert events(page) == [{"quiz": "quiz-demo", "question": "velg-en", "right": False, "sure": "sure", "team": False}]
    q.get_by_role("button", name="Prøv igjen" if path == NB else "Try again").click()
    q.get_by_label(words["five"], exact=True).check()
    check(page, q, path)  # no confidence this time
    question(page, "refleksjon").locator("textarea").fill("notat")
    question(page, "sant-usant").get_by_label(words["false"], exact=True).check()
    pick_sure(page, question(page, "sant-usant"), words["guess"])
    check(page, question(page, "velg-flere"), path)  # not answered: not checked, no event
    page.get_by_role("button", name=words["check all"]).click()  # checks the three answered scored questions
    assert events(page) == [
        {"quiz": "quiz-demo", "question": "velg-en", "right": False, "sure": "sure", "team": False},
        {"quiz": "quiz-demo", "question": "velg-en", "right": True, "sure": None, "team": False},
        {"quiz": "quiz-demo", "question": "velg-en", "right": True, "sure": None, "team": False},
        {"quiz": "quiz-demo", "question": "sant-usant", "right": True, "sure": "guess", "team": False},
    ]
    page.reload()  # showing stored results again is no new check
    record_events(page)
    page.wait_for_timeout(200)
    assert events(page) == []


def _answer_right(page: Page, path: str, qids: list[str]) -> None:
    words = WORDS[path]
    for qid in qids:
        q = question(page, qid)
        if qid == "velg-en":
            q.get_by_label(words["five"], exact=True).check()
        elif qid == "velg-flere":
            q.get_by_label(words["virke"], exact=True).check()
            q.get_by_label("IMDi", exact=True).check()
        elif qid == "sant-usant":
            q.get_by_label(words["false"], exact=True).check()
        elif qid == "rekkefolge":
            for select in q.locator("select").all():
                select.select_option(str(int(select.get_attribute("data-item")) + 1))
        check(page, q, path)


def test_the_quiz_carries_the_mastery_threshold_and_stores_the_day_it_is_reached(open_quiz) -> None:
    page = open_quiz(NB)
    expect(page.locator(".inkl-quiz")).to_have_attribute("data-mastery", str(MASTERY_PERCENT))
    today = page.evaluate("new Date().toISOString().slice(0, 10)")
    _answer_right(page, NB, ["velg-en", "velg-flere", "sant-usant"])
    q = question(page, "rekkefolge")
    for select in q.locator("select").all():
        select.select_option("1")
    check(page, q, NB)
    data = stored(page)
    assert data["done"] == today and "mastered" not in data  # 3 of 4 is 75 %
    q.get_by_role("button", name="Prøv igjen").click()
    _answer_right(page, NB, ["rekkefolge"])
    assert stored(page)["mastered"] == today  # 4 of 4
    # The day it was first reached stays, even while a question is tried again.
    page.evaluate("""(key) => {
        const data = JSON.parse(localStorage.getItem(key)); data.mastered = "2026-01-05";
        localStorage.setItem(key, JSON.stringify(data));
    }""", KEY)
    page.reload()
    question(page, "velg-en").get_by_label("Tre", exact=True).check()
    check(page, question(page, "velg-en"), NB)
    assert stored(page)["mastered"] == "2026-01-05"


@pytest.fixture
def review_page(page: Page, quiz_server: str):
    """The About page with its quiz marked as a review section (as the review page marks
    its quizzes), and an answer already stored for the quiz."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def mark(route) -> None:
        response = route.fetch()
        body = response.text().replace('data-quiz="quiz-demo"', 'data-quiz="quiz-demo" data-quiz-review', 1)
        route.fulfill(response=response, body=body)

    page.goto(quiz_server + NB)
    before = json.dumps({"v": 1, "answers": {"velg-en": {"value": "0", "checked": True, "right": False}}}, separators=(",", ":"))
    page.evaluate("([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }", [KEY, before])
    page.route(re.compile(r".*/om/$"), mark)
    page.goto(quiz_server + NB)
    expect(page.locator(".inkl-quiz[data-quiz-review]")).to_have_count(1)
    yield page, before
    assert errors == [], errors


def test_a_review_section_keeps_nothing_under_the_quiz_and_leaves_hiding_to_review(review_page) -> None:
    page, before = review_page
    words = WORDS[NB]
    quiz = page.locator(".inkl-quiz")
    record_events(page)
    # It starts empty (the stored answer is not shown), without delete or team buttons.
    expect(question(page, "velg-en").get_by_label("Tre", exact=True)).not_to_be_checked()
    expect(question(page, "velg-en").locator("[data-quiz-feedback]")).to_have_text("")
    expect(quiz.locator("[data-quiz-action=reset]")).to_be_hidden()
    expect(quiz.locator("[data-quiz-action=team]")).to_be_hidden()
    # review.js hides the questions not due; quiz.js leaves that alone.
    page.evaluate("document.querySelector('#quiz-quiz-demo-velg-flere').hidden = true")
    q = question(page, "velg-en")
    q.get_by_label("Fem", exact=True).check()
    pick_sure(page, q, words["sure"])
    check(page, q, NB)
    expect(q.locator("[data-quiz-feedback]")).to_have_text(words["right"])
    question(page, "refleksjon").locator("textarea").fill("notat")
    question(page, "sant-usant").get_by_label(words["true"], exact=True).check()
    page.get_by_role("button", name=words["check all"]).click()
    expect(question(page, "velg-flere")).to_be_hidden()
    expect(question(page, "velg-flere").locator("[data-quiz-feedback]")).to_have_text("")  # hidden: not checked
    assert [e["question"] for e in events(page)] == ["velg-en", "velg-en", "sant-usant"]
    assert events(page)[0] == {"quiz": "quiz-demo", "question": "velg-en", "right": True, "sure": "sure", "team": False}
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before  # untouched
    page.reload()  # nothing kept by quiz.js: the page starts empty again
    expect(question(page, "velg-en").get_by_label("Fem", exact=True)).not_to_be_checked()
    expect(question(page, "velg-en").locator("[data-quiz-feedback]")).to_have_text("")


# -- without JavaScript, and axe ----------------------------------------------------------


@BOTH
def test_without_javascript_the_quiz_says_what_needs_javascript(browser, quiz_server: str, path: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_server + path)
    quiz = page.locator(".inkl-quiz")
    nojs = quiz.locator("[data-quiz-nojs]")
    expect(nojs).to_be_visible()
    for needed in (("sjekke svarene", "lagre dem", "teammodus", "JavaScript") if path == NB
                   else ("checking your answers", "saving them", "team mode", "JavaScript")):
        expect(nojs).to_contain_text(needed)
    # Nothing visible promises storing or offers what cannot work.
    text = quiz.inner_text()
    for promise in ("lagres", "stored", WORDS[path]["group"], WORDS[path]["check"]):
        assert promise not in text, promise
    expect(question(page, "velg-en").locator(".inkl-quiz__scenario")).to_be_visible()
    context.close()
    # With JavaScript the storage note is there instead.
    page = browser.new_page()
    page.goto(quiz_server + path)
    expect(page.locator("[data-quiz-nojs]")).to_be_hidden()
    expect(page.locator(".inkl-quiz__about:visible")).to_contain_text("Svarene dine lagres" if path == NB else "Your answers are stored")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@BOTH
def test_axe_finds_no_violation_on_a_checked_quiz(page: Page, open_quiz, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # before Material first keeps the scheme
    open_quiz(path)
    words = WORDS[path]
    expected = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    assert violations(page) == []
    q = question(page, "velg-en")
    q.get_by_label(words["three"], exact=True).check()
    pick_sure(page, q, words["sure"])  # wrong and sure: the flag shows
    tf = question(page, "sant-usant")
    tf.get_by_label(words["false"], exact=True).check()
    pick_sure(page, tf, words["unsure"])
    question(page, "velg-flere").get_by_label(words["virke"], exact=True).check()
    page.get_by_role("button", name=words["check all"]).click()
    expect(q.locator(".inkl-quiz__flag")).to_be_visible()
    expect(q.locator("details")).to_have_attribute("open", "")
    assert violations(page) == []
