"""Put a Content-Security-Policy into every built page (see sitekit.csp).

The policy holds the hashes of the page's inline scripts, so it is made from the
final HTML: `on_post_page` runs after every other hook that changes a page
(language_scope.py rewrites Material's config script there). The 404 pages are not
pages: language_scope.py writes the non-default ones itself from `on_post_template`,
so they get their policy from the files, once the whole site is built."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitekit.csp import add_policy
from sitekit.languages import site_languages

# `mkdocs serve` injects an inline live-reload script that changes on every request
# (see sitekit.csp.SERVING_SCRIPTS). One value per process: serve starts it once.
_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-1000)  # last: after every hook and plugin that changes the HTML
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return add_policy(output, name=f"docs/{page.file.src_uri}", serving=_serving)


@event_priority(-1000)  # after i18n (-100) has built the other languages, and language_scope (-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # an inner, per-language build: the other 404 pages are not written yet
    for lang in site_languages(config):
        built = Path(config.site_dir, lang.prefix, "404.html")
        if built.is_file():
            html = built.read_text(encoding="utf-8")
            name = f"overrides/404.html (built as {lang.prefix}404.html)"
            built.write_text(add_policy(html, name=name, serving=_serving), encoding="utf-8")
