"""The glossary: terms and abbreviations in every language, from one data file.

The same file gives the glossary page (where a page says `<!-- glossary -->`) and
the meaning of every abbreviation on every page (Python-Markdown's abbr syntax,
appended to each page in its own language), so the two never disagree."""
from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, StringConstraints, model_validator
from typing import Annotated

from sitekit.datafile import DataError, read_yaml, validate
from sitekit.models import Label, Model

MARKER = re.compile(r"<!--\s*glossary\s*-->")
Abbr = Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå0-9-]*$")]


class Abbreviation(Model):
    abbr: Abbr
    meaning: Label


class Term(Model):
    term: Label
    meaning: Label


class Glossary(Model):
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Glossary:
        seen: set[str] = set()
        for entry in self.abbreviations:
            if entry.abbr in seen:
                raise ValueError(f"the abbreviation '{entry.abbr}' is listed twice")
            seen.add(entry.abbr)
        return self


class GlossaryError(DataError):
    """A glossary file that cannot be used."""


def load_glossary(path: Path, shown_as: str) -> Glossary:
    data = read_yaml(path, shown_as, GlossaryError, "a glossary (abbreviations and terms)")

    def where(data_path):
        if len(data_path) > 1 and data_path[0] in ("abbreviations", "terms") and isinstance(data_path[1], int):
            try:
                entry = data[data_path[0]][data_path[1]]
                name = entry.get("abbr") or entry["term"]["nb"]
            except (KeyError, IndexError, TypeError, AttributeError):
                name = f"#{data_path[1] + 1}"
            return [f"entry '{name}'"]
        return []

    return validate(Glossary, data, shown_as, GlossaryError, where=where)


def abbreviations(glossary: Glossary, language: str) -> dict[str, str]:
    """The abbreviations and their meanings in one language, for the `abbr` Markdown
    extension's `glossary` option: as if every page ended with `*[ABBR]: meaning`
    lines, without parsing those lines again on each page (they took a fifth of the
    Markdown time)."""
    return {a.abbr: getattr(a.meaning, language) for a in glossary.abbreviations}


_ABBR = re.compile(r"<abbr title=\"([^\"]*)\">([^<]*)</abbr>")


def focusable_first_abbreviations(html: str) -> str:
    """Let the keyboard reach the first use of each abbreviation on a page, so its
    meaning shows on focus as on hover. Only the first: a tab stop on every «NAV»
    would make a page tiresome to move through."""
    seen: set[str] = set()

    def mark(match: re.Match[str]) -> str:
        if match.group(2) in seen:
            return match.group(0)
        seen.add(match.group(2))
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'

    return _ABBR.sub(mark, html)


def sorted_terms(glossary: Glossary, language: str) -> list[dict[str, str]]:
    """Terms and abbreviations together, in the language's alphabetical order."""
    order = "abcdefghijklmnopqrstuvwxyzæøå"
    key = lambda text: [order.find(c) if c in order else ord(c) for c in text.lower()]  # noqa: E731
    entries = [{"name": getattr(t.term, language), "meaning": getattr(t.meaning, language), "abbr": False} for t in glossary.terms]
    entries += [{"name": a.abbr, "meaning": getattr(a.meaning, language), "abbr": True} for a in glossary.abbreviations]
    entries.sort(key=lambda entry: key(entry["name"]))
    # An id for each entry, unique on the page («Nav» the name and «NAV» the abbreviation).
    seen: dict[str, int] = {}
    for entry in entries:
        slug = re.sub(r"[^a-z0-9æøå]+", "-", entry["name"].lower()).strip("-") or "ord"
        seen[slug] = seen.get(slug, 0) + 1
        entry["id"] = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
    return entries
