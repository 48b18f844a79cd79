"""Checks that every page and every navigation label exists in every language.

Pages use the suffix layout: `page.md` is bokmål (the default), `page.en.md` is
its English twin beside it. A page without its twin would be shown in the wrong
language (or not at all), so it is an error, not a silent fallback."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable


def page_stem(relative: Path, locales: Iterable[str]) -> tuple[str, str | None]:
    """Split 'om/kilder.en.md' into ('om/kilder', 'en'); a default page gives None."""
    name = relative.as_posix()[: -len(".md")]
    for locale in locales:
        if name.endswith(f".{locale}"):
            return name[: -len(locale) - 1], locale
    return name, None


def missing_twins(docs_dir: Path, default: str, others: list[str]) -> list[str]:
    """One line per missing translation, naming the file that lacks its twin."""
    found: dict[str, set[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        stem, locale = page_stem(path.relative_to(docs_dir), others)
        found.setdefault(stem, set()).add(locale or default)
    problems = []
    for stem, locales in found.items():
        for locale in [default, *others]:
            if locale in locales:
                continue
            have = sorted(locales)[0]
            have_file = f"{stem}.md" if have == default else f"{stem}.{have}.md"
            want_file = f"{stem}.md" if locale == default else f"{stem}.{locale}.md"
            problems.append(
                f"docs/{have_file} has no {locale} translation: create docs/{want_file}."
            )
    return problems


def nav_section_titles(nav: list[Any] | None) -> list[str]:
    """The titles in `nav:` that are not page titles (sections and labelled pages)."""
    titles: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(str(title))
                if isinstance(value, list):
                    titles.extend(nav_section_titles(value))
    return titles


def missing_nav_labels(nav: list[Any] | None, locale: str, translations: dict[str, str]) -> list[str]:
    return [
        f"mkdocs.yml: nav label «{title}» has no {locale} translation: add it under "
        f"plugins.i18n.languages[{locale}].nav_translations."
        for title in nav_section_titles(nav)
        if title not in translations
    ]


def missing_description(meta: dict[str, Any]) -> bool:
    value = meta.get("description")
    return not isinstance(value, str) or not value.strip()
