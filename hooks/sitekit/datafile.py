"""Read a YAML data file (a quiz, a figure) and validate it against a pydantic model,
turning every problem into one message an author can act on: the file, what the
entry is (quiz and question id, figure and row), the field, the line, and what was
expected. MkDocs prints a PluginError's message and stops, without a traceback."""
from __future__ import annotations

import re
import reprlib
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ValidationError

from sitekit import strict_yaml

M = TypeVar("M", bound=BaseModel)


class DataError(PluginError):
    """A data file that cannot be used."""


# Long values in messages are cut short: a message must stay readable, whatever the input.
_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlist = _short.maxdict = 4
_short.maxlevel = 2


def short(value: Any) -> str:
    """`repr(value)`, at most a line long."""
    return _short.repr(value)


# Characters that change how text looks without being seen: direction overrides
# and isolates (a «Trojan Source» trick), zero-width spaces and joiners, and other
# format or control characters. No text of this site needs them.
# Every format (Cf), control (Cc, but tab and line ends) and line or paragraph
# separator (Zl, Zp) character of Unicode 14 (Python 3.11), as one character class:
# a regular expression finds them far faster than a look at each character.
# tests/test_sitekit.py checks the class against unicodedata.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def invisible_characters(text: str) -> list[tuple[int, int, str]]:
    """(line, column, name) of each invisible or control character in `text`."""
    found = []
    for match in INVISIBLE.finditer(text):
        char, at = match.group(0), match.start()
        if char == "\ufeff" and at == 0:
            continue  # a byte-order mark at the very start is harmless
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        found.append((line, column, f"U+{ord(char):04X} {name}"))
    return found


def decode(raw: bytes, name: str, error: type[PluginError]) -> str:
    """`raw` as UTF-8 text with no invisible characters, or `error` naming the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        line = raw[: problem.start].count(b"\n") + 1
        raise error(
            f"{name}, line {line}: is not UTF-8 text (byte {raw[problem.start]:#04x}); save the file as UTF-8."
        ) from None
    found = invisible_characters(text)
    if found:
        where = "; ".join(f"line {line}, column {column}: {what}" for line, column, what in found[:5])
        more = f" (and {len(found) - 5} more)" if len(found) > 5 else ""
        raise error(f"{name}: has invisible characters that change how the text reads: {where}{more}. Delete them.")
    return text


def read_text(path: Path, name: str, error: type[PluginError]) -> str:
    try:
        raw = path.read_bytes()
    except OSError as problem:
        raise error(f"{name}: cannot be read ({problem.strerror}).") from None
    return decode(raw, name, error)


def read_yaml(path: Path, name: str, error: type[DataError], expected: str) -> dict:
    """The file's top-level mapping; `expected` says what it should hold."""
    text = read_text(path, name, error)
    try:
        data = strict_yaml.load(text)
    except strict_yaml.YAMLProblem as problem:
        where = f", line {problem.line}" if problem.line else ""
        raise error(f"{name}{where}: {problem.message}.") from None
    if not isinstance(data, dict):
        raise error(f"{name}: expected {expected}, found {type(data).__name__}.")
    return data


def describe(problem: dict[str, Any], union_hint: str = "") -> str:
    """pydantic's message, in words an author can act on."""
    kind, message = problem["type"], problem["msg"]
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field of this format (a typo?)"
    if kind == "bool_type":
        return f"must be true or false, not {short(problem['input'])} (write true/false, not yes/no)"
    if kind == "string_type":
        value = problem["input"]
        as_text = isinstance(value, (int, float)) or type(value).__name__ in {"date", "datetime"}
        hint = " (YAML read it as a number or a date: put it in quotes)" if as_text else ""
        return f"must be text, not {short(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return f"{message.lower()}, got {short(problem['input'])}"
    if kind == "union_tag_invalid":
        return f"has an unknown type{union_hint}"
    if kind == "union_tag_not_found":
        return f"needs a 'type'{union_hint}"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if "input" in problem and kind.endswith("_type"):
        return f"{message[0].lower() + message[1:]}, not {short(problem['input'])}"
    return message[0].lower() + message[1:]


def validate(
    model: type[M],
    data: dict,
    name: str,
    error: type[DataError],
    *,
    where: Callable[[tuple[Any, ...]], list[str]],
    skip: Callable[[tuple[Any, ...], int], bool] = lambda loc, index: False,
    union_hint: str = "",
    line_offset: int = 0,
) -> M:
    """`model` from `data`, or `error` listing every problem. `where(path)` names the
    entry a problem is in ("quiz 'x'", "question 'y'"); `skip(loc, i)` drops steps of
    pydantic's location that are not in the data (a discriminated union's tag)."""
    try:
        return model.model_validate(data)
    except ValidationError as failure:
        lines = []
        for problem in failure.errors(include_url=False):
            loc = tuple(problem["loc"])
            path = tuple(step for index, step in enumerate(loc) if not skip(loc, index))
            line = strict_yaml.line_of(data, path)
            parts = [*where(path), f"line {line + line_offset}" if line else ""]
            field = ".".join(str(step) for step in path) or "(the whole file)"
            lines.append(f"{name} ({', '.join(p for p in parts if p)}): field '{field}' {describe(problem, union_hint)}.")
        raise error(f"Invalid {_words(model.__name__)}:\n  " + "\n  ".join(lines)) from None


def _words(name: str) -> str:
    """'FrontMatter' → 'front matter'."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def entry_id(data: Any, key: str, index: Any) -> str | None:
    """The id of entry `index` in the list `data[key]`, or its number ('#3')."""
    try:
        entry = data[key][index]
    except (KeyError, IndexError, TypeError):
        return None
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return entry["id"]
    return f"#{index + 1}" if isinstance(index, int) else None


# Files already read, by loader and the file's state on disk: each language's build (and
# each `mkdocs serve` rebuild) reads a data file again only when it has changed. A file
# with a problem is not kept, so its error is reported on every build until it is fixed.
_loaded: dict[tuple, Any] = {}


def load_all(folder: Path, shown_as: str, load: Callable[[Path, str], Any], error: type[DataError]) -> dict[str, Any]:
    """Every data file (*.yml) in `folder`, by id, read with `load(path, name)`. All
    files are read and all their problems reported together, so an author fixes
    them in one go. `shown_as` names the folder in messages ("quizzes")."""
    loaded, problems = {}, []
    for path in sorted(folder.glob("*.yml")):
        name = f"{shown_as}/{path.name}"
        stat = path.stat()
        key = (load, name, path.resolve(), stat.st_mtime_ns, stat.st_size)
        try:
            item = _loaded[key] if key in _loaded else _loaded.setdefault(key, load(path, name))
        except DataError as problem:
            problems.append(str(problem))
            continue
        loaded[item.id] = item
    if problems:
        raise error("\n".join(problems))
    return loaded


# The pages' Markdown, by file and its state on disk: the page check (sitekit.pages) and
# each kind of data file (check_all_used) read every page, and each read was 20 ms.
_sources: dict[tuple, str] = {}


def source_texts(docs_dir: Path, error: type[PluginError]) -> dict[str, str]:
    """Every page's Markdown in `docs_dir` (its path there → its text, checked by `decode`),
    read again only when the file has changed."""
    texts = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in _sources:
            _sources[key] = read_text(path, f"docs/{relative}", error)
        texts[relative] = _sources[key]
    return texts


def check_all_used(ids: Iterable[str], docs_dir: Path, marker: re.Pattern[str], kind: str, shown_as: str, error: type[DataError]) -> None:
    """A data file that no page places is an error: it is work nobody sees."""
    used = {found for text in source_texts(docs_dir, error).values() for found in marker.findall(text)}
    unused = sorted(set(ids) - used)
    if unused:
        raise error("\n".join(
            f"{shown_as}/{item}.yml: {kind} '{item}' is used by no page. Place it in a page with "
            f"'<!-- {kind}: {item} -->' (in both languages), or delete the file."
            for item in unused
        ))


def replace_markers(
    html: str, marker: re.Pattern[str], page_name: str, known: Iterable[str], render: Callable[[str], str],
    kind: str, shown_as: str, error: type[DataError],
) -> str:
    """Put `render(id)` in place of each `<!-- kind: id -->` marker; a marker that
    names no data file is an error naming the page."""
    known = set(known)

    def substitute(match: re.Match[str]) -> str:
        item = match.group(1)
        if item not in known:
            choices = ", ".join(sorted(known)) or "none yet"
            raise error(
                f"{page_name}: the marker '<!-- {kind}: {item} -->' names no {kind} "
                f"(there is no {shown_as}/{item}.yml; there are: {choices})."
            )
        return render(item)

    return marker.sub(substitute, html)
