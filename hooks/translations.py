"""Stop the build when a page or a nav label is missing in a language (a missing page
description: hooks/pages.py)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sitekit.languages import site_languages
from sitekit.translations import missing_nav_labels, missing_twins, pages_not_in_nav


def on_pre_build(*, config: MkDocsConfig) -> None:
    languages = site_languages(config)
    default, others = languages[0], languages[1:]
    problems = missing_twins(Path(config.docs_dir), default.locale, [lang.locale for lang in others])
    for lang in others:
        problems += missing_nav_labels(config.nav, lang.locale, lang.nav_translations)
    if problems:
        raise PluginError("Missing translations:\n  " + "\n  ".join(problems))
    # Before MkDocs builds the nav: a page left out of it is named here, first.
    skip = [spec for spec in (config.exclude_docs, config.not_in_nav) if spec is not None]
    left_out = pages_not_in_nav(
        Path(config.docs_dir), config.nav, [lang.locale for lang in others],
        lambda path: any(spec.match_file(path) for spec in skip),
    )
    if left_out:
        raise PluginError("A page is missing from the navigation:\n  " + "\n  ".join(left_out))

