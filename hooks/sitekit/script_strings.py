"""Which interface strings the site's scripts use, so a page carries only those.

main.html puts the strings the page's scripts need into the page as JSON. Most of
the site's strings are for templates only (labels rendered at build time); sending
them too cost every quiz page about 2 KiB gzipped. The scripts name each string as
a quoted literal: `t("quiz.team.position")`, or the start of a key they complete
while running: `t("course.status." + state)`. So a string is for the scripts when
a quoted literal in overrides/assets/js is its key, or, ending in a dot after at
least two parts, starts it. A one-part literal such as "quiz." is a store name
("quiz." + id), not the start of a string key."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Mapping

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

_LITERAL = re.compile(r"""["']([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+\.?)["']""")


def script_literals(js_dir: Path) -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole keys, key beginnings) quoted in the scripts of `js_dir`."""
    whole: set[str] = set()
    starts: set[str] = set()
    for script in sorted(js_dir.glob("*.js")):
        for literal in _LITERAL.findall(script.read_text(encoding="utf-8")):
            (starts if literal.endswith(".") else whole).add(literal)
    return frozenset(whole), tuple(sorted(starts))


def used_by_scripts(js_dir: Path):
    """A test for templates: is this string key one the scripts use?"""
    whole, starts = script_literals(js_dir)
    return lambda key: key in whole or key.startswith(starts)


def json_for_scripts(used: Callable[[str], bool]):
    """partials/strings.html's `json`: the strings with keys that start with one of
    `prefixes` (and none of `leave_out`) and that `used` accepts, as JSON safe in a
    <script>, as Jinja's tojson writes it. Made once per language and set of prefixes,
    not once per page (the template loop over every string took 0.07 s a build)."""
    made: dict[tuple, Markup] = {}

    def strings_json(language: str, prefixes, leave_out, fallback: Mapping[str, str], current: Mapping[str, str]) -> Markup:
        key = (language, tuple(prefixes), tuple(leave_out))
        if key not in made:
            merged = {**fallback, **current}
            selected = {
                name: merged[name] for name in merged
                if name.startswith(key[1]) and not name.startswith(key[2]) and used(name)
            }
            made[key] = htmlsafe_json_dumps(selected, sort_keys=True)
        return made[key]

    return strings_json
