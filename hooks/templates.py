"""Compile the theme's templates once per process, not once per language: the i18n
plugin builds each language with a new Jinja environment (see sitekit.templates)."""
from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitekit.templates import THEME_CACHE


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = THEME_CACHE
    return env
