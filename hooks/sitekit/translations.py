"""Checks that every page and every navigation label exists in every language.

Pages use the suffix layout: `page.md` is bokmål (the default), `page.en.md` is
its English twin beside it. A page without its twin would be shown in the wrong
language (or not at all), so it is an error, not a silent fallback."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable


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


def nav_pages(nav: list[Any] | None) -> set[str]:
    """Every page file named in `nav:` ('mentor/start.md'), at any depth."""
    found: set[str] = set()
    for item in nav or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found |= nav_pages(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.add(value)
    return found


def pages_not_in_nav(docs_dir: Path, nav: list[Any] | None, others: list[str], skip: Callable[[str], bool] = lambda path: False) -> list[str]:
    """One line per default-language page that `nav:` leaves out (its twins follow it).
    MkDocs only warns, and then every page's links to it look broken; name it instead.
    `skip(path)` is true for files MkDocs does not publish or keeps out of nav on purpose."""
    if nav is None:  # no nav: MkDocs lists every page itself
        return []
    listed = nav_pages(nav)
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if page_stem(Path(relative), others)[1] is None and relative not in listed and not skip(relative):
            problems.append(
                f"docs/{relative} is not in 'nav' in mkdocs.yml: add '{relative}' where it belongs in nav "
                "(its twins follow it), and the English label of any new section under "
                "plugins.i18n.languages[en].nav_translations."
            )
    return problems

