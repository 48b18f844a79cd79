"""Bad input stops the build with a message that names the file and the place,
never a Python traceback."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import assert_fails_cleanly, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _fails_cleanly(project: Path, tmp_path: Path, *needles: str) -> str:
    return assert_fails_cleanly(project, tmp_path / "site", *needles)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# The copy builds unchanged: tests/test_built_site.py, under a sub-path.


# Link mistakes: several in one build (tests/conftest.py, MKDOCS_LINK_MISTAKES and
# BUILT_LINK_MISTAKES), each named in what the build printed.


def _clean_failure(output: str, *needles: str) -> None:
    assert "Traceback" not in output, output
    for needle in needles:
        assert needle in output, output


def test_markdown_link_to_a_missing_page(mkdocs_link_mistakes: str) -> None:
    _clean_failure(mkdocs_link_mistakes, "om/index.md", "'finnes-ikke.md', but the target 'om/finnes-ikke.md' is not found")


def test_markdown_link_to_a_missing_anchor(mkdocs_link_mistakes: str) -> None:
    _clean_failure(mkdocs_link_mistakes, "'om/index.en.md' contains a link 'kilder.md#no-such-heading'", "does not contain an anchor '#no-such-heading'")


def test_a_mkdocs_warning_fails_the_build_as_on_pages(mkdocs_link_mistakes: str) -> None:
    """A link to a folder instead of its Markdown file is only a warning in MkDocs
    (the page exists, so the built link works); with --strict (and no -q, which would
    stop strict mode from counting it) the build must fail, as the Pages workflow's does."""
    _clean_failure(mkdocs_link_mistakes, "'om/index.md' contains an unrecognized relative link 'kilder/'", "strict mode")


def test_raw_html_link_to_a_missing_page(built_link_mistakes: str) -> None:
    _clean_failure(built_link_mistakes, "docs/om/index.md (built as om/index.html): link '../borte/' points to a page or file that does not exist")


def test_raw_html_link_to_a_missing_anchor(built_link_mistakes: str) -> None:
    _clean_failure(built_link_mistakes, "docs/om/index.en.md (built as en/om/index.html): link 'kilder/#nowhere' points to an anchor '#nowhere' that does not exist")


def test_a_page_without_its_translation(project: Path, tmp_path: Path) -> None:
    (project / "docs/om/personvern.en.md").unlink()
    _fails_cleanly(project, tmp_path, "docs/om/personvern.md has no en translation", "docs/om/personvern.en.md")


def test_a_translation_without_its_bokmal_page(project: Path, tmp_path: Path) -> None:
    (project / "docs/om/ekstra.en.md").write_text("---\ndescription: An extra page.\n---\n# Extra\n")
    _fails_cleanly(project, tmp_path, "docs/om/ekstra.en.md has no nb translation")


def test_a_nav_label_without_translation(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Om:\n", "  - Om nettstedet:\n"), encoding="utf-8")
    _fails_cleanly(project, tmp_path, "nav label «Om nettstedet» has no en translation")


def test_a_page_without_description(project: Path, tmp_path: Path) -> None:
    page = project / "docs/kurs/index.en.md"
    page.write_text(re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
    _fails_cleanly(project, tmp_path, "docs/kurs/index.en.md", "description")


@pytest.mark.parametrize(("old", "new", "needle"), [
    ("        - locale: en\n", "        - locale: english\n", "english"),
    ("          name: English\n", "          name: [English]\n", "name"),
    ("          default: true\n", "          default: false\n", "default"),
    ("          build: true\n", "          build: yes please\n", "build"),
    ("        - locale: en\n", "        - locale: nb\n", "lists nb more than once"),
])
def test_a_mistake_in_the_language_config(project: Path, tmp_path: Path, old: str, new: str, needle: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    _fails_cleanly(project, tmp_path, needle)


def test_a_page_left_out_of_nav_is_named_first(project: Path, tmp_path: Path) -> None:
    """MkDocs only warns about a page that is not in nav, and the page's links then look
    broken everywhere; the build stops before that, naming the page and what to do."""
    for suffix, text in ((".md", "# Ekstra\n"), (".en.md", "# Extra\n")):
        (project / f"docs/om/ekstra{suffix}").write_text(f"---\ndescription: En side.\n---\n{text}", encoding="utf-8")
    output = _fails_cleanly(project, tmp_path, "docs/om/ekstra.md is not in 'nav' in mkdocs.yml", "nav_translations")
    problems = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert problems[0].startswith("ERROR") and "missing from the navigation" in problems[0], output
    assert "om/ekstra.en.md" not in output and "broken" not in output, output


def _front_matter(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("page", "old", "new", "needles"), [
    # A YAML error: not «no description», but the line and what is wrong.
    ("kurs/index.md", "description: ", "description: [unclosed ", ("docs/kurs/index.md, line 3", "front matter not valid YAML")),
    # The same key twice.
    ("kurs/modul-2.md", "module:\n", "module:\n  number: 2\nmodule:\n", ("docs/kurs/modul-2.md", "'module' is written twice")),
    # An alias bomb.
    ("kurs/modul-2.en.md", "description: ", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\ndescription: ", ("docs/kurs/modul-2.en.md, line 3", "aliases")),
    # A typo in a key.
    ("mentor/start.md", "description: ", "descripton: x\ndescription: ", ("docs/mentor/start.md", "'descripton'", "line 2")),
    # A module's answer with a line break.
    ("kurs/modul-3.en.md", "  answers:\n    - ", "  answers:\n    - \"two\\nlines\"\n    # ", ("docs/kurs/modul-3.en.md", "module.answers.0", "one line")),
    # Objectives in the page's front matter: they belong in the module's quiz now.
    ("kurs/modul-3.md", "  answers:\n", "  objectives:\n    - forklare noe\n  answers:\n", ("docs/kurs/modul-3.md", "'module.objectives' is not a field")),
    # A description on two lines.
    ("om/index.md", "description: ", "description: \"a\\nb\"\nx: ", ("docs/om/index.md", "description")),
])
def test_bad_front_matter(project: Path, tmp_path: Path, page: str, old: str, new: str, needles: tuple[str, ...]) -> None:
    _front_matter(project / "docs" / page, old, new)
    _fails_cleanly(project, tmp_path, *needles)


def test_a_page_that_is_not_utf8(project: Path, tmp_path: Path) -> None:
    page = project / "docs/om/index.md"
    page.write_bytes(page.read_bytes() + "\nÆ\n".encode("latin-1"))
    _fails_cleanly(project, tmp_path, "docs/om/index.md, line", "not UTF-8")


@pytest.mark.parametrize(("char", "name"), [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u200b", "ZERO WIDTH SPACE"), ("\u2066", "LEFT-TO-RIGHT ISOLATE")])
def test_invisible_characters_in_data(project: Path, tmp_path: Path, char: str, name: str) -> None:
    quiz = project / "quizzes/mentor-veileder.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("title:", f"# note{char}\ntitle:", 1), encoding="utf-8")
    _fails_cleanly(project, tmp_path, "quizzes/mentor-veileder.yml: has invisible characters", name)


def test_a_page_with_an_invisible_character(project: Path, tmp_path: Path) -> None:
    _append(project / "docs/mentor/start.en.md", "\nA mentor\u202e is a colleague.\n")
    _fails_cleanly(project, tmp_path, "docs/mentor/start.en.md: has invisible characters", "RIGHT-TO-LEFT OVERRIDE")


def test_a_module_whose_quiz_has_no_objectives(project: Path, tmp_path: Path) -> None:
    quiz = project / "quizzes/kurs-modul-2.yml"
    text = quiz.read_text(encoding="utf-8")
    # Without objectives (and so without 'checks'), the quiz itself is a valid quiz;
    # the module page is what needs them.
    text = re.sub(r"^objectives:\n(?:  .*\n)+", "", text, count=1, flags=re.M)
    text = re.sub(r"^    checks: .*\n", "", text, flags=re.M)
    quiz.write_text(text, encoding="utf-8")
    _fails_cleanly(project, tmp_path, "docs/kurs/modul-2", "quizzes/kurs-modul-2.yml has no 'objectives:'")


def test_two_session_plans_for_one_module(project: Path, tmp_path: Path) -> None:
    for suffix in (".md", ".en.md"):
        _front_matter(project / f"docs/team/modul-2{suffix}", "  module: 2", "  module: 1")
    _fails_cleanly(project, tmp_path, "'session.module' is 1, the same as in", "docs/team/modul-1")


@pytest.mark.parametrize(("label", "needle"), [("Modul 3: Naturlig bistand", "docs/kurs/modul-3.md is not in 'nav'"), ("Modul 1", "docs/team/modul-1.md is not in 'nav'")])
def test_a_course_page_left_out_of_nav(project: Path, tmp_path: Path, label: str, needle: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if ("kurs/modul-3.md" in line if "3" in label else "team/modul-1.md" in line))
    config.write_text(text.replace(line + "\n", "", 1), encoding="utf-8")
    _fails_cleanly(project, tmp_path, needle)


def test_a_deleted_glossary(project: Path, tmp_path: Path) -> None:
    (project / "docs/data/ordliste.yml").unlink()
    _fails_cleanly(project, tmp_path, "docs/data/ordliste.yml is missing")


def test_a_glossary_meaning_on_two_lines(project: Path, tmp_path: Path) -> None:
    glossary = project / "docs/data/ordliste.yml"
    _front_matter(glossary, "      nb: arbeidsgiver\n", '      nb: "arbeidsgiver\\n\\n<script>alert(1)</script>"\n')
    _fails_cleanly(project, tmp_path, "docs/data/ordliste.yml", "entry 'AG'", "meaning.nb", "one line")


@pytest.mark.parametrize(("value", "needle"), [(".nan", "finite"), (".inf", "finite"), ("-3", "greater than or equal to 0"), ("250", "more than 100 %")])
def test_a_figure_value_that_cannot_be_drawn(project: Path, tmp_path: Path, value: str, needle: str) -> None:
    _front_matter(project / "docs/data/figurer/tabell-3.yml", "values: [16]", f"values: [{value}]")
    _fails_cleanly(project, tmp_path, "tabell-3.yml", "row 1", needle)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "//evil.example/x", "../om/kilder/"])
def test_a_link_in_a_quiz_to_a_place_not_allowed(project: Path, tmp_path: Path, link: str) -> None:
    quiz = project / "quizzes/mentor-veileder.yml"
    text = quiz.read_text(encoding="utf-8")
    first = re.search(r"^    explanation:\n      nb: >-\n        ", text, re.M)
    quiz.write_text(text[: first.end()] + f"[x]({link}) " + text[first.end():], encoding="utf-8")
    _fails_cleanly(project, tmp_path, "quizzes/mentor-veileder.yml", "explanation.nb", "line", "a link may lead to")
