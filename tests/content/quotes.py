"""Quotation marks: English text uses English marks, ‘single’ (with “double” for a
quotation inside a quotation); «» belong to Norwegian text. On an English page, «»
may stand only inside an element whose `lang` is not English, so a Norwegian title
or quotation is marked for screen readers too: `<span lang="nb">«Tettere
samarbeid»</span>`. Read on the visible text, title, description and text
alternatives of every English page, quizzes and figures included. (Bokmål pages
write «» around whatever they quote, English words too.)"""
from __future__ import annotations

from content.problems import Problem
from content.site import Page, place
from content.spelling import dictionary_language

GUILLEMETS = "«»"
TODO = (
    "in English text write ‘single’ quotation marks; around a Norwegian title or "
    "quotation keep «» inside <span lang=\"nb\">…</span> (or *«…»*{ lang=nb })"
)


def check_quotation_marks(pages: list[Page]) -> list[Problem]:
    """Every English run of text with «», once per page and place."""
    problems = []
    for page in pages:
        if dictionary_language(page.lang) != "en":
            continue  # a bokmål page writes «» around the English words it quotes
        seen: set[str] = set()
        for run in [*page.head_runs, *page.runs, *page.image_runs]:
            if dictionary_language(run.lang) != "en" or not any(mark in run.text for mark in GUILLEMETS):
                continue
            where = place(run)
            if where in seen:
                continue
            seen.add(where)
            start = max(0, min(run.text.find(mark) for mark in GUILLEMETS if mark in run.text) - 20)
            problems.append(Problem(page.name, where, f"«» in English text: …{run.text[start:start + 60]}…", TODO))
    return problems
