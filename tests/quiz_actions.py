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


def answer_every_question_right(page: Page) -> None:
    """Give the right answer to every scored question of the page's first quiz (from its
    answer key, whatever the questions are) and check them all: the quiz is then mastered."""
    quiz = page.locator(".inkl-quiz").first
    quiz.evaluate("""(quiz) => {
        for (const question of quiz.querySelectorAll(".inkl-quiz__question[data-key]")) {
            const right = JSON.parse(atob(question.dataset.key.split("").reverse().join(""))).a;
            const type = question.dataset.type;
            if (type === "order") {
                for (const select of question.querySelectorAll(".inkl-quiz__step select")) select.value = String(Number(select.dataset.item) + 1);
            } else {
                for (const input of question.querySelectorAll(".inkl-quiz__option input")) {
                    input.checked = type === "truefalse" ? input.value === String(right) : right.includes(Number(input.value));
                }
            }
        }
    }""")
    quiz.locator("[data-quiz-action=check-all]").click()
