"""What the build cannot judge but a test can catch: quiz questions that give the
answer away, or that are asked twice."""
from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest

from sitebuild import ROOT
from sitekit.quizzes import load_quizzes

QUIZZES = load_quizzes(ROOT / "quizzes")

# Words that make a true/false statement easy to see through: absolutes are nearly
# always false, so a reader guesses right without knowing the matter.
ABSOLUTES = {
    "nb": re.compile(r"\b(bare|kun|alltid|aldri|ingen|ingenting|alle|helt umulig)\b", re.I),
    "en": re.compile(r"\b(only|always|never|none|nobody|nothing|all|every)\b", re.I),
}


def _truefalse():
    for quiz in QUIZZES.values():
        for question in quiz.questions:
            if question.type == "truefalse":
                yield quiz.id, question


@pytest.mark.parametrize("language", ["nb", "en"])
def test_no_true_false_statement_leans_on_an_absolute(language: str) -> None:
    found = [
        f"{quiz}/{question.id}: «{match.group(0)}»"
        for quiz, question in _truefalse()
        if (match := ABSOLUTES[language].search(getattr(question.prompt, language)))
    ]
    assert found == []


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w{4,}", text.lower())}


def test_no_question_is_asked_in_two_quizzes() -> None:
    """Two questions in different quizzes whose prompts share nearly all their words,
    or ordering questions with the same steps, are the same question asked twice."""
    questions = [(quiz.id, q) for quiz in QUIZZES.values() for q in quiz.questions if q.type != "reflection"]
    twice = []
    for (quiz_a, a), (quiz_b, b) in combinations(questions, 2):
        if quiz_a == quiz_b:
            continue
        if a.type == b.type == "order" and _words(" ".join(i.nb for i in a.items)) == _words(" ".join(i.nb for i in b.items)):
            twice.append(f"{quiz_a}/{a.id} = {quiz_b}/{b.id} (the same steps)")
        words_a, words_b = _words(a.prompt.nb), _words(b.prompt.nb)
        if words_a and words_b and len(words_a & words_b) / len(words_a | words_b) > 0.8:
            twice.append(f"{quiz_a}/{a.id} ≈ {quiz_b}/{b.id}")
    assert twice == []


# Stems (the first six letters of a word of six or more) that a prompt shares with its right option and with
# no wrong option, e.g. «bestiller» in the prompt and «Bestillerkompetanse» the answer.
_COMMON = {"whether", "between", "mellom", "hvilke", "hvilken", "hvilket", "ifølge", "according", "report", "rapporten", "mentoren", "mentor"}


def cue_words(prompt: str, right: list[str], wrong: list[str]) -> set[str]:
    stems = {w[:6] for w in _words(prompt) if len(w) >= 6 and w not in _COMMON}
    right_words = set().union(*(_words(text) for text in right)) if right else set()
    wrong_words = set().union(*(_words(text) for text in wrong)) if wrong else set()
    return {
        stem for stem in stems
        if any(stem in word for word in right_words) and not any(stem in word for word in wrong_words)
    }


def test_the_cue_check_catches_the_old_purchaser_question() -> None:
    prompt = "Mange veiledere har lært å tenke som «bestiller». Hva krever det først og fremst, ifølge rapporten?"
    assert cue_words(prompt, ["Bestillerkompetanse"], ["Inkluderingskompetanse", "Kompetanse på arbeidsplassens uskrevne regler"]) == {"bestil"}


def test_no_prompt_names_its_own_right_option() -> None:
    cues = []
    for quiz in QUIZZES.values():
        for q in quiz.questions:
            if q.type != "single":
                continue
            for language in ("nb", "en"):
                found = cue_words(
                    getattr(q.prompt, language),
                    [getattr(o.text, language) for o in q.options if o.correct],
                    [getattr(o.text, language) for o in q.options if not o.correct],
                )
                if found:
                    cues.append(f"{quiz.id}/{q.id} ({language}): {sorted(found)}")
    assert cues == []


def test_every_module_quiz_asks_a_third_as_scenarios_and_checks_every_objective() -> None:
    """The build enforces this; here it is shown for the quizzes as they are."""
    modules = [quiz for quiz in QUIZZES.values() if quiz.id.startswith("kurs-modul-")]
    assert len(modules) == 8
    for quiz in modules:
        scored = quiz.scored
        assert 3 * sum(1 for q in scored if q.scenario) >= len(scored), quiz.id
        checked = {objective for q in scored for objective in q.checks}
        assert checked == {o.id for o in quiz.objectives}, quiz.id


_VERDICT = re.compile(r"^(Riktig|Ja|Nei|Feil|Right|Yes|No|Correct|Wrong)\b[.!,:]", re.I)


def test_feedback_does_not_repeat_the_verdict() -> None:
    """The page marks each option «✓ Riktig» or «✗ Feil» before its feedback (quiz.js),
    so feedback that opens with «Nei.» or «Right.» says it twice."""
    opening = []
    for quiz in QUIZZES.values():
        for q in quiz.questions:
            texts = [o.feedback for o in getattr(q, "options", None) or []]
            texts += [getattr(q, "feedback_true", None), getattr(q, "feedback_false", None)]
            for text in filter(None, texts):
                opening += [f"{quiz.id}/{q.id}: {getattr(text, lang)[:30]}" for lang in ("nb", "en") if _VERDICT.match(getattr(text, lang))]
    assert opening == []
