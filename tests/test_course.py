"""The course: module pages from one template, the overview's task list with the
reader's status, progress to and from a file, and the completion summary."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from axe import violations
from content.dom import parse_html
from quiz_actions import answer_every_question, answer_every_question_right
from sitebuild import ROOT, assert_fails_cleanly, copy_project
from sitekit.course import CourseError, module_meta

MODULE_PAGES = sorted(p for p in (ROOT / "docs/kurs").glob("modul-*.md"))
# A quiz with every scored question checked, right or wrong (tests/test_status.py has each status).
CHECKED = {
    "": re.compile(r"^(Quiz sjekket: \d+ av \d+ riktige|Mestret \(\d+ av \d+ riktige\))$"),
    "en/": re.compile(r"^(Quiz checked: \d+ of \d+ right|Mastered \(\d+ of \d+ right\))$"),
}
# The sections every module has, by their ids (the same in both languages).
SECTIONS = ["svarer", "mal", "tid", "sak", "refleksjon", "utfordring", "viktige-punkter", "kilder"]


def built(site: Path, source: Path) -> Path:
    name = source.name.removesuffix(".md")
    language = ""
    if name.endswith(".en"):
        name, language = name.removesuffix(".en"), "en/"
    return site / language / "kurs" / name / "index.html"


@pytest.mark.parametrize("source", MODULE_PAGES, ids=lambda p: p.name)
def test_every_module_page_has_every_part(site: Path, source: Path) -> None:
    article = parse_html(built(site, source).read_text(encoding="utf-8")).find(lambda n: n.tag == "article")
    ids = {node.attrs.get("id") for node in article.iter()}
    missing = [section for section in SECTIONS if section not in ids]
    assert missing == [], f"{source.name} lacks {missing}"
    assert len(article.find_all(lambda n: n.tag == "h1")) == 1
    intro = article.find(lambda n: "inkl-module__intro" in n.classes)
    objectives = intro.find_all(lambda n: n.tag == "ul")[1].find_all(lambda n: n.tag == "li")
    assert 3 <= len(objectives) <= 5
    assert re.search(r"\d+ min", intro.text())
    assert article.find(lambda n: "data-quiz" in n.attrs) is not None
    nav = article.find(lambda n: n.tag == "nav" and "inkl-module__nav" in n.classes)
    assert nav is not None and nav.find(lambda n: n.tag == "a") is not None


def test_the_overview_lists_each_module_with_its_quiz_and_time(site: Path) -> None:
    for path, minutes in (("kurs/index.html", "ca. 45 min"), ("en/kurs/index.html", "about 45 min")):
        tasks = parse_html((site / path).read_text(encoding="utf-8")).find(lambda n: "data-course-tasks" in n.attrs)
        items = tasks.find_all(lambda n: n.tag == "li")
        assert len(items) == len(MODULE_PAGES) // 2
        assert items[0].find(lambda n: "data-course-status" in n.attrs).attrs["data-course-status"] == "kurs-modul-1"
        assert minutes in items[0].text()


@pytest.mark.parametrize(("meta", "expected"), [
    ({"module": {"number": 1, "quiz": "q", "minutes": 30, "answers": []}},
     "docs/kurs/m.md: front matter 'module.answers' list should have at least 1 item"),
    ({"module": {"number": 1, "quiz": "q", "minutes": 30, "answers": ["a"], "objectives": ["a", "b", "c"]}},
     "docs/kurs/m.md: front matter 'module.objectives' is not a field"),
    ({"module": {"number": "one", "quiz": "q", "minutes": 30, "answers": ["a"]}},
     "front matter 'module.number' input should be a valid integer"),
    ({"module": {"quiz": "q", "minutes": 30, "answers": ["a"]}},
     "front matter 'module.number' is missing"),
])
def test_module_front_matter_is_checked(meta: dict, expected: str) -> None:
    with pytest.raises(CourseError) as caught:
        module_meta(meta, "kurs/m.md")
    assert expected in str(caught.value), str(caught.value)


def test_a_page_that_is_not_a_module_has_no_module_meta() -> None:
    assert module_meta({"description": "x"}, "kurs/index.md") is None


def test_a_module_without_its_quiz_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/kurs/modul-1.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- quiz: kurs-modul-1 -->", ""), encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "docs/kurs/modul-1.md: the module's quiz 'kurs-modul-1' is not on the page")


# -- in the browser -------------------------------------------------------------------



def answer_every_module_quiz(page: Page, server: str, language: str = "") -> None:
    """Do every module's quiz, as a reader finishing the course."""
    for source in MODULE_PAGES:
        if source.name.endswith(".en.md") == (language == "en/"):
            answer_module_quiz(page, server, f"/{language}kurs/{source.name.split('.')[0]}/")


def answer_module_quiz(page: Page, server: str, path: str) -> None:
    """Check every scored question (right or wrong): the quiz is then done."""
    page.goto(server + path)
    answer_every_question(page)


@pytest.mark.browser
def test_finishing_a_module_quiz_marks_it_done_on_the_overview(page: Page, server: str) -> None:
    page.goto(server + "/kurs/")
    page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.reload()
    status = page.locator("[data-course-tasks] [data-course-status='kurs-modul-1']")
    expect(status).to_have_text("Ikke startet")
    answer_module_quiz(page, server, "/kurs/modul-1/")
    expect(page.locator(".inkl-module__place [data-course-status]")).to_have_text(CHECKED[""])
    page.goto(server + "/kurs/")
    expect(status).to_have_text(CHECKED[""])
    # The reader is on the overview: the module opened last is marked as such, not «you are here».
    expect(page.locator("[data-course-tasks] a[aria-current]")).to_have_count(0)
    expect(page.locator("[data-course-tasks] a", has=page.locator("[data-course-last]:visible"))).to_contain_text("sist åpnet")
    page.goto(server + "/en/kurs/")
    expect(page.locator("[data-course-tasks] [data-course-status='kurs-modul-1']")).to_have_text(CHECKED["en/"])


@pytest.mark.browser
def test_progress_can_be_exported_deleted_and_imported(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(server + "/kurs/")
    page.evaluate("localStorage.clear()")
    answer_module_quiz(page, server, "/kurs/modul-1/")
    page.goto(server + "/kurs/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Lagre fremdriften i en fil").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["site"] == "inkl" and data["v"] == 1 and "inkl.quiz.kurs-modul-1" in data["items"]
    page.evaluate("localStorage.setItem('someone-else', 'keep')")
    page.get_by_role("button", name="Slett fremdriften").click()
    page.get_by_role("button", name="Ja, slett").click()  # deleting asks first (tests/test_storage.py)
    status = page.locator("[data-course-tasks] [data-course-status='kurs-modul-1']")
    expect(status).to_have_text("Ikke startet")
    keys = page.evaluate("Object.keys(localStorage)")
    assert "someone-else" in keys and not [key for key in keys if key.startswith(("inkl.", "inkl:/:quiz."))]
    page.locator("[data-course-import]").set_input_files(str(saved))
    expect(page.locator("[data-course-message]")).to_have_text("Fremdriften er hentet inn.")
    expect(status).to_have_text(CHECKED[""])
    bad = tmp_path / "bad.json"
    bad.write_text('{"items": {"evil": "x"}}', encoding="utf-8")
    page.locator("[data-course-import]").set_input_files(str(bad))
    expect(page.locator("[data-course-message]")).to_contain_text("ikke en fil med fremdrift")


@pytest.mark.browser
def test_the_completion_page_prints_a_one_page_summary_without_navigation(page: Page, server: str) -> None:
    # The sheet shows every module's status from the start (what is left is listed above
    # it); a module has a day once its quiz is mastered (tests/test_status.py).
    page.goto(server + "/kurs/fullfort/")
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("[data-course-left]")).to_be_visible()
    expect(page.locator("[data-course-summary]")).to_be_visible()
    expect(page.locator("[data-course-date='kurs-modul-1']")).to_be_empty()
    page.goto(server + "/kurs/modul-1/")
    answer_every_question_right(page)
    page.goto(server + "/kurs/fullfort/")
    page.get_by_label("Navnet ditt").fill("Kari Nordmann")
    expect(page.locator("[data-course-name-shown]")).to_have_text("Kari Nordmann")
    expect(page.locator("[data-course-date='kurs-modul-1']")).not_to_be_empty()
    expect(page.locator(".inkl-completion__disclaimer")).to_contain_text("ikke et kursbevis")
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-footer", ".inkl-completion__field", "[data-course-left]"]:
        expect(page.locator(chrome).first).to_be_hidden()
    pdf = page.pdf(format="A4", margin={"top": "1.5cm", "bottom": "1.5cm", "left": "1.5cm", "right": "1.5cm"})
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/kurs/modul-1/", "/en/kurs/modul-1/", "/kurs/", "/en/kurs/", "/kurs/fullfort/", "/en/kurs/fullfort/"])
def test_axe_finds_no_violation_on_course_pages(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    page.evaluate("localStorage.clear()")
    page.reload()
    assert violations(page) == []
    if "fullfort" in path:  # and with the summary shown
        answer_every_module_quiz(page, server, "en/" if path.startswith("/en/") else "")
        page.goto(server + path)
        expect(page.locator("[data-course-status='kurs-modul-8']")).to_have_text(CHECKED["en/" if path.startswith("/en/") else ""])
        assert violations(page) == []


def test_two_modules_with_the_same_number_fail_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for suffix in (".md", ".en.md"):
        source = (project / f"docs/kurs/modul-1{suffix}").read_text(encoding="utf-8")
        (project / f"docs/kurs/modul-1b{suffix}").write_text(source.replace("<!-- quiz: kurs-modul-1 -->", ""), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - kurs/modul-1.md\n", "      - kurs/modul-1.md\n      - kurs/modul-1b.md\n"), encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "front matter 'module.number' is 1, the same as in docs/kurs/modul-1")


def test_the_module_template_without_module_front_matter_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for suffix in (".md", ".en.md"):
        page = project / f"docs/kurs/fullfort{suffix}"
        page.write_text(page.read_text(encoding="utf-8").replace("sources: false", "sources: false\ntemplate: module.html"), encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "docs/kurs/fullfort.md: front matter says 'template: module.html' but has no 'module:' block")
