"""Stop the build when a page, a nav label or a page description is missing in a language."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from sitekit.languages import site_languages
from sitekit.translations import missing_description, missing_nav_labels, missing_twins


def on_pre_build(*, config: MkDocsConfig) -> None:
    languages = site_languages(config)
    default, others = languages[0], languages[1:]
    problems = missing_twins(Path(config.docs_dir), default.locale, [lang.locale for lang in others])
    for lang in others:
        problems += missing_nav_labels(config.nav, lang.locale, lang.nav_translations)
    if problems:
        raise PluginError("Missing translations:\n  " + "\n  ".join(problems))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if missing_description(page.meta):
        raise PluginError(
            f"docs/{page.file.src_uri}: front matter has no 'description'. Add one plain "
            "sentence (at most 155 characters) for search engines and link previews."
        )
    return markdown
