"""Turn the `<!-- review -->` marker into the review page's list: every scored question
of every quiz, grouped by quiz, with a link to where each quiz lives (see sitekit.review;
assets/js/review-page.js fetches and shows the ones that are due)."""
from __future__ import annotations


from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitekit.quizzes import build_quizzes
from sitekit.review import DUE_LINE, MARKER, ReviewError, quiz_homes, review_groups
from sitekit.templates import partials_env

# The theme's autoescaping environment, made once per build (making one is slow).
_env: Environment | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _env
    _env = partials_env(config.theme)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # After every page is read and rendered: the quizzes' pages and titles are known.
    # After hooks/course.py too, which writes the course overview's due line.
    if page.content and DUE_LINE in page.content:
        page.meta["review_due"] = True  # main.html loads the review scripts for it
    if not page.content or not MARKER.search(page.content):
        return context
    name = f"docs/{page.file.src_uri}"
    if len(MARKER.findall(page.content)) > 1:
        raise ReviewError(f"{name}: '<!-- review -->' may be on a page once.")
    groups = review_groups(
        build_quizzes(config),
        quiz_homes(nav.pages),
        link=lambda url: get_relative_url(url, page.url),
        page_name=name,
    )
    html = _env.get_template("partials/review.html").render(groups=groups, config=config, page=page)
    page.content = MARKER.sub(lambda _: html, page.content)
    page.meta["quiz"] = True  # main.html loads the quiz script and styles, for the quizzes fetched
    page.meta["review"] = True  # and the review page's script
    page.meta["quiz_from_page"] = True  # which fetches the quizzes with questions due
    return context
