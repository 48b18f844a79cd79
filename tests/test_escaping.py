"""Text from data and front matter reaches HTML, SVG and attributes escaped.

One build of the site with markup planted in every field an author fills in (figure
labels, glossary meanings, module answers and objectives, titles, descriptions, nav
labels), then every built page is parsed as a browser would: no planted element,
event handler or javascript: link may exist, and the planted text must show as text."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebuild import build, copy_project

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(1)>"
QUOTE = 'Before " onmouseover="alert(1) after'


class _Planted(HTMLParser):
    """What of the planted markup a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "img" and ("src", "x") in attrs:
            self.found.append("<img src=x>")
        self._script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("planted"))
    docs = project / "docs"
    figure = docs / "data/figurer/tabell-3.yml"
    _replace(figure, '{nb: "Arbeidsgiver", en: "Employer"}', f'{{nb: "{SVG}", en: "{SVG}"}}')
    _replace(figure, '{nb: "Prosent", en: "Per cent"}', f'{{nb: "{IMG}", en: "{IMG}"}}')
    _replace(figure, '  nb: "Hvem som tok initiativet til å bruke mentortilskuddet"', f'  nb: "{SCRIPT}"')
    glossary = docs / "data/ordliste.yml"
    _replace(glossary, "      nb: arbeidsgiver\n", f'      nb: "{IMG} og {SCRIPT}"\n')
    for suffix in (".md", ".en.md"):
        module = docs / f"kurs/modul-1{suffix}"
        text = module.read_text(encoding="utf-8")
        text = re.sub(r'^title: .*$', f'title: "Modul 1 {IMG}"', text, count=1, flags=re.M)
        text = re.sub(r'^description: .*$', f"description: '{QUOTE}'", text, count=1, flags=re.M)
        text = re.sub(r"^  answers:\n", f'  answers:\n    - "{SCRIPT}"\n', text, count=1, flags=re.M)
        module.write_text(text, encoding="utf-8")
        session = docs / f"team/modul-1{suffix}"
        text = session.read_text(encoding="utf-8")
        session.write_text(re.sub(r'^title: .*$', f'title: "Økt {SVG}"', text, count=1, flags=re.M), encoding="utf-8")
    # A module objective (in the module's quiz), on the module page and the printout.
    quiz = project / "quizzes/kurs-modul-1.yml"
    text = quiz.read_text(encoding="utf-8")
    text = re.sub(r"^(objectives:\n  - id: \S+\n    text:\n)      nb: .*\n      en: .*\n",
                  rf'\g<1>      nb: "{IMG}"\n      en: "{IMG}"\n', text, count=1, flags=re.M)
    assert IMG in text
    quiz.write_text(text, encoding="utf-8")
    _replace(project / "mkdocs.yml", "            Kurs: Course\n", f"            Kurs: 'Course {IMG}'\n")
    site = tmp_path_factory.mktemp("planted-site")
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_nothing_planted_runs_on_any_page(planted_site: Path) -> None:
    found = {}
    for page in sorted(planted_site.rglob("*.html")):
        parser = _Planted()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[page.relative_to(planted_site).as_posix()] = parser.found[:3]
    assert not found, found


@pytest.mark.parametrize(("path", "shown"), [
    # Figure labels in the SVG chart and in the table, and the title in <title> and <caption>.
    ("forskning/afi/nullpunktsanalysen", "&lt;svg onload=alert(1)&gt;"),
    ("en/forskning/afi/nullpunktsanalysen", "&lt;img src=x onerror=alert(1)&gt;"),
    ("forskning/afi/nullpunktsanalysen", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
    # Module answers, objectives and title, on the module and on the printout.
    ("kurs/modul-1", "<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li>"),
    ("en/kurs/modul-1", '<li id="mal-forklare-begrepet">&lt;img src=x onerror=alert(1)&gt;</li>'),
    ("kurs/utskrift", "<li>&lt;img src=x onerror=alert(1)&gt;</li>"),
    ("kurs", "Modul 1 &lt;img src=x onerror=alert(1)&gt;"),
    # The session plan's title in its heading and in the next plan's link back.
    ("team/modul-1", "Økt &lt;svg onload=alert(1)&gt;"),
    ("team/modul-2", "Økt &lt;svg onload=alert(1)&gt;"),
    # A glossary meaning, on the glossary page and in every page's abbreviation titles.
    ("om/ordliste", "&lt;img src=x onerror=alert(1)&gt; og &lt;script&gt;"),
    # A translated nav label.
    ("en/om", "Course &lt;img src=x onerror=alert(1)&gt;"),
])
def test_planted_text_shows_as_text(planted_site: Path, path: str, shown: str) -> None:
    assert shown in _page(planted_site, path)


def test_a_quote_in_a_description_stays_inside_the_attribute(planted_site: Path) -> None:
    html = _page(planted_site, "kurs/modul-1")
    escaped = "Before &#34; onmouseover=&#34;alert(1) after"
    assert f'<meta name="description" content="{escaped}">' in html
    assert f'<meta property="og:description" content="{escaped}">' in html


def test_the_title_element_holds_the_escaped_title(planted_site: Path) -> None:
    title = re.search(r"<title>(.*?)</title>", _page(planted_site, "en/kurs/modul-1"), re.S).group(1)
    assert "&lt;img src=x onerror=alert(1)&gt;" in title
