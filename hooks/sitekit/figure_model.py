"""The format of a figure: a table of figures from a source, kept as data.

One YAML file per table in docs/data/figurer/, every language's labels in it. The build
renders it where a page says `<!-- figure: id -->`, as an HTML table and, unless
`chart: false`, an SVG bar chart, in the page's language, from this one file."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, StrictInt, model_validator

from sitekit.models import Id, Label, Model

# A cell: a number as in the source (never negative, never .nan or .inf), "-" where
# the source prints a dash, or "unreadable" where the scan cannot be read with
# certainty (never guess). A percent is at most 100 (checked in Figure).
Number = Union[
    Annotated[int, Field(strict=True, ge=0)],
    Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)],
]
Cell = Union[Number, Literal["-", "unreadable"]]


class Column(Model):
    label: Label
    n: StrictInt | None = Field(default=None, ge=1, description="Respondents behind this column, if the source gives it.")


class Row(Model):
    label: Label
    values: list[Cell] = Field(min_length=1)
    group: Label | None = Field(default=None, description="Starts a group of rows under this heading (Table 5).")


class Figure(Model):
    id: Id = Field(description="The same as the file name without .yml.")
    title: Label
    source: Label = Field(description="Where the figures come from, e.g. «AFI/OsloMet-rapporten, tabell 2».")
    unit: Literal["percent", "count"]
    row_header: Label = Field(description="The heading of the row labels, e.g. «Antall brukere».")
    n: StrictInt | None = Field(default=None, ge=1, description="Respondents in all, as the source gives it.")
    columns: list[Column] = Field(min_length=1)
    rows: list[Row] = Field(min_length=1)
    note: Label | None = None
    chart: bool = Field(default=True, description="Also draw a bar chart (false for tables a chart would not help).")

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Figure:
        for number, row in enumerate(self.rows, start=1):
            if len(row.values) != len(self.columns):
                raise ValueError(
                    f"row {number} («{row.label.nb[:60]}») has {len(row.values)} values for "
                    f"{len(self.columns)} columns"
                )
            if self.unit == "percent":
                over = [value for value in row.values if not isinstance(value, str) and value > 100]
                if over:
                    raise ValueError(f"row {number} («{row.label.nb[:60]}») has {over[0]} %, more than 100 %")
        return self
