"""The quiz format, as a typed schema (pydantic v2).

One YAML file per quiz in quizzes/, every language's text in it, so that the
questions and answers cannot drift apart between languages. `quizzes/schema.json`
is generated from these models (see `json_schema`) for editors to check a file
while it is being written."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, StrictBool, StringConstraints, model_validator

from sitekit.models import Id, Model, Text

# A page of the site (its path under docs/, bokmål name) and optionally a heading's id.
SourceLink = Annotated[
    str, StringConstraints(strict=True, pattern=r"^[a-z0-9][a-z0-9/_-]*\.md(#[A-Za-z0-9_-]+)?$")
]


class Option(Model):
    text: Text
    correct: StrictBool = False
    feedback: Text = Field(description="Why this option is right or wrong; shown for every option once the answer is checked.")


class Objective(Model):
    """A learning objective of a course module: something the reader can do, begun
    with a verb that can be checked (explain, compare, choose, plan, judge …)."""

    id: Id
    text: Text


class Scenario(Model):
    """A short situation the question asks about: from the module's own case, or
    constructed for the question (and then said to be constructed)."""

    kind: Literal["case", "constructed"] = Field(description="case: the module's case; constructed: made up for the question.")
    text: Text = Field(description="The situation, in a few sentences.")


class _Question(Model):
    id: Id
    checks: list[Id] = Field(
        default_factory=list, description="The ids of the quiz's objectives this question checks (module quizzes)."
    )
    scenario: Scenario | None = None
    prompt: Text
    explanation: Text = Field(description="Why the answer is right; shown after checking.")
    source: SourceLink = Field(description="The page (and heading) that supports the answer, e.g. mentor/index.md#leder.")


class SingleChoice(_Question):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleChoice:
        count = sum(option.correct for option in self.options)
        if count != 1:
            raise ValueError(f"a single-choice question needs exactly one option with 'correct: true', found {count}")
        return self


class MultipleChoice(_Question):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleChoice:
        if not any(option.correct for option in self.options):
            raise ValueError("a multiple-choice question needs at least one option with 'correct: true'")
        return self


class TrueFalse(_Question):
    type: Literal["truefalse"]
    answer: StrictBool = Field(description="true or false (not yes/no).")
    feedback_true: Text = Field(description="Why «true» is right or wrong; shown once the answer is checked.")
    feedback_false: Text = Field(description="Why «false» is right or wrong; shown once the answer is checked.")


class Ordering(_Question):
    type: Literal["order"]
    items: list[Text] = Field(min_length=2, description="The steps in the right order; readers see them shuffled.")


class Reflection(Model):
    """Free text for the reader's own notes; not scored, kept in the browser."""

    id: Id
    type: Literal["reflection"]
    prompt: Text
    hint: Text | None = None
    source: SourceLink | None = None


Question = Annotated[
    Union[SingleChoice, MultipleChoice, TrueFalse, Ordering, Reflection], Field(discriminator="type")
]


class Quiz(Model):
    schema_: str | None = Field(default=None, alias="$schema")
    id: Id = Field(description="The quiz's id; the same as the file name without .yml.")
    title: Text
    intro: Text | None = None
    objectives: list[Objective] = Field(
        default_factory=list,
        description="A course module's learning objectives (3 to 5), shown on the module page; each is checked by a question.",
    )
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_question_ids(self) -> Quiz:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"the question id '{question.id}' is used twice; ids must be unique in a quiz")
            seen.add(question.id)
        return self

    @model_validator(mode="after")
    def _objectives_checked(self) -> Quiz:
        if not self.objectives:
            return self
        if not 3 <= len(self.objectives) <= 5:
            raise ValueError(f"a module has 3 to 5 objectives, this quiz has {len(self.objectives)}")
        known = [objective.id for objective in self.objectives]
        if len(set(known)) != len(known):
            raise ValueError("an objective id is used twice; ids must be unique in a quiz")
        return self

    @property
    def scored(self) -> list[Question]:
        return [question for question in self.questions if question.type != "reflection"]


def json_schema() -> dict:
    schema = Quiz.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Self-check quiz"
    return schema


if __name__ == "__main__":  # PYTHONPATH=hooks python -m sitekit.quiz_model > quizzes/schema.json
    import json

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
