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


def test_a_page_carries_only_the_strings_its_scripts_name(site) -> None:
    """main.html's JSON holds the strings the scripts use (sitekit.script_strings), not
    the template-only ones, and the progress tools' and the privacy page's strings only
    on their own pages: each quiz page is about 1.2 KiB gzipped lighter."""
    import json
    import re

    from sitekit.script_strings import used_by_scripts

    def carried(page: str) -> dict[str, str]:
        html = (site / page).read_text(encoding="utf-8")
        return json.loads(re.search(r'<script id="__site-strings" type="application/json">(.*?)</script>', html, re.S).group(1))

    module = carried("kurs/modul-3/index.html")
    assert "quiz.answer.show" not in module and "quiz.team.position" in module  # a template's label; quiz.js's own
    assert "course.status.mastered" in module  # named by its start, "course.status." + state
    assert not [key for key in module if key.startswith(("storage.", "course.import", "course.delete"))], sorted(module)
    assert "course.import.failed" in carried("kurs/index.html") and "storage.confirm" in carried("om/personvern/index.html")
    used = used_by_scripts(ROOT / "overrides/assets/js")
    assert all(used(key) for key in module), sorted(key for key in module if not used(key))
