"""The Jinja environment for the site's own partials: the theme's (same loader,
filters and globals), with autoescaping on.

MkDocs makes the theme's environment without autoescape, and Material's templates
rely on that, so it cannot be switched on there. The partials the hooks render
(quizzes, figures, the course's lists and sheets) use this one instead: every value
is escaped unless our own code made it safe HTML (markupsafe.Markup)."""
from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from sitekit.diskcache import private_dir


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process. Each language's build
    makes new environments, which would compile every template again; Jinja checks
    each cached entry against a checksum of the template's source, so an edited
    template is compiled anew. Autoescaping changes the compiled code, so an
    autoescaping environment and a plain one each need their own cache."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


class DiskBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates kept on disk between builds (sitekit.diskcache), as Python keeps
    .pyc files: compiling our partials was a tenth of a second of every build. Jinja's
    own cache: files replaced whole, each entry checked against a checksum of the
    template's source. A cache that cannot be read or written is passed by."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _partials_cache() -> BytecodeCache:
    folder = private_dir()
    if folder is None:  # no private temp folder: keep them for this process only
        return MemoryBytecodeCache()
    # Its own file names: the autoescaping environment compiles to other code.
    return DiskBytecodeCache(str(folder), pattern="jinja-partials-%s.cache")


# The theme's own environment (hooks/templates.py): in memory, for one build's languages.
# Not on disk: the build benchmark compares a build with its hooks-off twin, which
# compiles Material's templates anew, and Material's compiling is not the hooks' cost.
THEME_CACHE = MemoryBytecodeCache()
_PARTIALS_CACHE = _partials_cache()


def autoescaping(theme_env: Environment) -> Environment:
    """The theme's environment with autoescaping, and the partials' string lookup."""
    env = theme_env.overlay(autoescape=True, bytecode_cache=_PARTIALS_CACHE)
    env.globals["interface_strings"] = _interface_strings(env)
    return env


def partials_env(theme: Any) -> Environment:
    """One autoescaping environment per theme object, shared by the hooks: making an
    environment and compiling the partials again for each hook is slow. A new build
    (each `mkdocs serve` rebuild) has a new theme object, so templates never go stale;
    the language is read from the config when a partial renders, not when it compiles."""
    env = getattr(theme, "_inkl_partials_env", None)
    if env is None:
        env = autoescaping(theme.get_env())
        theme._inkl_partials_env = env
    return env


class InterfaceStrings:
    """partials/strings.html's `t(key)` for one language, in Python: the quiz partial
    looks up about 170 strings a quiz, and a Jinja macro call costs several times a
    method call (a fifth of the time to render a quiz). The same strings, the same
    fallback (bokmål, then the key) and the same escaping as the macro's."""

    def __init__(self, current: dict[str, str], fallback: dict[str, str]) -> None:
        self._strings = {**fallback, **current}

    def t(self, key: str) -> Markup:
        return escape(self._strings.get(key, key))


def _interface_strings(env: Environment):
    """The `interface_strings(language)` global of the partials: `{% set strings =
    interface_strings(config.theme.language) %}` stands for the macro import."""
    made: dict[str, InterfaceStrings] = {}

    def interface_strings(language: str) -> InterfaceStrings:
        if language not in made:
            module = lambda name: env.get_template(f"partials/strings/{name}.html").module  # noqa: E731
            made[language] = InterfaceStrings(module(language).strings, module("nb").strings)
        return made[language]

    return interface_strings
