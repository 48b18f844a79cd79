"""The mentor guide (issue 6): every page in both languages with the same outline,
a checklist and a «Husk»/«Remember» tip on each of the six steps, and the
three-leaf clover figure with a text alternative in both languages."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

# The guide's pages, as site-relative URLs of the bokmål pages.
GUIDE = [
    "mentor/", "mentor/start/", "mentor/hva-er-en-mentor/", "mentor/rollens-grenser/",
    "mentor/steg/", *[f"mentor/steg/{step}/" for step in (
        "1-forste-mote", "2-tilpasset", "3-forventninger", "4-fellesskap", "5-mestring", "6-stotteapparat",
    )],
    "mentor/treklover/", "mentor/utfordringer/", "mentor/penger-og-hjelp/",
    "mentor/for-lederen/", "mentor/for-kolleger/",
    "mentor/sjekklister/", "mentor/sjekklister/forste-dag/", "mentor/sjekklister/ukeplan/",
    "mentor/sjekklister/oppfolgingsmote/", "mentor/litteratur/",
]
STEPS = [url for url in GUIDE if url.startswith("mentor/steg/") and url != "mentor/steg/"]
SOURCES = {"nb": "Kilder", "en": "Sources"}
TIP = {"nb": "Husk", "en": "Remember"}


class _Article(HTMLParser):
    """Headings, task lists, tips and figures inside Material's content area."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 while inside article.md-content__inner
        self.headings: list[tuple[int, str]] = []
        self.task_items = 0
        self.tips: list[str] = []
        self.images: list[dict[str, str]] = []  # <img> inside a <figure>
        self.figcaptions = 0
        self._heading: int | None = None
        self._text = ""
        self._tip_title = False
        self._in_figure = False

    def handle_starttag(self, tag, attrs):
        values = {key: value or "" for key, value in attrs}
        classes = values.get("class", "").split()
        if tag == "article" and "md-content__inner" in classes:
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "article":
            self.depth += 1
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading, self._text = int(tag[1]), ""
        elif tag == "li" and "task-list-item" in classes:
            self.task_items += 1
        elif tag == "p" and "admonition-title" in classes:
            self._tip_title, self._text = True, ""
        elif tag == "div" and "admonition" in classes and "tip" in classes:
            self.tips.append("")
        elif tag == "figure":
            self._in_figure = True
        elif tag == "img" and self._in_figure:
            self.images.append(values)
        elif tag == "figcaption":
            self.figcaptions += 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "article":
            self.depth -= 1
        elif self._heading and tag == f"h{self._heading}":
            self.headings.append((self._heading, self._text.replace("¶", "").strip()))
            self._heading = None
        elif tag == "p" and self._tip_title:
            if self.tips and not self.tips[-1]:
                self.tips[-1] = self._text.strip()
            self._tip_title = False
        elif tag == "figure":
            self._in_figure = False

    def handle_data(self, data):
        if self._heading or self._tip_title:
            self._text += data


def read(site: Path, url: str) -> _Article:
    page = site / url / "index.html"
    assert page.is_file(), f"missing page: /{url}"
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("url", GUIDE)
def test_each_guide_page_has_the_same_outline_in_both_languages(site: Path, url: str) -> None:
    nb, en = read(site, url), read(site, f"en/{url}")
    assert [level for level, _ in nb.headings] == [level for level, _ in en.headings], url
    for lang, page in (("nb", nb), ("en", en)):
        levels = [level for level, _ in page.headings]
        assert levels.count(1) == 1 and levels[0] == 1, (lang, url)
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), (lang, url, levels)
        texts = [text for _, text in page.headings]
        assert len(texts) == len(set(texts)), (lang, url, texts)
        assert [text for level, text in page.headings if level == 2][-1] == SOURCES[lang], (lang, url)
    assert nb.task_items == en.task_items, url


@pytest.mark.parametrize("url", STEPS)
def test_each_step_has_a_checklist_and_one_thing_to_remember(site: Path, url: str) -> None:
    for lang, prefix in (("nb", ""), ("en", "en/")):
        page = read(site, prefix + url)
        assert page.task_items >= 3, (lang, url)
        assert page.tips == [TIP[lang]], (lang, url, page.tips)


def test_the_guide_links_every_page_from_its_landing_page(site: Path) -> None:
    for prefix in ("", "en/"):
        html = (site / prefix / "mentor/index.html").read_text(encoding="utf-8")
        for url in GUIDE[1:]:
            target = url.removeprefix("mentor/")
            assert f'href="{target}"' in html, (prefix, url)


@pytest.mark.parametrize(("prefix", "lang"), [("", "nb"), ("en/", "en")])
def test_the_clover_figure_has_a_text_alternative(site: Path, prefix: str, lang: str) -> None:
    page = read(site, f"{prefix}mentor/treklover/")
    # One figure: the light drawing and its dark twin (Material shows one of them by
    # the colour scheme, #only-light / #only-dark), both with the same text alternative.
    assert len(page.images) == 2 and page.figcaptions == 1
    assert [image["src"] for image in page.images] == ["../img/treklover.svg#only-light", "../img/treklover-dark.svg#only-dark"]
    assert page.images[0].get("alt") == page.images[1].get("alt") and len(page.images[0].get("alt", "")) > 40
    for name in ("treklover.svg", "treklover-dark.svg"):
        svg = (site / prefix / "mentor/img" / name).read_text(encoding="utf-8")
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert f'xml:lang="{lang}"' in svg
        assert 'font-family="sans-serif"' in svg and "@font-face" not in svg and "@import" not in svg


def test_the_clover_figure_differs_between_the_languages(site: Path) -> None:
    nb = (site / "mentor/img/treklover.svg").read_text(encoding="utf-8")
    en = (site / "en/mentor/img/treklover.svg").read_text(encoding="utf-8")
    assert "Kandidaten" in nb and "The candidate" in en
    assert nb != en
