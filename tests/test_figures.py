"""Figures from the sources: data files rendered into a table and a bar chart."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from axe import violations
from content.dom import parse_html
from sitebuild import DEMO_FIGURE, ROOT, add_demo_figure, assert_fails_cleanly, build, copy_project
from sitekit.figures import FigureError, description, format_cell, format_number, load_figure, view_model
from conftest import serving

DATA = ROOT / "docs/data/figurer"


def rendered_rows(html: str, figure_id: str) -> list[list[str]]:
    """The body rows of the figure's table as text, group rows left out."""
    figure = parse_html(html).find(lambda node: node.attrs.get("id") == f"figur-{figure_id}")
    assert figure is not None, f"figure {figure_id} is not on the page"
    body = figure.find(lambda node: node.tag == "tbody")
    return [
        [cell.text() for cell in row.children if not isinstance(cell, str)]
        for row in body.children
        if not isinstance(row, str) and "inkl-figure__group" not in row.classes
    ]


def expected_rows(path: Path, language: str) -> list[list[str]]:
    figure = load_figure(path)
    return [[getattr(row.label, language)] + [format_cell(v, language) for v in row.values] for row in figure.rows]


def pages_with(site: Path, figure_id: str) -> list[Path]:
    return [page for page in site.rglob("*.html") if f'id="figur-{figure_id}"' in page.read_text(encoding="utf-8")]


# -- every real data file: its figures are on the site, exactly ----------------------


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yml")), ids=lambda p: p.stem)
def test_every_figure_on_the_site_matches_its_data_file(site: Path, path: Path) -> None:
    pages = pages_with(site, path.stem)
    languages = {"en" if page.relative_to(site).parts[0] == "en" else "nb" for page in pages}
    assert languages == {"nb", "en"}, f"{path.name} is not shown in both languages"
    for page in pages:
        language = "en" if page.relative_to(site).parts[0] == "en" else "nb"
        assert rendered_rows(page.read_text(encoding="utf-8"), path.stem) == expected_rows(path, language), page


# -- the demo figure in a built copy -----------------------------------------------


@pytest.fixture(scope="module")
def figure_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("figure-project"))
    add_demo_figure(project)
    site = tmp_path_factory.mktemp("figure-site")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_table_has_every_figure_as_the_language_writes_it(figure_site: Path, language: str) -> None:
    page = figure_site / ("en/" if language == "en" else "") / "forskning/index.html"
    rows = rendered_rows(page.read_text(encoding="utf-8"), "figur-demo")
    assert rows == expected_rows(DEMO_FIGURE, language)
    assert rows[1][1] == {"nb": "0,5", "en": "0.5"}[language]
    assert rows[2][1] == {"nb": "uleselig i kilden", "en": "unreadable in the source"}[language]


def test_the_chart_is_an_image_with_a_title_and_every_value_in_its_description(figure_site: Path) -> None:
    html = (figure_site / "en/forskning/index.html").read_text(encoding="utf-8")
    svg = parse_html(html).find(lambda node: node.tag == "svg" and "inkl-chart" in node.classes)
    assert svg.attrs["role"] == "img"
    assert svg.find(lambda n: n.tag == "title").text() == "Contact with user and mentor"
    desc = svg.find(lambda n: n.tag == "desc").text()
    assert desc == "Weekly: User 14 %, Mentor 4 %; About once a month or a little less often than that: User 0.5 %, Mentor –; 2–3 times a month: User unreadable in the source, Mentor 42 %."
    values = [n.text() for n in svg.find_all(lambda n: n.tag == "text" and "inkl-chart__value" in n.classes)]
    assert values == ["User: 14 %", "Mentor: 4 %", "User: 0.5 %", "Mentor: –", "User: unreadable in the source", "Mentor: 42 %"]


def test_figure_data_is_not_published(figure_site: Path) -> None:
    assert not (figure_site / "data").exists()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/forskning/", "/en/forskning/"])
def test_axe_finds_no_violation_on_a_page_with_a_chart(page: Page, figure_site: Path, path: str, scheme: str) -> None:
    with serving(figure_site) as base:
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": 390, "height": 844})  # a phone: the chart scrolls
        page.goto(base + path)
        assert page.locator(".inkl-chart").count() == 1
        assert violations(page) == []


# -- formatting and layout --------------------------------------------------------------


@pytest.mark.parametrize(("value", "language", "expected"), [
    (0.5, "nb", "0,5"), (0.5, "en", "0.5"), (30, "nb", "30"), (12.25, "nb", "12,25"), (1.0, "en", "1"),
])
def test_format_number(value, language: str, expected: str) -> None:
    assert format_number(value, language) == expected


def test_the_partial_escapes_every_text_in_table_and_chart(tmp_path: Path) -> None:
    """The view model holds plain text; the partial (autoescaping) escapes it in the
    SVG's labels, title and description and in the table."""
    import jinja2
    import material
    from sitekit.templates import autoescaping

    data = yaml.safe_load(DEMO_FIGURE.read_text(encoding="utf-8"))
    data["rows"][0]["label"]["nb"] = "<b>Ukentlig</b>"
    data["title"]["nb"] = "<svg onload=alert(1)>"
    path = tmp_path / "figur-demo.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    figure = load_figure(path)
    assert view_model(figure, "nb")["rows"][0]["label"] == "<b>Ukentlig</b>"
    assert description(figure, "nb").startswith("<b>Ukentlig</b>: Bruker 14 %, Mentor 4 %")
    loader = jinja2.FileSystemLoader([ROOT / "overrides", Path(material.__file__).parent / "templates"])
    html = autoescaping(jinja2.Environment(loader=loader)).get_template("partials/figure.html").render(
        figure=view_model(figure, "nb"), config={"theme": {"language": "nb"}},
    )
    assert "<b>" not in html and "<svg onload" not in html
    assert html.count("&lt;b&gt;Ukentlig&lt;/b&gt;") >= 3  # chart label, description, table row
    assert html.count("&lt;svg onload=alert(1)&gt;") >= 3  # chart title, caption, table caption


# -- bad data stops the build with the file and the row ------------------------------------


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["rows"][1].update(values=[1]), "row 2 («Cirka én gang per måned eller litt sjeldnere enn det») has 1 values for 2 columns"),
    (lambda d: d["rows"][2].update(values=["ca. 40", 42]), "figure 'figur-demo', row 3 «2–3 ganger per måned», line "),
    (lambda d: d["title"].pop("en"), "field 'title.en' is missing"),
    (lambda d: d.update(unit="prosent"), "field 'unit' input should be 'percent' or 'count'"),
    (lambda d: d.update(id="annen"), "field 'id' must be the file name without .yml, 'figur-demo'"),
    (lambda d: d.update(rows=[]), "field 'rows' list should have at least 1 item"),
])
def test_malformed_figure_data_names_the_file_and_row(tmp_path: Path, change, expected: str) -> None:
    data = yaml.safe_load(DEMO_FIGURE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "figur-demo.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(FigureError) as caught:
        load_figure(path)
    assert "figur-demo.yml" in str(caught.value)
    assert expected in str(caught.value), str(caught.value)


def test_yes_and_no_in_figure_data_stay_text(tmp_path: Path) -> None:
    text = DEMO_FIGURE.read_text(encoding="utf-8").replace('label: {nb: "Bruker", en: "User"}', "label: {nb: ja, en: no}")
    path = tmp_path / "figur-demo.yml"
    path.write_text(text, encoding="utf-8")
    assert load_figure(path).columns[0].label.en == "no"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    add_demo_figure(project)
    return project


def test_a_malformed_data_file_fails_the_build_with_file_and_row(project: Path, tmp_path: Path) -> None:
    path = project / "docs/data/figurer/figur-demo.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("values: [14, 4]", "values: [14, fire]"), encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "docs/data/figurer/figur-demo.yml (figure 'figur-demo', row 1 «Ukentlig», line ")


def test_an_unknown_figure_fails_the_build(project: Path, tmp_path: Path) -> None:
    page = project / "docs/om/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- figure: tabell-99 -->\n", encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "docs/om/index.md: the marker '<!-- figure: tabell-99 -->' names no figure")


def test_a_figure_used_by_no_page_fails_the_build(project: Path, tmp_path: Path) -> None:
    (project / "docs/data/figurer/ekstra.yml").write_text(DEMO_FIGURE.read_text(encoding="utf-8").replace("id: figur-demo", "id: ekstra"), encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "docs/data/figurer/ekstra.yml: figure 'ekstra' is used by no page")
