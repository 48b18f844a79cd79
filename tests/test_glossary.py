"""The glossary: one data file gives the glossary page and every abbreviation's meaning."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from sitebuild import ROOT
from sitekit.glossary import (
    Glossary, GlossaryError, abbreviations, focusable_first_abbreviations, load_glossary, sorted_terms,
)

DATA = ROOT / "docs/data/ordliste.yml"


def test_abbreviations_are_in_the_language_asked_for() -> None:
    glossary = Glossary.model_validate({"abbreviations": [{"abbr": "SE", "meaning": {"nb": "Supported Employment (arbeid med bistand)", "en": "Supported Employment"}}]})
    assert abbreviations(glossary, "nb") == {"SE": "Supported Employment (arbeid med bistand)"}
    assert abbreviations(glossary, "en") == {"SE": "Supported Employment"}


def test_only_the_first_use_of_each_abbreviation_takes_keyboard_focus() -> None:
    html = '<p><abbr title="a">NAV</abbr> og <abbr title="a">NAV</abbr> og <abbr title="b">AFI</abbr></p>'
    assert focusable_first_abbreviations(html) == (
        '<p><abbr title="a" tabindex="0">NAV</abbr> og <abbr title="a">NAV</abbr> og '
        '<abbr title="b" tabindex="0">AFI</abbr></p>'
    )


def test_terms_are_sorted_with_the_norwegian_letters_last() -> None:
    glossary = Glossary.model_validate({"terms": [
        {"term": {"nb": "ålesund", "en": "a"}, "meaning": {"nb": "x", "en": "x"}},
        {"term": {"nb": "ørsta", "en": "b"}, "meaning": {"nb": "x", "en": "x"}},
        {"term": {"nb": "zebra", "en": "c"}, "meaning": {"nb": "x", "en": "x"}},
    ]})
    assert [entry["name"] for entry in sorted_terms(glossary, "nb")] == ["zebra", "ørsta", "ålesund"]


@pytest.mark.parametrize(("data", "expected"), [
    ({"abbreviations": [{"abbr": "NAV", "meaning": {"nb": "x", "en": "y"}}, {"abbr": "NAV", "meaning": {"nb": "x", "en": "y"}}]},
     "the abbreviation 'NAV' is listed twice"),
    ({"abbreviations": [{"abbr": "NAV", "meaning": {"nb": "x"}}]}, "(entry 'NAV', line 3): field 'abbreviations.0.meaning.en' is missing"),
    ({"terms": [{"term": {"nb": "samskaping", "en": "co-creation"}}]}, "(entry 'samskaping', line 2): field 'terms.0.meaning' is missing"),
])
def test_a_malformed_glossary_names_the_entry_and_line(tmp_path: Path, data: dict, expected: str) -> None:
    path = tmp_path / "ordliste.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path, "docs/data/ordliste.yml")
    assert "docs/data/ordliste.yml" in str(caught.value) and expected in str(caught.value), str(caught.value)


def test_the_project_glossary_loads() -> None:
    glossary = load_glossary(DATA, "docs/data/ordliste.yml")
    assert any(entry.abbr == "NAV" for entry in glossary.abbreviations)


@pytest.mark.parametrize(("path", "meaning"), [
    ("om/ordliste/index.html", "Arbeids- og velferdsforvaltningen"),
    ("en/om/ordliste/index.html", "the Norwegian Labour and Welfare Administration"),
])
def test_the_glossary_page_lists_every_entry_in_its_language(site: Path, path: str, meaning: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    glossary = load_glossary(DATA, "x")
    assert html.count("<dt") == len(glossary.abbreviations) + len(glossary.terms)
    assert re.search(rf'<dt id="[a-z0-9-]+">NAV</dt><dd>{re.escape(meaning)}</dd>', html)
    ids = re.findall(r'<dt id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "glossary ids must be unique"


@pytest.mark.parametrize(("path", "meaning", "other"), [
    ("kurs/modul-1/index.html", "Arbeids- og velferdsforvaltningen", "the Norwegian Labour and Welfare Administration"),
    ("en/kurs/modul-1/index.html", "the Norwegian Labour and Welfare Administration", "Arbeids- og velferdsforvaltningen"),
])
def test_every_page_explains_abbreviations_in_its_own_language(site: Path, path: str, meaning: str, other: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    assert f'<abbr title="{meaning}" tabindex="0">NAV</abbr>' in html
    assert f'title="{other}"' not in html


@pytest.mark.browser
@pytest.mark.parametrize(("path", "meaning"), [
    ("/kurs/modul-1/", "Arbeids- og velferdsforvaltningen"),
    ("/en/kurs/modul-1/", "the Norwegian Labour and Welfare Administration"),
])
def test_an_abbreviation_shows_its_meaning_on_focus(page: Page, server: str, path: str, meaning: str) -> None:
    page.goto(server + path)
    abbr = page.locator("article abbr[tabindex='0']", has_text="NAV").first
    expect(abbr).to_have_attribute("title", meaning)
    abbr.focus()
    expect(page.locator(".md-tooltip2--active")).to_have_text(meaning)


def test_glossary_ids_are_unique_when_names_differ_only_in_case() -> None:
    glossary = Glossary.model_validate({
        "abbreviations": [{"abbr": "NAV", "meaning": {"nb": "x", "en": "x"}}],
        "terms": [{"term": {"nb": "Nav", "en": "Nav"}, "meaning": {"nb": "y", "en": "y"}}],
    })
    assert [entry["id"] for entry in sorted_terms(glossary, "nb")] == ["nav", "nav-2"]
