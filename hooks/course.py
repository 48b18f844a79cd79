"""The course: module pages' front matter, the module list on the overview, the
completion page, session plans for teams, the course printout and the quiz answer
keys (see sitekit.course)."""
from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitekit.course import (
    MASTERY_PERCENT, CourseError, after_section, course_modules, module_meta, moved, session_meta, session_plans, sections, view,
    with_progress_facts, without_facilitator_notes, without_ticks,
)
from sitekit.templates import partials_env
from sitekit.languages import current_locale
from sitekit.quizzes import MARKER as QUIZ_MARKER, build_quizzes, objectives_view, view_model

MARKER = re.compile(r"<!--\s*course:\s*([^\s>]*)\s*-->")
KINDS = ("tasks", "completion", "printout", "answer-keys")
# What a module's sheet in the course printout holds, in this order.
SHEET = ("viktige-punkter", "refleksjon", "utfordring")
FACILITATOR_NOTE = 'class="admonition facilitator"'

# The theme's Jinja environment, made once per build (making one is slow).
_env: Environment | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _env
    _env = partials_env(config.theme)


def _printout(modules: list[dict], pages: dict[str, Page]) -> list[dict]:
    """Each module's sheet: its front matter and the SHEET sections of its page."""
    sheets = []
    for m in modules:
        page = pages[m["url"]]
        found = sections(without_ticks(without_facilitator_notes(page.content or "")))  # a sheet is for everyone, on paper
        prefix = f"m{m['number']}-"
        parts = [
            # Parts of the module's own built page: HTML that Markdown made safe.
            {"id": prefix + key, "heading": Markup(found[key][0]), "html": Markup(moved(found[key][1], prefix, set(SHEET), m["href"]))}
            for key in SHEET if key in found
        ]
        sheets.append({**m, "meta": page.meta["module"], "objectives": m["objectives"], "parts": parts})
    return sheets


def _objectives(meta, config: MkDocsConfig, page: Page, src: str) -> list[dict]:
    """The module's objectives, from its quiz: ids and both languages in one place,
    and the quiz's questions check each of them (sitekit.quizzes)."""
    quiz = build_quizzes(config).get(meta.quiz)
    if quiz is None or not quiz.objectives:
        raise CourseError(
            f"{src}: the module's quiz quizzes/{meta.quiz}.yml has no 'objectives:'; a module's learning "
            "objectives are written there, with ids its questions name in 'checks:' (CONTRIBUTING, «Quizzes»)."
        )
    return objectives_view(quiz, current_locale(config), page.url)


def _answer_keys(modules: list[dict], config: MkDocsConfig, page: Page) -> list[dict]:
    quizzes = build_quizzes(config)
    language = current_locale(config)
    return [{**m, "quiz_view": view_model(quizzes[m["quiz"]], language, page.url)} for m in modules]


def _with_facts(listed: list[dict], config: MkDocsConfig) -> list[dict]:
    return with_progress_facts(listed, build_quizzes(config))


def _modules(nav: Navigation) -> list:
    """The course's modules, found once per navigation: each language's build makes its
    own, and checking every page's front matter again for every page adds up."""
    found = getattr(nav, "_inkl_course_modules", None)
    if found is None:
        found = nav._inkl_course_modules = course_modules(nav.pages)
    return found


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    meta = module_meta(page.meta, page.file.src_uri)
    session = session_meta(page.meta, page.file.src_uri)
    if not meta and not session and not (page.content and MARKER.search(page.content)):
        return context  # most pages: nothing of the course's
    src = f"docs/{page.file.src_uri}"
    modules = _modules(nav)
    listed = view(modules, page.url)
    if meta:
        # The quiz itself comes later (hooks/quizzes.py, after search has read the page): its marker.
        if meta.quiz not in QUIZ_MARKER.findall(page.content or ""):
            raise CourseError(
                f"{src}: the module's quiz '{meta.quiz}' is not on the page: "
                f"place it with '<!-- quiz: {meta.quiz} -->'."
            )
        index = next((i for i, m in enumerate(modules) if m.number == meta.number), None)
        if index is None:
            raise CourseError(f"{src}: the module page is not in 'nav' in mkdocs.yml; add it under the course.")
        # The course overview in this language: the page that lists the modules.
        overview = next((p for p in nav.pages if "course: tasks" in (p.markdown or "")), None)
        context["module"] = {
            "meta": meta,
            "progress": _with_facts(listed, config)[index],  # the module's scored questions and the mastery threshold
            "objectives": _objectives(meta, config, page, src),
            "previous": listed[index - 1] if index > 0 else None,
            "next": listed[index + 1] if index + 1 < len(listed) else None,
            "overview": get_relative_url(overview.url, page.url) if overview else None,
        }
        page.meta["course"] = True
        # The module's one-page handout, hidden on screen: the toolbar's «Print a handout» prints it alone.
        sheet = _printout([{**listed[index], "objectives": context["module"]["objectives"]}], {page.url: page})[0]
        page.content = (page.content or "") + _env.get_template("partials/course-handout.html").render(config=config, page=page, sheet=sheet)
        # The reader's tick for the workplace challenge, at the end of its section.
        tick = _env.get_template("partials/course-tick.html").render(config=config, page=page, kind="challenge", quiz=meta.quiz)
        page.content = after_section(page.content or "", "utfordring", tick)

    if session:
        # Its module exists: every page's front matter is checked before the build (sitekit.course.check_pages).
        target = next(m for m in listed if m["number"] == session.module)
        keys = next((p for p in nav.pages if "course: answer-keys" in (p.markdown or "")), None)
        plans = session_plans(nav.pages)
        index = next((i for i, (_, p) in enumerate(plans) if p is page), None)
        if index is None:
            raise CourseError(f"{src}: the session plan is not in 'nav' in mkdocs.yml; add it under the team pages.")
        neighbour = lambda i: {"href": get_relative_url(plans[i][1].url, page.url), "title": Markup(plans[i][1].title)}  # noqa: E731
        context["session"] = {
            "module": target,
            "answer_keys": get_relative_url(keys.url, page.url) + f"#modul-{session.module}" if keys else None,
            "previous": neighbour(index - 1) if index > 0 else None,
            "next": neighbour(index + 1) if index + 1 < len(plans) else None,
        }

    if page.content and MARKER.search(page.content):
        pages = {p.url: p for p in nav.pages}

        def render(match: re.Match) -> str:
            kind = match.group(1)
            if kind not in KINDS:
                raise CourseError(f"{src}: unknown marker '<!-- course: {kind} -->'; use one of: {', '.join(KINDS)}.")
            if kind == "printout" and any(m["url"].rsplit("/", 2)[0] != page.url.rsplit("/", 2)[0] for m in listed):
                # The sheets keep the modules' relative links, which only hold beside them.
                raise CourseError(f"{src}: '<!-- course: printout -->' must be on a page in the modules' folder.")
            values = {"modules": listed, "total_minutes": sum(m["minutes"] for m in listed)}
            if kind in ("tasks", "completion"):
                values["modules"] = _with_facts(listed, config)
                values["mastery"] = MASTERY_PERCENT
            if kind == "printout":
                for m in listed:
                    m["objectives"] = _objectives(module_meta(pages[m["url"]].meta, m["url"]), config, page, src)
                values["sheets"] = _printout(listed, pages)
            elif kind == "answer-keys":
                values["keys"] = _answer_keys(listed, config, page)
            return _env.get_template(f"partials/course-{kind}.html").render(config=config, page=page, **values)

        page.content = MARKER.sub(render, page.content)
        page.meta["course"] = True  # main.html loads assets/js/course.js

    if page.content and FACILITATOR_NOTE in page.content:
        page.meta["facilitator"] = True  # the page shows the facilitator view toggle
    return context
