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


# -- the privacy page's «delete all»: asks first, then offers undo ----------------------------

PRIVACY = {"": "/om/personvern/", "en/": "/en/om/personvern/"}
CLEAR_TEXTS = {  # the confirm step's name, its buttons, the undo button, the status after deleting
    "": ("Slette alt nettstedet har lagret?", "Ja, slett alt", "Avbryt", "Angre slettingen", "slettet"),
    "en/": ("Delete all that the site has stored?", "Yes, delete everything", "Cancel", "Undo the deletion", "deleted"),
}

CLEAR_NAMES = {  # what the confirm step must name: quizzes, the name, the facilitator view, the scheme, the file
    "": ("alle quizene", "navnet", "visning for den som leder", "tema", "lagre den i en fil"),
    "en/": ("every quiz", "name", "view for the person who leads", "scheme", "save it to a file"),
}


def _seed_storage(page: Page) -> dict:
    """This site's data of every kind (scoped keys, Material's scheme, an old unscoped key)
    beside another site's; returns both storage areas as they are then."""
    return page.evaluate("""() => {
        const p = inklStore.prefix;
        localStorage.setItem(p + 'quiz.kurs-modul-1', JSON.stringify({v: 1, answers: {definisjon: {value: 'Et notat', checked: false}}}));
        localStorage.setItem(p + 'course.name', 'Kari Nordmann');
        localStorage.setItem(p + 'facilitator', 'on');
        localStorage.setItem(__md_scope.pathname + '.__palette', '{"index":1}');
        localStorage.setItem('inkl.quiz.test', '{}');
        localStorage.setItem('another-site', 'keep');
        sessionStorage.setItem(p + 'course.here', '/kurs/modul-1/');
        const all = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
        return {local: all(localStorage), session: all(sessionStorage)};
    }""")


def _stored(page: Page) -> dict:
    return page.evaluate("""() => {
        const all = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
        return {local: all(localStorage), session: all(sessionStorage)};
    }""")


def _open_confirm(page: Page, language: str):
    """Press «delete all» from the keyboard; returns the confirm step, checked open."""
    name = CLEAR_TEXTS[language][0]
    button = page.locator("[data-site-clear-storage]")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    page.keyboard.press("Enter")
    group = page.get_by_role("group", name=name)
    expect(group).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    # Focus goes to the step's first control: the way to save progress first.
    expect(group.locator("a, button").first).to_be_focused()
    return group


@pytest.mark.parametrize("language", ["", "en/"])
def test_privacy_page_asks_then_deletes_what_the_site_stored_and_nothing_else(page: Page, server: str, language: str) -> None:
    title, delete, cancel, undo, cleared = CLEAR_TEXTS[language]
    page.goto(server + PRIVACY[language])
    before = _seed_storage(page)
    group = _open_confirm(page, language)
    # It says what goes before anything does.
    about = group.locator("p").nth(1).inner_text()
    for words in CLEAR_NAMES[language]:
        assert words in about, about
    assert group.get_attribute("aria-describedby") == group.locator("p").nth(1).get_attribute("id")
    assert _stored(page) == before
    expect(page.locator("[data-site-clear-status]")).to_have_text("")
    # The way to save first leads to the course overview's progress section, in this language.
    export = group.get_by_role("link")
    assert export.evaluate("a => new URL(a.href).pathname + new URL(a.href).hash") == f"/{language}kurs/#fremdrift"
    # «Delete» from the keyboard.
    page.keyboard.press("Tab")
    expect(group.get_by_role("button", name=delete)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-site-clear-status]")).to_contain_text(cleared)
    expect(group).to_be_hidden()
    assert _stored(page) == {"local": {"another-site": "keep"}, "session": {}}
    expect(page.get_by_role("button", name=undo)).to_be_focused()


@pytest.mark.parametrize("how", ["cancel", "escape"])
def test_privacy_page_cancel_and_escape_keep_everything(page: Page, server: str, how: str) -> None:
    page.goto(server + PRIVACY[""])
    before = _seed_storage(page)
    group = _open_confirm(page, "")
    if how == "cancel":
        group.get_by_role("button", name="Avbryt").click()
    else:
        page.keyboard.press("Escape")
    expect(group).to_be_hidden()
    button = page.locator("[data-site-clear-storage]")
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("button", name="Angre slettingen")).to_be_hidden()
    expect(page.locator("[data-site-clear-status]")).to_have_text("")
    assert _stored(page) == before
    # Asking again still works after a cancel.
    _open_confirm(page, "")


def test_privacy_page_delete_then_undo_puts_everything_back(page: Page, server: str) -> None:
    page.goto(server + PRIVACY[""])
    before = _seed_storage(page)
    group = _open_confirm(page, "")
    group.get_by_role("button", name="Ja, slett alt").click()
    assert _stored(page) == {"local": {"another-site": "keep"}, "session": {}}
    undo = page.get_by_role("button", name="Angre slettingen")
    expect(undo).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-site-clear-status]")).to_contain_text("lagt tilbake")
    expect(undo).to_be_hidden()
    expect(page.locator("[data-site-clear-storage]")).to_be_focused()
    assert _stored(page) == before


@pytest.mark.parametrize("language", ["", "en/"])
def test_axe_finds_no_violation_while_the_privacy_page_asks_or_offers_undo(page: Page, server: str, language: str) -> None:
    title, delete, cancel, undo, cleared = CLEAR_TEXTS[language]
    page.goto(server + PRIVACY[language])
    _seed_storage(page)
    group = _open_confirm(page, language)
    assert violations(page) == []
    group.get_by_role("button", name=delete).click()
    expect(page.get_by_role("button", name=undo)).to_be_visible()
    assert violations(page) == []


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


@pytest.mark.parametrize(("path", "name"), [
    ("/forskning/afi/nullpunktsanalysen/", "Tabell som kan rulles sideveis"),
    ("/en/forskning/afi/nullpunktsanalysen/", "Table that scrolls sideways"),
])
def test_on_a_phone_each_table_that_scrolls_sideways_is_a_named_region_the_keyboard_reaches(
        page: Page, server: str, path: str, name: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + path)
    page.wait_for_load_state("load")
    wraps = page.locator(".md-typeset__scrollwrap")
    states = wraps.evaluate_all("""wraps => wraps.map(w => ({wide: w.scrollWidth > w.clientWidth,
        tabindex: w.getAttribute('tabindex'), role: w.getAttribute('role'), label: w.getAttribute('aria-label')}))""")
    wide = [s for s in states if s["wide"]]
    assert wide, states  # a table of the chart page does not fit a phone
    assert all(s == {"wide": True, "tabindex": "0", "role": "region", "label": name} for s in wide), wide
    assert all(s["tabindex"] is None for s in states if not s["wide"]), states  # only those that scroll
    # One scroll box per table: a figure's table is wrapped by Material alone, not twice.
    assert page.locator(".md-typeset__scrollwrap .md-typeset__scrollwrap").count() == 0
