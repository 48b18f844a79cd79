"""Turn `<!-- figure: id -->` markers into a table and a bar chart from docs/data/figurer/<id>.yml.

Loading, validation and layout live in sitekit.figures; this file only connects
them to MkDocs events (the same pattern as hooks/quizzes.py)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.figure_model import Figure
from sitekit.datafile import check_all_used, replace_markers
from sitekit.figures import MARKER, FigureError, load_figures, view_model
from sitekit.templates import partials_env
from sitekit.languages import current_locale

DATA = "data/figurer"  # under docs/; docs/data/ is excluded from the built site in mkdocs.yml

# Read at the start of each build (each language, each serve rebuild): never stale.
_figures: dict[str, Figure] = {}
_template: Template | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _figures, _template
    folder = Path(config.docs_dir) / DATA
    _figures = load_figures(folder, f"docs/{DATA}") if folder.is_dir() else {}
    _template = partials_env(config.theme).get_template("partials/figure.html")
    if not config.plugins["i18n"].building:  # the pages of every language, read once (the first language's build)
        check_all_used(_figures, Path(config.docs_dir), MARKER, "figure", f"docs/{DATA}", FigureError)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not MARKER.search(html):
        return html
    language = current_locale(config)

    def render(figure_id: str) -> str:
        return _template.render(figure=view_model(_figures[figure_id], language), config=config)

    return replace_markers(
        html, MARKER, f"docs/{page.file.src_uri}", _figures, render, "figure", f"docs/{DATA}", FigureError
    )
