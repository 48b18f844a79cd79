"""Read YAML data (quizzes, figures) so that what an author writes is what the site says.

Two traps of YAML 1.1 (PyYAML's default) are closed here:
- the «Norway problem»: unquoted `no`, `yes`, `on`, `off` become booleans. This
  loader follows YAML 1.2: only `true` and `false` are booleans, so `nb: no` stays
  the text "no", and a field that wants true/false refuses "no" with a message;
- a key written twice silently keeps the last value. This loader refuses it;
- anchors and aliases (`&x` ... `*x`) let a few lines expand into billions of values
  (the «billion laughs» bomb). Data files have no need for them: refused.

Every mapping and list remembers the line of each of its entries, so that an
error can name the line an author has to look at. A document parsed once is read
back by the next build from a cache (below); errors are never kept, so a broken file
is reported on every build."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from sitekit import diskcache


class Mapping(dict):
    """A dict that knows the (1-based) line of each key."""

    lines: dict[Any, int]
    line: int


class Sequence(list):
    """A list that knows the (1-based) line of each item."""

    lines: list[int]
    line: int


class YAMLProblem(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


# libyaml's parser when PyYAML has it (several times faster), the pure-Python one otherwise.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


# YAML 1.2 booleans only: drop 1.1's yes/no/on/off (and their capitalised forms).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _refuse_alias(loader: _Loader, node: yaml.Node, line: int) -> None:
    """A node met twice while building the data is an alias of an earlier anchor."""
    seen = loader.__dict__.setdefault("_inkl_seen", set())
    if id(node) in seen:
        raise YAMLProblem(
            "anchors and aliases (& and *) are not allowed in data files; write the value out", line
        )
    seen.add(id(node))


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
        raise YAMLProblem("merge keys (<<) are not allowed in data files; write the values out", node.start_mark.line + 1)
    result = Mapping()
    result.lines = {}
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        _refuse_alias(loader, value_node, key_node.start_mark.line + 1)
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise YAMLProblem("a key must be plain text", key_node.start_mark.line + 1) from None
        if key in result:
            raise YAMLProblem(
                f"the key '{key}' is written twice in the same block (first on line "
                f"{result.lines[key]}); remove one", key_node.start_mark.line + 1,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    for child in node.value:
        # An alias's node carries the anchor's line: name the list it is used in.
        _refuse_alias(loader, child, node.start_mark.line + 1)
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.lines = [child.start_mark.line + 1 for child in node.value]
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# Documents parsed by an earlier build, by a hash of their text and of this loader
# (sitekit.diskcache): building the data with PyYAML took 36 ms for the quizzes alone,
# reading it back as JSON takes 1. Only data of plain types (with their lines) is kept.
_VERSION = hashlib.sha256(Path(__file__).read_bytes() + yaml.__version__.encode()).hexdigest()[:16]


def load(text: str) -> Any:
    """Parse one YAML document; raise YAMLProblem (with a line where known) on any error."""
    name = "yaml-" + hashlib.sha256(f"{_VERSION}\n{text}".encode("utf-8")).hexdigest() + ".json"
    kept = diskcache.read_json(name)
    if kept is not None:
        try:
            return _decoded(kept["data"])
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # not an entry of ours: parse again
    data = _parsed(text)
    encoded = _encoded(data)
    if encoded is not _NOT_PLAIN:
        diskcache.write_json(name, {"data": encoded})
    return data


_NOT_PLAIN = object()


def _encoded(value: Any) -> Any:
    """`value` as JSON that _decoded turns back into the same value, lines included;
    _NOT_PLAIN for anything but text, numbers, true/false, null, mappings and lists."""
    if isinstance(value, Mapping):
        entries = []
        for key, item in value.items():
            key_json, item_json = _encoded(key), _encoded(item)
            if key_json is _NOT_PLAIN or item_json is _NOT_PLAIN or isinstance(key, (Mapping, Sequence)):
                return _NOT_PLAIN
            entries.append([key_json, item_json, value.lines[key]])
        return {"m": entries, "l": value.line}
    if isinstance(value, Sequence):
        items = [_encoded(item) for item in value]
        if any(item is _NOT_PLAIN for item in items):
            return _NOT_PLAIN
        return {"s": items, "ls": value.lines, "l": value.line}
    if value is None or type(value) in (str, int, float, bool):
        return value
    return _NOT_PLAIN


def _decoded(value: Any) -> Any:
    if isinstance(value, dict):
        if "m" in value:
            result = Mapping()
            result.lines, result.line = {}, value["l"]
            for key, item, line in value["m"]:
                result[key] = _decoded(item)
                result.lines[key] = line
            return result
        result = Sequence(_decoded(item) for item in value["s"])
        result.lines, result.line = list(value["ls"]), value["l"]
        return result
    return value


def _parsed(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except YAMLProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "it is not valid YAML"
        raise YAMLProblem(f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        # Constructor errors that carry no mark (a bad date, an unhashable key...).
        raise YAMLProblem(f"not valid YAML: {error}", None) from None


def line_of(data: Any, path: tuple[Any, ...]) -> int | None:
    """The line of the deepest entry along `path` (keys and list indexes) that the
    loader recorded, so an error points as close to its cause as it can."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, Mapping) and step in node:
            line = node.lines.get(step, line)
            node = node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lines[step]
            node = node[step]
        else:
            break
    return line
