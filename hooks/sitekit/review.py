"""The review page: every scored question of every quiz, grouped by quiz, for
assets/js/review-page.js to show the ones the reader has due (see hooks/review.py).

Each quiz is the ordinary quiz partial with its reflection questions left out,
its section marked `data-quiz-review` (quiz.js then keeps no answers for it and
offers no reset), inside a `<template>`: the browser parses it but leaves it out
of the page, so a page that holds a hundred questions has in it only the few
that are due. Without JavaScript the page says that review needs it."""
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
# The first tag of the quiz partial: the quiz's <section>.
_SECTION = re.compile(r"<section\b")
_SECTION_TAG = re.compile(r"<section\b[^>]*>")


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


def for_review(model: dict[str, Any]) -> dict[str, Any]:
    """A quiz's view model (sitekit.quizzes.view_model) for the review page: the
    scored questions only, each keeping its number in the quiz, and no intro (the
    review page says where the quiz is instead)."""
    questions = [q for q in model["questions"] if q["type"] != "reflection"]
    return {**model, "questions": questions, "intro": None, "scored": len(questions)}


def mark_for_review(section: str, quiz_id: str) -> Markup:
    """The rendered quiz (our own partial, escaped there) with `data-quiz-review` on
    its section: the partial writes it when asked (`review`); this makes sure."""
    opening = _SECTION_TAG.search(section)
    if opening and "data-quiz-review" in opening.group(0):
        return Markup(section)
    marked, found = _SECTION.subn("<section data-quiz-review", section, count=1)
    if not found:
        raise ReviewError(
            f"overrides/partials/quiz.html: the quiz '{quiz_id}' rendered without a <section>; "
            "the review page marks each quiz's <section> with data-quiz-review."
        )
    return Markup(marked)


def review_groups(
    quizzes: dict[str, Quiz],
    homes: dict[str, Home],
    view: Callable[[Quiz], dict[str, Any]],
    link: Callable[[str], str],
    render: Callable[[dict[str, Any]], str],
    page_name: str,
) -> list[dict[str, Any]]:
    """One group per quiz with a scored question, in the order of the quizzes'
    pages: the quiz id, its page's title and a link to the quiz there (`link` makes
    a page URL relative), and `render(intro)`, which gives the quiz's HTML for the
    review page with `intro` (safe HTML) under its title."""
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
        model = for_review(view(quizzes[quiz_id]))
        if not model["questions"]:
            continue

        def rendered(intro: Markup, model: dict[str, Any] = model, quiz_id: str = quiz_id) -> Markup:
            return mark_for_review(render({**model, "intro": Markup(intro)}), quiz_id)

        groups.append({
            "id": quiz_id,
            "title": home.title,
            "href": f"{link(home.url)}#quiz-{quiz_id}",
            "render": rendered,
            "count": len(model["questions"]),
        })
    return groups
