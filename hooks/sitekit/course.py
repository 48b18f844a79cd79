"""The course: its modules, read from the front matter of the module pages.

A module page says what it is in its front matter, checked here:

    module:
      number: 1                   # unique; the modules are listed in this order
      quiz: kurs-modul-1          # the module's self-check quiz (placed in the page)
      minutes: 45                 # estimated time, the reader's own work not counted
      answers: [What the module answers, ...]

The module's learning objectives are in its quiz file (`objectives:`, with ids that
the questions name in `checks:`), so that the build can check that the quiz checks
each of them (sitekit.quizzes).

The module template (overrides/module.html) shows these; the course overview and
the completion page list the modules; assets/js/course.js adds the reader's
progress, from the quizzes' stored answers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from mkdocs.utils import get_relative_url
from pydantic import Field, StrictInt, ValidationError

from sitekit.datafile import DataError, describe
from sitekit.models import Id, Model, OneLine


# A module counts as «mastered» when at least this share of its quiz's scored
# questions are answered right (the course pages, the completion page and the LMS
# packages all say and use this one number).
MASTERY_PERCENT = 80


class CourseError(DataError):
    """Module front matter that cannot be used."""


class ModuleMeta(Model):
    number: StrictInt = Field(ge=1)
    quiz: Id
    minutes: StrictInt = Field(ge=1)
    answers: list[OneLine] = Field(min_length=1)


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    url: str  # site-relative, language folder included
    src: str  # docs/… file, for messages
    meta: ModuleMeta


def _checked(meta: dict[str, Any], key: str, model: type[Model], src: str, what: str) -> Any:
    """The page's `key:` front matter as `model`, checked; None when the page has none."""
    if key not in meta:
        return None
    try:
        return model.model_validate(meta[key])
    except ValidationError as error:
        problems = [
            f"docs/{src}: front matter '{'.'.join([key, *(str(s) for s in p['loc'])])}' {describe(p)}."
            for p in error.errors(include_url=False)
        ]
        raise CourseError(f"Invalid {what}:\n  " + "\n  ".join(problems)) from None


def module_meta(meta: dict[str, Any], src: str) -> ModuleMeta | None:
    """The page's module front matter, checked; None for a page that is not a module."""
    return _checked(meta, "module", ModuleMeta, src, "module")


def course_modules(pages: list[Any]) -> list[Module]:
    """The modules among `pages` (MkDocs Page objects of one language), by number.
    A number may not repeat; gaps are allowed while the course is being written."""
    modules = []
    for page in pages:
        meta = module_meta(page.meta, page.file.src_uri)
        if meta:
            modules.append(Module(meta.number, page.title, page.url, page.file.src_uri, meta))
    modules.sort(key=lambda module: module.number)
    for before, module in zip(modules, modules[1:]):
        if module.number == before.number:
            raise CourseError(
                f"docs/{module.src}: front matter 'module.number' is {module.number}, the same as in "
                f"docs/{before.src}; give each module its own number."
            )
    return modules


def view(modules: list[Module], current_url: str) -> list[dict[str, Any]]:
    """The modules as templates need them, with links relative to the current page."""
    return [
        {
            "number": m.number,
            "title": Markup(m.title),  # MkDocs' title: the heading's text as HTML, or escaped front matter
            "url": m.url,
            "href": get_relative_url(m.url, current_url) if m.url != current_url else "./",
            "quiz": m.meta.quiz,
            "minutes": m.meta.minutes,
            "current": m.url == current_url,
        }
        for m in modules
    ]


def with_progress_facts(listed: list[dict[str, Any]], quizzes: dict[str, Any]) -> list[dict[str, Any]]:
    """`listed` (from view()) with what assets/js/course.js needs to work out each
    module's status: the ids of its quiz's scored questions (right answers are
    counted among these only, so an answer kept from a removed question never
    counts) and the mastery threshold in percent."""
    return [
        {**m, "scored": [q.id for q in quizzes[m["quiz"]].scored] if m["quiz"] in quizzes else [], "mastery": MASTERY_PERCENT}
        for m in listed
    ]


# -- team study: session plans, the course printout, answer keys ------------------


class SessionMeta(Model):
    """Front matter of a session plan (`template: session.html`):

        session:
          module: 1                 # the module the session is about
          short_quiz: [3, 5, 6, 7]  # the quiz questions (1-based) the 60-minute plan takes
    """

    module: StrictInt = Field(ge=1)
    # Checked against the module's quiz in sitekit.sessions (each exists, none twice).
    short_quiz: list[StrictInt] | None = Field(default=None, min_length=1)


def session_meta(meta: dict[str, Any], src: str) -> SessionMeta | None:
    """The page's session front matter, checked; None for a page that is not a session plan."""
    return _checked(meta, "session", SessionMeta, src, "session plan")


def session_plans(pages: list[Any]) -> list[tuple[int, Any]]:
    """(module number, page) of each session plan among `pages`, by module. One plan
    per module: a second is an error naming both files."""
    plans = sorted(
        ((session_meta(p.meta, p.file.src_uri).module, p) for p in pages if "session" in p.meta),
        key=lambda plan: plan[0],
    )
    for (number, before), (again, page) in zip(plans, plans[1:]):
        if number == again:
            raise CourseError(
                f"docs/{page.file.src_uri}: front matter 'session.module' is {number}, the same as in "
                f"docs/{before.file.src_uri}; a module has one session plan."
            )
    return plans


def check_pages(pages: list[Any]) -> None:
    """The course's front matter across the pages of one language (objects with `meta`
    and `file.src_uri`), before anything is built: a module or session template has its
    block, module numbers and session plans are used once, and each session plan's
    module exists. CourseError names the file."""
    for page in pages:
        src = f"docs/{page.file.src_uri}"
        template = page.meta.get("template")
        if template == "module.html" and "module" not in page.meta:
            raise CourseError(
                f"{src}: front matter says 'template: module.html' but has no 'module:' "
                "block (number, quiz, minutes, answers); see CONTRIBUTING, «Course modules»."
            )
        if template == "session.html" and "session" not in page.meta:
            raise CourseError(f"{src}: front matter says 'template: session.html' but has no 'session:' block (module).")
    numbers = {module.number for module in course_modules(pages)}
    for number, page in session_plans(pages):
        if number not in numbers:
            raise CourseError(
                f"docs/{page.file.src_uri}: front matter 'session.module' is {number}, but no module page has that number."
            )


_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def sections(content: str) -> dict[str, tuple[str, str]]:
    """The page's h2 sections by id: (heading text as HTML, the HTML up to the next h2).
    Markdown's h2s are never nested, so a flat scan is enough."""
    found = {}
    matches = list(_H2.finditer(content))
    for match, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(content)
        found[match.group(1)] = (_HEADERLINK.sub("", match.group(2)).strip(), content[match.end():end].strip())
    return found


_FACILITATOR_NOTE = re.compile(r'<div class="admonition facilitator">.*?</div>\s*', re.S)


def without_facilitator_notes(fragment: str) -> str:
    """`fragment` without its facilitator notes (short paragraphs in one admonition div)."""
    return _FACILITATOR_NOTE.sub("", fragment)


# The reader's tick boxes (partials/course-tick.html): one div, no div inside.
_TICK = re.compile(r'<div class="inkl-tick"[^>]*>.*?</div>\s*', re.S)


def without_ticks(fragment: str) -> str:
    """`fragment` without the reader's tick boxes: a printed sheet has nothing to tick."""
    return _TICK.sub("", fragment)


def after_section(content: str, section_id: str, html: str) -> str:
    """`content` with `html` placed at the end of the h2 section `section_id` (before
    the next h2, or at the end); unchanged if there is no such section."""
    start = re.search(rf'<h2 id="{re.escape(section_id)}"', content)
    if not start:
        return content
    following = re.compile(r"<h2[\s>]").search(content, start.end())
    end = following.start() if following else len(content)
    return content[:end] + html + content[end:]


def moved(fragment: str, prefix: str, kept: set[str], page_href: str) -> str:
    """`fragment` of a page, made fit to sit in another page in the same folder:
    its ids get `prefix` (so two modules' «#refleksjon» do not clash); a link to an
    id that came along (in the fragment or in `kept`) follows it, a link to one left
    behind goes back to the page at `page_href`."""
    present = set(re.findall(r'\bid="([^"]+)"', fragment)) | kept
    fragment = re.sub(r'\b(id|for|aria-labelledby|aria-describedby)="([^"]+)"', lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', fragment)
    return re.sub(
        r'href="#([^"]+)"',
        lambda m: f'href="#{prefix}{m.group(1)}"' if m.group(1) in present else f'href="{page_href}#{m.group(1)}"',
        fragment,
    )
