"""Presenter mode (team mode on a shared screen), on module 3's quiz in both languages:
the quiz fills the window, large enough for a projector at 1920×1080 and fitting at
1280×720, driven by the keys a clicker sends, storing nothing, in both colour schemes;
and the API the session plan's run view uses (inkl:present with a subset and
`embedded`, inkl:present-leave, inkl:present-stop, window.inklQuiz.init)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from axe import violations

pytestmark = pytest.mark.browser

MODULE = "kurs/modul-3/"
QUESTIONS = 8  # in module 3's quiz
SCENARIO = 3  # question 3 opens with the module's case
WORDS = {
    "": {"team": "Teammodus", "position": "Spørsmål {n} av {total}", "talk": "Snakk sammen om saken før dere viser svaret."},
    "en/": {"team": "Team mode", "position": "Question {n} of {total}", "talk": "Talk it through before you show the answer."},
}
# The page around the quiz: none of it may show (or be reached) while the quiz presents.
AROUND = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "article h1"]

# Sizes of the current question's parts, in CSS pixels; and the layer's.
MEASURE = """(quiz) => {
  const question = quiz.querySelector(".inkl-quiz__question:not([hidden])");
  const size = (element) => parseFloat(getComputedStyle(element).fontSize);
  const box = (element) => { const r = element.getBoundingClientRect(); return {w: r.width, h: r.height}; };
  const shown = (element) => element.getClientRects().length > 0;
  const answer = question.querySelector("details");
  const answerTexts = answer && shown(answer) ? [...answer.querySelectorAll(":scope > p")].filter(shown) : [];
  const layer = quiz.getBoundingClientRect();
  return {
    id: question.dataset.question,
    layer: [layer.x, layer.y, layer.width, layer.height],
    scroll: quiz.scrollHeight, height: quiz.clientHeight,
    question: size(question.querySelector("legend")),
    options: [...question.querySelectorAll(".inkl-quiz__option label")].map(size),
    answer: answerTexts.map(size),
    source: answerTexts.length ? size(answer.querySelector(":scope > p:last-of-type a")) : null,
    targets: [...question.querySelectorAll(".inkl-quiz__option label"), ...quiz.querySelectorAll(".md-button")]
      .filter(shown).map(box),
    hasAnswer: Boolean(answer), answerShown: Boolean(answer && shown(answer)),
  };
}"""


def stored(page: Page) -> dict:
    """Everything in localStorage and sessionStorage, under any name."""
    return page.evaluate("() => ({local: {...localStorage}, session: {...sessionStorage}})")


def position(page: Page, language: str, n: int, total: int = QUESTIONS):
    expect(page.locator("[data-quiz-position]")).to_have_text(WORDS[language]["position"].format(n=n, total=total))


def assert_large(sizes: dict, question: float, text: float) -> None:
    assert sizes["question"] >= question, sizes
    assert sizes["options"] and min(sizes["options"]) >= text, sizes
    if sizes["answerShown"]:
        assert len(sizes["answer"]) >= 2 and min(sizes["answer"]) >= text, sizes  # answer, explanation, source
        assert sizes["source"] >= text, sizes
    assert all(target["w"] >= 44 and target["h"] >= 44 for target in sizes["targets"]), sizes["targets"]


@pytest.mark.parametrize(("language", "scheme"), [("", "light"), ("en/", "dark")], ids=["nb-light", "en-dark"])
def test_presenter_mode_fills_a_projector_and_answers_to_a_clicker(page: Page, server: str, errors: list, language: str, scheme: str) -> None:
    words = WORDS[language]
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/{language}{MODULE}")
    before = stored(page)
    quiz = page.locator(".inkl-quiz")
    toggle = quiz.get_by_role("button", name=words["team"])
    toggle.focus()
    page.keyboard.press("Enter")  # keyboard only
    expect(quiz).to_have_class(re.compile("inkl-quiz--team"))
    expect(toggle).to_have_attribute("aria-pressed", "true")
    position(page, language, 1)
    expect(page.locator("[data-quiz-position]")).to_have_attribute("role", "status")  # announced politely

    # The whole window, nothing of the page around it, and no way to Tab out to it.
    sizes = quiz.evaluate(MEASURE)
    assert sizes["layer"] == [0, 0, 1920, 1080] and sizes["scroll"] <= sizes["height"], sizes
    for selector in AROUND:
        expect(page.locator(selector).first).to_be_hidden()
    assert page.evaluate("() => Boolean(document.querySelector('.md-header').closest('[inert]'))")
    for _ in range(12):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement === document.body || Boolean(document.activeElement.closest('.inkl-quiz'))")
    page.locator("[data-quiz-position]").click()  # focus back on the layer, not on a control

    # Sizes for a projector, before and after the answer.
    assert_large(sizes, question=36, text=28)
    page.keyboard.press("Space")
    sizes = quiz.evaluate(MEASURE)
    assert sizes["answerShown"] and sizes["scroll"] <= sizes["height"], sizes
    assert_large(sizes, question=36, text=28)

    # The clicker's keys. Question 3 has a case: talk first, then the answer.
    page.keyboard.press("ArrowRight")
    position(page, language, 2)
    page.keyboard.press("PageDown")
    position(page, language, SCENARIO)
    current = quiz.locator(".inkl-quiz__question:visible")
    expect(current.locator(".inkl-quiz__scenario")).to_be_visible()
    expect(current.locator("[data-quiz-talk]")).to_have_text(words["talk"])
    expect(current.locator("details")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(current.locator("details")).to_be_visible()
    expect(current.locator("[data-quiz-talk]")).to_be_hidden()
    sizes = quiz.evaluate(MEASURE)
    assert sizes["scroll"] <= sizes["height"], sizes
    assert_large(sizes, question=36, text=28)
    assert violations(page) == []  # with the answer shown, in this scheme

    page.keyboard.press("ArrowLeft")
    position(page, language, 2)
    page.keyboard.press("PageUp")
    page.keyboard.press("PageUp")  # on its own layer the quiz stays on its first question
    position(page, language, 1)
    for _ in range(QUESTIONS + 1):
        page.keyboard.press("PageDown")
    position(page, language, QUESTIONS)

    # Print is never the layer: the page prints as it always does.
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.body).visibility === 'visible' && getComputedStyle(document.documentElement).overflow !== 'hidden'")
    page.emulate_media(media="screen")

    page.keyboard.press("Escape")
    expect(quiz).not_to_have_class(re.compile("inkl-quiz--team"))
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".md-header")).to_be_visible()
    assert page.evaluate("() => document.querySelectorAll('[inert]').length") == 0
    assert stored(page) == before  # nothing stored, under any name


@pytest.mark.parametrize(("language", "scheme"), [("", "dark"), ("en/", "light")], ids=["nb-dark", "en-light"])
def test_every_question_and_its_answer_fit_at_1280x720(page: Page, server: str, errors: list, language: str, scheme: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/{language}{MODULE}?team=1#quiz-kurs-modul-3")  # the session plan's link
    quiz = page.locator(".inkl-quiz")
    expect(quiz).to_have_class(re.compile("inkl-quiz--team"))
    for n in range(1, QUESTIONS + 1):
        position(page, language, n)
        sizes = quiz.evaluate(MEASURE)
        assert sizes["scroll"] <= sizes["height"] == 720, (n, sizes)
        page.keyboard.press("Space")
        sizes = quiz.evaluate(MEASURE)
        assert sizes["answerShown"] == sizes["hasAnswer"] and sizes["scroll"] <= sizes["height"], (n, sizes)  # a note has no answer
        assert all(target["w"] >= 44 and target["h"] >= 44 for target in sizes["targets"]), (n, sizes["targets"])
        if n == SCENARIO:
            assert violations(page) == []  # with the answer shown, in this scheme
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    expect(quiz).not_to_have_class(re.compile("inkl-quiz--team"))
    assert "team=1" not in page.url  # a reload shows the page, not the layer


# Listens as the run view does: leave requests, and whether the quiz took each key.
LISTEN = """() => {
  window.leaves = []; window.taken = [];
  document.addEventListener("inkl:present-leave", (event) => window.leaves.push(event.detail.direction));
  window.addEventListener("keydown", (event) => window.taken.push(event.defaultPrevented));
}"""


def test_the_run_view_api_presents_a_subset_in_place_and_asks_to_leave(page: Page, server: str, errors: list) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server}/{MODULE}")
    before = stored(page)
    page.evaluate(LISTEN)
    quiz = page.locator(".inkl-quiz")
    ids = quiz.locator(".inkl-quiz__question").evaluate_all("(questions) => questions.map((q) => q.dataset.question)")
    quiz.evaluate("""(quiz) => quiz.dispatchEvent(new CustomEvent("inkl:present", {detail: {questions: [3, 5, 6, 7], embedded: true}}))""")
    position(page, "", 1, total=4)
    current = quiz.locator(".inkl-quiz__question:visible")
    expect(current).to_have_attribute("data-question", ids[2])
    # In place: no layer, nothing made inert, the page around as it was; the sizes of presenter mode.
    assert page.evaluate("""(quiz) => !document.documentElement.classList.contains("inkl-presenting")
        && document.querySelectorAll("[inert]").length === 0 && getComputedStyle(quiz).position !== "fixed" """, quiz.element_handle())
    expect(page.locator(".md-header")).to_be_visible()
    expect(quiz.get_by_role("button", name="Teammodus")).to_be_hidden()  # the caller has its own way out
    embedded = quiz.evaluate(MEASURE)

    page.locator("[data-quiz-position]").click()
    page.keyboard.press("ArrowLeft")  # on the first question: back to the caller
    position(page, "", 1, total=4)
    for _ in range(3):
        page.keyboard.press("PageDown")
    position(page, "", 4, total=4)
    expect(current).to_have_attribute("data-question", ids[6])
    page.keyboard.press("ArrowRight")  # on the last: next
    page.keyboard.press("Escape")
    quiz.get_by_role("button", name="Neste spørsmål").click()  # the mouse's way to the next step
    assert page.evaluate("window.leaves") == ["back", "next", "exit", "next"]
    assert page.evaluate("window.taken") == [True] * 6  # every key it acted on: preventDefault
    expect(quiz).to_have_class(re.compile("inkl-quiz--team"))  # the caller decides when it ends

    quiz.evaluate("""(quiz) => quiz.dispatchEvent(new CustomEvent("inkl:present-stop"))""")
    expect(quiz).not_to_have_class(re.compile("inkl-quiz--team"))
    expect(quiz.locator(".inkl-quiz__question:visible")).to_have_count(QUESTIONS)
    page.keyboard.press("ArrowRight")
    assert page.evaluate("window.taken.at(-1)") is False  # stopped: its keys are the page's again
    assert page.evaluate("window.leaves.length") == 4  # quietly

    # A quiz cloned from a <template> later, as the run view does, presents once mounted.
    page.evaluate("""async () => {
      const html = await (await fetch(location.href)).text();
      const template = document.createElement("template");
      template.innerHTML = new DOMParser().parseFromString(html, "text/html").querySelector(".inkl-quiz").outerHTML;
      const holder = document.createElement("div");
      holder.id = "later";
      holder.appendChild(template.content.cloneNode(true));
      document.body.appendChild(holder);
      window.inklQuiz.init(holder.firstElementChild);
      holder.firstElementChild.dispatchEvent(new CustomEvent("inkl:present", {detail: {questions: null}}));
    }""")
    later = page.locator("#later .inkl-quiz")
    expect(later).to_have_class(re.compile("inkl-quiz--team"))
    expect(later.locator("[data-quiz-position]")).to_have_text("Spørsmål 1 av 8")
    assert later.evaluate(MEASURE)["question"] == embedded["question"]  # the same sizes, in place or not
    expect(page.locator(".md-header")).to_be_hidden()
    page.keyboard.press("Escape")
    expect(later).not_to_have_class(re.compile("inkl-quiz--team"))
    expect(later.get_by_role("button", name="Teammodus")).to_be_focused()
    assert stored(page) == before
