"""What the site keeps in the browser (overrides/assets/js/store.js): keys scoped to the
site, every stored value checked, old keys migrated, progress files checked whole
before anything is written, deleting that asks first and can be undone, and no stored
value that can break a page."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from axe import violations
from conftest import serving
from sitebuild import ROOT

PREFIX = "inkl:/:"  # the test server serves the site at its root
OTHER = "inkl:/other/:"  # another GitHub Pages project site of the same owner


def compact(value: object) -> str:
    """JSON as the browser writes it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


DONE = compact({"v": 1, "answers": {"definisjon": {"value": "1", "checked": True, "right": True}}, "done": "2026-11-30"})
STARTED = compact({"v": 1, "answers": {"definisjon": {"value": "0", "checked": False}}})
MODULES = 8


def storage(page: Page, material: bool = True) -> dict:
    """Everything in both storage areas, as stored text; without Material's own keys
    for this site ("/.__palette", written on page load) if `material` is false."""
    return page.evaluate("""(material) => {
        const all = (s) => Object.fromEntries(Object.keys(s).filter((k) => material || !k.startsWith("/."))
            .map((k) => [k, s.getItem(k)]));
        return {local: all(localStorage), session: all(sessionStorage)};
    }""", material)


def put(page: Page, local: dict, session: dict | None = None) -> None:
    page.evaluate("""([local, session]) => {
        localStorage.clear(); sessionStorage.clear();
        for (const [k, v] of Object.entries(local)) localStorage.setItem(k, v);
        for (const [k, v] of Object.entries(session)) sessionStorage.setItem(k, v);
    }""", [local, session or {}])


def progress(prefix: str = PREFIX) -> dict:
    """A reader part-way through the course, with another site's data beside it."""
    return {
        prefix + "quiz.kurs-modul-1": DONE,
        prefix + "quiz.kurs-modul-2": STARTED,
        prefix + "course.name": "Kari Nordmann",
        prefix + "facilitator": "on",
        OTHER + "quiz.kurs-modul-3": DONE,
        "/other/.__palette": '{"index":1}',
        "someone-else": "keep",
    }


def statuses(page: Page) -> list[str]:
    tasks = page.locator("[data-course-tasks] [data-course-status]")
    expect(tasks.first).not_to_be_empty()  # filled in by course.js
    return tasks.all_inner_texts()


# Module 1 has one of its scored questions checked (DONE), module 2 an answer: both «in
# progress» (tests/test_status.py has every status).
EXPECTED = ["I gang", "I gang"] + ["Ikke startet"] * (MODULES - 2)


@pytest.fixture
def overview(page: Page, server: str, errors: list) -> Page:
    """The course overview with progress stored; FileReader reads are counted."""
    page.add_init_script("""(() => {
        const read = FileReader.prototype.readAsText;
        window.__reads = 0;
        FileReader.prototype.readAsText = function (...args) { window.__reads += 1; return read.apply(this, args); };
    })()""")
    page.goto(server + "/kurs/")
    put(page, progress())
    page.reload()
    assert statuses(page) == EXPECTED
    return page


def load_file(page: Page, content: bytes | str) -> None:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    page.locator("[data-course-import]").set_input_files({"name": "fremdrift.json", "mimeType": "application/json", "buffer": data})


def progress_file(items: dict, **fields) -> str:
    return json.dumps({"site": "inkl", "v": 1, "saved": "2026-12-01T10:00:00.000Z", "items": items, **fields})


BAD_VALUE = compact({"v": 1, "answers": {"sak": {"value": {"x": 1}, "checked": True}}})

# Each file changes module 1 first (a file written key by key would already have
# changed it), then fails.
BAD_FILES = {
    "too-big": (progress_file({"inkl.quiz.kurs-modul-1": STARTED}, pad="x" * (1024 * 1024)), "Filen er for stor"),
    "not-json": ('{"site": "inkl", "v": 1, "items": {', "Filen kunne ikke leses"),
    "other-site": (json.dumps({"site": "other", "v": 1, "items": {"inkl.quiz.kurs-modul-1": STARTED}}), "ikke en fil med fremdrift fra dette nettstedet"),
    "no-marker": (json.dumps({"v": 1, "items": {"inkl.quiz.kurs-modul-1": STARTED}}), "ikke en fil med fremdrift fra dette nettstedet"),
    "newer-version": (json.dumps({"site": "inkl", "v": 99, "items": {"inkl.quiz.kurs-modul-1": STARTED}}), "laget av en nyere versjon av nettstedet (filversjon 99)"),
    "unknown-version": (json.dumps({"site": "inkl", "v": "1", "items": {"inkl.quiz.kurs-modul-1": STARTED}}), "versjon som nettstedet ikke kjenner"),
    "unknown-key": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.x": "1"}), "Oppføringen «inkl.x» i filen er ikke gyldig"),
    "another-sites-key": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, OTHER + "quiz.kurs-modul-1": DONE}), "Oppføringen «inkl:/other/:quiz.kurs-modul-1»"),
    "session-key": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.course.here": "/kurs/"}), "Oppføringen «inkl.course.here»"),
    "bad-answer": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.quiz.kurs-modul-3": BAD_VALUE}), "Oppføringen «inkl.quiz.kurs-modul-3»"),
    "quiz-version": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.quiz.kurs-modul-3": '{"v":2,"answers":{}}'}), "Oppføringen «inkl.quiz.kurs-modul-3»"),
    "quiz-not-json": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.quiz.kurs-modul-3": '{"v":1,'}), "Oppføringen «inkl.quiz.kurs-modul-3»"),
    "long-name": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.course.name": "x" * 201}), "Oppføringen «inkl.course.name»"),
    "name-not-text": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.course.name": 5}), "Oppføringen «inkl.course.name»"),
    "facilitator": (progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.facilitator": "yes"}), "Oppføringen «inkl.facilitator»"),
}


# -- import -----------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_changes_nothing_and_says_what_is_wrong(overview: Page, case: str) -> None:
    content, wanted = BAD_FILES[case]
    before = storage(overview)
    load_file(overview, content)
    message = overview.locator("[role=status][data-course-message]")
    expect(message).to_contain_text(wanted)
    expect(message).to_contain_text("Fremdriften din er ikke endret.")
    assert storage(overview) == before  # byte for byte
    assert statuses(overview) == EXPECTED
    if case == "too-big":  # refused on its size, before reading it
        assert overview.evaluate("window.__reads") == 0


@pytest.mark.browser
def test_a_file_this_site_exported_imports_everything(overview: Page, tmp_path: Path) -> None:
    before = storage(overview)
    with overview.expect_download() as download:
        overview.get_by_role("button", name="Lagre fremdriften i en fil").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["site"], data["v"]) == ("inkl", 1)
    # The file names entries without the site's address, so it moves between addresses;
    # another site's data is not in it.
    assert data["items"] == {
        "inkl.course.name": "Kari Nordmann", "inkl.facilitator": "on",
        "inkl.quiz.kurs-modul-1": DONE, "inkl.quiz.kurs-modul-2": STARTED,
    }
    overview.evaluate("prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix)).forEach(k => localStorage.removeItem(k))", PREFIX)
    overview.reload()
    assert statuses(overview) == ["Ikke startet"] * MODULES
    overview.locator("[data-course-import]").set_input_files(str(saved))
    expect(overview.locator("[data-course-message]")).to_have_text("Fremdriften er hentet inn.")
    assert statuses(overview) == EXPECTED
    assert storage(overview) == before


@pytest.mark.browser
def test_a_file_from_the_first_version_of_the_site_imports_into_this_sites_keys(overview: Page) -> None:
    """The v1 file format from before keys were scoped (course.js, 2026-11)."""
    overview.evaluate("localStorage.clear()")
    load_file(overview, progress_file({"inkl.quiz.kurs-modul-3": DONE, "inkl.course.name": "Ola", "inkl.facilitator": "on"}))
    expect(overview.locator("[data-course-message]")).to_have_text("Fremdriften er hentet inn.")
    assert storage(overview, material=False)["local"] == {PREFIX + "quiz.kurs-modul-3": DONE, PREFIX + "course.name": "Ola", PREFIX + "facilitator": "on"}
    assert statuses(overview)[2] == "I gang"


@pytest.mark.browser
def test_an_import_the_browser_cannot_finish_is_rolled_back(overview: Page) -> None:
    before = storage(overview)
    # The browser refuses the second entry (storage full, say).
    overview.evaluate("""() => {
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key.endsWith('quiz.kurs-modul-4')) throw new DOMException('full', 'QuotaExceededError');
            return set.call(this, key, value);
        };
    }""")
    load_file(overview, progress_file({"inkl.quiz.kurs-modul-1": STARTED, "inkl.quiz.kurs-modul-4": DONE, "inkl.course.name": "Ola"}))
    expect(overview.locator("[data-course-message]")).to_contain_text("så ingenting ble lagret")
    assert storage(overview) == before
    assert statuses(overview) == EXPECTED


# -- delete, with a confirm step and an undo ----------------------------------------------

@pytest.mark.browser
def test_delete_asks_first_cancel_keeps_everything_and_undo_restores_it(overview: Page) -> None:
    page = overview
    before = storage(page)
    delete = page.get_by_role("button", name="Slett fremdriften")
    confirm = page.get_by_role("group", name="Slette fremdriften?")
    expect(confirm).to_be_hidden()
    delete.focus()
    page.keyboard.press("Enter")
    expect(confirm).to_be_focused()  # the question, read out with what it deletes
    expect(confirm).to_contain_text("alle quizene")
    expect(confirm).to_contain_text("navnet")
    expect(delete).to_have_attribute("aria-expanded", "true")
    with page.expect_download() as download:  # «Export first» saves the file and keeps asking
        confirm.get_by_role("button", name="Lagre i en fil først").click()
    assert download.value.suggested_filename.endswith(".json")
    expect(confirm).to_be_visible()
    confirm.get_by_role("button", name="Avbryt").click()
    expect(confirm).to_be_hidden()
    expect(delete).to_be_focused()
    expect(delete).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # Escape cancels too
    expect(confirm).to_be_hidden()
    assert storage(page) == before
    assert statuses(page) == EXPECTED

    delete.click()
    confirm.get_by_role("button", name="Ja, slett").click()
    expect(page.locator("[role=status][data-course-message]")).to_contain_text("Fremdriften er slettet.")
    assert statuses(page) == ["Ikke startet"] * MODULES
    after = storage(page)["local"]
    assert not [key for key in after if key.startswith(PREFIX + "quiz.") or key == PREFIX + "course.name"]
    assert after[PREFIX + "facilitator"] == "on"  # a display setting, not progress
    assert {key: after[key] for key in (OTHER + "quiz.kurs-modul-3", "/other/.__palette", "someone-else")} == {
        key: before["local"][key] for key in (OTHER + "quiz.kurs-modul-3", "/other/.__palette", "someone-else")}
    undo = page.get_by_role("button", name="Angre slettingen")
    expect(undo).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-course-message]")).to_have_text("Fremdriften er lagt tilbake.")
    assert statuses(page) == EXPECTED
    assert storage(page) == before  # exactly what was there
    expect(undo).to_be_hidden()
    expect(delete).to_be_focused()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["", "en/"])
def test_axe_finds_no_violation_while_deleting_asks_or_offers_undo(page: Page, server: str, language: str) -> None:
    page.goto(server + f"/{language}kurs/")
    put(page, progress())
    page.reload()
    page.locator("[data-course-action=delete]").click()
    expect(page.locator("[data-course-confirm]")).to_be_visible()
    assert violations(page) == []
    page.locator("[data-course-action=delete-confirm]").click()
    expect(page.locator("[data-course-undo]")).to_be_visible()
    assert violations(page) == []


@pytest.mark.browser
def test_the_privacy_page_deletes_this_sites_data_and_can_undo(page: Page, server: str, errors: list) -> None:
    page.goto(server + "/om/personvern/")
    put(page, {**progress(), "/.__palette": '{"index":0}'}, {PREFIX + "course.here": "/kurs/modul-1/"})
    before = storage(page)
    page.locator("[data-site-clear-storage]").click()
    assert storage(page) == before  # it asks first
    page.get_by_role("button", name="Ja, slett alt").click()
    expect(page.locator("[data-site-clear-status]")).to_contain_text("slettet")
    assert storage(page) == {"local": {key: before["local"][key] for key in (OTHER + "quiz.kurs-modul-3", "/other/.__palette", "someone-else")}, "session": {}}
    undo = page.get_by_role("button", name="Angre slettingen")
    expect(undo).to_be_focused()
    assert violations(page) == []
    undo.press("Enter")
    expect(page.locator("[data-site-clear-status]")).to_contain_text("lagt tilbake")
    assert storage(page) == before


# -- scope: another project site on the same origin ---------------------------------------

@pytest.fixture(scope="module")
def two_sites(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The site served twice on one origin, at /inkl/ and /other/, as two GitHub Pages
    project sites of one owner are (user.github.io/inkl/, user.github.io/other/)."""
    origin = tmp_path_factory.mktemp("origin")
    for name in ("inkl", "other"):
        (origin / name).symlink_to(site, target_is_directory=True)
    with serving(origin) as url:
        yield url


@pytest.mark.browser
def test_another_site_on_the_same_origin_is_never_read_exported_or_deleted(page: Page, two_sites: str, errors: list, tmp_path: Path) -> None:
    ours = "inkl:/inkl/:"
    page.goto(two_sites + "/other/kurs/")
    put(page, {OTHER + "quiz.kurs-modul-1": DONE, OTHER + "quiz.kurs-modul-2": STARTED, OTHER + "course.name": "Other",
               OTHER + "facilitator": "on", "/other/.__palette": '{"index":1}'}, {OTHER + "course.here": "/other/kurs/modul-1/"})
    page.reload()
    assert statuses(page) == EXPECTED  # the other site reads its own
    theirs = storage(page)

    page.goto(two_sites + "/inkl/kurs/modul-1/")
    assert page.evaluate("inklStore.prefix") == ours
    expect(page.locator(".admonition.facilitator").first).to_be_hidden()  # the head script reads only our key
    page.goto(two_sites + "/inkl/kurs/")
    assert statuses(page) == ["Ikke startet"] * MODULES  # never read
    page.evaluate("key => localStorage.setItem(key, 'Kari')", ours + "course.name")
    with page.expect_download() as download:
        page.get_by_role("button", name="Lagre fremdriften i en fil").click()
    download.value.save_as(tmp_path / "export.json")
    assert json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))["items"] == {"inkl.course.name": "Kari"}  # never exported
    page.get_by_role("button", name="Slett fremdriften").click()
    page.get_by_role("button", name="Ja, slett").click()
    page.goto(two_sites + "/inkl/om/personvern/")
    page.locator("[data-site-clear-storage]").click()
    page.get_by_role("button", name="Ja, slett alt").click()
    expect(page.locator("[data-site-clear-status]")).to_contain_text("slettet")
    assert storage(page)["local"] == theirs["local"]  # never deleted
    page.goto(two_sites + "/other/kurs/modul-1/")
    expect(page.locator(".admonition.facilitator").first).to_be_visible()
    page.goto(two_sites + "/other/kurs/")
    assert statuses(page) == EXPECTED


# -- no stored value can break a page -------------------------------------------------------

@pytest.mark.browser
def test_corrupt_stored_values_leave_the_overview_showing_real_statuses(page: Page, server: str, errors: list) -> None:
    page.goto(server + "/kurs/")
    answer = lambda value: compact({"v": 1, "answers": {"definisjon": {"value": value, "checked": True, "right": False}}, "done": "2026-11-30"})  # noqa: E731
    put(page, {
        PREFIX + "quiz.kurs-modul-1": answer('"]'),  # a valid shape: kept, but never put into a selector
        PREFIX + "quiz.kurs-modul-2": "{not json",
        PREFIX + "quiz.kurs-modul-3": '{"v":2,"answers":{}}',
        PREFIX + "quiz.kurs-modul-4": compact({"v": 1, "answers": {"a": {"value": "x", "checked": "yes"}}}),
        PREFIX + "quiz.kurs-modul-5": '{"v":1,"answers":[]}',
        PREFIX + "quiz.kurs-modul-6": STARTED,
        PREFIX + "quiz.kurs-modul-7": "null",
        PREFIX + "course.name": "x" * 500,
    }, {PREFIX + "course.here": '"]'})
    page.reload()
    assert statuses(page) == ["I gang", "Ikke startet", "Ikke startet", "Ikke startet", "Ikke startet", "I gang", "Ikke startet", "Ikke startet"]
    page.goto(server + "/kurs/fullfort/")  # reads the name
    expect(page.locator("[data-course-summary]")).to_be_visible()
    expect(page.get_by_label("Navnet ditt")).to_have_value("")  # the name that failed its check
    # What failed its check is gone; what passed is untouched.
    assert sorted(storage(page, material=False)["local"]) == [PREFIX + "quiz.kurs-modul-1", PREFIX + "quiz.kurs-modul-6"]
    assert storage(page)["session"] == {}
    page.goto(server + "/kurs/modul-1/")
    quiz = page.locator(".inkl-quiz")
    question = quiz.locator("[data-question=definisjon]")
    question.locator("input").first.check()
    question.get_by_role("button", name="Sjekk svaret").click()
    expect(question.locator("[data-quiz-feedback]")).not_to_be_empty()


CORRUPT_QUIZ = {
    "quote-bracket": compact({"v": 1, "answers": {q: {"value": '"]', "checked": True, "right": False}
                                                  for q in ("velg-en", "velg-flere", "sant-usant", "rekkefolge", "refleksjon")}, "done": "2026-11-30"}),
    "wrong-shapes": compact({"v": 1, "answers": {"velg-en": {"value": [1], "checked": True}, "velg-flere": {"value": "1", "checked": True},
                                                 "sant-usant": {"value": "ja", "checked": True}, "rekkefolge": {"value": [9, 9, 9], "checked": True}}}),
    "not-json": "{not json",
    "wrong-version": compact({"v": 2, "answers": {}}),
    "a-list": "[1, 2]",
}


@pytest.mark.browser
@pytest.mark.parametrize("case", CORRUPT_QUIZ)
def test_corrupt_stored_answers_leave_every_quiz_button_working(page: Page, quiz_server: str, errors: list, case: str) -> None:
    page.goto(quiz_server + "/om/")
    put(page, {PREFIX + "quiz.quiz-demo": CORRUPT_QUIZ[case]})
    page.reload()
    quiz = page.locator(".inkl-quiz")
    for qid in ("velg-en", "velg-flere", "sant-usant", "rekkefolge"):
        question = quiz.locator(f"[data-question={qid}]")
        question.get_by_role("button", name="Sjekk svaret").click()
        expect(question.locator("[data-quiz-feedback]")).not_to_be_empty()
    velg_en = quiz.locator("[data-question=velg-en]")
    velg_en.get_by_label("Fem").check()
    velg_en.get_by_role("button", name="Sjekk svaret").click()
    expect(velg_en.locator("[data-quiz-feedback]")).to_have_text("✓ Riktig.")
    quiz.get_by_role("button", name="Sjekk alle svarene").click()
    expect(quiz.locator("[data-quiz-score]")).to_contain_text("Riktige svar: 1 av 4")
    quiz.get_by_role("button", name="Teammodus").click()
    quiz.get_by_role("button", name="Neste spørsmål").click()
    expect(quiz.locator(".inkl-quiz__question:visible")).to_have_id("quiz-quiz-demo-velg-flere")


# -- team mode --------------------------------------------------------------------------

@pytest.mark.browser
def test_team_mode_offers_no_reset_and_stores_nothing(page: Page, quiz_server: str, errors: list) -> None:
    page.goto(quiz_server + "/om/")
    stored = compact({"v": 1, "answers": {"velg-en": {"value": "0", "checked": True, "right": False}}})
    put(page, {PREFIX + "quiz.quiz-demo": stored})
    page.goto(quiz_server + "/om/?team=1")
    quiz = page.locator(".inkl-quiz")
    reset = quiz.locator("[data-quiz-action=reset]")
    expect(quiz.get_by_role("button", name="Teammodus")).to_have_attribute("aria-pressed", "true")
    expect(reset).to_be_hidden()
    for qid in ("velg-en", "velg-flere", "sant-usant", "rekkefolge"):
        question = quiz.locator(f"[data-question={qid}]")
        if qid == "rekkefolge":
            for select in question.locator("select").all():
                select.select_option("1")
        else:
            question.locator("input").first.check()
        quiz.get_by_role("button", name="Vis svaret og forklaringen").click()
        expect(question.locator("details")).to_have_attribute("open", "")
        quiz.get_by_role("button", name="Neste spørsmål").click()
    quiz.locator("[data-question=refleksjon] textarea").fill("Notat i teamet")
    assert storage(page, material=False) == {"local": {PREFIX + "quiz.quiz-demo": stored}, "session": {}}
    quiz.get_by_role("button", name="Teammodus").click()  # off: the reset is back
    expect(reset).to_be_visible()
    quiz.get_by_role("button", name="Teammodus").click()  # on again: gone
    expect(reset).to_be_hidden()
    expect(quiz.locator(".inkl-quiz__confirm")).to_be_hidden()


# -- migration of the keys from before scoping ----------------------------------------------

@pytest.mark.browser
def test_old_unscoped_keys_move_into_this_sites_keys_once(page: Page, server: str, errors: list) -> None:
    page.goto(server + "/kurs/")
    put(page, {
        "inkl.quiz.kurs-modul-1": DONE,
        "inkl.quiz.kurs-modul-2": DONE, PREFIX + "quiz.kurs-modul-2": STARTED,  # the scoped one is newer: it stays
        "inkl.quiz.kurs-modul-3": "{not json",
        "inkl.course.name": "Kari Nordmann",
        "inkl.facilitator": "on",
        "inkl.something-else": "not ours to judge",
    }, {"inkl.course.here": "kurs-modul-1"})
    page.reload()
    assert storage(page, material=False) == {
        "local": {
            PREFIX + "quiz.kurs-modul-1": DONE, PREFIX + "quiz.kurs-modul-2": STARTED,
            PREFIX + "course.name": "Kari Nordmann", PREFIX + "facilitator": "on",
            "inkl.something-else": "not ours to judge",
        },
        "session": {PREFIX + "course.here": "kurs-modul-1"},
    }
    assert statuses(page) == EXPECTED
    expect(page.locator("[data-course-tasks] a", has=page.locator("[data-course-last]:visible"))).to_contain_text("sist åpnet")
    page.goto(server + "/kurs/modul-2/")
    expect(page.locator(".admonition.facilitator").first).to_be_visible()


# -- the privacy pages -------------------------------------------------------------------

def test_the_privacy_pages_name_every_key_the_site_stores() -> None:
    script = (ROOT / "overrides/assets/js/store.js").read_text(encoding="utf-8")
    kinds = re.findall(r"\{ name: /\^([a-z\\.]+)", script)
    names = [kind.replace("\\.", ".").rstrip(".") for kind in kinds]
    assert names == ["quiz", "course.name", "course.ticks", "review", "facilitator", "contacts", "course.here", "language.place"]
    for page in ("personvern.md", "personvern.en.md"):
        text = (ROOT / "docs/om" / page).read_text(encoding="utf-8")
        for name in ("quiz.", "course.name", "course.ticks", "review", "facilitator", "contacts", "course.here", "__palette", "localStorage", "sessionStorage"):
            assert name in text, f"docs/om/{page} does not name {name}"
