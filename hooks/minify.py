"""Our scripts and styles minified in the built site, and pages without their
indentation (see sitekit.minify)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitekit.minify import compact_html, minify_site


def on_post_build(*, config: MkDocsConfig) -> None:
    minify_site(Path(config.site_dir))


@event_priority(-900)  # after the hooks that change the page, before the CSP check (-1000) reads it
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return compact_html(output)
