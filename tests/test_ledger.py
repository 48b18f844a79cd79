"""The coverage ledger (tests/content/ledger/, format in tests/content/ledger.py):
every passage of every source carried by a page that exists in both languages, at a
heading that exists in both, on a page that names the source under its sources; or
left out with a reason, or marked missing. Where ../shared/sources/ is present, every
line of every source is in exactly one passage, and no passage's text has changed.

First the checks on the real ledger and site; then each check on a small broken
example, to show it fails."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from content.ledger import (
    LEDGER_DIR, SOURCES_DIR, Ledger, Passage, check_coverage, check_site, digest, load_ledger,
    load_ledgers, missing_list, shares, shares_table, source_lines,
)
from content.problems import report
from sitebuild import ROOT

needs_sources = pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason=f"the source texts are not at {SOURCES_DIR}")


@pytest.fixture(scope="module")
def ledgers() -> list[Ledger]:
    found, problems = load_ledgers()
    assert not problems, report(problems)
    assert found, f"no ledger in {LEDGER_DIR}"
    return found


# --- The real ledger -------------------------------------------------------------------

def test_every_mapped_page_and_heading_exists_and_names_its_source(ledgers: list[Ledger], site: Path) -> None:
    problems = check_site(ledgers, ROOT / "docs", site)
    assert not problems, report(problems)


@needs_sources
def test_every_source_has_a_ledger_and_every_ledger_a_source(ledgers: list[Ledger]) -> None:
    sources = {path.name for path in SOURCES_DIR.glob("*.txt")}
    assert sources == {ledger.source for ledger in ledgers}, (
        f"sources without a ledger: {sorted(sources - {l.source for l in ledgers})}; "
        f"ledgers without a source: {sorted({l.source for l in ledgers} - sources)}"
    )


@needs_sources
def test_every_line_of_every_source_is_in_one_passage_as_written(ledgers: list[Ledger]) -> None:
    problems = []
    for ledger in ledgers:
        problems += check_coverage(ledger, (SOURCES_DIR / ledger.source).read_text(encoding="utf-8"))
    assert not problems, report(problems)


def test_the_shares_of_each_source(ledgers: list[Ledger], capsys: pytest.CaptureFixture) -> None:
    """The shares carried / left out / missing; shown with `pytest -s` or by
    tests/tools/ledger_report.py."""
    with capsys.disabled():
        print("\n" + shares_table(ledgers) + "\n\nPassages no page carries yet:\n" + missing_list(ledgers))
    for ledger in ledgers:
        counted = shares(ledger)
        assert sum(count for count, _ in counted.values()) == len(ledger.passages)
        assert counted["pages"][0] > 0, f"{ledger.name}: no passage is carried by any page"


# --- Each check fails on a broken example --------------------------------------------------

SOURCE = "Tittel\n\nFørste avsnitt.\nAndre linje.\n\nSiste avsnitt.\n"


def _ledger(tmp_path: Path, passages: str, cited_as: str = "Kilden 2020") -> Path:
    path = tmp_path / "kilde.yml"
    path.write_text(f"source: kilde.txt\ncited_as: {cited_as}\npassages:\n" + textwrap.indent(textwrap.dedent(passages), "  "), encoding="utf-8")
    return path


def _digest(first: int, last: int) -> str:
    return digest(source_lines(SOURCE)[first - 1:last])


def test_a_complete_ledger_passes(tmp_path: Path) -> None:
    ledger, problems = load_ledger(_ledger(tmp_path, f"""\
        - lines: 1-2
          digest: {_digest(1, 2)}
          heading: Tittel
          pages: [om/index.md]
        - lines: 3-5
          digest: {_digest(3, 5)}
          heading: Første avsnitt
          left_out: navigation text of the web page
        - lines: 6-6
          digest: {_digest(6, 6)}
          heading: Siste avsnitt
          missing: what the last paragraph says, on om/index.md
        """))
    assert not problems, report(problems)
    assert check_coverage(ledger, SOURCE) == []
    assert shares(ledger) == {"pages": (1, 2), "left_out": (1, 3), "missing": (1, 1)}


def test_a_gap_an_overlap_a_line_past_the_end_and_changed_text_are_named(tmp_path: Path) -> None:
    ledger, _ = load_ledger(_ledger(tmp_path, f"""\
        - lines: 1-1
          digest: {_digest(1, 1)}
          heading: Tittel
          pages: [om/index.md]
        - lines: 3-4
          digest: {_digest(3, 4)}
          heading: Første avsnitt
          pages: [om/index.md]
        - lines: 4-5
          digest: 00000000
          heading: Andre linje
          pages: [om/index.md]
        - lines: 6-9
          heading: Siste avsnitt
          pages: [om/index.md]
        """))
    text = report(check_coverage(ledger, SOURCE))
    assert "lines 2–2 of the source are in no passage" in text, text
    assert "overlaps the passage before it (which ends at line 4)" in text, text
    assert "lines 4–5 «Andre linje» (ledger line 12): the source's text of these lines has changed" in text, text
    assert "ends after the source's last line, 6" in text, text


def test_a_source_that_grew_is_named(tmp_path: Path) -> None:
    ledger, _ = load_ledger(_ledger(tmp_path, f"""\
        - lines: 1-6
          digest: {_digest(1, 6)}
          heading: Alt
          pages: [om/index.md]
        """))
    assert "lines 7–7 of the source are in no passage" in report(check_coverage(ledger, SOURCE + "Ny linje.\n"))


@pytest.mark.parametrize(("entry", "expected"), [
    ("- lines: 3\n  heading: X\n  pages: [om/index.md]\n", "'lines' must be 'first-last'"),
    ("- lines: 1-2\n  heading: X\n", "needs exactly one of 'pages', 'left_out' or 'missing'"),
    ("- lines: 1-2\n  heading: X\n  pages: [om/index.md]\n  left_out: a repeat of lines 1-2\n", "needs exactly one of"),
    ("- lines: 1-2\n  heading: X\n  left_out: nav\n", "'left_out' needs a reason that says what and why"),
    ("- lines: 1-2\n  heading: X\n  pages: [/om/index.html]\n", "'pages' must be a list of pages like mentor/start.md#hvem"),
    ("- lines: 1-2\n  pages: [om/index.md]\n", "needs a 'heading'"),
    ("- lines: 1-2\n  heading: X\n  page: [om/index.md]\n", "unknown field(s) page"),
])
def test_a_malformed_entry_is_named_with_its_line(tmp_path: Path, entry: str, expected: str) -> None:
    _, problems = load_ledger(_ledger(tmp_path, entry))
    assert expected in report(problems) and "ledger line 4" in report(problems), report(problems)


def _site(tmp_path: Path, *pages: tuple[str, str]) -> tuple[Path, Path]:
    """A small docs folder and built site: (path, html) for each built page."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for built, html in pages:
        (site / built).parent.mkdir(parents=True, exist_ok=True)
        (site / built).write_text(f'<html><body><article class="md-content__inner">{html}</article></body></html>', encoding="utf-8")
    for name in ("om/index.md", "om/index.en.md", "mentor/start.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# x\n", encoding="utf-8")
    return docs, site


def test_a_missing_page_twin_anchor_and_source_are_named(tmp_path: Path) -> None:
    docs, site = _site(
        tmp_path,
        ("om/index.html", '<h1>Om</h1><h2 id="a">A</h2><h2 id="kilder">Kilder</h2><ul><li>Kilden 2020, side 3.</li></ul>'),
        ("en/om/index.html", '<h1>About</h1><h2 id="b">B</h2><h2 id="kilder">Sources</h2><ul><li>Another source.</li></ul>'),
    )
    ledger = Ledger(tmp_path / "kilde.yml", "kilde.txt", "Kilden 2020", [
        Passage(1, 2, "Tittel", "pages", ("om/index.md#a", "mentor/start.md", "om/mangler.md")),
    ])
    text = report(check_site([ledger], docs, site))
    assert "om/index.md#a: no heading with id 'a' on the en page" in text, text
    assert "om/index.md#a: no heading with id 'a' on the nb page" not in text, text
    assert "om/index.md (en) does not name the source («Kilden 2020») under «Sources»" in text, text
    assert "om/index.md (nb) does not name" not in text, text
    assert "maps to docs/mentor/start.en.md, which does not exist" in text, text
    assert "mentor/start.md is not built in nb" in text, text
    assert "maps to docs/om/mangler.md, which does not exist" in text, text


def test_a_page_without_a_sources_section_is_named(tmp_path: Path) -> None:
    docs, site = _site(tmp_path, ("om/index.html", "<h1>Om</h1><p>Kilden 2020</p>"), ("en/om/index.html", "<h1>About</h1>"))
    ledger = Ledger(tmp_path / "kilde.yml", "kilde.txt", "Kilden 2020", [Passage(1, 2, "Tittel", "pages", ("om/index.md",))])
    text = report(check_site([ledger], docs, site))
    assert "om/index.md (nb) has no «Kilder» section" in text and "om/index.md (en) has no «Sources» section" in text, text


@needs_sources
def test_a_real_ledger_broken_once_fails(tmp_path: Path) -> None:
    """The real KAI ledger, with one passage's end moved up: a gap is named."""
    original = LEDGER_DIR / "kai-kronikk-tettere-samarbeid.yml"
    broken = tmp_path / original.name
    text = original.read_text(encoding="utf-8")
    assert "  - lines: 24-33\n" in text
    broken.write_text(text.replace("  - lines: 24-33\n", "  - lines: 24-30\n", 1), encoding="utf-8")
    ledger, problems = load_ledger(broken)
    assert not problems
    found = report(check_coverage(ledger, (SOURCES_DIR / ledger.source).read_text(encoding="utf-8")))
    assert "lines 31–33 of the source are in no passage" in found, found
