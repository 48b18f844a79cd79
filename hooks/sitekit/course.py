"""The course: its modules, read from the front matter of the module pages.

A module page says what it is in its front matter, checked here:

    module:
      number: 1                   # unique; the modules are listed in this order
      quiz: kurs-modul-1          # the module's self-check quiz (placed in the page)
      minutes: 45                 # estimated time, the reader's own work not counted
      answers: [What the module answers, ...]
      objectives: [3 to 5 learning objectives]

The module template (overrides/module.html) shows these; the course overview and
the completion page list the modules; assets/js/course.js adds the reader's
progress, from the quizzes' stored answers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.utils import get_relative_url
from pydantic import Field, StrictInt, ValidationError

from sitekit.datafile import DataError, describe
from sitekit.models import Id, Model, NonEmpty


class CourseError(DataError):
    """Module front matter that cannot be used."""


class ModuleMeta(Model):
    number: StrictInt = Field(ge=1)
    quiz: Id
    minutes: StrictInt = Field(ge=1)
    answers: list[NonEmpty] = Field(min_length=1)
    objectives: list[NonEmpty] = Field(min_length=3, max_length=5)


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    url: str  # site-relative, language folder included
    src: str  # docs/… file, for messages
    meta: ModuleMeta


def module_meta(meta: dict[str, Any], src: str) -> ModuleMeta | None:
    """The page's module front matter, checked; None for a page that is not a module."""
    if "module" not in meta:
        return None
    try:
        return ModuleMeta.model_validate(meta["module"])
    except ValidationError as error:
        problems = [
            f"docs/{src}: front matter 'module.{'.'.join(str(s) for s in p['loc']) or '…'}' {describe(p)}."
            for p in error.errors(include_url=False)
        ]
        raise CourseError("Invalid module:\n  " + "\n  ".join(problems)) from None


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
            "title": m.title,
            "href": get_relative_url(m.url, current_url) if m.url != current_url else "./",
            "quiz": m.meta.quiz,
            "minutes": m.meta.minutes,
            "current": m.url == current_url,
        }
        for m in modules
    ]
