"""A page stays in its language: the link checker (sitekit.links) refuses a link from
one language's page to another language's page, unless the link says so (hreflang)."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitekit.links import check_site, language_of

LANGUAGES = {"": "nb", "en/": "en"}

# A tiny built site: both languages' homes and course overviews, one module in
# each, and files that are not pages.
TREE = [
    "index.html", "kurs/index.html", "kurs/modul-1/index.html",
    "en/index.html", "en/kurs/index.html", "en/kurs/modul-1/index.html",
    "assets/site.css", "assets/site.js", "assets/images/logo.svg",
    "search/search_index.json", "en/search/search_index.json", "sitemap.xml",
]


def _site(root: Path, page: str, html: str) -> Path:
    for name in TREE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("<p>x</p>" if name.endswith(".html") else "x", encoding="utf-8")
    (root / page).write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    return root


@pytest.mark.parametrize(("page", "html", "reported"), [
    # the bug this check was made for: «Course overview» on an English module
    ("en/kurs/modul-1/index.html", '<a href="../../../kurs/">Course overview</a>', ["../../../kurs/"]),
    ("en/kurs/modul-1/index.html", '<a href="../">Course overview</a>', []),
    ("kurs/modul-1/index.html", '<a href="../../en/kurs/">Course overview</a>', ["../../en/kurs/"]),
    ("en/index.html", '<a href="../kurs/modul-1/">a module</a>', ["../kurs/modul-1/"]),
    ("en/index.html", '<a href="../index.html">home</a>', ["../index.html"]),
    # Material's language switcher: its links carry hreflang
    ("en/kurs/modul-1/index.html",
     '<div class="md-select"><a href="../../../kurs/modul-1/" hreflang="nb" class="md-select__link">Norsk</a></div>', []),
    # a deliberate link, marked (the 404 page's link to the other language)
    ("index.html", '<a href="/en/" hreflang="en">Go to the English home page</a>', []),
    ("en/index.html", '<a href="../" hreflang="nb">Gå til forsiden</a>', []),
    # marked with the wrong language: still refused
    ("en/index.html", '<a href="../" hreflang="en">home</a>', ["../"]),
    # files that are not pages belong to no language
    ("en/kurs/modul-1/index.html",
     '<link rel="stylesheet" href="../../../assets/site.css"><script src="../../../assets/site.js"></script>'
     '<img src="../../../assets/images/logo.svg" alt=""><a href="../../../search/search_index.json">index</a>'
     '<a href="../../../sitemap.xml">sitemap</a>', []),
    # within one language, and a page's link to itself
    ("index.html", '<a href="kurs/">kurs</a><a href="#top" id="top">top</a>', []),
])
def test_a_link_to_another_language_is_reported_unless_marked(tmp_path: Path, page: str, html: str, reported: list[str]) -> None:
    site = _site(tmp_path, page, html)
    found = check_site(site, "/", LANGUAGES)
    assert [link.url for link in found] == reported
    assert all(link.page == page for link in found)


def test_the_message_names_both_languages_the_target_and_the_mark(tmp_path: Path) -> None:
    site = _site(tmp_path, "en/kurs/modul-1/index.html", '<a href="../../../kurs/">Course overview</a>')
    [link] = check_site(site, "/", LANGUAGES)
    assert str(link) == (
        "en/kurs/modul-1/index.html: link '../../../kurs/' leads from this 'en' page to the 'nb' page "
        "kurs/index.html: link to the page in 'en', or mark a deliberate change of language "
        "with hreflang=\"nb\" on the link"
    )


def test_without_languages_only_broken_links_are_checked(tmp_path: Path) -> None:
    site = _site(tmp_path, "en/index.html", '<a href="../kurs/">kurs</a>')
    assert check_site(site) == []


@pytest.mark.parametrize(("built", "language"), [
    ("index.html", "nb"), ("kurs/modul-1/index.html", "nb"), ("404.html", "nb"),
    ("en/index.html", "en"), ("en/kurs/index.html", "en"), ("en/404.html", "en"),
    ("english/index.html", "nb"),  # a folder that merely starts with the letters
])
def test_language_of_a_built_file(built: str, language: str) -> None:
    assert language_of(built, LANGUAGES) == language


# -- the built site ------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def test_no_english_module_links_to_a_bokmal_page(site: Path) -> None:
    modules = sorted(site.glob("en/kurs/modul-*/index.html"))
    assert len(modules) >= 8
    problems = [link for link in check_site(site, "/", LANGUAGES) if link.page.startswith("en/kurs/modul-")]
    assert problems == []
    for module in modules:
        parser = _Links()
        parser.feed(module.read_text(encoding="utf-8"))
        overview = [a["href"] for a in parser.links if a.get("class") == "md-button" and a.get("href") and not a.get("rel")]
        assert overview == ["../"], f"{module.relative_to(site)}: the course overview link is {overview}"
        assert (module.parent / overview[0] / "index.html").resolve() == (site / "en/kurs/index.html").resolve()


def test_the_404_pages_mark_their_link_to_the_other_language(site: Path) -> None:
    for page, other in (("404.html", "en"), ("en/404.html", "nb")):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(rf'<a href="[^"]*" hreflang="{other}">', html), page


def test_an_english_page_linking_a_bokmal_page_stops_the_build_naming_the_file(built_link_mistakes: str) -> None:
    # The mistake is planted with others (tests/conftest.py, BUILT_LINK_MISTAKES).
    assert "Traceback" not in built_link_mistakes, built_link_mistakes
    assert (
        "docs/om/index.en.md (built as en/om/index.html): link '../../om/kilder/' leads from this 'en' page "
        "to the 'nb' page om/kilder/index.html"
    ) in built_link_mistakes, built_link_mistakes
