"""Shared pieces of the site's data formats (quizzes, figures, the glossary, front matter)."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

# Every text exists in every site language. Adding a language: one line here.
LANGUAGES = ("nb", "en")

Id = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
NonEmpty = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]


def _one_line(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise ValueError("must be one line of text (it has a line break)")
    return text


# Plain text on one line: a title, a label, a meaning in the glossary. It is shown as
# text (escaped), never read as Markdown.
OneLine = Annotated[NonEmpty, AfterValidator(_one_line)]

# Where a link in data may lead: a page of the site, written as its file under docs/
# (bokmål name, optionally with a heading's id), or an address on the web or e-mail.
# Anything else (javascript:, data:, a bare path) is refused when the file is read.
SITE_PAGE = re.compile(r"^[a-z0-9][a-z0-9/_-]*\.md(#[A-Za-z0-9_-]+)?$")
_WEB = re.compile(r"^(https?://[^\s\"'<>]+|mailto:[^\s\"'<>:/]+@[^\s\"'<>]+)$", re.I)


def allowed_link(url: str) -> bool:
    return bool(SITE_PAGE.match(url) or _WEB.match(url))


# The targets of Markdown links: inline `[text](target "title")` and `[text](<target>)`,
# and reference definitions `[id]: target`.
_INLINE_TARGET = re.compile(r"\]\(\s*(<[^>]*>|[^)\s]*)")
_REFERENCE_TARGET = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)", re.M)


def link_targets(text: str) -> list[str]:
    found = _INLINE_TARGET.findall(text) + _REFERENCE_TARGET.findall(text)
    return [target.strip("<>") for target in found]


def _safe_links(text: str) -> str:
    for target in link_targets(text):
        if not allowed_link(target):
            raise ValueError(
                f"has a link to '{target[:60]}': a link may lead to a page of the site "
                "(its file under docs/, e.g. mentor/start.md#dag-1) or start with https:, http: or mailto:"
            )
    return text


# Text that may hold inline Markdown (emphasis, links), as quiz texts do.
Markdown = Annotated[NonEmpty, AfterValidator(_safe_links)]


class Model(BaseModel):
    """Strict about unknown fields (a typo is an error) and immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A text in every language; inline Markdown (emphasis, links to allowed places)."""

    nb: Markdown
    en: Markdown


class Label(Model):
    """A plain text on one line in every language (shown as text, not Markdown)."""

    nb: OneLine
    en: OneLine
