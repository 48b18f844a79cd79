"""«Who to call»: render the `<!-- contacts: card -->` and `<!-- contacts: sheet -->`
markers (see sitekit.contacts) through overrides/partials/contacts.html."""
from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitekit.contacts import CARD_ID, MARKER, ROLES, ContactsError, card_page, render
from sitekit.templates import partials_env

# The theme's autoescaping environment, made once per build (making one is slow).
_env: Environment | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _env
    _env = partials_env(config.theme)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # Every page is read by now: the sheets can find the card's page in this language.
    if not page.content or not MARKER.search(page.content):
        return context
    name = f"docs/{page.file.src_uri}"
    card = card_page(nav.pages)
    if card is None:
        raise ContactsError(f"{name}: a contacts sheet needs the card '<!-- contacts: card -->' on a page of this language.")
    edit = get_relative_url(card.url, page.url) + "#" + CARD_ID
    partial = _env.get_template("partials/contacts.html")
    page.content = render(page.content, name, lambda kind: partial.render(config=config, page=page, kind=kind, roles=ROLES, edit=edit))
    page.meta["contacts"] = True  # main.html loads assets/js/contacts.js and its strings
    return context
