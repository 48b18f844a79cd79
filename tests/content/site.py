"""The built site as pages the checks can read: language, twin, section, the
content area and its visible text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

import yaml

from content.dom import Node, has_class, parse_html

from sitekit.links import is_local, source_of

# Locale → folder of its pages in the built site. Bokmål, the default, is at the root.
LANGUAGES = {"nb": "", "en": "en/"}
DEFAULT_LANGUAGE = "nb"
LANGUAGE_NAMES = {"nb": "bokmål", "en": "English", "nn": "nynorsk", "sv": "Swedish", "da": "Danish"}  # nynorsk: titles of sources

# The heading (h2) that starts a page's sources section, in each language.
SOURCES_HEADINGS = {"nb": "Kilder", "en": "Sources"}

# Not visible prose: code, keyboard keys, navigation, and the ¶ permalinks.
SKIP_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "nav", "template"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements whose text is a unit of its own: a sentence never runs across them.
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr",
    "label", "legend", "li", "main", "ol", "p", "section", "summary", "table", "td", "text",
    "th", "tr", "ul", *HEADINGS,
}
# Attributes whose text a reader gets: text alternatives, labels, tooltips.
TEXT_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")

# Web, mail and bare domain addresses (nav.no/arbeidsgiver) are not words.
URL = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+"
    r"|\S+@\S+\.\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:no|com|org|net|edu|gov|int|eu|dk|se|fi|is|uk|de|io)\b(?:/\S*)?",
    re.IGNORECASE,
)


def skipped(node: Node) -> bool:
    return node.tag in SKIP_TAGS or "headerlink" in node.classes


def strip_urls(text: str) -> str:
    return " ".join(URL.sub(" ", text).split())


@dataclass(frozen=True)
class Run:
    """A stretch of visible text in one language, in one place on the page."""
    text: str
    lang: str
    heading: str  # the heading it stands under (its own text for a heading)
    block: int  # runs with the same number are in the same paragraph, item or cell
    # "text", "heading", "attribute" (alt, aria-label, title) or, from the head,
    # "title" and "description"
    kind: str = "text"
    in_table: bool = False
    in_svg: bool = False
    in_sources: bool = False  # in the sources section (its heading and all after it)
    image: str = ""  # the SVG file the text is in, for text in an <img src="….svg">


class _RunWalker:
    def __init__(self, page_lang: str) -> None:
        self.page_lang = page_lang
        self.runs: list[Run] = []
        self.buffer: list[str] = []
        self.context: tuple | None = None
        self.block = 0
        self.heading = ""
        self.in_sources = False

    def flush(self) -> None:
        text = strip_urls("".join(self.buffer))
        if text and self.context:
            lang, kind, in_table, in_svg = self.context
            self.runs.append(Run(text, lang, self.heading, self.block, kind, in_table, in_svg, self.in_sources))
        self.buffer = []

    def new_block(self) -> None:
        self.flush()
        self.block += 1

    def emit(self, text: str, context: tuple) -> None:
        if context != self.context:
            self.flush()
            self.context = context
        self.buffer.append(text)

    def walk(self, node: Node, lang: str, kind: str = "text", in_table: bool = False, in_svg: bool = False) -> None:
        if skipped(node):
            return
        lang = node.attrs.get("lang") or node.attrs.get("xml:lang") or lang
        in_table = in_table or node.tag == "table"
        in_svg = in_svg or node.tag == "svg"
        block = node.tag in BLOCKS or node.tag == "svg"
        if block:
            self.new_block()
        if node.tag in HEADINGS:
            self.heading = node.text(skipped)
            if HEADINGS[node.tag] == 2:
                self.in_sources = self.heading in SOURCES_HEADINGS.values()
            kind = "heading"
        for attribute in TEXT_ATTRIBUTES:
            if node.attrs.get(attribute, "").strip():
                # An abbreviation's meaning comes from the glossary in the page's
                # language, even inside a phrase marked as another language.
                said_in = self.page_lang if node.tag == "abbr" and attribute == "title" else lang
                self.emit(node.attrs[attribute], (said_in, "attribute", in_table, in_svg))
                self.flush()
        for child in node.children:
            if isinstance(child, str):
                self.emit(child, (lang, kind, in_table, in_svg))
            else:
                self.walk(child, lang, kind, in_table, in_svg)
        if block:
            self.new_block()


def with_headings(content: Node) -> Iterator[tuple[Node, str]]:
    """Every element in `content`, with the text of the last heading before it."""
    heading = ""
    for node in content.iter():
        if node.tag in HEADINGS:
            heading = node.text(skipped)
        yield node, heading


def text_runs(content: Node, lang: str) -> list[Run]:
    """The visible text of `content` in document order, each run with its language
    (the nearest `lang` attribute, else `lang`) and its place."""
    walker = _RunWalker(lang)
    walker.walk(content, lang)
    walker.flush()
    return walker.runs


FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def front_matter(markdown: str) -> dict:
    match = FRONT_MATTER.match(markdown)
    meta = yaml.safe_load(match.group(1)) if match else None
    return meta if isinstance(meta, dict) else {}


@dataclass(eq=False)
class Page:
    path: str  # the built file, relative to the site: 'en/om/kilder/index.html'
    document: Node
    source: str | None = None  # its Markdown file: 'docs/om/kilder.en.md'
    meta: dict = field(default_factory=dict)  # the source's front matter
    site: Path | None = None  # the built site, to read the SVG images the page shows

    @classmethod
    def from_html(cls, path: str, html: str, source: str | None = None, meta: dict | None = None, site: Path | None = None) -> Page:
        return cls(path, parse_html(html), source, meta or {}, site)

    @property
    def name(self) -> str:
        """How problems name the page: its source file, or the built file."""
        return self.source or self.path

    @property
    def url(self) -> str:
        return self.path.removesuffix("index.html")

    @cached_property
    def lang(self) -> str:
        html = self.document.find(lambda node: node.tag == "html")
        if html is not None and html.attrs.get("lang"):
            return html.attrs["lang"]
        return next((lang for lang, prefix in LANGUAGES.items() if prefix and self.path.startswith(prefix)), DEFAULT_LANGUAGE)

    @property
    def key(self) -> str:
        """The same for a page and its twins: the URL without the language folder."""
        prefix = LANGUAGES.get(self.lang, "")
        return self.url[len(prefix):] if prefix and self.url.startswith(prefix) else self.url

    @property
    def section(self) -> str:
        """The top folder of the page ('mentor', 'om'), '' for the landing page."""
        return self.key.split("/")[0] if "/" in self.key else ""

    @cached_property
    def article(self) -> Node:
        """The page content (Material's `article.md-content__inner`); the whole
        document for HTML that has none."""
        return self.document.find(has_class("md-content__inner", "article")) or self.document

    @cached_property
    def headings(self) -> list[tuple[int, str]]:
        """(level, text) of every heading in the content, in order."""
        return [(HEADINGS[node.tag], node.text(skipped)) for node in self.article.iter() if node.tag in HEADINGS]

    @cached_property
    def runs(self) -> list[Run]:
        return text_runs(self.article, self.lang)

    @cached_property
    def image_runs(self) -> list[Run]:
        """The text inside the SVG images the content shows with <img>: chart and
        figure labels, and the SVG's own title and description."""
        runs: list[Run] = []
        if self.site is None:
            return runs
        for node, heading in with_headings(self.article):
            src = node.attrs.get("src", "") if node.tag == "img" else ""
            if not src.split("?")[0].endswith(".svg") or not is_local(src):
                continue
            path = unquote(urlsplit(src).path)
            file = (self.site / path.lstrip("/")) if path.startswith("/") else (self.site / self.path).parent / path
            if file.is_file():
                svg = parse_html(file.read_text(encoding="utf-8"))
                runs += [replace(run, heading=heading, image=src, in_svg=True) for run in text_runs(svg, self.lang)]
        return runs

    @cached_property
    def head_runs(self) -> list[Run]:
        """The title and the description, which search results and link cards show."""
        runs = []
        for node in self.document.iter():
            if node.tag == "title" and node.text():
                runs.append(Run(node.text(), self.lang, "", -1, "title"))
            elif node.tag == "meta" and node.attrs.get("name") == "description" and node.attrs.get("content"):
                runs.append(Run(node.attrs["content"], self.lang, "", -1, "description"))
        return runs


def load_site(site: Path, docs_dir: Path | None = None) -> list[Page]:
    """Every HTML page of a built site. With `docs_dir`, each page knows its
    Markdown source and that source's front matter."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        source = meta = None
        if docs_dir is not None:
            found = source_of(path, docs_dir, list(LANGUAGES.values()))
            if found:
                source = f"{docs_dir.name}/{found}"
                meta = front_matter((docs_dir / found).read_text(encoding="utf-8"))
        pages.append(Page(path, parse_html(file.read_text(encoding="utf-8")), source, meta or {}, site))
    return pages


def where(heading: str) -> str:
    """A heading as a place on the page."""
    return f"under «{heading}»" if heading else "at the top"


def place(run: Run) -> str:
    """Where a run of text is, for a reader of a problem report."""
    if run.kind == "title":
        return "in the page title"
    if run.kind == "description":
        return "in the front matter description"
    if run.image:
        return f"{where(run.heading)}, in the image {run.image}"
    return where(run.heading) + (" (in an alt, aria-label or title text)" if run.kind == "attribute" else "")
