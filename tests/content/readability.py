"""Readability: LIX for every page, against a limit per section.

LIX = words per sentence + percent of words longer than six letters, on the
visible body text: headings, paragraphs, list items, quizzes and captions. Left
out: navigation and code (never in the text), tables, chart labels (SVG), text
alternatives, and the sources section (`## Kilder` / `## Sources` and all after it).

A sentence ends at `.`, `!`, `?`, `:` or `;` followed by a space and a capital
letter, and at the end of every heading, paragraph, list item or other block."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from content.problems import Problem
from content.site import DEFAULT_LANGUAGE, Page, Run

# Limit per top folder of the site (Page.section); other pages get DEFAULT_LIMIT.
LIMITS = {"mentor": 40, "kurs": 45, "team": 45, "forskning": 50}
DEFAULT_LIMIT = 40
LONG = 6  # a long word has more letters than this

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?:;]+[»\"”’)]*\s+(?=[«\"“‘(]*[A-ZÆØÅ])")


@dataclass(frozen=True)
class Score:
    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    def __add__(self, other: Score) -> Score:
        return Score(self.words + other.words, self.sentences + other.sentences, self.long_words + other.long_words)


def score_text(text: str) -> Score:
    """LIX counts of one block of text (a paragraph, an item, a heading)."""
    words = sentences = long_words = 0
    for sentence in SENTENCE_END.split(text):
        found = WORD.findall(sentence)
        if found:
            sentences += 1
            words += len(found)
            long_words += sum(1 for word in found if sum(char.isalpha() for char in word) > LONG)
    return Score(words, sentences, long_words)


def counted(run: Run) -> bool:
    return run.kind in ("text", "heading") and not (run.in_table or run.in_svg or run.in_sources)


def score_page(page: Page) -> Score:
    total = Score(0, 0, 0)
    for _, runs in groupby(filter(counted, page.runs), key=lambda run: run.block):
        total += score_text(" ".join(run.text for run in runs))
    return total


def limit_of(page: Page) -> int:
    return LIMITS.get(page.section, DEFAULT_LIMIT)


def check_readability(pages: list[Page]) -> list[Problem]:
    problems = []
    for page in pages:
        score, limit = score_page(page), limit_of(page)
        if score.lix > limit:
            problems.append(Problem(
                page.name, "the body text",
                f"LIX {score.lix:.1f} is over the limit {limit} for "
                f"{f'pages under {page.section}/' if page.section else 'this page'} "
                f"({score.words / score.sentences:.1f} words a sentence, "
                f"{100 * score.long_words / score.words:.0f} % long words)",
                "split long sentences and prefer short words; keep every fact "
                "(tests/tools/lix_report.py shows all pages)",
            ))
    return problems


def lix_table(pages: list[Page]) -> str:
    """A table of every page's score, for authors."""
    rows = [("page", "words", "sentences", "long %", "LIX", "limit", "")]
    for page in sorted(pages, key=lambda page: (page.key, page.lang != DEFAULT_LANGUAGE)):
        score, limit = score_page(page), limit_of(page)
        long_share = 100 * score.long_words / score.words if score.words else 0.0
        rows.append((
            page.name, str(score.words), str(score.sentences), f"{long_share:.0f}",
            f"{score.lix:.1f}", str(limit), "over" if score.lix > limit else "ok",
        ))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [cell.ljust(width) if column == 0 else cell.rjust(width) for column, (cell, width) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)
