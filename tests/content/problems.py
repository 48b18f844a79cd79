"""What a content check reports."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    page: str  # the source file when known (docs/mentor/index.md), else the built file
    where: str  # the place on the page: a heading, an element, a line
    what: str  # what is wrong
    todo: str  # what to do about it

    def __str__(self) -> str:
        return f"{self.page}: {self.where}: {self.what} — {self.todo}"


def report(problems: list[Problem]) -> str:
    """All problems, one a line, for an assertion message."""
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(str(problem) for problem in problems)
