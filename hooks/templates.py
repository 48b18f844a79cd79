"""Compile the theme's templates once per process, not once per language: the i18n
plugin builds each language with a new Jinja environment (see sitekit.templates).
And tell the templates which interface strings the scripts use (sitekit.script_strings)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitekit.script_strings import json_for_scripts, used_by_scripts
from sitekit.templates import THEME_CACHE


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = THEME_CACHE
    # partials/strings.html: the page's JSON holds only these (read anew on every build).
    env.globals["for_scripts"] = used_by_scripts(Path(config.theme.custom_dir) / "assets/js")
    env.globals["strings_json"] = json_for_scripts(env.globals["for_scripts"])
    return env
