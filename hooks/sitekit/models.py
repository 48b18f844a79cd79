"""Shared pieces of the site's data formats (quizzes, figures)."""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# Every text exists in every site language. Adding a language: one line here.
LANGUAGES = ("nb", "en")

Id = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
NonEmpty = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]


class Model(BaseModel):
    """Strict about unknown fields (a typo is an error) and immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A text in every language; inline Markdown (emphasis, links) is allowed."""

    nb: NonEmpty
    en: NonEmpty
