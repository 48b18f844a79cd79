"""Scan errors: words that the scans of two sources misread (ø read as g, å as a,
æ as ae, ee or z) must never reach the site.

The patterns are in scan-errors.txt beside this file, one regex a line, matched
case-insensitively on whole words. They are checked against the visible text,
title and description of every built page (with the text of its SVG images), the
ids of its content (they show in the address when a reader follows a link to a
heading), and every line of the quiz files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from content.problems import Problem
from content.site import Page, place, strip_urls

PATTERNS = Path(__file__).resolve().parent / "scan-errors.txt"
TODO = "write the word as the source means it, with ø, å or æ (see the sources' README)"


@dataclass(frozen=True)
class Pattern:
    source: str
    line: int
    regex: re.Pattern[str]


def read_patterns(path: Path = PATTERNS) -> tuple[list[Pattern], list[Problem]]:
    """The patterns, and a problem for each line that is not a valid regex."""
    patterns, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            regex = re.compile(rf"(?<!\w)(?:{text})(?!\w)", re.IGNORECASE)
        except re.error as error:
            problems.append(Problem(f"tests/content/{path.name}", f"line {number}", f"«{text}» is not a valid regex ({error})", "correct the pattern"))
            continue
        patterns.append(Pattern(text, number, regex))
    return patterns, problems


_ANY: dict[tuple[str, ...], re.Pattern[str]] = {}


def _matches(text: str, patterns: list[Pattern]) -> list[tuple[str, Pattern]]:
    # One pass with all patterns at once finds the rare text that has a misreading;
    # only that text is matched pattern by pattern, to name the pattern.
    key = tuple(pattern.source for pattern in patterns)
    if key not in _ANY:
        _ANY[key] = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{source})" for source in key) + r")(?!\w)", re.IGNORECASE)
    if not key or not _ANY[key].search(text):
        return []
    return [(match.group(0), pattern) for pattern in patterns for match in pattern.regex.finditer(text)]


def check_scan_errors(pages: list[Page], quiz_dir: Path | None = None, patterns: list[Pattern] | None = None) -> list[Problem]:
    patterns = patterns if patterns is not None else read_patterns()[0]
    problems = []
    for page in pages:
        for run in [*page.head_runs, *page.runs, *page.image_runs]:
            for word, pattern in _matches(run.text, patterns):
                problems.append(Problem(page.name, place(run), f"«{word}» is a scan misreading (pattern «{pattern.source}»)", TODO))
        for node in page.article.iter():
            for word, pattern in _matches(node.attrs.get("id") or "", patterns):
                problems.append(Problem(page.name, f"the id «{node.attrs['id']}»", f"«{word}» is a scan misreading (pattern «{pattern.source}»)", TODO))
    if quiz_dir is not None and quiz_dir.is_dir():
        for file in sorted(path for path in quiz_dir.rglob("*") if path.is_file()):
            try:
                lines = file.read_text(encoding="utf-8").splitlines()
            except UnicodeDecodeError:
                continue  # not a text file
            name = file.relative_to(quiz_dir.parent).as_posix()
            for number, line in enumerate(lines, start=1):
                for word, pattern in _matches(strip_urls(line), patterns):
                    problems.append(Problem(name, f"line {number}", f"«{word}» is a scan misreading (pattern «{pattern.source}»)", TODO))
    return problems
