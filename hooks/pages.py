"""Every page's source and front matter, checked before MkDocs reads them, and the
texts that templates print as they are (titles, descriptions, nav labels) escaped
(see sitekit.pages)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.pages import check_source, escape_nav_titles, escaped_meta, title_first_in_toc


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> None:
    """Check the file; MkDocs then reads it as usual (returning None lets it)."""
    check_source(Path(page.file.abs_src_path).read_bytes(), f"docs/{page.file.src_uri}")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    escaped_meta(page.meta)
    return markdown


@event_priority(-110)  # after i18n (-100) has put in the translated labels
def on_nav(nav: Navigation, *, config: MkDocsConfig, files) -> Navigation:
    escape_nav_titles(nav.items)
    return nav


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    title_first_in_toc(page)
    return html
