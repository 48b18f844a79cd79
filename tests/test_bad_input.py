"""Bad input stops the build with a message that names the file and the place,
never a Python traceback."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import assert_fails_cleanly, build, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _fails_cleanly(project: Path, tmp_path: Path, *needles: str) -> str:
    return assert_fails_cleanly(project, tmp_path / "site", *needles)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_unchanged_copy_builds(project: Path, tmp_path: Path) -> None:
    """The fixture itself is sound, so the failures below come from the change."""
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_markdown_link_to_a_missing_page(project: Path, tmp_path: Path) -> None:
    _append(project / "docs/om/index.md", "\nSe [siden](finnes-ikke.md).\n")
    _fails_cleanly(project, tmp_path, "om/index.md", "finnes-ikke.md")


def test_markdown_link_to_a_missing_anchor(project: Path, tmp_path: Path) -> None:
    _append(project / "docs/om/index.en.md", "\nSee [this](kilder.md#no-such-heading).\n")
    _fails_cleanly(project, tmp_path, "om/index.en.md", "no-such-heading")


def test_raw_html_link_to_a_missing_page(project: Path, tmp_path: Path) -> None:
    _append(project / "docs/om/index.md", '\n<p><a href="../borte/">borte</a></p>\n')
    _fails_cleanly(project, tmp_path, "docs/om/index.md", "'../borte/'", "does not exist")


def test_raw_html_link_to_a_missing_anchor(project: Path, tmp_path: Path) -> None:
    _append(project / "docs/om/index.en.md", '\n<p><a href="../kilder/#nowhere">x</a></p>\n')
    _fails_cleanly(project, tmp_path, "docs/om/index.en.md", "#nowhere")


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
