"""A reader's way through the site, smoothed: the skip link, keeping one's place when
switching language, the colour scheme, the trekløver figure in dark, and what a page
says without JavaScript."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from axe import violations

pytestmark = pytest.mark.browser


# -- the skip link --------------------------------------------------------------------

@pytest.mark.parametrize("path, heading", [
    ("kurs/modul-3/index.html", "modul"), ("en/kurs/modul-3/index.html", "modul"),
    ("team/modul-3/index.html", "okt"), ("en/team/modul-3/index.html", "okt"),
])
def test_the_skip_link_leads_to_the_title_not_past_the_objectives(site: Path, path: str, heading: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    assert re.search(rf'<a href="#{heading}" class="md-skip">', html)
    assert f'<h1 id="{heading}">' in html
    # The page's table of contents still lists the page's own headings, not the title.
    toc = html[html.index('data-md-component="toc"'):html.index('<div class="md-content"')]
    listed = re.findall(r'href="#([^"]+)"', toc)
    assert len(listed) >= 3 and heading not in listed
    assert all(f'id="{anchor}"' in html for anchor in listed)


# -- switching language keeps the place -------------------------------------------------

def _headings(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".md-content__inner h1, .md-content__inner h2[id], .md-content__inner h3[id]", "hs => hs.map(h => h.id)")


def _switch_language(page: Page, lang: str) -> None:
    link = page.locator(f"a.md-select__link[hreflang={lang}]")
    with page.expect_navigation():
        link.dispatch_event("click")  # in a menu that opens on hover; the click is what counts
        link.evaluate("a => a.click()")


@pytest.mark.parametrize("start, other, lang", [
    ("/kurs/modul-3/", "/en/kurs/modul-3/", "en"),
    ("/en/mentor/utfordringer/", "/mentor/utfordringer/", "nb"),
])
def test_switching_language_keeps_the_place_on_the_page(page: Page, server: str, start: str, other: str, lang: str) -> None:
    page.goto(server + start)
    headings = _headings(page)
    place = len(headings) // 2
    page.locator(f"#{headings[place]}").evaluate("h => h.scrollIntoView()")
    page.evaluate("() => window.scrollBy(0, 40)")  # a little way into the section
    page.locator(f"a.md-select__link[hreflang={lang}]").evaluate("a => a.click()")
    page.wait_for_url(re.compile(re.escape(server + other)))
    page.wait_for_load_state("load")
    there = _headings(page)
    assert len(there) == len(headings)
    target = page.locator(f"#{there[place]}")
    expect(target).to_be_in_viewport()
    assert page.evaluate("() => location.hash") == f"#{there[place]}"
    # Read once: a reload of the page later opens it as usual, at its top.
    assert page.evaluate("() => inklStore.get('language.place')") is None


def test_switching_language_at_the_top_opens_the_top(page: Page, server: str) -> None:
    page.goto(server + "/kurs/modul-3/")
    page.locator("a.md-select__link[hreflang=en]").evaluate("a => a.click()")
    page.wait_for_url(re.compile(r"/en/kurs/modul-3/$"))
    assert page.evaluate("() => window.scrollY") == 0


# -- the colour scheme ------------------------------------------------------------------

def _scheme(page: Page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_the_colour_scheme_follows_the_system_until_the_reader_picks_one(page: Page, server: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(server + "/")
    assert _scheme(page) == "default"
    page.emulate_media(color_scheme="dark")  # the system changes: the page follows
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(server + "/en/")  # and so does the next page
    assert _scheme(page) == "slate"
    # The reader picks light with the toggle (system → light): it stays light.
    page.locator("label[for='__palette_1']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.reload()
    assert _scheme(page) == "default"
    # … until they go round to the system's again.
    page.locator("label[for='__palette_2']").click()
    page.locator("label[for='__palette_0']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


@pytest.mark.parametrize("path", ["/mentor/treklover/", "/en/mentor/treklover/"])
@pytest.mark.parametrize("scheme, shown, hidden", [
    ("light", "treklover.svg", "treklover-dark.svg"), ("dark", "treklover-dark.svg", "treklover.svg"),
])
def test_the_trekloever_figure_has_a_dark_version(page: Page, server: str, path: str, scheme: str, shown: str, hidden: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(server + path)
    expect(page.locator(f"figure img[src^='../img/{shown}']")).to_be_visible()
    expect(page.locator(f"figure img[src^='../img/{hidden}']")).to_be_hidden()
    loaded = page.locator(f"figure img[src^='../img/{shown}']").evaluate("img => img.complete && img.naturalWidth")
    assert loaded == 700
    assert violations(page) == []


# -- without JavaScript ---------------------------------------------------------------

@pytest.mark.parametrize("path, words", [("/", "Søket trenger JavaScript"), ("/en/", "Search needs JavaScript")])
def test_without_javascript_the_header_says_search_needs_it(browser: Browser, server: str, path: str, words: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server + path)
    expect(page.get_by_text(words)).to_be_visible()
    expect(page.locator(".md-search__input")).to_be_hidden()
    context.close()


def test_with_javascript_the_search_box_shows_and_the_note_does_not(page: Page, server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "/en/")
    expect(page.locator(".md-search__input")).to_be_visible()
    expect(page.get_by_text("Search needs JavaScript")).to_be_hidden()
