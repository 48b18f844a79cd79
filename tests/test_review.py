"""Review (overrides/assets/js/review.js, review-page.js, hooks/review.py): a question
answered wrongly, or rightly but not surely, comes back on the review page after 1, 3, 7
and 21 days, until it is answered rightly and surely twice in a row there; the list is
kept in this browser under one name for both languages, goes into the progress file,
and team mode adds nothing to it.

The questions are picked by type from the built pages, never by their text or id in
quizzes/ (other people rewrite those). Time is Playwright's clock, fixed per test."""
from __future__ import annotations

import base64
import json
import posixpath
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from axe import violations
from content.dom import parse_html
from sitebuild import ROOT

PREFIX = "inkl:/:"  # the test server serves the site at its root
KEY = PREFIX + "review"
TODAY = datetime(2026, 12, 1, 10, 0)
LANGUAGES = ["", "en/"]
ANSWERABLE = ".inkl-quiz__question[data-type=single], .inkl-quiz__question[data-type=multiple], .inkl-quiz__question[data-type=truefalse]"

TEXTS = {
    "": {
        "one": "Du har 1 spørsmål å repetere i dag.",
        "next": "Du har ingenting å repetere i dag. Neste repetisjon er {date}.",
        "none": "Du har ingen spørsmål å repetere.",
        "finished": "Du er ferdig for i dag.",
        "nojs": "Repetisjonen trenger JavaScript",
        "go": "Gå til repetisjonen",
        "dates": {2: "2. desember 2026", 4: "4. desember 2026"},
    },
    "en/": {
        "one": "You have 1 question to review today.",
        "next": "You have nothing to review today. The next review is on {date}.",
        "none": "You have no questions to review.",
        "finished": "You are done for today.",
        "nojs": "Review needs JavaScript",
        "go": "Go to review",
        "dates": {2: "2 December 2026", 4: "4 December 2026"},
    },
}


def day(days: int = 0) -> str:
    return (TODAY + timedelta(days=days)).strftime("%Y-%m-%d")


def at(page: Page, days: int = 0) -> None:
    """Fix the page's clock at TODAY + `days`, for this page and the ones it opens."""
    page.clock.set_fixed_time(TODAY + timedelta(days=days))


def stored(page: Page) -> dict | None:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return json.loads(raw) if raw is not None else None


def put(page: Page, items: dict) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps({"v": 1, "items": items})])


def item(due: str, step: int = 0, streak: int = 0) -> dict:
    return {"due": due, "step": step, "streak": streak}


def right_answer(question: Locator):
    """The right answer, from the question's lightly hidden key (sitekit.quizzes.encode_key)."""
    key = question.get_attribute("data-key")
    return json.loads(base64.b64decode(key[::-1]))["a"]


def answer(question: Locator, right: bool, sure: str | None = None) -> None:
    """Answer a single, multiple or true/false question rightly or wrongly, say how sure
    (or not), and check it."""
    kind, key = question.get_attribute("data-type"), right_answer(question)
    choices = question.locator(":scope > fieldset:not([data-quiz-sure]) input")
    if kind == "truefalse":
        value = str(key if right else not key).lower()
        choices.and_(question.locator(f"input[value={value}]")).check()
    else:
        values = [int(v) for v in choices.evaluate_all("inputs => inputs.map(i => i.value)")]
        wanted = key if right else [next(v for v in values if v not in key)]
        for input_ in choices.all():
            if int(input_.get_attribute("value")) in wanted:
                input_.check()
            elif kind == "multiple":
                input_.uncheck()
    if sure:
        question.locator(f"[data-quiz-sure] input[value={sure}]").check()
    question.locator("[data-quiz-action=check]").click()
    expect(question.locator("[data-quiz-feedback]")).not_to_be_empty()


def review_key(question: Locator) -> str:
    quiz = question.locator("xpath=ancestor::section[@data-quiz][1]").get_attribute("data-quiz")
    return f"{quiz}/{question.get_attribute('data-question')}"


def template_question(page: Page, quiz: str, nth: int = 0) -> str:
    """The id of the nth answerable question of `quiz`, from the quiz's own page, which
    the review page names (and fetches from when a question is due)."""
    return page.evaluate(
        """async ([quiz, nth, selector]) => {
            const group = [...document.querySelectorAll("[data-review-quiz]")].find((g) => g.dataset.reviewQuiz === quiz);
            const html = await (await fetch(group.dataset.reviewPage)).text();
            const found = new DOMParser().parseFromString(html, "text/html").getElementById("quiz-" + quiz);
            return found.querySelectorAll(selector)[nth].dataset.question;
        }""",
        [quiz, nth, ANSWERABLE],
    )


@pytest.fixture
def fresh(page: Page, server: str, errors: list) -> Page:
    """A page on the site with nothing stored, the clock at TODAY."""
    at(page)
    page.goto(server + "/kurs/")
    page.evaluate("localStorage.clear(); sessionStorage.clear()")
    return page


# -- scheduling from a quiz ---------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_or_unsure_answer_in_a_module_quiz_schedules_the_question(fresh: Page, server: str, language: str) -> None:
    page = fresh
    page.goto(server + f"/{language}kurs/modul-1/")
    first, second, third = page.locator(".inkl-quiz").first.locator(ANSWERABLE).all()[:3]
    answer(first, right=False)
    assert stored(page) == {"v": 1, "items": {review_key(first): item(day(1))}}
    answer(second, right=True, sure="sure")  # right and sure: nothing to review
    answer(third, right=True, sure="guess")  # right, but a guess: back tomorrow
    assert stored(page)["items"] == {review_key(first): item(day(1)), review_key(third): item(day(1))}
    # A right answer, unsure, to a question on the list leaves it where it is; a wrong one starts it over.
    put(page, {review_key(first): item(day(5), step=2, streak=1)})
    answer(first, right=True, sure="unsure")
    assert stored(page)["items"] == {review_key(first): item(day(5), step=2, streak=1)}
    answer(first, right=False, sure="sure")
    assert stored(page)["items"] == {review_key(first): item(day(1))}


@pytest.mark.browser
def test_team_mode_schedules_nothing(fresh: Page, server: str) -> None:
    page = fresh
    page.goto(server + "/kurs/modul-1/?team=1")
    quiz = page.locator(".inkl-quiz").first
    question = quiz.locator(".inkl-quiz__question:visible")
    expect(question.locator("[data-quiz-sure]")).to_be_hidden()
    question.locator("input").first.check()
    quiz.locator("[data-quiz-action=show]").click()
    # Whatever a team's screen sends, nothing is kept.
    quiz.evaluate("""(section) => section.dispatchEvent(new CustomEvent("inkl:quiz-checked", {bubbles: true,
        detail: {quiz: section.dataset.quiz, question: section.querySelector("[data-question]").dataset.question,
                 right: false, sure: null, team: true}}))""")
    assert stored(page) is None


# -- the review page -----------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_is_not_due_before_its_day_and_is_due_on_it(fresh: Page, server: str, language: str) -> None:
    page, texts = fresh, TEXTS[language]
    page.goto(server + f"/{language}kurs/modul-1/")
    question = page.locator(".inkl-quiz").first.locator(ANSWERABLE).first
    key = review_key(question)
    answer(question, right=False)

    page.goto(server + f"/{language}kurs/repetisjon/")
    status = page.locator("[data-review-status][role=status]")
    expect(status).to_have_text(texts["next"].format(date=texts["dates"][2]))
    assert page.locator(".inkl-quiz").count() == 0
    expect(page.locator("[data-review-nojs]")).to_be_hidden()
    page.goto(server + f"/{language}kurs/")
    expect(page.locator("[data-review-due]")).to_contain_text(texts["next"].format(date=texts["dates"][2]))

    page.goto(server + f"/{language}kurs/repetisjon/")
    at(page, 1)
    page.reload()
    expect(status).to_have_text(texts["one"])
    shown = page.locator(".inkl-quiz__question")
    expect(shown).to_have_count(1)  # only what is due is in the page
    assert review_key(shown) == key
    section = page.locator("section[data-quiz-review]")
    expect(section.locator(".inkl-quiz__title")).to_be_visible()
    link = section.locator("p a").first  # where the quiz lives
    assert link.get_attribute("href").endswith(f"modul-1/#quiz-{key.split('/')[0]}")
    expect(section.locator("[data-quiz-action=reset]")).to_be_hidden()

    # The course overview says so, with a link here.
    page.goto(server + f"/{language}kurs/")
    due = page.locator("[data-review-due]")
    expect(due).to_contain_text(texts["one"])
    due.get_by_role("link", name=texts["go"]).click()
    expect(page).to_have_url(server + f"/{language}kurs/repetisjon/")


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_right_and_sure_twice_in_a_row_at_review_takes_a_question_off_the_list(fresh: Page, server: str, language: str) -> None:
    page, texts = fresh, TEXTS[language]
    page.goto(server + f"/{language}kurs/repetisjon/")
    qid = template_question(page, "kurs-modul-2")
    put(page, {f"kurs-modul-2/{qid}": item(day(-1))})
    page.reload()
    question = page.locator(f".inkl-quiz__question").first
    assert question.get_attribute("data-question") == qid
    answer(question, right=True, sure="sure")
    assert stored(page)["items"] == {f"kurs-modul-2/{qid}": item(day(3), step=1, streak=1)}
    status = page.locator("[data-review-status]")
    expect(status).to_have_text(texts["finished"] + " " + texts["next"].format(date=texts["dates"][4]))

    page.reload()  # not due again until its day
    expect(page.locator(".inkl-quiz__question")).to_have_count(0)
    at(page, 3)
    page.reload()
    question = page.locator(".inkl-quiz__question").first
    answer(question, right=True, sure="sure")
    assert stored(page) is None  # off the list, and nothing left
    expect(status).to_contain_text(texts["finished"] + " " + texts["none"])


@pytest.mark.browser
def test_at_review_a_wrong_answer_starts_over_and_an_unsure_one_waits_longer(fresh: Page, server: str) -> None:
    page = fresh
    page.goto(server + "/kurs/repetisjon/")
    first, second = template_question(page, "kurs-modul-3", 0), template_question(page, "kurs-modul-3", 1)
    put(page, {f"kurs-modul-3/{first}": item(day(-2), step=2, streak=1), f"kurs-modul-3/{second}": item(day(0), step=1, streak=1)})
    page.reload()
    expect(page.locator("[data-review-status]")).to_have_text("Du har 2 spørsmål å repetere i dag.")
    one, two = page.locator(".inkl-quiz__question").all()
    answer(one, right=False, sure="sure")
    answer(two, right=True, sure="unsure")
    assert stored(page)["items"] == {f"kurs-modul-3/{first}": item(day(1)), f"kurs-modul-3/{second}": item(day(7), step=2)}
    # Trying again the same day changes nothing: the question is no longer due.
    one.locator("[data-quiz-action=retry]").click()
    answer(one, right=True, sure="sure")
    assert stored(page)["items"][f"kurs-modul-3/{first}"] == item(day(1))


@pytest.mark.browser
def test_the_list_holds_across_a_reload_and_a_change_of_language(fresh: Page, server: str) -> None:
    page = fresh
    page.goto(server + "/kurs/modul-2/")
    question = page.locator(".inkl-quiz").first.locator(ANSWERABLE).nth(1)
    key = review_key(question)
    answer(question, right=False)
    at(page, 1)
    page.goto(server + "/kurs/repetisjon/")
    page.reload()
    expect(page.locator(".inkl-quiz__question")).to_have_count(1)
    page.goto(server + "/en/kurs/repetisjon/")
    expect(page.locator("[data-review-status]")).to_have_text(TEXTS["en/"]["one"])
    shown = page.locator(".inkl-quiz__question")
    expect(shown).to_have_count(1)
    assert review_key(shown) == key
    expect(shown.locator("legend").first).to_contain_text("Question")


@pytest.mark.browser
def test_the_progress_file_carries_the_list_and_delete_progress_removes_it(fresh: Page, server: str, tmp_path: Path) -> None:
    page = fresh
    page.goto(server + "/kurs/repetisjon/")
    qid = template_question(page, "kurs-modul-1")
    items = {f"kurs-modul-1/{qid}": item(day(-1), step=1, streak=1)}
    put(page, items)
    page.goto(server + "/kurs/")
    expect(page.locator("[data-review-due]")).to_contain_text(TEXTS[""]["one"])
    with page.expect_download() as download:
        page.locator("[data-course-action=export]").first.click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(json.loads(saved.read_text(encoding="utf-8"))["items"]["inkl.review"]) == {"v": 1, "items": items}

    page.locator("[data-course-action=delete]").click()
    page.locator("[data-course-action=delete-confirm]").click()
    assert stored(page) is None
    expect(page.locator("[data-review-due]")).to_be_hidden()
    page.locator("[data-course-action=delete-undo]").click()
    assert stored(page) == {"v": 1, "items": items}
    expect(page.locator("[data-review-due]")).to_be_visible()

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("[data-review-due]")).to_be_hidden()
    page.locator("[data-course-import]").set_input_files(str(saved))
    expect(page.locator("[data-course-message]")).not_to_be_empty()
    assert stored(page) == {"v": 1, "items": items}
    expect(page.locator("[data-review-due]")).to_contain_text(TEXTS[""]["one"])
    page.goto(server + "/kurs/repetisjon/")
    expect(page.locator(".inkl-quiz__question")).to_have_count(1)


BAD_LISTS = {
    "not-json": "{not json",
    "version": json.dumps({"v": 2, "items": {}}),
    "key": json.dumps({"v": 1, "items": {"kurs-modul-1": item("2026-11-30")}}),
    "selector": json.dumps({"v": 1, "items": {'a"]/b': item("2026-11-30")}}),
    "date": json.dumps({"v": 1, "items": {"kurs-modul-1/a": item("30.11.2026")}}),
    "step": json.dumps({"v": 1, "items": {"kurs-modul-1/a": item("2026-11-30", step=4)}}),
    "extra": json.dumps({"v": 1, "items": {"kurs-modul-1/a": {**item("2026-11-30"), "x": 1}}}),
}


@pytest.mark.browser
@pytest.mark.parametrize("case", BAD_LISTS)
def test_a_bad_stored_list_is_dropped_and_breaks_nothing(fresh: Page, server: str, case: str) -> None:
    page = fresh
    for path in ("/kurs/", "/kurs/repetisjon/"):
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, BAD_LISTS[case]])
        page.goto(server + path)
        if path == "/kurs/":
            expect(page.locator("[data-course-message]")).to_be_attached()
            expect(page.locator("[data-review-due]")).to_be_hidden()
        else:
            expect(page.locator("[data-review-status]")).to_contain_text(TEXTS[""]["none"])
        assert stored(page) is None  # dropped when read


@pytest.mark.browser
def test_questions_no_quiz_has_any_more_leave_the_list(fresh: Page, server: str) -> None:
    page = fresh
    page.goto(server + "/kurs/repetisjon/")
    qid = template_question(page, "kurs-modul-1")
    put(page, {"kurs-modul-1/no-such-question": item(day(-1)), f"kurs-modul-1/{qid}": item(day(2))})
    page.reload()
    expect(page.locator("[data-review-status]")).to_have_text(TEXTS[""]["next"].format(date="3. desember 2026"))
    assert stored(page)["items"] == {f"kurs-modul-1/{qid}": item(day(2))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_review_page_says_it_needs_it(browser, server: str, language: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + f"/{language}kurs/repetisjon/")
    expect(page.locator("[data-review-nojs]")).to_be_visible()
    expect(page.locator("[data-review-nojs]")).to_contain_text(TEXTS[language]["nojs"])
    assert page.locator(".inkl-quiz").count() == 0  # no questions: the script fetches the due ones
    expect(page.locator("[data-review-status]")).to_be_hidden()
    page.goto(server + f"/{language}kurs/")
    expect(page.locator("[data-review-due]")).to_be_hidden()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_on_the_review_page(fresh: Page, server: str, language: str, scheme: str) -> None:
    page = fresh
    page.emulate_media(color_scheme=scheme)
    page.goto(server + f"/{language}kurs/repetisjon/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme])
    expect(page.locator("[data-review-status]")).to_be_visible()
    assert violations(page) == []  # nothing due
    first, second = template_question(page, "kurs-modul-4", 0), template_question(page, "forskning-kai", 0)
    put(page, {f"kurs-modul-4/{first}": item(day(-1)), f"forskning-kai/{second}": item(day(0))})
    page.reload()
    expect(page.locator(".inkl-quiz__question")).to_have_count(2)
    assert violations(page) == []  # two due
    answer(page.locator(".inkl-quiz__question").first, right=False, sure="sure")
    assert violations(page) == []  # one answered
    page.goto(server + f"/{language}kurs/")
    expect(page.locator("[data-review-due]")).to_be_visible()
    assert violations(page) == []  # the due line on the overview


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_quiz_page_that_cannot_be_fetched_is_said_and_the_others_still_show(fresh: Page, server: str, language: str) -> None:
    page = fresh
    page.goto(server + f"/{language}kurs/repetisjon/")
    first, second = template_question(page, "kurs-modul-4", 0), template_question(page, "forskning-kai", 0)
    put(page, {f"kurs-modul-4/{first}": item(day(-1)), f"forskning-kai/{second}": item(day(0))})
    page.route("**/kurs/modul-4/", lambda route: route.abort())
    page.reload()
    failed = {"": "Noen av spørsmålene kunne ikke hentes", "en/": "Some of the questions could not be fetched"}[language]
    expect(page.locator("[data-review-status]")).to_contain_text(failed)
    expect(page.locator("[data-review-status]")).to_contain_text(TEXTS[language]["one"])
    expect(page.locator(".inkl-quiz__question")).to_have_count(1)
    assert stored(page)["items"].keys() == {f"kurs-modul-4/{first}", f"forskning-kai/{second}"}  # nothing lost


# -- the build -------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_review_page_lists_every_scored_question_of_every_quiz_with_where_it_lives(site: Path, language: str) -> None:
    from sitekit.quizzes import load_quizzes

    quizzes = load_quizzes(ROOT / "quizzes")
    html = (site / f"{language}kurs/repetisjon/index.html").read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) < 40_000, "the review page holds questions again (it was half a megabyte)"
    root = parse_html(html)
    assert not root.find_all(lambda n: n.tag in ("section", "template") or "data-question" in n.attrs)
    groups = root.find_all(lambda n: "data-review-quiz" in n.attrs)
    assert sorted(g.attrs["data-review-quiz"] for g in groups) == sorted(quizzes)
    for group in groups:
        quiz = quizzes[group.attrs["data-review-quiz"]]
        assert group.attrs["data-review-questions"].split() == [q.id for q in quiz.scored]  # every scored question, no reflection
        link = group.find(lambda n: n.tag == "a" and n.attrs.get("href", "").endswith(f"#quiz-{quiz.id}"))
        assert link is not None and link.text(), f"no link to where {quiz.id} lives"
        assert link.attrs["href"] == group.attrs["data-review-page"] + f"#quiz-{quiz.id}"
        built = site / posixpath.normpath(f"{language}kurs/repetisjon/" + group.attrs["data-review-page"]) / "index.html"
        home = parse_html(built.read_text(encoding="utf-8"))
        section = home.find(lambda n: n.tag == "section" and n.attrs.get("id") == f"quiz-{quiz.id}")
        assert section is not None and section.attrs.get("data-quiz") == quiz.id, built
        on_page = [n.attrs["data-question"] for n in section.find_all(lambda n: "data-question" in n.attrs)]
        assert set(group.attrs["data-review-questions"].split()) <= set(on_page), built
    # In the nav right after the completion page, with its title in the page's language.
    completion = (site / f"{language}kurs/fullfort/index.html").read_text(encoding="utf-8")
    title = {"": "Neste: Repetisjon", "en/": "Next: Review"}[language]
    assert f'<a href="../repetisjon/" class="md-footer__link md-footer__link--next" aria-label="{title}">' in completion


def test_the_review_hook_names_what_is_wrong() -> None:
    from types import SimpleNamespace

    from sitekit.review import Home, ReviewError, quiz_homes, review_groups

    class P:
        def __init__(self, url, title, markdown):
            self.url, self.title, self.markdown = url, title, markdown

    homes = quiz_homes([P("a/", "A &amp; B", "<!-- quiz: q1 -->"), P("b/", "B", "<!-- quiz: q1 -->\n<!-- quiz: q2 -->")])
    assert homes == {"q1": Home("a/", "A &amp; B"), "q2": Home("b/", "B")}
    quiz = lambda *ids: SimpleNamespace(scored=[SimpleNamespace(id=i) for i in ids])  # noqa: E731
    groups = review_groups({"q1": quiz("x", "y"), "q2": quiz()}, homes, link=lambda url: "../" + url, page_name="p")
    assert groups == [{"id": "q1", "title": "A &amp; B", "page": "../a/", "href": "../a/#quiz-q1", "questions": ["x", "y"]}]
    with pytest.raises(ReviewError, match=r"docs/kurs/repetisjon.md: .* no page places 'q3'"):
        review_groups({"q1": None, "q3": None}, {"q1": homes["q1"]}, link=None, page_name="docs/kurs/repetisjon.md")
