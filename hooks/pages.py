"""Every page's source and front matter, checked before MkDocs reads them, and the
texts that templates print as they are (titles, descriptions, nav labels) escaped
(see sitekit.pages)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.languages import current_locale, site_languages
from sitekit.pages import check_all_sources, escape_nav_titles, escaped_meta, labelled_headerlinks, title_first_in_toc


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Every page of both languages, checked once before anything is rendered (the other
    languages' passes, which i18n runs inside this build, need no second look)."""
    if config.plugins["i18n"].building:
        return
    skip = [spec for spec in (config.exclude_docs,) if spec is not None]
    check_all_sources(
        Path(config.docs_dir), [lang.locale for lang in site_languages(config)[1:]],
        lambda path: any(spec.match_file(path) for spec in skip),
    )


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    escaped_meta(page.meta)
    return markdown


@event_priority(-110)  # after i18n (-100) has put in the translated labels
def on_nav(nav: Navigation, *, config: MkDocsConfig, files) -> Navigation:
    escape_nav_titles(nav.items)
    return nav


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    title_first_in_toc(page)
    return labelled_headerlinks(html, current_locale(config))
