"""A page's source and front matter, checked before MkDocs reads them.

MkDocs reads front matter with PyYAML's SafeLoader and drops it silently when it is
not valid YAML (the page then seems to have «no description»); it accepts aliases
(a few lines can expand into billions of values), a key written twice, and text
that is not UTF-8 ends in a traceback. Here every page is read as the data files
are (sitekit.strict_yaml, sitekit.datafile), so the same mistakes get the same
clear message, with the file and the line."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any, Literal

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from pydantic import Field, StrictBool, StringConstraints

from sitekit import strict_yaml
from sitekit.course import ModuleMeta, SessionMeta, check_pages
from sitekit.datafile import decode, source_texts, validate
from sitekit.models import Model, OneLine
from mkdocs.structure.toc import AnchorLink, TableOfContents


class PageError(PluginError):
    """A page whose source or front matter cannot be used."""


class FrontMatter(Model):
    """What a page's front matter may say. An unknown key is a typo, and an error."""

    description: Annotated[OneLine, StringConstraints(max_length=300)] | None = None
    title: OneLine | None = None
    template: Literal["module.html", "session.html"] | None = None
    module: ModuleMeta | None = None
    session: SessionMeta | None = None
    sources: StrictBool = Field(default=True, description="false: the page rests on no source (the completion page).")
    checklist: StrictBool = Field(default=False, description="true: a checklist to print; the page shows a print button (overrides/main.html).")
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] | None = None
    search: dict[Literal["exclude", "boost"], Any] | None = None


# MkDocs' own pattern for YAML front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def check_source(raw: bytes, name: str) -> dict[str, Any]:
    """The page's front matter, checked; PageError naming `name` and the line otherwise."""
    return check_front_matter(decode(raw, name, PageError), name)


def check_front_matter(text: str, name: str) -> dict[str, Any]:
    """check_source, for a page's text already decoded and checked by `decode`."""
    text = text.removeprefix("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    offset = 1  # the opening '---' line
    try:
        data = strict_yaml.load(match.group(1))
    except strict_yaml.YAMLProblem as problem:
        where = f", line {problem.line + offset}" if problem.line else ""
        raise PageError(f"{name}{where}: front matter {problem.message}.") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PageError(f"{name}, line 2: front matter must be a block of 'key: value' lines, found {type(data).__name__}.")

    validate(FrontMatter, data, name, PageError, where=lambda path: ["front matter"], line_offset=offset)
    return data


def check_all_sources(docs_dir: Path, others: list[str], skip=lambda path: False) -> dict[str, dict[str, Any]]:
    """Every page of every language checked before MkDocs renders any: each page's source
    and front matter (check_source), a description on each, and module and session
    numbers used once per language, and the course's templates with their blocks
    (sitekit.course.check_pages). Found here, a mistake in an English page or a
    repeated number stops the build in a second, not after the bokmål site is built.
    `others`: the non-default locales (page.<locale>.md); returns each page's front matter."""
    metas: dict[str, dict[str, Any]] = {}
    for relative, text in source_texts(docs_dir, PageError).items():
        if not skip(relative):
            metas[relative] = check_front_matter(text, f"docs/{relative}")
    for relative, meta in metas.items():
        value = meta.get("description")
        if not isinstance(value, str) or not value.strip():
            raise PageError(
                f"docs/{relative}: front matter has no 'description'. Add one plain sentence "
                "(at most 155 characters) for search engines and link previews."
            )
    by_language: dict[str | None, list[Any]] = {}
    for relative, meta in metas.items():
        locale = next((lang for lang in others if relative.endswith(f".{lang}.md")), None)
        # What sitekit.course reads of a page: its front matter and file name.
        by_language.setdefault(locale, []).append(
            SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri=relative), title="", url=relative)
        )
    for locale in [None, *others]:  # the default language first, so its file is the one named
        check_pages(by_language.get(locale, []))
    return metas


def escaped_meta(meta: dict[str, Any]) -> None:
    """Make the front matter's texts that templates print (Material's <title> and
    <meta name="description"> among them, which print them as they are) safe HTML."""
    for key in ("title", "description"):
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


def escape_nav_titles(items: list[Any]) -> None:
    """Nav labels from mkdocs.yml (and their translations), escaped: Material prints
    them as they are. A page's title from its heading comes later, from Markdown,
    which escapes it itself; only a title given in the nav is in the item already."""
    for item in items:
        given = item.__dict__.get("title")
        if isinstance(given, str) and not isinstance(given, Markup):
            item.title = escape(given)
        escape_nav_titles(getattr(item, "children", None) or [])


# Our page templates that print the page's title as the page's <h1>, with its id.
TEMPLATE_TITLE_IDS = {"module.html": "modul", "session.html": "okt"}


def title_first_in_toc(page: Any) -> None:
    """On a page whose template prints the <h1> (a module, a session plan), make that
    heading the first entry of the table of contents, with the rest under it, as for
    a page whose Markdown has its own «# title». Material's «skip to content» link
    then leads to the title, not past the objectives, and its sidebar lists the
    same headings as before (it shows a level-1 entry's children)."""
    heading = TEMPLATE_TITLE_IDS.get(page.meta.get("template"))
    if not heading or (page.toc and next(iter(page.toc)).level == 1):
        return
    title = AnchorLink(str(page.title or ""), heading, 1)
    title.children = list(page.toc)
    page.toc = TableOfContents([title])


# The section links Markdown's toc extension puts after each heading («¶»), named in
# the page's language. The extension writes the one `permalink_title` of mkdocs.yml, in
# bokmål, on English pages too, and as a title: Material's content.tooltips mounts a
# tooltip on every element with a title, and the 20 on a chart page cost a phone about
# 80 ms of blocking time at load. An aria-label names the link all the same.
PERMALINK_LABELS = {"nb": "Lenke til denne delen", "en": "Link to this section"}
_HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*") title="[^"]*"')


def labelled_headerlinks(html: str, language: str) -> str:
    """`html` with each section link's title turned into an aria-label in `language`."""
    label = escape(PERMALINK_LABELS[language])
    return _HEADERLINK_TITLE.sub(lambda match: f'{match.group(1)} aria-label="{label}"', html)
