"""Parity between languages: each page has its twin, with the same outline, the
same parts and the same figures.

Twins are pages with the same `Page.key` (`om/kilder/` and `en/om/kilder/`). Each
page in another language is compared with its bokmål twin:
- the sequence of heading levels (h1, h2, h2, h3 …);
- the number of tables, figures (`<figure>`), quizzes (elements with a
  `data-quiz` attribute, the outermost only), checklists (`ul.task-list`) and
  checklist items;
- the numbers in the visible text and in its SVG images, both ways: 3,5 = 3.5, 1 000 = 1,000, and a
  number up to twelve may be spelt out on one side («seks» = «six»)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

from content.dom import Node
from content.problems import Problem
from content.site import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, Page

SPELT_OUT = {
    "nb": {"én": 1, "ett": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
           "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twice": 2},
}
# A number as each language writes it. Bokmål: decimal comma, space as thousands
# separator (1 000, also no-break and narrow spaces). English: decimal point,
# comma as thousands separator. Dotted sequences (28.9.2021, WCAG 2.1) stay whole.
NUMBER = {
    "nb": re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)*"),
    "en": re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)*(?!\d)|\d+(?:\.\d+)*"),
}
WORD = re.compile(r"[^\W\d_]+")


def normalise(number: str, lang: str) -> str:
    """One spelling for a number in any language: 1 000 → 1000, 3,5 → 3.5, 07 → 7."""
    if lang == "en":
        number = number.replace(",", "")
    else:
        number = re.sub(r"[ \u00a0\u202f\u2009]", "", number)
        if "," in number and "." not in number:
            number = number.replace(",", ".")
    return ".".join(part.lstrip("0") or "0" for part in number.split("."))


def numbers_of(page: Page) -> set[str]:
    lang = "en" if page.lang.startswith("en") else "nb"
    found = set()
    for run in [*page.runs, *page.image_runs]:
        for match in NUMBER[lang].findall(run.text):
            found.add(normalise(match, lang))
    return found


def spelt_out_numbers(page: Page) -> set[str]:
    lang = "en" if page.lang.startswith("en") else "nb"
    return {
        str(SPELT_OUT[lang][word.casefold()])
        for run in [*page.runs, *page.image_runs]
        for word in WORD.findall(run.text)
        if word.casefold() in SPELT_OUT[lang]
    }


def _outermost(match: Callable[[Node], bool]) -> Callable[[Node], bool]:
    return lambda node: match(node) and not any(match(up) for up in node.ancestors())


PARTS: dict[str, Callable[[Node], bool]] = {
    "tables": lambda node: node.tag == "table",
    "figures": lambda node: node.tag == "figure",
    "quizzes": _outermost(lambda node: "data-quiz" in node.attrs),
    "checklists": lambda node: node.tag == "ul" and "task-list" in node.classes,
    "checklist items": lambda node: node.tag == "li" and "task-list-item" in node.classes,
}


def twins(pages: list[Page]) -> dict[str, dict[str, Page]]:
    found: dict[str, dict[str, Page]] = defaultdict(dict)
    for page in pages:
        found[page.key][page.lang] = page
    return found


def _twin_file(page: Page, lang: str) -> str:
    """The file to create for the missing twin of `page` in `lang`."""
    if page.source:
        stem = page.source.removesuffix(".md")
        stem = stem.removesuffix(f".{page.lang}") if page.lang != DEFAULT_LANGUAGE else stem
        return f"{stem}.md" if lang == DEFAULT_LANGUAGE else f"{stem}.{lang}.md"
    return f"{LANGUAGES[lang]}{page.key}"


def _compare_outline(page: Page, other: Page) -> list[Problem]:
    mine, theirs = page.headings, other.headings
    if [level for level, _ in mine] == [level for level, _ in theirs]:
        return []
    name = LANGUAGE_NAMES.get(other.lang, other.lang)
    for index, ((level, text), (other_level, other_text)) in enumerate(zip(mine, theirs)):
        if level != other_level:
            return [Problem(
                page.name, f"heading {index + 1} «{text}»",
                f"is h{level}, but heading {index + 1} of the {name} page ({other.name}) is h{other_level} «{other_text}»",
                "give both languages the same headings at the same levels",
            )]
    shorter = min(len(mine), len(theirs))
    last = f"after heading {shorter} «{mine[shorter - 1][1]}»" if shorter else "at the top"
    return [Problem(
        page.name, last,
        f"this page has {len(mine)} headings, the {name} page ({other.name}) has {len(theirs)}",
        "give both languages the same headings at the same levels",
    )]


def _compare_parts(page: Page, other: Page) -> list[Problem]:
    problems = []
    name = LANGUAGE_NAMES.get(other.lang, other.lang)
    for part, match in PARTS.items():
        mine, theirs = len(page.article.find_all(match)), len(other.article.find_all(match))
        if mine != theirs:
            problems.append(Problem(
                page.name, "the page", f"has {mine} {part}, the {name} page ({other.name}) has {theirs}",
                f"give both languages the same {part}",
            ))
    return problems


def _compare_numbers(page: Page, other: Page) -> list[Problem]:
    problems = []
    for source, target in ((other, page), (page, other)):
        missing = numbers_of(source) - numbers_of(target) - spelt_out_numbers(target)
        if missing:
            problems.append(Problem(
                target.name, "the page",
                f"lacks {', '.join(sorted(missing, key=lambda n: (len(n), n)))}, which "
                f"{LANGUAGE_NAMES.get(source.lang, source.lang)} ({source.name}) has",
                "carry every figure over between the languages (or correct the one that is wrong)",
            ))
    return problems


def check_parity(pages: list[Page]) -> list[Problem]:
    problems = []
    for key, by_lang in sorted(twins(pages).items()):
        for lang in LANGUAGES:
            if lang not in by_lang:
                have = by_lang.get(DEFAULT_LANGUAGE) or next(iter(by_lang.values()))
                problems.append(Problem(
                    have.name, "the page", f"has no {LANGUAGE_NAMES[lang]} twin",
                    f"write it: {_twin_file(have, lang)}",
                ))
        base = by_lang.get(DEFAULT_LANGUAGE)
        if base is None:
            continue
        for lang, page in sorted(by_lang.items()):
            if lang == DEFAULT_LANGUAGE:
                continue
            problems += _compare_outline(page, base)
            problems += _compare_parts(page, base)
            problems += _compare_numbers(page, base)
    return problems
