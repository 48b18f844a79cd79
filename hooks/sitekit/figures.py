"""Load figure data (see figure_model) and lay it out as a table and a bar chart.

Plain functions; hooks/figures.py calls them from MkDocs events. The chart's
geometry is computed here, so that the Jinja partial only draws."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sitekit import strict_yaml
from sitekit.datafile import DataError, load_all, read_yaml, validate
from sitekit.figure_model import Cell, Figure

MARKER = re.compile(r"<!--\s*figure:\s*([^\s>]*)\s*-->")

# Chart layout, in SVG user units (the SVG scales to the column's width).
WIDTH = 680
LABEL_WIDTH = 270  # right edge of the row labels
BAR_START = 280
BAR_SPACE = 300  # the longest bar
BAR_HEIGHT = 20
ROW_GAP = 10
TOP = 8
LABEL_CHARS = 38  # a longer label is broken over two lines

WORDS = {
    "nb": {"-": "–", "unreadable": "uleselig i kilden", "percent": "prosent", "count": "antall"},
    "en": {"-": "–", "unreadable": "unreadable in the source", "percent": "per cent", "count": "number"},
}


class FigureError(DataError):
    """Figure data that cannot be used; the message names the file and the row."""


def load_figure(path: Path, display: str | None = None) -> Figure:
    name = display or path.name
    data = read_yaml(path, name, FigureError, "a figure (a block of fields: id, title, source, unit, columns, rows)")
    figure_id = data.get("id") if isinstance(data.get("id"), str) else "?"

    def where(data_path: tuple[Any, ...]) -> list[str]:
        row = ""
        if data_path[:1] == ("rows",) and len(data_path) > 1 and isinstance(data_path[1], int):
            try:
                label = data["rows"][data_path[1]]["label"]["nb"]
                row = f"row {data_path[1] + 1} «{label}»"
            except (KeyError, IndexError, TypeError):
                row = f"row {data_path[1] + 1}"
        return [f"figure '{figure_id}'", row]

    figure = validate(Figure, data, name, FigureError, where=where)
    if figure.id != path.stem:
        raise FigureError(
            f"{name} (figure '{figure.id}', line {strict_yaml.line_of(data, ('id',))}): field 'id' must "
            f"be the file name without .yml, '{path.stem}'."
        )
    return figure


def load_figures(folder: Path, shown_as: str) -> dict[str, Figure]:
    """Every figure in `folder` (named `shown_as` in messages), by id."""
    return load_all(folder, shown_as, load_figure, FigureError)


def format_number(value: float | int, language: str) -> str:
    """As the language writes it: 0,5 in bokmål, 0.5 in English."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if language == "nb" else text


def format_cell(value: Cell, language: str) -> str:
    if isinstance(value, str):
        return WORDS[language][value]
    return format_number(value, language)


def _split_label(text: str) -> list[str]:
    """One or two lines, broken at the space nearest the middle."""
    if len(text) <= LABEL_CHARS or " " not in text:
        return [text]
    middle = len(text) // 2
    spaces = [i for i, char in enumerate(text) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return [text[:cut], text[cut + 1:]]


def chart(figure: Figure, language: str) -> dict[str, Any]:
    """Bars, labels and the SVG's height: one bar per row and column."""
    numbers = [v for row in figure.rows for v in row.values if not isinstance(v, str)]
    top_value = max(numbers, default=1) or 1
    suffix = " %" if figure.unit == "percent" else ""
    several = len(figure.columns) > 1
    bars, y = [], TOP
    for row in figure.rows:
        lines = _split_label(getattr(row.label, language))
        block = max(len(figure.columns) * (BAR_HEIGHT + 4) - 4, len(lines) * 16)
        for index, (column, value) in enumerate(zip(figure.columns, row.values)):
            bar_y = y + index * (BAR_HEIGHT + 4)
            length = 0 if isinstance(value, str) else round(BAR_SPACE * value / top_value, 1)
            shown = format_cell(value, language) + ("" if isinstance(value, str) else suffix)
            if several:  # the column's name beside the value: never colour alone
                shown = f"{getattr(column.label, language)}: {shown}"
            bars.append({
                "y": bar_y, "width": length, "series": index,
                "value_x": BAR_START + length + 6, "value_y": bar_y + BAR_HEIGHT / 2, "value": shown,
            })
        label_y = y + block / 2 - (len(lines) - 1) * 8
        bars[-len(figure.columns)]["label"] = [{"text": line, "y": label_y + i * 16} for i, line in enumerate(lines)]
        y += block + ROW_GAP
    return {"width": WIDTH, "height": y - ROW_GAP + TOP, "label_x": LABEL_WIDTH, "bar_x": BAR_START,
            "bar_height": BAR_HEIGHT, "bars": bars}


def description(figure: Figure, language: str) -> str:
    """The chart's text alternative: every label with its values."""
    suffix = " %" if figure.unit == "percent" else ""
    parts = []
    for row in figure.rows:
        values = [
            (f"{getattr(column.label, language)} " if len(figure.columns) > 1 else "")
            + format_cell(value, language) + ("" if isinstance(value, str) else suffix)
            for column, value in zip(figure.columns, row.values)
        ]
        parts.append(f"{getattr(row.label, language)}: {', '.join(values)}")
    return "; ".join(parts) + "."


def view_model(figure: Figure, language: str) -> dict[str, Any]:
    """What the Jinja partial needs, as plain text: the partial escapes it."""

    def text(value) -> str | None:
        return getattr(value, language) if value is not None else None

    return {
        "id": figure.id,
        "title": text(figure.title),
        "source": text(figure.source),
        "note": text(figure.note),
        "n": format_number(figure.n, language) if figure.n else None,
        "unit": WORDS[language][figure.unit],
        "row_header": text(figure.row_header),
        "columns": [{"label": text(c.label), "n": c.n} for c in figure.columns],
        "rows": [
            {"label": text(r.label), "group": text(r.group), "cells": [format_cell(v, language) for v in r.values]}
            for r in figure.rows
        ],
        "chart": chart(figure, language) if figure.chart else None,
        "description": description(figure, language),
    }
