"""Our scripts and styles minified in the built site (see sitekit.minify)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitekit.minify import minify_site


def on_post_build(*, config: MkDocsConfig) -> None:
    minify_site(Path(config.site_dir))
