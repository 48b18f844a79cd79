"""Property test: whatever an author's file holds, every data format and front matter
either loads or stops with a clean message that names the file, in a short time.

For each format, hypothesis writes at least 500 bad files (fields of the wrong kind,
missing or unknown fields, YAML cut short or mistyped, anchors and alias bombs,
duplicate keys, invisible characters, bytes that are not UTF-8) and the loader the
build uses reads each one. Anything but the format's PluginError (a traceback in a
build) fails, and so does a case that takes longer than TIME_LIMIT seconds."""
from __future__ import annotations

import faulthandler
import signal
import tempfile
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError

from sitekit.figures import load_figure
from sitekit.glossary import load_glossary
from sitekit.pages import check_source
from sitekit.quizzes import load_quiz

TIME_LIMIT = 5  # seconds per file; a sound file loads in milliseconds
# A loader stuck in compiled code (pydantic's core) never sees the alarm: after this
# long, faulthandler prints where it is stuck and ends the run, so a hang fails.
HARD_LIMIT = 60
BAD_FILES = 500  # per format, at least

value = st.one_of(
    st.text(max_size=12), st.integers(-5, 300), st.booleans(), st.none(),
    st.floats(allow_nan=True, allow_infinity=True), st.lists(st.integers(0, 3), max_size=3),
    st.sampled_from(["no", "yes", "-", "unreadable", "percent", "count", "om/index.md", "javascript:x",
                     "[x](javascript:alert(1))", "<script>x</script>", "a\nb", "module.html", "session.html"]),
)
local = st.one_of(
    st.fixed_dictionaries({"nb": value, "en": value}),
    st.dictionaries(st.sampled_from(["nb", "en", "de"]), value, max_size=3),
    value,
)


def _mapping(keys: list[str], leaf: st.SearchStrategy) -> st.SearchStrategy:
    return st.dictionaries(st.sampled_from(keys), leaf, max_size=len(keys))


# One strategy per format: the format's own field names, with values of any kind.
_row = _mapping(["label", "values", "group", "extra"], st.one_of(local, st.lists(value, max_size=3)))
_figure = _mapping(
    ["id", "title", "source", "unit", "row_header", "n", "columns", "rows", "note", "chart", "extra"],
    st.one_of(st.just("f"), local, st.lists(_mapping(["label", "n"], local), max_size=2), st.lists(_row, max_size=3)),
)
_glossary = _mapping(
    ["abbreviations", "terms", "extra"],
    st.one_of(st.lists(_mapping(["abbr", "term", "meaning", "extra"], local), max_size=3), value),
)
_scenario = _mapping(["kind", "text", "extra"], st.one_of(st.sampled_from(["case", "constructed", "b"]), local))
_question = _mapping(
    ["id", "type", "prompt", "options", "answer", "items", "explanation", "source", "hint",
     "checks", "scenario", "feedback_true", "feedback_false"],
    st.one_of(st.sampled_from(["single", "multiple", "truefalse", "order", "reflection", "a"]), local, _scenario,
              st.lists(st.sampled_from(["m1", "m2", "x"]), max_size=3),
              st.lists(_mapping(["text", "correct", "feedback"], local), max_size=3), st.lists(local, max_size=3)),
)
_objective = _mapping(["id", "text", "extra"], st.one_of(st.sampled_from(["m1", "m2", "m3"]), local))
_quiz = _mapping(
    ["id", "title", "intro", "objectives", "questions", "extra"],
    st.one_of(st.just("q"), local, st.lists(_objective, max_size=5), st.lists(_question, max_size=3)),
)
_module = _mapping(["number", "quiz", "minutes", "answers", "extra"], st.one_of(value, st.lists(value, max_size=6)))
_session = _mapping(["module", "extra"], value)
_page = _mapping(
    ["description", "title", "template", "sources", "hide", "search", "descripton"],
    st.one_of(value, st.lists(value, max_size=2)),
)

MANGLES = ["none", "tabs", "cut", "quote", "alias", "bomb", "duplicate", "invisible", "latin1"]
# «Billion laughs»: nine levels of nine aliases, 387 million values once expanded.
BOMB = "l1: &l1 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]\n" for n in range(2, 10)
)


def _mangled(data: Any, mangle: str) -> bytes:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if mangle == "tabs":
        text = text.replace("  ", "\t")
    elif mangle == "cut":
        text = text[: len(text) // 2]
    elif mangle == "quote":
        text = text.replace("'", "")
    elif mangle == "alias":
        text = "x: &anchor {a: 1}\n" + (text if isinstance(data, dict) else "y: 1\n") + "z: *anchor\n"
    elif mangle == "bomb":  # every field of the file gets the bomb as its value
        text = BOMB + "".join(f"{key}: *l9\n" for key in (data if isinstance(data, dict) and data else ["x"]))
    elif mangle == "duplicate":
        text = text + text
    elif mangle == "invisible":
        text = text[: len(text) // 3] + "\u202e" + text[len(text) // 3:]
    elif mangle == "latin1":
        return ("æøå: " + text).encode("latin-1", errors="replace")
    return text.encode("utf-8")


def _as_page(raw_yaml: bytes) -> bytes:
    return b"---\n" + raw_yaml + b"---\n\n# Tittel\n"


def _in_file(name: str, raw: bytes, load: Callable[[Path], Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        load(path)


FORMATS: dict[str, tuple[st.SearchStrategy, str, Callable[[bytes], bytes], Callable[[Path], Any]]] = {
    "quiz": (_quiz, "q.yml", lambda raw: raw, lambda path: load_quiz(path)),
    "figure": (_figure, "f.yml", lambda raw: raw, lambda path: load_figure(path)),
    "glossary": (_glossary, "ordliste.yml", lambda raw: raw, lambda path: load_glossary(path, path.name)),
    "page front matter": (_page, "side.md", _as_page, lambda path: check_source(path.read_bytes(), path.name)),
    "module front matter": (
        st.fixed_dictionaries({"description": value, "template": st.just("module.html"), "module": _module}),
        "modul.md", _as_page, lambda path: check_source(path.read_bytes(), path.name),
    ),
    "session front matter": (
        st.fixed_dictionaries({"description": value, "template": st.just("session.html"), "session": st.one_of(_session, value)}),
        "okt.md", _as_page, lambda path: check_source(path.read_bytes(), path.name),
    ),
}


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


@pytest.mark.parametrize("kind", list(FORMATS))
def test_every_bad_file_gets_a_clean_message_in_time(kind: str) -> None:
    strategy, name, wrap, load = FORMATS[kind]
    counts = {"bad": 0, "loaded": 0}

    @settings(max_examples=BAD_FILES + 150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data=st.one_of(strategy, st.lists(strategy, max_size=2), value), mangle=st.sampled_from(MANGLES))
    def check(data: Any, mangle: str) -> None:
        raw = wrap(_mangled(data, mangle))
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
        faulthandler.dump_traceback_later(HARD_LIMIT, exit=True)
        try:
            _in_file(name, raw, load)
            counts["loaded"] += 1  # a generated file may happen to be valid: fine
        except PluginError as error:
            message = str(error)
            assert name in message and message.strip(), message
            assert len(message) < 5000, f"the message is {len(message)} characters long"
            counts["bad"] += 1
        except _TooSlow:
            pytest.fail(f"{kind}: reading {raw[:300]!r} took more than {TIME_LIMIT} s")
        finally:
            faulthandler.cancel_dump_traceback_later()
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    check()
    print(f"{kind}: {counts['bad']} bad files, each a clean message; {counts['loaded']} happened to be valid")
    assert counts["bad"] >= BAD_FILES, counts
