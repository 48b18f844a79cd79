"""Read a YAML data file (a quiz, a figure) and validate it against a pydantic model,
turning every problem into one message an author can act on: the file, what the
entry is (quiz and question id, figure and row), the field, the line, and what was
expected. MkDocs prints a PluginError's message and stops, without a traceback."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ValidationError

from sitekit import strict_yaml

M = TypeVar("M", bound=BaseModel)


class DataError(PluginError):
    """A data file that cannot be used."""


def read_yaml(path: Path, name: str, error: type[DataError], expected: str) -> dict:
    """The file's top-level mapping; `expected` says what it should hold."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"{name}: cannot be read as UTF-8 text ({problem}).") from None
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
        return f"must be true or false, not {problem['input']!r} (write true/false, not yes/no)"
    if kind == "string_type":
        value = problem["input"]
        as_text = isinstance(value, (int, float)) or type(value).__name__ in {"date", "datetime"}
        hint = " (YAML read it as a number or a date: put it in quotes)" if as_text else ""
        return f"must be text, not {value!r}{hint}"
    if kind == "string_pattern_mismatch":
        return f"{message.lower()}, got {problem['input']!r}"
    if kind == "union_tag_invalid":
        return f"has an unknown type{union_hint}"
    if kind == "union_tag_not_found":
        return f"needs a 'type'{union_hint}"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
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
            parts = [*where(path), f"line {line}" if line else ""]
            field = ".".join(str(step) for step in path) or "(the whole file)"
            lines.append(f"{name} ({', '.join(p for p in parts if p)}): field '{field}' {describe(problem, union_hint)}.")
        raise error("Invalid " + model.__name__.lower() + ":\n  " + "\n  ".join(lines)) from None


def entry_id(data: Any, key: str, index: Any) -> str | None:
    """The id of entry `index` in the list `data[key]`, or its number ('#3')."""
    try:
        entry = data[key][index]
    except (KeyError, IndexError, TypeError):
        return None
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return entry["id"]
    return f"#{index + 1}" if isinstance(index, int) else None


def load_all(folder: Path, shown_as: str, load: Callable[[Path, str], Any], error: type[DataError]) -> dict[str, Any]:
    """Every data file (*.yml) in `folder`, by id, read with `load(path, name)`. All
    files are read and all their problems reported together, so an author fixes
    them in one go. `shown_as` names the folder in messages ("quizzes")."""
    loaded, problems = {}, []
    for path in sorted(folder.glob("*.yml")):
        try:
            item = load(path, f"{shown_as}/{path.name}")
        except DataError as problem:
            problems.append(str(problem))
            continue
        loaded[item.id] = item
    if problems:
        raise error("\n".join(problems))
    return loaded


def check_all_used(ids: Iterable[str], docs_dir: Path, marker: re.Pattern[str], kind: str, shown_as: str, error: type[DataError]) -> None:
    """A data file that no page places is an error: it is work nobody sees."""
    used = {found for page in docs_dir.rglob("*.md") for found in marker.findall(page.read_text(encoding="utf-8"))}
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
