"""The format of a figure: a table of figures from a source, kept as data.

One YAML file per table in docs/data/figurer/, every language's labels in it. The build
renders it where a page says `<!-- figure: id -->`, as an HTML table and, unless
`chart: false`, an SVG bar chart, in the page's language, from this one file."""
from __future__ import annotations

from typing import Literal, Union

from pydantic import Field, StrictFloat, StrictInt, model_validator

from sitekit.models import Id, Model, Text

# A cell: a number as in the source, "-" where the source prints a dash, or
# "unreadable" where the scan cannot be read with certainty (never guess).
Cell = Union[StrictInt, StrictFloat, Literal["-", "unreadable"]]


class Column(Model):
    label: Text
    n: StrictInt | None = Field(default=None, ge=1, description="Respondents behind this column, if the source gives it.")


class Row(Model):
    label: Text
    values: list[Cell] = Field(min_length=1)
    group: Text | None = Field(default=None, description="Starts a group of rows under this heading (Table 5).")


class Figure(Model):
    id: Id = Field(description="The same as the file name without .yml.")
    title: Text
    source: Text = Field(description="Where the figures come from, e.g. «AFI/OsloMet-rapporten, tabell 2».")
    unit: Literal["percent", "count"]
    row_header: Text = Field(description="The heading of the row labels, e.g. «Antall brukere».")
    n: StrictInt | None = Field(default=None, ge=1, description="Respondents in all, as the source gives it.")
    columns: list[Column] = Field(min_length=1)
    rows: list[Row] = Field(min_length=1)
    note: Text | None = None
    chart: bool = Field(default=True, description="Also draw a bar chart (false for tables a chart would not help).")

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Figure:
        for number, row in enumerate(self.rows, start=1):
            if len(row.values) != len(self.columns):
                raise ValueError(
                    f"row {number} («{row.label.nb}») has {len(row.values)} values for "
                    f"{len(self.columns)} columns"
                )
        return self
