"""The built site in Debian's Chromium: accessibility, search, requests, storage, keyboard."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from axe import violations

pytestmark = pytest.mark.browser

# One page of each kind, in both languages.
PAGES = {
    "landing": ("/", "/en/"),
    "content": ("/om/kilder/", "/en/om/kilder/"),
    "section": ("/mentor/", "/en/mentor/"),
    "privacy": ("/om/personvern/", "/en/om/personvern/"),
    "404": ("/404.html", "/en/404.html"),
    "research with charts": ("/forskning/afi/nullpunktsanalysen/", "/en/forskning/afi/nullpunktsanalysen/"),
    "glossary": ("/om/ordliste/", "/en/om/ordliste/"),
    "quiz": ("/mentor/test-deg-selv/", "/en/mentor/test-deg-selv/"),
}
ALL_PATHS = [path for pair in PAGES.values() for path in pair]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ALL_PATHS)
def test_axe_finds_no_violation(page: Page, server: str, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    expected_scheme = {"light": "default", "dark": "slate"}[scheme]
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected_scheme)
    assert violations(page) == []


@pytest.mark.parametrize("path", ALL_PATHS)
def test_nothing_from_another_origin_no_failed_request_no_cookie(page: Page, server: str, path: str) -> None:
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failures.append(f"{response.status} {response.url}") if response.status >= 400 and response.url != server + path else None)
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    # Opening search makes Material load the search worker and index.
    page.keyboard.press("/")
    page.wait_for_load_state("networkidle")
    assert requests and all(url.startswith(server + "/") or url.startswith("data:") for url in requests), requests
    assert failures == []
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


@pytest.mark.parametrize(("path", "in_english"), [("/om/", False), ("/en/om/", True)])
def test_search_finds_pages_in_the_page_language_only(page: Page, server: str, path: str, in_english: bool) -> None:
    page.goto(server + path)
    page.keyboard.press("/")
    page.keyboard.type("Nav")
    results = page.locator(".md-search-result__item a, .md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert hrefs
    assert all(href.startswith("/en/") == in_english for href in hrefs), hrefs


@pytest.mark.parametrize(("path", "lang", "target"), [
    ("/om/kilder/", "en", "/en/om/kilder/"),
    ("/en/om/kilder/", "nb", "/om/kilder/"),
    ("/", "en", "/en/"),
])
def test_language_switcher_keeps_the_reader_on_the_same_page(page: Page, server: str, path: str, lang: str, target: str) -> None:
    page.goto(server + path)
    link = page.locator(f".md-select__link[hreflang='{lang}']")
    href = link.evaluate("link => new URL(link.href).pathname")
    assert href == target
    page.goto(server + href)
    assert page.evaluate("document.documentElement.lang") == lang


def test_keyboard_reaches_skip_link_search_and_language_switcher(page: Page, server: str) -> None:
    page.goto(server + "/om/kilder/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
    # Search opens from the keyboard and takes the typed text.
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    # From the top of the page, Tab reaches the header's controls before the content.
    page.reload()
    reached = []
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("(document.activeElement.getAttribute('aria-label') || document.activeElement.getAttribute('title') || document.activeElement.textContent).trim()"))
    assert "Velg språk" in reached, reached  # the language switcher
    assert any("tema" in label for label in reached), reached  # the colour scheme toggle


def test_privacy_page_deletes_what_the_site_stored_and_nothing_else(page: Page, server: str) -> None:
    page.goto(server + "/om/personvern/")
    page.evaluate("""() => {
        localStorage.setItem('inkl.quiz.test', '{}');
        localStorage.setItem(__md_scope.pathname + '.__palette', '{}');
        localStorage.setItem('another-site', 'keep');
    }""")
    button = page.locator("[data-site-clear-storage]")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-site-clear-status]")).to_contain_text("slettet")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["another-site"]


def test_missing_page_shows_the_404_of_its_language(page: Page, server: str) -> None:
    response = page.goto(server + "/en/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    response = page.goto(server + "/finnes-ikke/")
    expect(page.locator("h1")).to_have_text("Fant ikke siden")


@pytest.mark.parametrize("path", ["/om/kilder/", "/en/om/kilder/"])
def test_print_shows_the_content_without_the_site_navigation(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]:
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("path", ["/mentor/steg/1-forste-mote/", "/en/mentor/sjekklister/forste-dag/"])
def test_axe_finds_no_violation_on_guide_and_checklist_pages(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    assert page.locator("li.task-list-item").count() > 0
    assert violations(page) == []


@pytest.mark.parametrize("path", ["/mentor/sjekklister/forste-dag/", "/en/mentor/sjekklister/ukeplan/", "/mentor/sjekklister/oppfolgingsmote/"])
def test_checklists_print_on_one_a4_page(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    page.emulate_media(media="print")
    expect(page.locator(".md-path").first).to_be_hidden()
    pdf = page.pdf(format="A4", margin={"top": "1.5cm", "bottom": "1.5cm", "left": "1.5cm", "right": "1.5cm"})
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
