"""What a reader does with a quiz in the browser, shared by the browser tests."""
from __future__ import annotations

from playwright.sync_api import Page


def answer_every_question(page: Page) -> None:
    """Answer every scored question of the page's first quiz (the first option, or the
    order as shown) and check them all: right or wrong, the quiz is then done."""
    quiz = page.locator(".inkl-quiz").first
    for question in quiz.locator(".inkl-quiz__question").all():
        kind = question.get_attribute("data-type")
        if kind in ("single", "multiple", "truefalse"):
            question.locator("input").first.check()
        elif kind == "order":
            for number, select in enumerate(question.locator("select").all(), start=1):
                select.select_option(str(number))
    quiz.locator("[data-quiz-action=check-all]").click()
