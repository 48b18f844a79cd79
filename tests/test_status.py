"""The reader's status in the course (overrides/assets/js/course.js): per module «not
started», «in progress», «quiz checked: n of N right» or «mastered (n of N right)», with
the mastery threshold from sitekit.course.MASTERY_PERCENT; ticks for reading a module
and doing its workplace challenge (stored as course.ticks); the completion page with
every module's status and what is left; dates and file names in the page's language;
«last opened» on the overview; and what the pages say without JavaScript."""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from axe import violations
from content.dom import parse_html
from quiz_actions import answer_every_question_right
from sitebuild import ROOT
from sitekit.course import MASTERY_PERCENT, after_section, with_progress_facts, without_ticks

PREFIX = "inkl:/:"  # the test server serves the site at its root
MODULES = 8
LANGUAGES = ["", "en/"]
DAY = datetime(2026, 12, 2, 10, 0, 0)  # the browser's «today» where a test ticks a box
STATUS = {  # the status words, as the assignment gives them
    "": {"todo": "Ikke startet", "started": "I gang", "checked": "Quiz sjekket: {right} av {total} riktige",
         "mastered": "Mestret ({right} av {total} riktige)"},
    "en/": {"todo": "Not started", "started": "In progress", "checked": "Quiz checked: {right} of {total} right",
            "mastered": "Mastered ({right} of {total} right)"},
}
DATE = {"": "2. desember 2026", "en/": "2 December 2026"}


def compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def scored_ids(site: Path) -> dict[str, list[str]]:
    """Each module quiz's scored question ids, as the build wrote them into the overview
    (quizzes are being rewritten: never a question id from quizzes/ in a test)."""
    html = (site / "kurs/index.html").read_text(encoding="utf-8")
    return {quiz: ids.split() for quiz, ids in re.findall(r'data-course-status="([^"]+)" data-course-scored="([^"]*)"', html)}


def quiz_state(ids: list[str], right: int, checked: int | None = None, **extra) -> str:
    """Stored quiz answers: the first `checked` scored questions checked (all if None),
    the first `right` of them right."""
    checked = len(ids) if checked is None else checked
    answers = {qid: {"value": "0", "checked": True, "right": n < right} for n, qid in enumerate(ids[:checked])}
    return compact({"v": 1, "answers": answers, **extra})


def ticks(**modules: dict) -> str:
    return compact({"v": 1, "modules": {f"kurs-modul-{n.removeprefix('m')}": value for n, value in modules.items()}})


def put(page: Page, local: dict, session: dict | None = None) -> None:
    page.evaluate("""([local, session]) => {
        localStorage.clear(); sessionStorage.clear();
        for (const [k, v] of Object.entries(local)) localStorage.setItem(k, v);
        for (const [k, v] of Object.entries(session)) sessionStorage.setItem(k, v);
    }""", [local, session or {}])


def stored(page: Page, name: str):
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + name)
    return None if raw is None else json.loads(raw)


def statuses(page: Page) -> list[str]:
    cells = page.locator("[data-course-tasks] [data-course-status]")
    expect(cells.first).to_be_visible()
    return cells.all_inner_texts()


def needed(ids: list[str]) -> int:
    """The fewest right answers that reach MASTERY_PERCENT."""
    return -(-MASTERY_PERCENT * len(ids) // 100)


def mixed(ids: dict[str, list[str]]) -> dict:
    """A reader part-way: module 1 mastered with both ticks, 2 started, 3 checked with
    every answer wrong, 4 mastered by quiz.js's note (kept: answers retried since leave
    it under the threshold now), 5 only ticked as read, 6 to 8 not started."""
    m1, m2, m3, m4 = (ids[f"kurs-modul-{n}"] for n in (1, 2, 3, 4))
    return {
        PREFIX + "quiz.kurs-modul-1": quiz_state(m1, right=len(m1), done="2026-11-30", mastered="2026-12-02"),
        PREFIX + "quiz.kurs-modul-2": quiz_state(m2, right=1, checked=1),
        PREFIX + "quiz.kurs-modul-3": quiz_state(m3, right=0, done="2026-12-01"),
        PREFIX + "quiz.kurs-modul-4": quiz_state(m4, right=needed(m4) - 1, checked=needed(m4) - 1, mastered="2026-12-02"),
        PREFIX + "course.ticks": ticks(m1={"read": "2026-12-02", "challenge": "2026-12-02"}, m5={"read": "2026-12-02"}),
    }


def expected_mixed(language: str, ids: dict[str, list[str]]) -> list[str]:
    words = STATUS[language]
    total = {n: len(ids[f"kurs-modul-{n}"]) for n in range(1, 5)}
    return [
        words["mastered"].format(right=total[1], total=total[1]),
        words["started"],
        words["checked"].format(right=0, total=total[3]),
        words["mastered"].format(right=needed(ids["kurs-modul-4"]) - 1, total=total[4]),
        words["started"],  # a tick is a start
    ] + [words["todo"]] * (MODULES - 5)


# -- the build ------------------------------------------------------------------------------

def test_every_status_carries_the_threshold_from_sitekit_and_the_scored_questions(site: Path) -> None:
    for path in ("kurs/index.html", "en/kurs/index.html", "kurs/fullfort/index.html", "en/kurs/fullfort/index.html",
                 "kurs/modul-1/index.html", "en/kurs/modul-1/index.html"):
        root = parse_html((site / path).read_text(encoding="utf-8"))
        cells = root.find_all(lambda n: "data-course-status" in n.attrs)
        assert cells and {c.attrs.get("data-mastery") for c in cells} == {str(MASTERY_PERCENT)}, path
        assert all(c.attrs["data-course-scored"].split() for c in cells), path
    ids = scored_ids(site)
    assert len(ids) == MODULES
    overview = {"kurs/index.html": f"minst {MASTERY_PERCENT} %", "en/kurs/index.html": f"at least {MASTERY_PERCENT}%"}
    for path, words in overview.items():
        assert words in (site / path).read_text(encoding="utf-8"), path
    # The script reads the number from the page; it never has its own.
    assert not re.search(rf"\b{MASTERY_PERCENT}\b", (ROOT / "overrides/assets/js/course.js").read_text(encoding="utf-8"))


def test_sitekit_places_the_challenge_tick_and_keeps_it_off_printed_sheets() -> None:
    content = '<h2 id="sak">Sak</h2><p>a</p><h2 id="utfordring">U</h2><p>b</p><h2 id="viktige-punkter">V</h2>'
    tick = '<div class="inkl-tick" hidden><input type="checkbox"><label>x</label></div>'
    placed = after_section(content, "utfordring", tick)
    assert placed == content.replace('<h2 id="viktige-punkter">', tick + '<h2 id="viktige-punkter">')
    assert after_section(content, "finnes-ikke", tick) == content
    assert after_section('<h2 id="utfordring">U</h2><p>b</p>', "utfordring", tick).endswith("<p>b</p>" + tick)
    assert without_ticks(placed) == content
    facts = with_progress_facts([{"quiz": "q"}, {"quiz": "missing"}], {"q": type("Q", (), {"scored": [type("X", (), {"id": "a"})]})()})
    assert facts == [{"quiz": "q", "scored": ["a"], "mastery": MASTERY_PERCENT}, {"quiz": "missing", "scored": [], "mastery": MASTERY_PERCENT}]


def test_the_challenge_tick_sits_in_the_challenge_section_and_not_in_the_printout(site: Path) -> None:
    for language in LANGUAGES:
        html = (site / f"{language}kurs/modul-1/index.html").read_text(encoding="utf-8")
        challenge = html[html.index('<h2 id="utfordring"'):html.index('<h2 id="viktige-punkter"')]
        assert 'data-course-tick="challenge"' in challenge
        assert html.count('data-course-tick="read"') == 1
        assert "data-course-tick" not in (site / f"{language}kurs/utskrift/index.html").read_text(encoding="utf-8")


# -- status in the browser -------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_module_shows_its_status_and_score(page: Page, server: str, site: Path, language: str, errors: list) -> None:
    ids = scored_ids(site)
    page.goto(f"{server}/{language}kurs/")
    put(page, mixed(ids))
    page.reload()
    assert statuses(page) == expected_mixed(language, ids)
    mastered = page.locator("[data-course-tasks] [data-course-status='kurs-modul-1']")
    expect(mastered).to_have_attribute("data-state", "mastered")
    page.goto(f"{server}/{language}kurs/modul-3/")
    expect(page.locator(".inkl-module__place")).to_contain_text(STATUS[language]["checked"].format(right=0, total=len(ids["kurs-modul-3"])))


@pytest.mark.browser
def test_the_threshold_is_where_mastery_begins(page: Page, server: str, site: Path, errors: list) -> None:
    """Every scored question checked: one right answer short of MASTERY_PERCENT is
    «checked», the threshold itself is «mastered»."""
    ids = scored_ids(site)["kurs-modul-2"]
    least = needed(ids)
    status = page.locator(".inkl-module__place [data-course-status]")
    page.goto(f"{server}/kurs/modul-2/")
    put(page, {PREFIX + "quiz.kurs-modul-2": quiz_state(ids, right=least - 1)})
    page.reload()
    expect(status).to_have_text(STATUS[""]["checked"].format(right=least - 1, total=len(ids)))
    put(page, {PREFIX + "quiz.kurs-modul-2": quiz_state(ids, right=least, checked=least)})  # reached before the last check
    page.reload()
    expect(status).to_have_text(STATUS[""]["mastered"].format(right=least, total=len(ids)))
    # An answer kept from a question the quiz no longer has never counts.
    stale = json.loads(quiz_state(ids, right=least - 1))
    stale["answers"]["et-fjernet-sporsmal"] = {"value": "0", "checked": True, "right": True}
    put(page, {PREFIX + "quiz.kurs-modul-2": compact(stale)})
    page.reload()
    expect(status).to_have_text(STATUS[""]["checked"].format(right=least - 1, total=len(ids)))


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_quiz_answered_right_is_mastered_with_its_day_on_the_completion_page(page: Page, server: str, site: Path, language: str, errors: list) -> None:
    total = len(scored_ids(site)["kurs-modul-6"])
    page.clock.set_fixed_time(DAY)
    page.goto(f"{server}/{language}kurs/modul-6/")
    put(page, {})
    page.reload()
    expect(page.locator(".inkl-module__place [data-course-status]")).to_have_text(STATUS[language]["todo"])
    answer_every_question_right(page)
    mastered = STATUS[language]["mastered"].format(right=total, total=total)
    expect(page.locator(".inkl-module__place [data-course-status]")).to_have_text(mastered)
    page.goto(f"{server}/{language}kurs/fullfort/")
    row = page.locator("[data-course-summary] tr", has=page.locator("[data-course-status='kurs-modul-6']"))
    expect(row.locator("[data-course-status]")).to_have_text(mastered)
    expect(row.locator("[data-course-date]")).to_have_text(DATE[language])


# -- ticks ------------------------------------------------------------------------------------

@pytest.mark.browser
def test_ticks_are_stored_and_follow_reload_language_and_the_overview(page: Page, server: str, errors: list) -> None:
    page.clock.set_fixed_time(DAY)
    page.goto(server + "/kurs/modul-2/")
    put(page, {})
    page.reload()
    read = page.get_by_label("Jeg har lest modulen")
    challenge = page.get_by_label("Jeg har gjort modulutfordringen på jobben")
    expect(page.locator("#utfordring ~ .inkl-tick").first).to_contain_text("modulutfordringen")  # in the challenge section
    read.check()
    challenge.check()
    expect(read.locator("xpath=..")).to_contain_text(f"Krysset av {DATE['']}.")
    assert stored(page, "course.ticks") == {"v": 1, "modules": {"kurs-modul-2": {"read": "2026-12-02", "challenge": "2026-12-02"}}}
    expect(page.locator(".inkl-module__place [data-course-status]")).to_have_text("I gang")
    page.reload()
    expect(read).to_be_checked()
    expect(challenge).to_be_checked()
    page.goto(server + "/en/kurs/modul-2/")  # the same key in both languages
    expect(page.get_by_label("I have read the module")).to_be_checked()
    expect(page.get_by_label("I have done the module challenge at work").locator("xpath=..")).to_contain_text(f"Ticked on {DATE['en/']}.")
    page.goto(server + "/en/kurs/")
    item = page.locator("li[data-course-module='kurs-modul-2']")
    expect(item.get_by_label("Module read")).to_be_checked()
    expect(item.get_by_label("Challenge done")).to_be_checked()
    expect(page.locator("li[data-course-module='kurs-modul-1']").get_by_label("Module read")).not_to_be_checked()
    # Unticked on the overview: gone from storage, and from the module page.
    item.get_by_label("Module read").uncheck()
    item.get_by_label("Challenge done").uncheck()
    assert stored(page, "course.ticks") is None
    page.goto(server + "/kurs/modul-2/")
    expect(read).not_to_be_checked()
    expect(read.locator("xpath=..")).not_to_contain_text("Krysset av")


@pytest.mark.browser
@pytest.mark.parametrize(("language", "name"), [("", "inkl-fremdrift-2026-12-02.json"), ("en/", "inkl-progress-2026-12-02.json")])
def test_ticks_go_out_with_export_are_deleted_with_undo_and_come_back_with_import(page: Page, server: str, site: Path, tmp_path: Path, language: str, name: str, errors: list) -> None:
    page.clock.set_fixed_time(DAY)
    page.goto(f"{server}/{language}kurs/")
    put(page, mixed(scored_ids(site)))
    page.reload()
    before = stored(page, "course.ticks")
    item = page.locator("li[data-course-module='kurs-modul-1'] input[data-course-tick='read']")
    expect(item).to_be_checked()
    with page.expect_download() as download:
        page.locator("[data-course-action=export]").first.click()
    assert download.value.suggested_filename == name  # in the page's language
    saved = tmp_path / name
    download.value.save_as(saved)
    assert json.loads(json.loads(saved.read_text(encoding="utf-8"))["items"]["inkl.course.ticks"]) == before
    page.locator("[data-course-action=delete]").click()
    page.locator("[data-course-action=delete-confirm]").click()
    expect(item).not_to_be_checked()
    assert stored(page, "course.ticks") is None
    page.locator("[data-course-action=delete-undo]").click()
    expect(item).to_be_checked()
    assert stored(page, "course.ticks") == before
    page.locator("[data-course-action=delete]").click()
    page.locator("[data-course-action=delete-confirm]").click()
    expect(item).not_to_be_checked()
    page.locator("[data-course-import]").set_input_files(str(saved))
    expect(item).to_be_checked()
    assert stored(page, "course.ticks") == before


@pytest.mark.browser
@pytest.mark.parametrize("value", [
    {"v": 2, "modules": {}},
    {"v": 1, "modules": {"kurs-modul-1": {"read": "i går"}}},
    {"v": 1, "modules": {"kurs-modul-1": {"read": "2026-12-02", "liked": "2026-12-02"}}},
    {"v": 1, "modules": {"Kurs Modul": {"read": "2026-12-02"}}},
    {"v": 1, "modules": {"kurs-modul-1": {}}},
    {"v": 1, "modules": []},
])
def test_a_bad_ticks_value_is_never_stored_or_read(page: Page, server: str, value: dict, errors: list) -> None:
    page.goto(server + "/kurs/")
    assert page.evaluate("value => inklStore.set('course.ticks', value)", value) is False
    put(page, {PREFIX + "course.ticks": compact(value)})
    page.reload()
    assert statuses(page) == [STATUS[""]["todo"]] * MODULES
    assert stored(page, "course.ticks") is None  # dropped on reading


@pytest.mark.browser
def test_team_mode_shows_no_ticks_and_remembers_no_module(page: Page, server: str, errors: list) -> None:
    page.goto(server + "/kurs/modul-1/?team=1")
    put(page, {})
    page.reload()
    expect(page.locator(".inkl-tick").first).to_be_attached()
    expect(page.locator(".inkl-tick:visible")).to_have_count(0)
    assert page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('inkl:'))") == []
    page.goto(server + "/kurs/modul-1/")
    expect(page.locator(".inkl-tick:visible")).to_have_count(2)
    page.locator(".inkl-quiz [data-quiz-action=team]").click()  # the team button on the quiz
    expect(page.locator(".inkl-tick:visible")).to_have_count(0)


# -- «last opened» and the completion page ------------------------------------------------------

@pytest.mark.browser
def test_the_overview_marks_the_module_opened_last_in_either_language(page: Page, server: str, errors: list) -> None:
    page.goto(server + "/kurs/")
    put(page, {})
    page.reload()
    expect(page.locator("[data-course-last]:visible")).to_have_count(0)
    page.goto(server + "/kurs/modul-3/")
    page.goto(server + "/en/kurs/")
    marked = page.locator("[data-course-tasks] a", has=page.locator("[data-course-last]:visible"))
    expect(marked).to_have_count(1)
    expect(marked).to_have_attribute("href", "modul-3/")
    expect(marked).to_contain_text("(last opened)")
    assert page.locator("[data-course-tasks]").inner_text().count("you are here") == 0  # the reader is on the overview
    page.goto(server + "/en/kurs/modul-5/")
    page.goto(server + "/kurs/")
    expect(marked).to_have_count(1)
    expect(marked).to_have_attribute("href", "modul-5/")
    expect(marked).to_contain_text("(sist åpnet)")


def visible_sentences(page: Page) -> list[str]:
    """The sentences in the visible paragraphs of the page's article (module titles in
    lists and table cells are names, not sentences)."""
    texts = page.locator("article p:visible").all_inner_texts()
    return [s.strip() for text in texts for s in re.split(r"(?<=[.:!?])\s+", text) if s.strip()]


LEFT = {
    "": ("Dette har du igjen", "Du har ikke mestret quizen ennå i disse modulene:", "Du har ikke krysset av for at du har lest disse modulene:",
         "Du har ikke krysset av for modulutfordringen i disse modulene:", "Du har ikke noe igjen."),
    "en/": ("What is left", "You have not yet mastered the quiz in these modules:", "You have not ticked these modules as read:",
            "You have not ticked the module challenge in these modules:", "Nothing is left."),
}


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_completion_page_shows_every_status_and_lists_what_is_left_once(page: Page, server: str, site: Path, language: str, errors: list) -> None:
    ids = scored_ids(site)
    page.goto(f"{server}/{language}kurs/fullfort/")
    put(page, mixed(ids))
    page.reload()
    heading, quiz, read, challenge, none = LEFT[language]
    left = page.locator("[data-course-left]")
    expect(left.get_by_role("heading", name=heading)).to_be_visible()

    def listed(kind: str) -> list[str]:
        part = left.locator(f"[data-course-left-kind={kind}]")
        hrefs = part.locator("li:visible a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        return [re.search(r"modul-\d+", href).group(0) for href in hrefs]

    expect(left).to_contain_text(quiz)
    assert listed("quiz") == ["modul-2", "modul-3", "modul-5", "modul-6", "modul-7", "modul-8"]
    assert listed("read") == ["modul-2", "modul-3", "modul-4", "modul-6", "modul-7", "modul-8"]
    assert listed("challenge") == ["modul-2", "modul-3", "modul-4", "modul-5", "modul-6", "modul-7", "modul-8"]
    assert left.locator("[data-course-left-kind=challenge] li:visible a").first.get_attribute("href") == "../modul-2/#utfordring"
    expect(left.get_by_text(none)).to_be_hidden()
    # The sheet: every module's status and score, the day only where mastered, the ticks.
    rows = page.locator("[data-course-summary] tbody tr")
    expect(rows).to_have_count(MODULES)
    assert [rows.nth(i).locator("[data-course-status]").inner_text() for i in range(MODULES)] == expected_mixed(language, ids)
    assert [rows.nth(i).locator("[data-course-date]").inner_text().strip() for i in range(4)] == [DATE[language], "", "", DATE[language]]
    expect(rows.nth(0).locator("[data-course-tick-shown=challenge]")).to_have_text(DATE[language])
    expect(rows.nth(1).locator("[data-course-tick-shown=read]")).to_have_text("Nei" if not language else "No")
    sentences = visible_sentences(page)
    assert len(sentences) == len(set(sentences)), [s for s in sentences if sentences.count(s) > 1]

    # Nothing stored: one sentence per kind, no list of every module.
    put(page, {})
    page.reload()
    expect(left.locator("li:visible")).to_have_count(0)
    expect(left.locator("[data-course-left-all]:visible")).to_have_count(3)
    sentences = visible_sentences(page)
    assert len(sentences) == len(set(sentences))

    # Everything done: one sentence says so; the lists are gone.
    done = {PREFIX + f"quiz.kurs-modul-{n}": quiz_state(ids[f"kurs-modul-{n}"], right=len(ids[f"kurs-modul-{n}"]), mastered="2026-12-02") for n in range(1, MODULES + 1)}
    done[PREFIX + "course.ticks"] = ticks(**{f"m{n}": {"read": "2026-12-01", "challenge": "2026-12-02"} for n in range(1, MODULES + 1)})
    put(page, done)
    page.reload()
    expect(left.get_by_text(none)).to_be_visible()
    expect(left.locator("[data-course-left-kind]:visible")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_are_written_in_the_page_language(page: Page, server: str, site: Path, language: str, errors: list) -> None:
    page.goto(f"{server}/{language}kurs/fullfort/")
    put(page, mixed(scored_ids(site)))
    page.reload()
    sheet = page.locator("[data-course-summary]")
    expect(sheet.locator("[data-course-date='kurs-modul-1']")).to_have_text(DATE[language])
    text = sheet.inner_text()
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b", text), text  # never 12/2/2026 or 02.12.2026
    page.goto(f"{server}/{language}kurs/modul-1/")
    tick = page.locator(".inkl-tick [data-course-tick-date]").first
    expect(tick).to_have_text(("Krysset av " if not language else "Ticked on ") + DATE[language] + ".")


# -- without JavaScript ---------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_pages_say_once_that_status_needs_it(browser: Browser, server: str, language: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/{language}kurs/")
        article = page.locator("article")
        expect(page.locator("[data-course-nojs]")).to_be_visible()
        assert article.inner_text().count("JavaScript") == 1
        expect(page.locator("[data-course-tasks] [data-course-status]:visible")).to_have_count(0)
        expect(page.locator(".inkl-tick:visible")).to_have_count(0)
        assert "ukjent" not in article.inner_text() and "unknown" not in article.inner_text()
        expect(page.locator("[data-course-tasks] li")).to_have_count(MODULES)  # the modules themselves are all there

        page.goto(f"{server}/{language}kurs/modul-1/")
        expect(page.locator(".inkl-module__place")).to_have_text(("Modul" if not language else "Module") + " 1", use_inner_text=True)
        expect(page.locator(".inkl-tick:visible")).to_have_count(0)

        page.goto(f"{server}/{language}kurs/fullfort/")
        expect(page.locator("[data-course-nojs]")).to_be_visible()
        expect(page.locator("[data-course-left]")).to_be_hidden()
        expect(page.locator("[data-course-summary]")).to_be_hidden()
    finally:
        context.close()


# -- accessibility -----------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["kurs/", "kurs/modul-1/", "kurs/fullfort/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_with_statuses_and_ticks(page: Page, server: str, site: Path, language: str, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/{language}{path}")
    put(page, mixed(scored_ids(site)), {PREFIX + "course.here": "kurs-modul-1"})
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme])
    expect(page.locator("[data-course-status]").first).not_to_be_empty()
    if "fullfort" not in path:
        expect(page.locator(".inkl-tick:visible").first).to_be_visible()
    assert violations(page) == []
