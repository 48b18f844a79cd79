"""Team study: a session plan for every module, facilitator notes behind a toggle the
browser remembers, handouts and answer keys that print without navigation, and the
whole course as one printable page with one sheet per module."""
from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from axe import violations
from content.dom import Node, parse_html
from sitebuild import ROOT, assert_fails_cleanly, copy_project
from sitekit.course import CourseError, moved, sections, session_meta, without_facilitator_notes

LANGUAGES = {"": ".md", "en/": ".en.md"}
# The parts of every session plan, by their ids (the same in both languages).
PLAN_SECTIONS = ["for-okta", "plan-60", "plan-90", "apning", "samtale", "sak", "quiz", "utfordring", "avslutning", "kilder"]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def module_numbers() -> list[int]:
    return sorted(front_matter(p)["module"]["number"] for p in (ROOT / "docs/kurs").glob("modul-*.md")
                  if not p.name.endswith(".en.md") and "module" in front_matter(p))


def session_plans(suffix: str) -> dict[int, Path]:
    """The session plan pages of one language, by the module they are about."""
    plans = {}
    for path in (ROOT / "docs").rglob(f"*{suffix}"):
        if suffix == ".md" and path.name.endswith(".en.md"):
            continue
        meta = front_matter(path)
        if "session" in meta:
            plans[meta["session"]["module"]] = path
    return plans


def built(site: Path, source: Path) -> Path:
    relative = source.relative_to(ROOT / "docs").as_posix()
    language = "en/" if relative.endswith(".en.md") else ""
    stem = relative.removesuffix(".md").removesuffix(".en")
    return site / language / stem / "index.html"


def article(path: Path) -> Node:
    return parse_html(path.read_text(encoding="utf-8")).find(lambda n: n.tag == "article")


def tables_by_section(node: Node) -> dict[str, list[Node]]:
    """The tables in the page, under the id of the h2 they follow."""
    found: dict[str, list[Node]] = {}
    current = ""
    for element in node.iter():
        if element.tag == "h2" and element.attrs.get("id"):
            current = element.attrs["id"]
        elif element.tag == "table":
            found.setdefault(current, []).append(element)
    return found


def minutes(table: Node) -> int:
    """The sum of the first column of a plan's table (minutes per block)."""
    body = table.find(lambda n: n.tag == "tbody")
    cells = [row.find(lambda n: n.tag == "td") for row in body.find_all(lambda n: n.tag == "tr")]
    return sum(int(cell.text().strip()) for cell in cells)


# -- the built pages ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_has_a_session_plan_with_every_part(site: Path, language: str) -> None:
    plans = session_plans(LANGUAGES[language])
    assert sorted(plans) == module_numbers(), "a module without a session plan, or a plan without a module"
    for number, source in plans.items():
        page = article(built(site, source))
        ids = {n.attrs.get("id") for n in page.iter()}
        missing = [part for part in PLAN_SECTIONS if part not in ids]
        assert missing == [], f"{source.name} lacks {missing}"
        tables = tables_by_section(page)
        assert minutes(tables["plan-60"][0]) == 60, f"{source.name}: the 60-minute plan adds up to {minutes(tables['plan-60'][0])}"
        assert minutes(tables["plan-90"][0]) == 90, f"{source.name}: the 90-minute plan adds up to {minutes(tables['plan-90'][0])}"
        team_link = page.find(lambda n: "data-team-quiz" in n.attrs)
        assert team_link.attrs["href"] == f"../../kurs/modul-{number}/?team=1#quiz-kurs-modul-{number}", source.name


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_has_facilitator_notes_and_the_toggle(site: Path, language: str) -> None:
    for number in module_numbers():
        page = article(site / language / f"kurs/modul-{number}/index.html")
        notes = page.find_all(lambda n: {"admonition", "facilitator"} <= n.classes)
        assert len(notes) >= 2, f"module {number} ({language or 'nb'}) has {len(notes)} facilitator notes"
        assert page.find(lambda n: "data-facilitator-toggle" in n.attrs) is not None


def test_the_answer_keys_hold_every_module_quiz(site: Path) -> None:
    page = article(site / "team/fasit/index.html")
    keys = page.find_all(lambda n: "inkl-key" in n.classes)
    assert [k.attrs["id"] for k in keys] == [f"modul-{n}" for n in module_numbers()]
    quiz = yaml.safe_load((ROOT / "quizzes/kurs-modul-1.yml").read_text(encoding="utf-8"))
    first = keys[0].find(lambda n: n.tag == "li").text()
    assert quiz["questions"][0]["explanation"]["nb"].split("[")[0][:40] in first


def test_the_course_printout_has_a_sheet_per_module_without_clashing_ids(site: Path) -> None:
    html = (site / "kurs/utskrift/index.html").read_text(encoding="utf-8")
    page = article(site / "kurs/utskrift/index.html")
    sheets = page.find_all(lambda n: "inkl-sheet" in n.classes)
    assert len(sheets) == len(module_numbers())
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "the same id twice on the printout"
    assert page.find(lambda n: n.attrs.get("id") == "m3-utfordring") is not None
    assert page.find(lambda n: "facilitator" in n.classes) is None, "a facilitator note on the printout"


def test_answer_keys_and_printed_sheets_stay_out_of_search(site: Path) -> None:
    """Search shows the modules themselves, never an answer or a second copy of a module."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    quiz = yaml.safe_load((ROOT / "quizzes/kurs-modul-1.yml").read_text(encoding="utf-8"))
    explanation = quiz["questions"][0]["explanation"]["nb"].split("[")[0][:40]
    for doc in index["docs"]:
        if doc["location"].startswith(("team/fasit/", "kurs/utskrift/")):
            assert explanation not in doc["text"] and "Læringsmål" not in doc["text"], doc["location"]
    assert any(doc["location"] == "team/fasit/" for doc in index["docs"]), "the page itself stays findable"


# -- the parts, as plain functions -------------------------------------------------------


def test_sections_split_a_page_at_its_h2_headings() -> None:
    content = ('<p>intro</p><h2 id="a">First<a class="headerlink" href="#a">¶</a></h2><p>one</p>'
               '<h2 id="b">Second</h2><p>two</p><h3 id="c">Sub</h3><p>more</p>')
    assert sections(content) == {"a": ("First", "<p>one</p>"), "b": ("Second", '<p>two</p><h3 id="c">Sub</h3><p>more</p>')}


def test_facilitator_notes_are_left_out_of_a_fragment() -> None:
    fragment = '<p>a</p><div class="admonition facilitator"><p class="admonition-title">T</p><p>note</p></div>\n<p>b</p>'
    assert without_facilitator_notes(fragment) == "<p>a</p><p>b</p>"


def test_a_moved_fragment_gets_its_own_ids_and_links_that_still_work() -> None:
    fragment = '<p id="x"><a href="#x">here</a> <a href="#sak">case</a> <a href="#b">kept</a> <label for="x">l</label></p>'
    assert moved(fragment, "m2-", {"b"}, "../modul-2/") == (
        '<p id="m2-x"><a href="#m2-x">here</a> <a href="../modul-2/#sak">case</a> <a href="#m2-b">kept</a> <label for="m2-x">l</label></p>'
    )


def test_session_front_matter_is_checked() -> None:
    with pytest.raises(CourseError) as caught:
        session_meta({"session": {"module": "one"}}, "team/x.md")
    assert "docs/team/x.md: front matter 'session.module'" in str(caught.value)
    assert session_meta({"description": "x"}, "team/index.md") is None


def copy_with_change(tmp_path: Path, page: str, old: str, new: str) -> Path:
    """A copy of the project with `old` replaced by `new` in both languages of docs/`page`."""
    project = copy_project(tmp_path / "project")
    for suffix in LANGUAGES.values():
        path = project / f"docs/{page}{suffix}"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return project


def test_a_session_plan_for_a_module_that_does_not_exist_fails_the_build(tmp_path: Path) -> None:
    project = copy_with_change(tmp_path, "team/modul-2", "module: 2", "module: 42")
    assert_fails_cleanly(project, tmp_path / "site", "docs/team/modul-2", "'session.module' is 42, but no module page has that number")


def test_an_unknown_course_marker_fails_the_build(tmp_path: Path) -> None:
    project = copy_with_change(tmp_path, "kurs/utskrift", "<!-- course: printout -->", "<!-- course: printot -->")
    assert_fails_cleanly(project, tmp_path / "site", "docs/kurs/utskrift", "unknown marker '<!-- course: printot -->'")


# -- in the browser -------------------------------------------------------------------


def pdf_text(page: Page) -> tuple[int, str]:
    """Print the page as Chromium does to PDF (A4): the number of sheets and the text."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", margin={"top": "1.5cm", "bottom": "1.5cm", "left": "1.5cm", "right": "1.5cm"})))
    text = "\n".join(sheet.extract_text() for sheet in reader.pages)
    # Chromium's PDF may set «fi» and «fl» as one ligature glyph (ﬁ, ﬂ): NFKC splits them.
    return len(reader.pages), unicodedata.normalize("NFKC", text)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


PREFIX = "inkl:/:"  # this site's keys (assets/js/store.js); the test server serves the site at its root


def stored(page: Page) -> dict[str, str]:
    """Every localStorage entry whose key starts with «inkl»: this site's scoped keys and
    any unscoped key of earlier versions («inkl.…») alike, so that «stores nothing» is
    checked under every name the site has used, not under one guessed key."""
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter((key) => key.startsWith("inkl")).map((key) => [key, localStorage.getItem(key)]))""")


@pytest.mark.browser
def test_the_facilitator_view_shows_and_hides_notes_and_survives_reload(page: Page, server: str) -> None:
    page.goto(server + "/kurs/modul-2/")
    page.evaluate("localStorage.clear()")
    page.reload()
    note = page.locator(".admonition.facilitator").first
    toggle = page.get_by_role("button", name="Fasilitatorvisning")
    expect(note).to_be_hidden()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.focus()
    page.keyboard.press("Enter")  # keyboard only
    expect(note).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert stored(page) == {PREFIX + "facilitator": "on"}
    page.reload()
    expect(note).to_be_visible()
    page.goto(server + "/en/kurs/modul-5/")  # remembered on other pages, in both languages
    expect(page.locator(".admonition.facilitator").first).to_be_visible()
    expect(page.get_by_role("button", name="Facilitator view")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Facilitator view").click()
    expect(page.locator(".admonition.facilitator").first).to_be_hidden()
    page.reload()
    expect(page.locator(".admonition.facilitator").first).to_be_hidden()
    assert stored(page) == {}


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_link_on_a_session_plan_opens_the_quiz_in_team_mode(page: Page, server: str, language: str) -> None:
    page.goto(server + f"/{language}team/modul-3/")
    page.evaluate("localStorage.clear()")
    page.locator("[data-team-quiz]").click()
    expect(page).to_have_url(re.compile(r"/kurs/modul-3/\?team=1#quiz-kurs-modul-3$"))
    quiz = page.locator(".inkl-quiz")
    questions = quiz.locator(".inkl-quiz__question")
    expect(quiz).to_have_class(re.compile("inkl-quiz--team"))
    expect(questions.first).to_be_visible()
    expect(questions.nth(1)).to_be_hidden()
    # The group answers and reveals, as a session does: first question, then the last (a note).
    questions.first.locator(".inkl-quiz__option label").first.click()
    quiz.locator("[data-quiz-action=show]").click()
    expect(questions.first.locator("details")).to_have_attribute("open", "")
    last = questions.last
    for _ in range(questions.count()):
        if last.is_visible():
            break
        quiz.locator("[data-quiz-action=next]").click()
    last.locator("textarea").fill("Et notat fra samlingen")
    if quiz.locator("[data-quiz-action=show]").is_visible():
        quiz.locator("[data-quiz-action=show]").click()
    assert stored(page) == {}  # team mode stores nothing, under any name
    # The same answer outside team mode is stored: the check above can see a stored answer.
    quiz.locator("[data-quiz-action=team]").click()
    expect(quiz).not_to_have_class(re.compile("inkl-quiz--team"))
    questions.first.locator(".inkl-quiz__option label").first.click()
    assert list(stored(page)) == [PREFIX + "quiz.kurs-modul-3"]


@pytest.mark.browser
def test_a_module_prints_as_a_handout_without_navigation_answers_or_notes(page: Page, server: str) -> None:
    page.goto(server + "/kurs/modul-4/")
    page.evaluate("key => localStorage.setItem(key, 'on')", PREFIX + "facilitator")  # even in facilitator view
    page.reload()
    note = page.locator(".admonition.facilitator").first
    expect(note).to_be_visible()
    note_text = flat(note.inner_text()).split(". ")[0][-40:]
    explanation = flat(page.locator(".inkl-quiz__answer p").nth(1).text_content()).strip()[:40]
    _, text = pdf_text(page)
    text = flat(text)
    for wanted in ("Refleksjon", "Modulutfordring", "Viktige punkter", "Quizen til modulen finner du på nett"):
        assert wanted in text, wanted
    for unwanted in (note_text, explanation, "Vis svaret", "Kursoversikten", "Fasilitatorvisning", "Innholdsliste"):
        assert unwanted not in text, unwanted


@pytest.mark.browser
def test_one_answer_key_prints_on_its_own_without_navigation(page: Page, server: str) -> None:
    page.add_init_script("window.print = function () {}")  # the test prints with page.pdf()
    page.goto(server + "/team/fasit/")
    page.get_by_role("button", name="Skriv ut fasiten for modul 3").click()
    _, text = pdf_text(page)
    text = flat(text)
    titles = [flat(t) for t in page.locator(".inkl-key h2").all_inner_texts()]
    assert titles[2] in text
    assert titles[1] not in text and titles[3] not in text
    assert "Svar:" in text
    for unwanted in ("Kursoversikten", "Innholdsliste", "Skriv ut"):
        assert unwanted not in text, unwanted


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_course_printout_gives_one_sheet_per_module(page: Page, server: str, language: str) -> None:
    page.goto(server + f"/{language}kurs/utskrift/")
    titles = [flat(t) for t in page.locator(".inkl-sheet h2").all_inner_texts()]
    sheets, text = pdf_text(page)
    assert sheets == len(titles) == len(module_numbers())
    assert all(title in flat(text) for title in titles)


@pytest.mark.browser
def test_one_module_sheet_prints_alone_on_one_page(page: Page, server: str) -> None:
    page.add_init_script("window.print = function () {}")  # the test prints with page.pdf()
    page.goto(server + "/kurs/utskrift/")
    titles = [flat(t) for t in page.locator(".inkl-sheet h2").all_inner_texts()]
    page.get_by_role("button", name="Skriv ut arket for modul 2").click()
    sheets, text = pdf_text(page)
    assert sheets == 1
    assert titles[1] in flat(text) and titles[0] not in flat(text) and titles[2] not in flat(text)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")  # the dialog closes: all sheets again
    sheets, _ = pdf_text(page)
    assert sheets == len(titles)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_session_plan_prints_on_a4_without_navigation(page: Page, server: str, language: str) -> None:
    page.goto(server + f"/{language}team/modul-1/")
    sheets, text = pdf_text(page)
    assert 1 <= sheets <= 2  # the limit tests/test_paper.py holds for every plan
    assert "60" in text and "90" in text
    assert "Innholdsliste" not in text and "Table of contents" not in text


@pytest.mark.browser
@pytest.mark.parametrize("path", [
    "/team/", "/en/team/", "/team/fasilitator/", "/en/team/fasilitator/", "/team/modul-1/", "/en/team/modul-1/",
    "/team/fasit/", "/en/team/fasit/", "/kurs/utskrift/", "/en/kurs/utskrift/",
    "/team/dialogkonferanse/", "/en/team/dialogkonferanse/",
])
def test_axe_finds_no_violation_on_team_pages(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_a_module_in_facilitator_view(page: Page, server: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(server + "/kurs/modul-1/")
    page.evaluate("key => localStorage.setItem(key, 'on')", PREFIX + "facilitator")
    page.reload()
    expect(page.locator(".admonition.facilitator").first).to_be_visible()
    assert violations(page) == []
