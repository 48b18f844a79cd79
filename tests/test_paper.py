"""Paper that fits, and the mentor's first day (issue 15): each checklist on one A4
page with a print button, empty dark tick boxes and the mentor's contacts on it; each
session plan on at most two A4 pages, no table split across pages; a module's «Print a
handout» gives the one-page sheet; the «who to call» card on the guide's start page
(kept only in this browser, not in progress files, removable with undo, listed on the
privacy pages, plain without JavaScript); and the path «First day? Start here».

Page counts are Chromium's own PDF (page.pdf, A4), read back with pypdf."""
from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from axe import violations
from sitebuild import ROOT
from sitekit.contacts import ContactsError, card_page, kinds_in, render

PREFIX = "inkl:/:"  # this site's keys (assets/js/store.js); the test server serves the site at its root
KEY = PREFIX + "contacts"
LANGUAGES = ["", "en/"]
CHECKLISTS = ["forste-dag", "ukeplan", "oppfolgingsmote"]
MODULES = range(1, 9)

# What each language calls things on the pages.
WORDS = {
    "": {
        "print": "Skriv ut sjekklisten", "handout": "Skriv ut utdelingsark", "whole": "Skriv ut hele modulen",
        "handout.title": "Utdelingsark", "leader": "Lederen din", "nav": "Nav-veilederen", "provider": "Tiltaksarrangøren",
        "name": "Navn", "phone": "Telefon", "saved": "Lagret i denne nettleseren.", "delete": "Slett kontaktene",
        "confirm": "Ja, slett kontaktene", "cancel": "Avbryt", "deleted": "Kontaktene er slettet.",
        "undo": "Angre slettingen", "undone": "Kontaktene er lagt tilbake.", "nojs": "Du trenger JavaScript for å lagre kontaktene",
        "first day": "Første dag? Start her", "edit": "Skriv inn eller endre kontaktene", "export": "Lagre fremdriften i en fil",
    },
    "en/": {
        "print": "Print the checklist", "handout": "Print a handout", "whole": "Print the whole module",
        "handout.title": "Handout", "leader": "Your manager", "nav": "The Nav counsellor", "provider": "The provider of labour-market measures",
        "name": "Name", "phone": "Phone", "saved": "Saved in this browser.", "delete": "Delete the contacts",
        "confirm": "Yes, delete the contacts", "cancel": "Cancel", "deleted": "The contacts have been deleted.",
        "undo": "Undo the deletion", "undone": "The contacts have been put back.", "nojs": "Saving your contacts here needs JavaScript",
        "first day": "First day? Start here", "edit": "Write in or change your contacts", "export": "Save progress to a file",
    },
}
# A mentor's contacts, with characters that must come out as text, never as HTML.
CONTACTS = {
    "leader": {"name": "Kari Nordmann & <Co>", "phone": "+47 912 34 567"},
    "nav": {"name": "Ola Hansen", "phone": "55 55 55 55"},
    "provider": {"name": "Arbeid & Co AS", "phone": "22 33 44 55"},
}
STORED = {"v": 1, **CONTACTS}


def pdf(page: Page) -> tuple[int, list[str]]:
    """The page printed as Chromium prints it to PDF (A4): the number of sheets and
    each sheet's text (NFKC: Chromium may set «fi» as one ligature glyph)."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(reader.pages), [unicodedata.normalize("NFKC", sheet.extract_text()) for sheet in reader.pages]


def squeezed(text: str) -> str:
    """Text without any whitespace: a PDF's line breaks fall where the layout puts them."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def put_contacts(page: Page, value: dict | None = None) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [KEY, value or STORED])


def stored_contacts(page: Page) -> dict | None:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if raw is None else json.loads(raw)


def role_field(page: Page, language: str, role: str, part: str):
    group = page.get_by_role("group", name=WORDS[language][role], exact=True)
    return group.get_by_label(WORDS[language][part], exact=True)


@pytest.fixture
def printing(page: Page) -> Page:
    """window.print does nothing but count: the tests print with page.pdf()."""
    page.add_init_script("window.__printed = 0; window.print = function () { window.__printed += 1; }")
    return page


# -- the checklists ------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", CHECKLISTS)
def test_each_checklist_has_a_print_button_and_prints_on_one_a4_page_with_the_contacts(
        printing: Page, server: str, language: str, name: str, errors: list) -> None:
    page = printing
    page.goto(server + f"/{language}mentor/sjekklister/{name}/")
    sheets, _ = pdf(page)
    assert sheets == 1, f"{language}{name}: {sheets} pages without contacts"
    put_contacts(page)
    page.reload()
    button = page.get_by_role("button", name=WORDS[language]["print"])
    button.click()
    assert page.evaluate("window.__printed") == 1
    sheets, texts = pdf(page)
    assert sheets == 1, f"{language}{name}: {sheets} pages with the contacts filled in"
    text = squeezed(texts[0])
    for contact in CONTACTS.values():
        assert squeezed(contact["name"]) in text and squeezed(contact["phone"]) in text
    assert squeezed(WORDS[language]["print"]) not in text  # the button stays off paper


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_tick_boxes_print_as_empty_dark_squares(page: Page, server: str, language: str) -> None:
    page.goto(server + f"/{language}mentor/sjekklister/forste-dag/")
    page.emulate_media(media="print")
    items = page.locator("li.task-list-item")
    assert items.count() == 16
    boxes = page.evaluate("""() => [...document.querySelectorAll("li.task-list-item .task-list-indicator")].map((box) => {
        const style = getComputedStyle(box, "::before");
        return {content: style.content, mask: style.maskImage, webkitMask: style.webkitMaskImage, background: style.backgroundColor,
                border: style.borderTopStyle, width: parseFloat(style.borderTopWidth), colour: style.borderTopColor,
                radius: style.borderTopLeftRadius, w: parseFloat(style.width), h: parseFloat(style.height),
                shown: box.getBoundingClientRect().width >= 0 && getComputedStyle(box.closest("li")).display !== "none"};
    })""")
    assert len(boxes) == 16
    for box in boxes:
        assert box["content"] != "none" and box["shown"], box
        assert box["mask"] == "none" and box["webkitMask"] == "none", box  # no tick icon drawn into it
        assert box["background"] in ("rgba(0, 0, 0, 0)", "transparent"), box  # empty
        assert box["border"] == "solid" and box["width"] >= 1, box
        red, green, blue = (int(n) for n in re.findall(r"\d+", box["colour"])[:3])
        assert max(red, green, blue) <= 60, box  # dark
        assert box["radius"] == "0px" and abs(box["w"] - box["h"]) < 0.5 and box["w"] >= 10, box  # a square


# -- session plans ---------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("number", MODULES)
def test_a_session_plan_prints_on_two_a4_pages_at_most_and_no_table_is_split(
        page: Page, server: str, language: str, number: int) -> None:
    page.goto(server + f"/{language}team/modul-{number}/")
    sheets, texts = pdf(page)
    assert sheets <= 2, f"{language}team/modul-{number}: {sheets} pages"
    # Every cell of a table is on the same page as every other cell of that table:
    # neither a table nor a row is cut by a page break.
    tables = page.evaluate("""() => [...document.querySelectorAll("article table")].map(
        (table) => [...table.querySelectorAll("th, td")].map((cell) => cell.innerText))""")
    assert len(tables) >= 2  # 60 and 90 minutes
    pages = [squeezed(text) for text in texts]
    for cells in tables:
        cells = [squeezed(cell) for cell in cells if cell.strip()]
        assert any(all(cell in text for cell in cells) for text in pages), \
            f"{language}team/modul-{number}: a table is split across pages: {[c for c in cells if not any(c in t for t in pages[:1])][:3]}"
    # And the rule that keeps them whole is there for every table and row.
    page.emulate_media(media="print")
    rules = page.evaluate("""() => [...document.querySelectorAll("article table, article table tr")].map(
        (element) => getComputedStyle(element).breakInside)""")
    assert set(rules) == {"avoid"}, rules


# -- a module's handout ------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("number", MODULES)
def test_print_a_handout_prints_the_modules_one_page_sheet(printing: Page, server: str, language: str, number: int) -> None:
    page = printing
    page.goto(server + f"/{language}kurs/modul-{number}/")
    expect(page.locator(".inkl-sheet--handout")).to_be_hidden()  # on screen the module itself is there
    objectives = [o.strip() for o in page.locator("#mal ~ ul").first.all_inner_texts()[0].splitlines() if o.strip()]
    page.get_by_role("button", name=WORDS[language]["handout"], exact=True).click()
    sheets, texts = pdf(page)
    assert sheets == 1, f"{language}kurs/modul-{number}: the handout has {sheets} pages"
    text = squeezed(texts[0])
    assert squeezed(WORDS[language]["handout.title"]) in text
    assert all(squeezed(objective) in text for objective in objectives)
    for part in ("viktige-punkter", "refleksjon", "utfordring"):  # the sheet's parts, under their headings
        heading = page.locator(f"#{part}").inner_text().replace("¶", "").strip()
        assert squeezed(heading) in text, heading
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")  # the dialog closes
    # The long version is its own choice: the whole module, without the handout.
    page.get_by_role("button", name=WORDS[language]["whole"], exact=True).click()
    assert page.evaluate("window.__printed") == 2
    sheets, texts = pdf(page)
    assert sheets > 1
    assert squeezed(WORDS[language]["handout.title"] + " –") not in squeezed("".join(texts))


# -- the contacts card -------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contacts_card_saves_as_you_type_and_the_checklists_print_them(
        page: Page, server: str, language: str, errors: list, tmp_path: Path) -> None:
    words = WORDS[language]
    page.goto(server + f"/{language}mentor/start/")
    status = page.locator("[data-contacts-status]")
    expect(status).to_have_attribute("role", "status")
    for role, contact in CONTACTS.items():
        for part, text in contact.items():
            role_field(page, language, role, part).fill(text)
    expect(status).to_have_text(words["saved"])
    assert stored_contacts(page) == STORED
    page.reload()
    for role, contact in CONTACTS.items():
        for part, text in contact.items():
            expect(role_field(page, language, role, part)).to_have_value(text)
    # The same key in the other language (progress follows the reader across languages).
    other = "en/" if language == "" else ""
    page.goto(server + f"/{other}mentor/start/")
    expect(role_field(page, other, "leader", "name")).to_have_value(CONTACTS["leader"]["name"])

    # The day-one checklist shows them, as text, with a way back to the card, and prints them.
    page.goto(server + f"/{language}mentor/sjekklister/forste-dag/")
    sheet = page.locator(".inkl-contacts--sheet")
    expect(sheet).to_be_visible()
    row = sheet.get_by_role("row", name=re.compile(re.escape(words["leader"])))
    expect(row.get_by_role("cell").nth(0)).to_have_text(CONTACTS["leader"]["name"])
    expect(row.get_by_role("cell").nth(1)).to_have_text(CONTACTS["leader"]["phone"])
    assert sheet.locator("b, img, [onerror]").count() == 0
    sheets, texts = pdf(page)
    assert sheets == 1
    for contact in CONTACTS.values():
        assert squeezed(contact["name"]) in squeezed(texts[0])
    sheet.get_by_role("link", name=words["edit"]).click()
    expect(page).to_have_url(re.compile(rf"/{language}mentor/start/#kontakter$"))

    # Not in the progress file.
    page.goto(server + f"/{language}kurs/")
    with page.expect_download() as download:
        page.get_by_role("button", name=words["export"]).click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "contacts" not in text and "Nordmann" not in text, text
    # Nor can a file bring them in.
    refused = page.evaluate("""() => inklStore.checkFile(JSON.stringify({site: "inkl", v: 1,
        items: {"inkl.contacts": JSON.stringify({v: 1, nav: {name: "X"}})}}))""")
    assert refused == {"error": "entry", "entry": "inkl.contacts"}


@pytest.mark.browser
def test_deleting_the_contacts_asks_first_and_can_be_undone(page: Page, server: str, errors: list) -> None:
    words = WORDS[""]
    page.goto(server + "/mentor/start/")
    put_contacts(page)
    page.reload()
    delete = page.get_by_role("button", name=words["delete"], exact=True)
    confirm = page.get_by_role("group", name="Slette kontaktene?")
    delete.click()
    expect(confirm).to_be_visible()
    expect(delete).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")  # cancel: nothing goes
    expect(confirm).to_be_hidden()
    expect(delete).to_be_focused()
    assert stored_contacts(page) == STORED
    delete.click()
    confirm.get_by_role("button", name=words["cancel"]).click()
    assert stored_contacts(page) == STORED
    delete.click()
    confirm.get_by_role("button", name=words["confirm"]).click()
    expect(page.locator("[data-contacts-status]")).to_have_text(words["deleted"])
    assert stored_contacts(page) is None
    expect(role_field(page, "", "leader", "name")).to_have_value("")
    undo = page.get_by_role("button", name=words["undo"])
    expect(undo).to_be_focused()
    undo.click()
    expect(page.locator("[data-contacts-status]")).to_have_text(words["undone"])
    assert stored_contacts(page) == STORED
    expect(role_field(page, "", "leader", "name")).to_have_value(CONTACTS["leader"]["name"])
    expect(undo).to_be_hidden()
    expect(delete).to_be_focused()
    # Emptying every field by hand removes the key too.
    for role, contact in CONTACTS.items():
        for part in contact:
            role_field(page, "", role, part).fill("")
    assert stored_contacts(page) is None


@pytest.mark.browser
@pytest.mark.parametrize("value", [
    {"v": 1, "leader": {"name": "x" * 101}},
    {"v": 1, "leader": {"phone": "1" * 41}},
    {"v": 1, "leader": {"name": "Kari\nNordmann"}},
    {"v": 1, "boss": {"name": "Kari"}},
    {"v": 1, "leader": {"name": "Kari", "email": "k@x"}},
    {"v": 1, "leader": {"name": 5}},
    {"v": 1, "leader": {}},
    {"v": 1},
    {"v": 2, "leader": {"name": "Kari"}},
], ids=["long-name", "long-phone", "two-lines", "unknown-role", "unknown-part", "not-text", "empty-role", "empty", "version"])
def test_contacts_are_short_one_line_texts_or_nothing(page: Page, server: str, value: dict, errors: list) -> None:
    page.goto(server + "/mentor/sjekklister/forste-dag/")
    assert page.evaluate("v => inklStore.set('contacts', v)", value) is False
    put_contacts(page, value)  # stored from outside: read as absent, and removed
    page.reload()
    expect(page.locator("[data-contacts-value]").first).to_have_text("")
    assert stored_contacts(page) is None


@pytest.mark.browser
def test_without_javascript_the_card_says_so_and_prints_lines_to_fill_in(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for language in LANGUAGES:
        words = WORDS[language]
        page.goto(server + f"/{language}mentor/start/")
        card = page.locator(".inkl-contacts--card")
        expect(card.get_by_text(words["nojs"])).to_be_visible()
        expect(card.locator("input")).to_have_count(6)
        for field in card.locator("input").all():
            expect(field).to_be_hidden()
        expect(card.locator("button")).to_have_count(1)
        expect(card.locator("button")).to_be_hidden()
        table = card.get_by_role("table")
        expect(table).to_be_visible()
        expect(table.get_by_role("row")).to_have_count(4)
        _, texts = pdf(page)
        text = squeezed("".join(texts))
        for role in ("leader", "nav", "provider"):
            assert squeezed(words[role]) in text
        assert squeezed(words["nojs"]) not in text  # on paper the lines say enough
        page.goto(server + f"/{language}mentor/sjekklister/forste-dag/")
        expect(page.locator(".inkl-contacts--sheet").get_by_role("row")).to_have_count(4)
        sheets, _ = pdf(page)
        assert sheets == 1
    context.close()


# -- privacy ---------------------------------------------------------------------------------

def test_the_privacy_pages_list_contacts_and_say_they_stay_out_of_progress_files() -> None:
    for name, words in (("personvern.md", ("`contacts`", "Kontaktene dine kommer ikke med i filen", "Slett kontaktene")),
                        ("personvern.en.md", ("`contacts`", "Your contacts are not included in the file", "Delete the contacts"))):
        text = (ROOT / "docs/om" / name).read_text(encoding="utf-8")
        for word in words:
            assert word in text, f"docs/om/{name} does not say {word}"
    script = (ROOT / "overrides/assets/js/store.js").read_text(encoding="utf-8")
    assert re.search(r'\{ name: /\^contacts\$/, area: "local", json: true, file: false,', script)
    assert re.search(r"^\s+contacts\s+localStorage", script, re.M), "store.js's header does not list contacts"


# -- the first day ----------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_first_day_path_leads_from_the_landing_page_to_the_day_one_checklist(page: Page, server: str, language: str) -> None:
    page.goto(server + f"/{language}")
    page.get_by_role("link", name=WORDS[language]["first day"]).click()
    expect(page).to_have_url(re.compile(rf"/{language}mentor/start/#forste-dag$"))
    path = page.locator("#forste-dag + p + ol")
    hrefs = path.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["../steg/1-forste-mote/", "../sjekklister/forste-dag/#dag-en", "#kontakter", "../sjekklister/forste-dag/"], hrefs
    path.locator("a").nth(1).click()
    expect(page.locator("h2#dag-en")).to_be_visible()
    expect(page.locator("h2#dag-en + ul li")).to_have_count(5)
    expect(page.get_by_role("button", name=WORDS[language]["print"])).to_be_visible()


# -- accessibility ----------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_on_the_card_and_a_checklist_with_contacts(page: Page, server: str, language: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(server + f"/{language}mentor/start/")
    put_contacts(page)
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme])
    role_field(page, language, "nav", "phone").fill("55 55 55 56")
    expect(page.locator("[data-contacts-status]")).to_have_text(WORDS[language]["saved"])
    assert violations(page) == []
    page.get_by_role("button", name=WORDS[language]["delete"], exact=True).click()  # the confirm step
    assert violations(page) == []
    page.goto(server + f"/{language}mentor/sjekklister/forste-dag/")
    expect(page.locator("[data-contacts-value]").first).to_have_text(CONTACTS["leader"]["name"])
    assert violations(page) == []


# -- the build's part (sitekit.contacts) ------------------------------------------------------

class _Page:
    def __init__(self, src: str, markdown: str, content: str = "") -> None:
        self.markdown, self.content = markdown, content
        self.file = type("File", (), {"src_uri": src})()


def test_markers_render_their_kind_and_refuse_a_typo_or_a_second_card() -> None:
    html = "<p>a</p>\n<!-- contacts: card -->\n<p>b</p><!--contacts:sheet-->"
    assert render(html, "docs/x.md", lambda kind: f"[{kind}]") == "<p>a</p>\n[card]\n<p>b</p>[sheet]"
    with pytest.raises(ContactsError, match=r"docs/x.md: unknown marker '<!-- contacts: cards -->'; use one of: card, sheet"):
        kinds_in("<!-- contacts: cards -->", "docs/x.md")
    with pytest.raises(ContactsError, match=r"docs/x.md: '<!-- contacts: card -->' is on the page 2 times"):
        kinds_in("<!-- contacts: card --><!-- contacts: card -->", "docs/x.md")


def test_the_card_is_on_one_page_under_its_heading() -> None:
    card = _Page("mentor/start.md", "## Hvem { #kontakter }\n<!-- contacts: card -->", '<h2 id="kontakter">Hvem</h2>')
    sheet = _Page("mentor/sjekklister/forste-dag.md", "<!-- contacts: sheet -->")
    assert card_page([sheet, card]) is card
    assert card_page([sheet]) is None
    with pytest.raises(ContactsError, match=r"more than one page \(docs/mentor/start.md, docs/a.md\)"):
        card_page([card, _Page("a.md", "<!-- contacts: card -->", '<h2 id="kontakter">x</h2>')])
    with pytest.raises(ContactsError, match=r"docs/b.md: put '<!-- contacts: card -->' under a heading with the id 'kontakter'"):
        card_page([_Page("b.md", "<!-- contacts: card -->", "<h2 id='other'>x</h2>")])
