"""The course: module pages' front matter, the module list on the overview, and the
completion page (see sitekit.course)."""
from __future__ import annotations

import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.course import CourseError, course_modules, module_meta, view

MARKER = re.compile(r"<!--\s*course:\s*(tasks|completion)\s*-->")

# The theme's Jinja environment, made once per build (making one is slow).
_env: Environment | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _env
    _env = config.theme.get_env()


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    modules = course_modules(nav.pages)
    listed = view(modules, page.url)
    meta = module_meta(page.meta, page.file.src_uri)
    if page.meta.get("template") == "module.html" and not meta:
        raise CourseError(
            f"docs/{page.file.src_uri}: front matter says 'template: module.html' but has no 'module:' "
            "block (number, quiz, minutes, answers, objectives); see CONTRIBUTING, «Course modules»."
        )
    if meta:
        if f'data-quiz="{meta.quiz}"' not in (page.content or ""):
            raise CourseError(
                f"docs/{page.file.src_uri}: the module's quiz '{meta.quiz}' is not on the page: "
                f"place it with '<!-- quiz: {meta.quiz} -->'."
            )
        index = next(i for i, m in enumerate(modules) if m.number == meta.number)
        context["module"] = {
            "meta": meta,
            "previous": listed[index - 1] if index > 0 else None,
            "next": listed[index + 1] if index + 1 < len(listed) else None,
        }
    if page.content and MARKER.search(page.content):
        page.content = MARKER.sub(
            lambda match: _env.get_template(f"partials/course-{match.group(1)}.html").render(
                modules=listed, total_minutes=sum(m["minutes"] for m in listed), config=config, page=page,
            ),
            page.content,
        )
        page.meta["course"] = True  # main.html loads assets/js/course.js
    if meta:
        page.meta["course"] = True
    return context
