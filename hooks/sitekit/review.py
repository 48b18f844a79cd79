"""The review page: a list of every scored question of every quiz, grouped by quiz,
for assets/js/review-page.js to show the ones the reader has due (see hooks/review.py).

The page holds no questions. For each quiz it says where the quiz lives and which of
its questions are scored; the script fetches the quiz's own page only when one of its
questions is due, and shows those questions there, marked `data-quiz-review` (quiz.js
then keeps no answers for it and offers no reset). A reader can only have questions due
from quizzes answered in this browser, whose pages are then usually in its cache. The
page stays small (it held every quiz, half a megabyte), and the build renders each quiz
once. Without JavaScript the page says that review needs it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Protocol

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from sitekit.quiz_model import Quiz
from sitekit.quizzes import MARKER as QUIZ_MARKER

MARKER = re.compile(r"<!--\s*review\s*-->")
# The course overview's line that says how many questions are due (course-tasks.html).
DUE_LINE = "data-review-due"


class ReviewError(PluginError):
    """A review page that cannot be made; MkDocs prints the message and stops."""


class SitePage(Protocol):
    url: str
    title: Any
    markdown: str | None


@dataclass(frozen=True)
class Home:
    """Where a quiz lives: its page's site-relative URL and title (safe HTML)."""
    url: str
    title: Markup


def quiz_homes(pages: Iterable[SitePage]) -> dict[str, Home]:
    """Each quiz's page, by quiz id, in the order of `pages` (the nav): the first
    page whose Markdown places the quiz."""
    homes: dict[str, Home] = {}
    for page in pages:
        for quiz_id in QUIZ_MARKER.findall(page.markdown or ""):
            # The title is safe HTML: front matter escaped when read (hooks/pages.py),
            # or the page's heading, which Markdown escaped.
            homes.setdefault(quiz_id, Home(page.url, Markup(str(page.title or ""))))
    return homes


def review_groups(quizzes: dict[str, Quiz], homes: dict[str, Home], link: Callable[[str], str], page_name: str) -> list[dict[str, Any]]:
    """One group per quiz with a scored question, in the order of the quizzes' pages:
    the quiz id, its page's title, a link to the quiz there and to the page itself
    (`link` makes a page URL relative), and the ids of its scored questions."""
    missing = sorted(set(quizzes) - set(homes))
    if missing:
        raise ReviewError(
            f"{page_name}: the review page lists every quiz, but no page places "
            f"{', '.join(repr(m) for m in missing)}: place it with '<!-- quiz: {missing[0]} -->' on its page."
        )
    groups = []
    for quiz_id, home in homes.items():
        if quiz_id not in quizzes:
            continue  # an unknown id: the quiz hook names it on its page
        questions = [question.id for question in quizzes[quiz_id].scored]
        if not questions:
            continue
        page = link(home.url)
        groups.append({"id": quiz_id, "title": home.title, "page": page, "href": f"{page}#quiz-{quiz_id}", "questions": questions})
    return groups
