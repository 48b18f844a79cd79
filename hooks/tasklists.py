"""Checklist boxes are marks to tick on paper, not form fields.

pymdownx.tasklist draws each box as a disabled checkbox without a name, which
axe-core reports (rule `label`) and screen readers announce as an unnamed,
unusable control. Hiding the box from assistive technology leaves a plain list,
which says the same: the items to do."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitekit.tasklists import hide_checkboxes


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return hide_checkboxes(html)
