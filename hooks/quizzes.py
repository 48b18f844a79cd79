"""Turn `<!-- quiz: id -->` markers into self-check quizzes from quizzes/<id>.yml.

Loading and validation, rendering and checks live in sitekit.quizzes; this file
only connects them to MkDocs events."""
from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Template

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitekit.datafile import check_all_used, replace_markers
from sitekit.templates import partials_env
from sitekit.languages import current_locale, site_languages
from sitekit.links import element_ids
from sitekit.quiz_model import Quiz
from sitekit.quizzes import MARKER, QuizError, build_quizzes, page_url, render_quiz, source_problems

# The quizzes and the partial, read at the start of the build now running. Each build
# (each language, each `mkdocs serve` rebuild) reloads them in on_pre_build, so nothing
# goes stale; loading the partial once matters, as a Jinja environment is slow to make.
_quizzes: dict[str, Quiz] = {}
_template: Template | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _quizzes, _template
    _quizzes = build_quizzes(config)
    _template = partials_env(config.theme).get_template("partials/quiz.html")
    if not config.plugins["i18n"].building:  # the pages of every language, read once (the first language's build)
        check_all_used(_quizzes, Path(config.docs_dir), MARKER, "quiz", "quizzes", QuizError)


# After the search plugin (priority 0) has indexed the page, and after the other hooks'
# on_page_context: a quiz is data-search-exclude, and parsing its HTML for nothing was
# a tenth of the build. Hooks that ask whether a page has its quiz look for the marker.
@event_priority(-50)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.content and MARKER.search(page.content):
        page.content = _with_quizzes(page.content, page, config)
    return context


def _with_quizzes(html: str, page: Page, config: MkDocsConfig) -> str:
    language = current_locale(config)

    module = page.meta.get("module")
    own_quiz = module.get("quiz") if isinstance(module, dict) else None

    def render(quiz_id: str) -> str:
        page.meta["quiz"] = True  # main.html loads the quiz script and styles
        # On its own module page the objectives are listed with ids (overrides/module.html).
        return render_quiz(_template, _quizzes[quiz_id], language, page.url, config, objective_links=quiz_id == own_quiz)

    return replace_markers(html, MARKER, f"docs/{page.file.src_uri}", _quizzes, render, "quiz", "quizzes", QuizError)


@event_priority(-250)  # after the other languages are built (see language_scope.py)
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    site = Path(config.site_dir)
    prefixes = {lang.locale: lang.prefix for lang in site_languages(config)}

    @functools.cache  # many questions point to the same page
    def page_ids(page: str, language: str) -> set[str] | None:
        built = site / prefixes[language] / page_url(page) / "index.html"
        return element_ids(built.read_text(encoding="utf-8")) if built.is_file() else None

    problems = source_problems(_quizzes, page_ids, list(prefixes))
    if problems:
        raise QuizError("Quiz sources that do not exist:\n  " + "\n  ".join(map(str, problems)))
