"""Stop the build on a broken local link anywhere in the built HTML, or a link from
one language's page to another's that does not say so (see sitekit.links)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.languages import site_languages
from sitekit.links import check_site, source_of


SHOWN = 30  # a few hundred lines would bury the first, which usually explains the rest


@event_priority(-300)  # last: after the other languages are built and hooks have run
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    languages = site_languages(config)
    broken = check_site(
        Path(config.site_dir),
        urlsplit(config.site_url or "/").path or "/",
        {lang.prefix: lang.locale for lang in languages},
    )
    if not broken:
        return
    prefixes = [lang.prefix for lang in languages]
    lines = []
    for link in broken:
        source = source_of(link.page, Path(config.docs_dir), prefixes)
        where = f"docs/{source} (built as {link.page})" if source else link.page
        lines.append(f"{where}: link '{link.url}' {link.reason}")
    shown = lines[:SHOWN]
    if len(lines) > SHOWN:
        shown.append(f"... and {len(lines) - SHOWN} more")
    raise PluginError(f"{len(broken)} broken or misplaced link(s) in the built site:\n  " + "\n  ".join(shown))
