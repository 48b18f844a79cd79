"""The quiz in Debian's Chromium: answering, feedback, score, progress, keyboard,
team mode, no JavaScript, and axe-core. Uses tests/fixtures/quiz-demo.yml on the
About page (the `quiz_server` fixture)."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from axe import violations

pytestmark = pytest.mark.browser

NB, EN = "/om/", "/en/om/"
KEY = "inkl:/:quiz.quiz-demo"  # the site root is "/" on the test server (assets/js/store.js)


def question(page: Page, qid: str):
    return page.locator(f"#quiz-quiz-demo-{qid}")


def stored(page: Page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


@pytest.fixture
def quiz_page(page: Page, quiz_server: str) -> Page:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(quiz_server + NB)
    page.evaluate("localStorage.clear()")
    page.reload()
    yield page
    assert errors == [], errors


def test_a_right_answer_says_so_and_moves_focus_to_the_feedback(quiz_page: Page) -> None:
    q = question(quiz_page, "velg-en")
    q.get_by_label("Fem").check()
    q.get_by_role("button", name="Sjekk svaret").click()
    feedback = q.locator("[data-quiz-feedback]")
    expect(feedback).to_have_text("✓ Riktig.")
    expect(feedback).to_be_focused()
    expect(q.locator("details")).to_be_visible()
    expect(q.get_by_role("button", name="Prøv igjen")).to_be_hidden()


def test_a_wrong_answer_shows_the_option_feedback_and_try_again(quiz_page: Page) -> None:
    q = question(quiz_page, "velg-en")
    q.get_by_label("Tre").check()
    q.get_by_role("button", name="Sjekk svaret").click()
    feedback = q.locator("[data-quiz-feedback]")
    expect(feedback).to_have_text("✗ Ikke helt.")
    # The option's own feedback is in the opened answer box, once (not copied into the verdict).
    expect(q.locator("details")).to_have_attribute("open", "")
    expect(q.locator("details")).to_contain_text("Nei, det er flere.")
    q.get_by_role("button", name="Prøv igjen").click()
    expect(feedback).to_have_text("")
    expect(q.get_by_label("Tre")).not_to_be_checked()
    expect(q.locator("details")).to_be_hidden()


def test_answers_are_hidden_until_tried(quiz_page: Page) -> None:
    for qid in ("velg-en", "velg-flere", "sant-usant", "rekkefolge"):
        expect(question(quiz_page, qid).locator("details")).to_be_hidden()
    html = quiz_page.content()
    assert "data-correct" not in html and 'correct"' not in html


def test_score_counts_right_and_checked_answers(quiz_page: Page) -> None:
    question(quiz_page, "velg-en").get_by_label("Fem").check()
    question(quiz_page, "sant-usant").get_by_label("Sant", exact=True).check()
    quiz_page.get_by_role("button", name="Sjekk alle svarene").click()
    expect(quiz_page.locator("[data-quiz-score]")).to_have_text("Riktige svar: 1 av 4. Sjekket: 2 av 4.")
    expect(question(quiz_page, "velg-flere").locator("[data-quiz-feedback]")).to_have_text("Du har ikke svart ennå.")


def test_reload_keeps_progress_and_reset_clears_it(quiz_page: Page) -> None:
    q = question(quiz_page, "velg-flere")
    q.get_by_label("Virke").check()
    q.get_by_label("IMDi").check()
    q.get_by_role("button", name="Sjekk svaret").click()
    question(quiz_page, "refleksjon").locator("textarea").fill("Mine tanker")
    quiz_page.reload()
    q = question(quiz_page, "velg-flere")
    expect(q.get_by_label("Virke")).to_be_checked()
    expect(q.locator("[data-quiz-feedback]")).to_have_text("✓ Riktig.")
    expect(question(quiz_page, "refleksjon").locator("textarea")).to_have_value("Mine tanker")
    assert stored(quiz_page)["answers"]["velg-flere"] == {"value": [0, 1], "checked": True, "right": True}
    before = quiz_page.evaluate(f"localStorage.getItem('{KEY}')")
    reset = quiz_page.get_by_role("button", name="Slett svarene i denne quizen")
    confirm = quiz_page.get_by_role("group", name="Slette svarene i denne quizen?")
    # It asks first, with the focus on the question; Cancel (or Escape) keeps everything.
    reset.click()
    expect(confirm).to_be_focused()
    expect(reset).to_have_attribute("aria-expanded", "true")
    quiz_page.get_by_role("button", name="Avbryt").click()
    expect(confirm).to_be_hidden()
    expect(reset).to_be_focused()
    reset.press("Enter")
    quiz_page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    assert quiz_page.evaluate(f"localStorage.getItem('{KEY}')") == before
    # Deleting, then undoing, puts back exactly what was there.
    reset.click()
    quiz_page.get_by_role("button", name="Ja, slett svarene").click()
    expect(q.get_by_label("Virke")).not_to_be_checked()
    expect(q.locator("[data-quiz-feedback]")).to_have_text("")
    expect(question(quiz_page, "refleksjon").locator("textarea")).to_have_value("")
    expect(quiz_page.locator("[data-quiz-status]")).to_have_text("Svarene i denne quizen er slettet.")
    assert stored(quiz_page) is None
    undo = quiz_page.get_by_role("button", name="Angre slettingen")
    expect(undo).to_be_focused()
    quiz_page.keyboard.press("Enter")
    expect(q.get_by_label("Virke")).to_be_checked()
    expect(question(quiz_page, "refleksjon").locator("textarea")).to_have_value("Mine tanker")
    assert quiz_page.evaluate(f"localStorage.getItem('{KEY}')") == before
    expect(undo).to_be_hidden()
    expect(reset).to_be_focused()
    reset.click()
    quiz_page.get_by_role("button", name="Ja, slett svarene").click()
    quiz_page.reload()
    expect(question(quiz_page, "velg-flere").get_by_label("Virke")).not_to_be_checked()
    expect(quiz_page.get_by_role("button", name="Angre slettingen")).to_be_hidden()  # undo lasts while the page is open


def test_switching_language_keeps_the_answers(quiz_page: Page, quiz_server: str) -> None:
    q = question(quiz_page, "velg-en")
    q.get_by_label("Fem").check()
    q.get_by_role("button", name="Sjekk svaret").click()
    quiz_page.locator(".md-select__link[hreflang='en']").evaluate("link => link.click()")
    # Not the load event (every image and script; slow on a busy machine): the address,
    # then the answer as soon as the quiz script has put it back.
    quiz_page.wait_for_url(quiz_server + EN, wait_until="domcontentloaded")
    q = question(quiz_page, "velg-en")
    expect(q.get_by_label("Five")).to_be_checked(timeout=20_000)
    expect(q.locator("[data-quiz-feedback]")).to_have_text("✓ Correct.")


def test_corrupt_or_old_stored_data_is_discarded(quiz_page: Page) -> None:
    for bad in ["{not json", json.dumps({"v": 0, "answers": {}}), json.dumps([1, 2]), "null"]:
        quiz_page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, bad])
        quiz_page.reload()
        q = question(quiz_page, "velg-en")
        q.get_by_label("Fem").check()
        q.get_by_role("button", name="Sjekk svaret").click()
        expect(q.locator("[data-quiz-feedback]")).to_have_text("✓ Riktig.")
        assert stored(quiz_page)["v"] == 1


def test_keyboard_only_through_every_question_type(quiz_page: Page) -> None:
    """Tab, arrows, space, digits and Enter only: no mouse."""
    kb = quiz_page.keyboard

    def tab_to(locator) -> None:
        for _ in range(60):
            if locator.evaluate("element => element === document.activeElement"):
                return
            kb.press("Tab")
        raise AssertionError(f"Tab never reached {locator}")

    # single: Tab into the radio group, arrow to the second option, check with Enter.
    q = question(quiz_page, "velg-en")
    tab_to(q.locator("input").first)
    kb.press("ArrowDown")
    expect(q.get_by_label("Fem")).to_be_checked()
    tab_to(q.get_by_role("button", name="Sjekk svaret"))
    kb.press("Enter")
    expect(q.locator("[data-quiz-feedback]")).to_have_text("✓ Riktig.")
    # multiple: space on each checkbox.
    q = question(quiz_page, "velg-flere")
    tab_to(q.get_by_label("Virke"))
    kb.press("Space")
    kb.press("Tab")
    kb.press("Space")
    tab_to(q.get_by_role("button", name="Sjekk svaret"))
    kb.press("Enter")
    expect(q.locator("[data-quiz-feedback]")).to_have_text("✓ Riktig.")
    # true/false.
    q = question(quiz_page, "sant-usant")
    tab_to(q.locator("input").first)
    kb.press("ArrowDown")
    expect(q.get_by_label("Usant", exact=True)).to_be_checked()
    tab_to(q.get_by_role("button", name="Sjekk svaret"))
    kb.press("Enter")
    expect(q.locator("[data-quiz-feedback]")).to_have_text("✓ Riktig.")
    # order: each step's select takes its place number from the keyboard.
    q = question(quiz_page, "rekkefolge")
    for select in q.locator("select").all():
        tab_to(select)
        kb.type(str(int(select.get_attribute("data-item")) + 1))
    tab_to(q.get_by_role("button", name="Sjekk svaret"))
    kb.press("Enter")
    expect(q.locator("[data-quiz-feedback]")).to_have_text("✓ Riktig.")
    # reflection: type a note; it is kept.
    q = question(quiz_page, "refleksjon")
    tab_to(q.locator("textarea"))
    kb.type("Om naturlig bistand")
    assert stored(quiz_page)["answers"]["refleksjon"]["value"] == "Om naturlig bistand"
    expect(quiz_page.locator("[data-quiz-score]")).to_have_text("Riktige svar: 4 av 4. Sjekket: 4 av 4.")
    assert stored(quiz_page)["done"]


def test_an_order_with_a_number_used_twice_is_wrong(quiz_page: Page) -> None:
    q = question(quiz_page, "rekkefolge")
    for select in q.locator("select").all():
        select.select_option("1")
    q.get_by_role("button", name="Sjekk svaret").click()
    expect(q.locator("[data-quiz-feedback]")).to_have_text("✗ Ikke helt.")


def test_team_mode_shows_one_question_at_a_time_and_stores_nothing(quiz_page: Page) -> None:
    toggle = quiz_page.get_by_role("button", name="Teammodus")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    visible = quiz_page.locator(".inkl-quiz__question:visible")
    expect(visible).to_have_count(1)
    expect(visible).to_have_id("quiz-quiz-demo-velg-en")
    expect(quiz_page.locator("[data-quiz-position]")).to_have_text("Spørsmål 1 av 5")
    expect(quiz_page.get_by_role("button", name="Sjekk svaret").first).to_be_hidden()
    question(quiz_page, "velg-en").get_by_label("Fem").check()
    quiz_page.get_by_role("button", name="Vis svaret og forklaringen").click()
    expect(question(quiz_page, "velg-en").locator("details")).to_have_attribute("open", "")
    quiz_page.get_by_role("button", name="Neste spørsmål").click()
    expect(visible).to_have_id("quiz-quiz-demo-velg-flere")
    assert stored(quiz_page) is None
    toggle.click()
    expect(quiz_page.locator(".inkl-quiz__question:visible")).to_have_count(5)


def test_a_link_opens_the_quiz_in_team_mode(page: Page, quiz_server: str) -> None:
    page.goto(quiz_server + EN + "?team=1")
    expect(page.get_by_role("button", name="Team mode")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".inkl-quiz__question:visible")).to_have_count(1)


def test_quiz_text_is_escaped(quiz_page: Page) -> None:
    dialogs: list[str] = []
    quiz_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    expect(question(quiz_page, "velg-en").get_by_label("Sju <script>alert(1)</script>")).to_be_visible()
    assert dialogs == []


def test_without_javascript_questions_and_answers_are_readable(browser, quiz_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_server + NB)
    q = question(page, "velg-en")
    expect(q.locator("legend").first).to_contain_text("Hvor mange kilder")  # the second: «how sure», JS only
    expect(q.get_by_label("Fem")).to_be_visible()
    expect(q.get_by_role("button", name="Sjekk svaret")).to_be_hidden()
    # Presenter mode's parts (where the group is, the keys, «talk first») need JavaScript too.
    expect(page.locator("[data-quiz-present-bar]")).to_be_hidden()
    expect(page.locator("[data-quiz-talk]").first).to_be_hidden()
    q.locator("summary").click()
    expect(q.locator("details")).to_contain_text("Svar: Fem")
    expect(question(page, "rekkefolge").locator(".inkl-quiz__right-order li")).to_have_text(["En", "To", "Tre"])
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [NB, EN])
def test_axe_finds_no_violation_before_and_after_answering(page: Page, quiz_server: str, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(quiz_server + path)
    page.evaluate("localStorage.clear()")
    page.reload()
    assert violations(page) == []
    quiz = page.locator(".inkl-quiz")
    quiz.locator("input[type=radio]").first.check()
    quiz.locator("[data-quiz-action=check-all]").click()
    page.locator("#quiz-quiz-demo-velg-en details").evaluate("details => details.open = true")
    assert violations(page) == []
    page.locator("[data-quiz-action=team]").click()
    assert violations(page) == []
