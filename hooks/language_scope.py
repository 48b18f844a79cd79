"""Give each language its own search index, 404 page and sitemap.

mkdocs-static-i18n builds the English site by running the build again inside the
bokmål build's `on_post_build`. So `on_post_build` here runs once per language,
and the last run (the bokmål one, after i18n's own handler) sees the whole site."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitekit.languages import current_locale, site_languages
from sitekit.scope import drop_head_alternates, language_sitemap, scope_config_base, split_search_index


def _is_default_build(config: MkDocsConfig) -> bool:
    return current_locale(config) == site_languages(config)[0].locale


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not _is_default_build(config):
        output = scope_config_base(output, current_locale(config))
    return drop_head_alternates(output)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Write a non-default language's 404 page into its own folder instead of over
    the default one (MkDocs writes every 404 to the site root)."""
    if template_name != "404.html":
        return output
    # i18n leaves the alternates of the last page built in the config: drop them here too.
    output = drop_head_alternates(output)
    if _is_default_build(config):
        return output
    locale = current_locale(config)
    target = Path(config.site_dir, locale, "404.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scope_config_base(output, locale), encoding="utf-8")
    return ""  # MkDocs skips writing an empty template


@event_priority(-200)  # after i18n (-100), which builds the other languages in its handler
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # an inner, per-language build: the whole site is not there yet
    site = Path(config.site_dir)
    languages = site_languages(config)

    index_path = site / "search" / "search_index.json"
    if index_path.exists():
        merged = json.loads(index_path.read_text(encoding="utf-8"))
        split = split_search_index(merged, {lang.locale: lang.prefix for lang in languages})
        for lang in languages:
            target = site / lang.prefix / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(split[lang.locale], ensure_ascii=False), encoding="utf-8")

    sitemap_path = site / "sitemap.xml"
    if sitemap_path.exists():
        sitemap = sitemap_path.read_text(encoding="utf-8")
        for lang in languages[1:]:
            root_url = config.site_url.rstrip("/") + "/" + lang.prefix
            (site / lang.prefix / "sitemap.xml").write_text(
                language_sitemap(sitemap, root_url), encoding="utf-8"
            )
