"""The Jinja environment for the site's own partials: the theme's (same loader,
filters and globals), with autoescaping on.

MkDocs makes the theme's environment without autoescape, and Material's templates
rely on that, so it cannot be switched on there. The partials the hooks render
(quizzes, figures, the course's lists and sheets) use this one instead: every value
is escaped unless our own code made it safe HTML (markupsafe.Markup)."""
from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


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


THEME_CACHE = MemoryBytecodeCache()  # the theme's own environment (hooks/templates.py)
_PARTIALS_CACHE = MemoryBytecodeCache()


def autoescaping(theme_env: Environment) -> Environment:
    return theme_env.overlay(autoescape=True, bytecode_cache=_PARTIALS_CACHE)


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
