"""Running a team session from its plan: the plans' time tables checked at build
(sitekit.sessions, unit tests on HTML strings and one broken copy), the plans' text
against their front matter, and the run view in Chromium (keyboard only, the
countdown under Playwright's clock, the quiz in presenter mode, sizes, axe)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from axe import violations
from sitebuild import ROOT, assert_fails_cleanly, copy_project
from sitekit.sessions import Step, module_parts, plan_problems, plan_tables, questions_for, short_quiz_problems, with_run_buttons

LANGUAGES = {"": ".md", "en/": ".en.md"}


# -- the time tables, checked (HTML as Markdown makes it) -------------------------------

def table(plan: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr>\n<td>{minutes}</td>\n<td>{what}</td>\n<td>Slik.</td>\n</tr>\n" for minutes, what in rows)
    return (f'<h2 id="{plan}">Plan<a class="headerlink" href="#{plan}">¶</a></h2>\n<table>\n<thead>\n'
            f"<tr>\n<th>Minutter</th>\n<th>Hva</th>\n<th>Slik gjør dere</th>\n</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>\n")


SECTIONS = '<h2 id="apning">Åpning</h2>\n<p>Hvem hjalp deg?</p>\n<h2 id="quiz">Quiz</h2>\n<p>Quizen.</p>\n'
GOOD = table("plan-60", [("10", "Velkommen"), ("20", '<a href="#apning">Åpning</a>'), ("30", '<a href="#quiz">Quiz</a>')]) + SECTIONS


def test_a_plan_table_is_read_step_by_step() -> None:
    steps = plan_tables(GOOD)["plan-60"]
    assert steps == [Step(1, "10", "Velkommen", ()), Step(2, "20", "Åpning", ("apning",)), Step(3, "30", "Quiz", ("quiz",))]
    assert plan_problems(GOOD, "docs/team/x.md") == []


def test_every_problem_of_a_plan_table_is_named_with_the_file_the_table_and_the_row() -> None:
    bad = table("plan-60", [("10", "Velkommen"), ("ti", '<a href="#apnig">Åpning</a>'), ("30", "Quiz")]) \
        + table("plan-90", [("40", '<a href="#quiz">Quiz</a>'), ("45", '<a href="#quiz">Quiz igjen</a>')]) + SECTIONS
    problems = plan_problems(bad, "docs/team/x.md")
    assert problems == [
        "docs/team/x.md: the table under #plan-60, row 2 («Åpning»): minutes 'ti' is not a whole number of minutes.",
        "docs/team/x.md: the table under #plan-60, row 2 («Åpning»): the link '#apnig' points to no section of the page; "
        "link to one of: #apning, #plan-60, #plan-90, #quiz.",
        "docs/team/x.md: the table under #plan-60: no row links to #quiz; exactly one step runs the quiz (its «Hva» links to #quiz).",
        "docs/team/x.md: the table under #plan-90: the minutes add up to 85, not 90.",
        "docs/team/x.md: the table under #plan-90: rows 1, 2 link to #quiz; exactly one step runs the quiz (its «Hva» links to #quiz).",
    ]


def test_a_plan_without_a_table_or_a_page_without_a_plan_is_named() -> None:
    assert plan_problems('<h2 id="plan-60">Plan</h2>\n<p>Ingen tabell.</p>\n' + SECTIONS, "docs/team/x.md") == [
        "docs/team/x.md: the table under #plan-60 is missing: put the plan's table (Minutter | Hva | Slik gjør dere) under the heading."]
    assert "needs a time table under a heading with the id 'plan-<minutes>'" in plan_problems(SECTIONS, "docs/team/x.md")[0]


def test_the_short_quiz_names_questions_that_exist_once_each() -> None:
    assert short_quiz_problems([3, 5, 6, 7], 8, "kurs-modul-3", "docs/team/x.md") == []
    assert short_quiz_problems(None, 8, "kurs-modul-3", "docs/team/x.md") == []
    assert short_quiz_problems([3, 9, 3, 0], 8, "kurs-modul-3", "docs/team/x.md") == [
        "docs/team/x.md: front matter 'session.short_quiz.1' is question 9, but quizzes/kurs-modul-3.yml has questions 1 to 8.",
        "docs/team/x.md: front matter 'session.short_quiz.2' names question 3 twice; name each question once.",
        "docs/team/x.md: front matter 'session.short_quiz.3' is question 0, but quizzes/kurs-modul-3.yml has questions 1 to 8.",
    ]
    assert questions_for("plan-60", [3, 5]) == [3, 5]
    assert questions_for("plan-90", [3, 5]) is None


def test_each_plan_table_is_marked_with_its_button_before_it() -> None:
    marked = with_run_buttons(GOOD, lambda plan: f"<p>[{plan}]</p>")
    assert '<p>[plan-60]</p><table data-session-plan="plan-60">' in marked
    assert marked.count("<p>[") == 1


def test_the_case_step_takes_the_modules_case_with_links_that_still_work() -> None:
    module = ('<h2 id="sak">Sak til drøfting<a class="headerlink" href="#sak">¶</a></h2>\n'
              '<div class="admonition facilitator">\n<p class="admonition-title">Til fasilitatoren</p>\n<p>Tips.</p>\n</div>\n'
              '<p id="x">Sander. Se <a href="#indirekte">fem måter</a> og <a href="../../mentor/">guiden</a>.</p>\n'
              '<h2 id="refleksjon">Refleksjon</h2>\n<p>Ikke med.</p>\n')
    assert module_parts(module, "../../kurs/modul-3/") == {"sak": (
        "Sak til drøfting",
        '<p id="run-x">Sander. Se <a href="../../kurs/modul-3/#indirekte">fem måter</a> og <a href="../../mentor/">guiden</a>.</p>',
    )}


def test_a_broken_plan_stops_the_build_naming_the_file_and_each_problem(tmp_path: Path) -> None:
    # One broken copy, several problems, each message asserted.
    project = copy_project(tmp_path / "project")
    plan = project / "docs/team/modul-3.md"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("short_quiz: [3, 5, 6, 7]", "short_quiz: [3, 3, 12]")
    text = text.replace("| 5 | [Åpningsspørsmål](#apning) | En runde der alle svarer kort. |\n| 10 | Naturlig",
                        "| 5 | [Åpningsspørsmål](#apnin) | En runde der alle svarer kort. |\n| 15 | Naturlig", 1)
    text = text.replace("| 10 | [Quiz i teammodus](#quiz) | Ta hele", "| 10 | Quiz i teammodus | Ta hele", 1)
    plan.write_text(text, encoding="utf-8")
    assert_fails_cleanly(
        project, tmp_path / "site",
        "docs/team/modul-3.md: the table under #plan-60, row 3 («Åpningsspørsmål»): the link '#apnin' points to no section",
        "docs/team/modul-3.md: the table under #plan-60: the minutes add up to 65, not 60.",
        "docs/team/modul-3.md: the table under #plan-90: no row links to #quiz",
        "docs/team/modul-3.md: front matter 'session.short_quiz.1' names question 3 twice",
        "docs/team/modul-3.md: front matter 'session.short_quiz.2' is question 12, but quizzes/kurs-modul-3.yml has questions 1 to 8.",
    )


# -- the plans' text agrees with their front matter -------------------------------------

QUIZ_ROW = {".md": r"Ta spørsmål ([\d, ]+) og (\d+)", ".en.md": r"Take questions ([\d, ]+) and (\d+)"}
QUIZ_LIST = {".md": r"\(spørsmål (\d+)\)", ".en.md": r"\(question (\d+)\)"}


@pytest.mark.parametrize("suffix", LANGUAGES.values())
def test_the_short_quiz_in_front_matter_is_the_one_the_plan_names(suffix: str) -> None:
    plans = sorted(p for p in (ROOT / "docs/team").glob(f"modul-*{suffix}") if suffix == ".en.md" or not p.name.endswith(".en.md"))
    assert len(plans) == 8
    for path in plans:
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---")[1])["session"]
        sixty = text.split("{ #plan-60 }")[1].split("\n## ")[0]
        row = next(line for line in sixty.splitlines() if "](#quiz)" in line)
        named = re.search(QUIZ_ROW[suffix], row)
        assert named, f"{path.name}: the 60-minute quiz step does not say which questions: {row}"
        numbers = [int(n) for n in named.group(1).split(", ")] + [int(named.group(2))]
        assert meta.get("short_quiz") == numbers, f"{path.name}: front matter 'short_quiz' {meta.get('short_quiz')}, the plan says {numbers}"
        section = text.split("{ #quiz }")[1].split("\n## ")[0]
        listed = [int(n) for n in re.findall(QUIZ_LIST[suffix], section)]
        assert listed == numbers, f"{path.name}: the quiz section lists questions {listed}, the plan takes {numbers}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_session_plan_has_two_run_buttons_and_names_its_quiz_and_the_page_it_is_on(site: Path, language: str) -> None:
    for number in range(1, 9):
        html = (site / language / f"team/modul-{number}/index.html").read_text(encoding="utf-8")
        assert html.count('data-session-run="plan-') == 2, number
        assert 'data-session-plan="plan-60"' in html and 'data-session-plan="plan-90"' in html
        # The run view fetches the quiz from the module's page: the plan carries no copy.
        assert "inkl-quiz__question" not in html and "<template data-run-quiz" not in html, number
        layer = re.search(r'data-run-quiz="([^"]+)" data-run-quiz-page="([^"]+)"', html)
        assert layer and layer.group(1) == f"kurs-modul-{number}", number
        module = (site / language / f"team/modul-{number}" / layer.group(2) / "index.html").resolve()
        assert f'id="quiz-kurs-modul-{number}" data-quiz="kurs-modul-{number}"' in module.read_text(encoding="utf-8"), module
        # The facilitator's own preparation is a facilitator note, and the page has the toggle.
        before = html.split('id="for-okta"')[1].split("<h2")[0]
        assert 'class="admonition facilitator"' in before, number
        assert "data-facilitator-toggle" in html, number


# -- the run view in the browser --------------------------------------------------------

TEXT = {
    "": {"position": "Steg {n} av 8", "paused": "På pause", "up": "Tiden er ute", "total": "Igjen av økta: {t}",
         "opening": "Hvem hjalp deg mest", "note": "Mange vil først snakke om", "case": "Sander er 24 år", "challenge": "Utfordringen"},
    "en/": {"position": "Step {n} of 8", "paused": "Paused", "up": "Time is up", "total": "Left of the session: {t}",
            "opening": "Who helped you most", "note": "Many will first talk about", "case": "Sander is 24 years old", "challenge": "The challenge"},
}


START = datetime(2026, 12, 3, 9, 0)  # a session morning, for Playwright's clock


def open_by_keyboard(page: Page, plan: str = "plan-60") -> None:
    """Tab to the plan's run button and press Enter, as a facilitator without a mouse."""
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.sessionRun") == plan:
            break
    else:
        pytest.fail(f"Tab never reached the button for {plan}")
    page.keyboard.press("Enter")
    expect(page.locator("[data-session-run-view]")).to_be_visible()


def stored(page: Page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('inkl'))")


def size(page: Page, selector: str) -> float:
    return page.evaluate(f"parseFloat(getComputedStyle(document.querySelector({selector!r})).fontSize)")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(1920, 1080), (1280, 720)], ids=["1920", "1280"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_whole_session_of_module_3_runs_from_the_keyboard(
        page: Page, server: str, errors: list, language: str, viewport: tuple[int, int]) -> None:
    words = TEXT[language]
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.clock.install(time=START)
    page.goto(server + f"/{language}team/modul-3/")
    page.clock.pause_at(START + timedelta(minutes=1))  # from here time moves only when the test says so
    view = page.locator("[data-session-run-view]")
    position, time, state = view.locator("[data-run-position]"), view.locator("[data-run-time]"), view.locator("[data-run-state]")
    open_by_keyboard(page)

    # Alone in the window: everything else is out of reach; large type, large controls.
    assert page.evaluate("[...document.body.children].every((child) => child.matches('[data-session-run-view]') || child.inert)")
    expect(position).to_have_text(words["position"].format(n=1))
    assert size(page, ".inkl-run__title") >= 36 and size(page, ".inkl-run__prompt") >= 28
    for box in [button.bounding_box() for button in view.locator("[data-run-action]").all()]:
        assert box["height"] >= 44 and box["width"] >= 44, box

    # The countdown runs, pauses (P), runs again, and takes one more minute (+).
    expect(time).to_have_text("05:00")
    page.clock.run_for(10_000)
    expect(time).to_have_text("04:50")
    expect(view.locator("[data-run-total]")).to_have_text(words["total"].format(t="59:50"))
    page.keyboard.press("p")
    expect(state).to_have_text(words["paused"])
    page.clock.run_for(30_000)
    expect(time).to_have_text("04:50")  # time stood still
    page.keyboard.press("p")
    page.clock.run_for(1_000)
    expect(time).to_have_text("04:49")
    page.keyboard.press("+")
    expect(time).to_have_text("05:49")

    # → and PageDown forward, ← and PageUp back; the step shows its section of the plan.
    page.keyboard.press("ArrowRight")
    page.keyboard.press("PageDown")
    expect(position).to_have_text(words["position"].format(n=3))
    expect(view.locator("[data-run-section]")).to_contain_text(words["opening"])
    body = page.evaluate("(() => { const b = document.querySelector('[data-run-body]'); return [b.scrollHeight, b.clientHeight]; })()")
    assert body[0] <= body[1], f"a typical step scrolls at {viewport}: {body}"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    expect(position).to_have_text(words["position"].format(n=1))
    expect(time).to_have_text("05:49")  # each step keeps its own time
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")

    # Time up: said in words, once, politely.
    expect(time).to_have_text("05:00")
    page.clock.run_for(5 * 60_000 + 1_000)
    expect(time).to_have_text("00:00")
    expect(state).to_contain_text(words["up"])
    expect(view).to_have_class(re.compile("inkl-run--up"))
    expect(view.locator("[aria-live=polite]")).to_contain_text(words["up"])

    # Skip with the «next» control; at the case, the facilitator's note shows only in the facilitator view (F).
    view.locator("[data-run-action=next]").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowRight")
    expect(position).to_have_text(words["position"].format(n=5))
    expect(view.locator("[data-run-section]")).to_contain_text(words["case"])  # the module's case, on the screen
    note = view.locator("[data-run-section] .admonition.facilitator").first
    expect(note).to_contain_text(words["note"])
    expect(note).to_be_hidden()
    page.keyboard.press("f")
    expect(note).to_be_visible()
    expect(view.locator("[data-run-action=facilitator]")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("f")
    expect(note).to_be_hidden()

    # The quiz step: the module's quiz presents the plan's four questions; → past the last moves on.
    page.keyboard.press("ArrowRight")
    expect(position).to_have_text(words["position"].format(n=6))
    quiz = view.locator(".inkl-quiz")
    expect(quiz).to_have_class(re.compile("inkl-quiz--team"))
    expect(quiz).to_contain_text(re.compile(r"\b1\D{1,6}4\b"))  # «1 / 4», «Spørsmål 1 av 4»
    assert quiz.locator(".inkl-quiz__question:visible").count() == 1
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(position).to_have_text(words["position"].format(n=7))
    expect(view.locator("[data-run-title]")).to_have_text(words["challenge"])
    expect(view.locator(".inkl-quiz")).to_have_count(0)

    # Esc leaves; focus is back on the button that opened the view; nothing was stored.
    page.keyboard.press("Escape")
    expect(view).to_be_hidden()
    assert page.evaluate("document.activeElement.dataset.sessionRun") == "plan-60"
    assert page.evaluate("[...document.body.children].some((child) => child.inert)") is False
    assert stored(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_nothing_in_the_run_view(page: Page, server: str, errors: list, language: str, scheme: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.emulate_media(color_scheme=scheme)
    page.goto(server + f"/{language}team/modul-3/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme])
    open_by_keyboard(page, "plan-90")
    page.keyboard.press("ArrowRight")  # a step with a section of the plan: the round, then the opening question
    page.keyboard.press("ArrowRight")
    assert violations(page) == []
    for _ in range(5):  # on to the quiz step (step 8 of 10)
        page.keyboard.press("ArrowRight")
    expect(page.locator("[data-session-run-view] .inkl-quiz")).to_be_visible()
    assert violations(page) == []
    page.keyboard.press("Escape")  # the quiz presents: it asks to leave, and the run view closes
    expect(page.locator("[data-session-run-view]")).to_be_hidden()
    assert page.evaluate("document.activeElement.dataset.sessionRun") == "plan-90"


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_quiz_that_cannot_be_fetched_is_said_at_its_step_and_fetched_again_later(page: Page, server: str, language: str) -> None:
    """Offline in the middle of a session: the quiz step says so in words, the rest of the
    run goes on, and the quiz comes once the module's page can be fetched again."""
    page.set_viewport_size({"width": 1280, "height": 720})
    blocked = {"on": True}
    page.route(f"**/{language}kurs/modul-3/", lambda route: route.abort() if blocked["on"] else route.continue_())
    page.goto(server + f"/{language}team/modul-3/")
    open_by_keyboard(page)
    view = page.locator("[data-session-run-view]")
    for _ in range(5):  # the quiz step, step 6 of 8
        page.keyboard.press("ArrowRight")
    failed = {"": "Quizen kunne ikke hentes", "en/": "The quiz could not be fetched"}[language]
    expect(view.locator("[data-run-section]")).to_contain_text(failed)
    expect(view.locator(".inkl-quiz")).to_have_count(0)
    blocked["on"] = False
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")
    expect(view.locator(".inkl-quiz")).to_have_class(re.compile("inkl-quiz--team"))


@pytest.mark.browser
def test_a_facilitator_prints_the_plan_with_their_notes_on_two_pages_at_most(page: Page, server: str) -> None:
    import io

    from pypdf import PdfReader

    page.goto(server + "/team/modul-3/")
    margin = {side: "1.5cm" for side in ("top", "bottom", "left", "right")}
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", margin=margin)))
    assert "Til fasilitatoren" not in "".join(sheet.extract_text() for sheet in reader.pages)
    page.get_by_role("button", name="Fasilitatorvisning").first.press("Enter")  # the page's own toggle
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", margin=margin)))
    assert len(reader.pages) <= 2
    assert "Til fasilitatoren" in "".join(sheet.extract_text() for sheet in reader.pages)


@pytest.mark.browser
def test_a_reload_comes_back_to_the_step_and_closing_clears_the_address(page: Page, server: str, errors: list) -> None:
    page.clock.install(time=START)  # a busy machine must not tick the step's clock before it is read
    page.goto(server + "/team/modul-3/")
    page.clock.pause_at(START + timedelta(minutes=1))
    open_by_keyboard(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"#run-plan-60-3$"))
    page.reload()  # the clock stays paused across the reload
    view = page.locator("[data-session-run-view]")
    expect(view).to_be_visible()
    expect(view.locator("[data-run-position]")).to_have_text("Steg 3 av 8")
    expect(view.locator("[data-run-time]")).to_have_text("05:00")
    page.keyboard.press("Escape")
    expect(view).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/team/modul-3/$"))
    assert page.evaluate("document.activeElement.dataset.sessionRun") == "plan-60"
    assert stored(page) == []
