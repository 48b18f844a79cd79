"""Abbreviations explained on every page, and the glossary page, from docs/data/ordliste.yml."""
from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.glossary import (
    MARKER, Glossary, GlossaryError, abbreviations, focusable_first_abbreviations, load_glossary, sorted_terms,
)
from sitekit.languages import current_locale

FILE = "data/ordliste.yml"  # under docs/

# Read at the start of each build (each language, each serve rebuild): never stale.
_glossary = Glossary()


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _glossary
    path = Path(config.docs_dir) / FILE
    if not path.is_file():
        # Every page's abbreviations and the glossary page come from it: without it
        # the site would build with an empty glossary and no one would notice.
        raise GlossaryError(f"docs/{FILE} is missing: the glossary page and every page's abbreviations come from it.")
    _glossary = load_glossary(path, f"docs/{FILE}")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs makes each page's Markdown parser from config.mdx_configs right after this
    # event, so the abbreviations of the language being built apply to every page; a
    # page's own `*[ABBR]: …` line still wins on that page.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = abbreviations(_glossary, current_locale(config))
    return markdown


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = focusable_first_abbreviations(content)
    if MARKER.search(content):
        items = "".join(
            f'<dt id="{html.escape(entry["id"])}">{html.escape(entry["name"])}</dt>'
            f'<dd>{html.escape(entry["meaning"])}</dd>'
            for entry in sorted_terms(_glossary, current_locale(config))
        )
        content = MARKER.sub(lambda _: f'<dl class="inkl-glossary">{items}</dl>', content)
    return content
