"""Every interface string exists in every language (overrides/partials/strings/)."""
from __future__ import annotations

import jinja2
import pytest

from sitebuild import ROOT

STRINGS = ROOT / "overrides/partials/strings"


def strings_of(language: str) -> dict[str, str]:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(STRINGS))
    return env.get_template(f"{language}.html").module.strings


def test_there_is_a_strings_file_for_each_language() -> None:
    assert sorted(path.stem for path in STRINGS.glob("*.html")) == ["en", "nb"]


@pytest.mark.parametrize("language", ["en"])
def test_no_key_is_missing_or_extra(language: str) -> None:
    default, other = strings_of("nb"), strings_of(language)
    missing = sorted(set(default) - set(other))
    extra = sorted(set(other) - set(default))
    assert (missing, extra) == ([], []), f"{language}: missing {missing}, not in nb {extra}"


def test_no_string_is_left_untranslated() -> None:
    """A value equal in both languages is most likely a copy nobody translated."""
    default, english = strings_of("nb"), strings_of("en")
    same = [key for key in default if default[key] == english.get(key)]
    assert same == []
