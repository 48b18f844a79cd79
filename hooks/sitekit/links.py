"""Check every local link and reference in the built HTML, whatever wrote it.

MkDocs validates links in Markdown only. Raw HTML in a page, templates and HTML
that a hook injects (quizzes, figures) are checked here, on the built site.

A page also stays in its language: a link from a page of one language to an HTML
page of another is refused unless it says so with `hreflang` set to the target's
language. Material's language switcher (`a.md-select__link`) carries that mark
already; the 404 page's link to the other language's home page is marked in
overrides/404.html. Files that are not pages (CSS, JS, images, search index,
sitemap) belong to no language."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

# Attributes that make the browser fetch or navigate to a URL.
URL_ATTRIBUTES = {
    "a": "href", "link": "href", "area": "href",
    "img": "src", "script": "src", "iframe": "src", "source": "src",
    "audio": "src", "video": "src", "track": "src", "embed": "src", "object": "data",
}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # built file, relative to the site root
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: link '{self.url}' {self.reason}"


class Link(NamedTuple):
    url: str
    hreflang: str | None  # the language the link says its target is in, if it says


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.ids: set[str] = set()

    @property
    def urls(self) -> list[str]:
        return [link.url for link in self.links]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        attribute = URL_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) is not None:
            self.links.append(Link(values[attribute], values.get("hreflang")))


_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def element_ids(html: str) -> set[str]:
    """The ids in a page, quickly: for checking anchors where the links are not needed."""
    return set(_ID.findall(html))


def parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    return parser


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def resolve(site: Path, page: Path, url: str) -> Path | None:
    """The file a local URL on `page` points to, or None if there is none."""
    path = unquote(urlsplit(url).path)
    if not path:
        return page
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    candidates = [target / "index.html"] if path.endswith("/") else [target, target / "index.html"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.resolve()
    return None


def language_of(built: str, languages: Mapping[str, str]) -> str:
    """The language of a built file ('en/om/index.html' → 'en'), from `languages`,
    which maps each language's folder to its locale ({'': 'nb', 'en/': 'en'})."""
    folders = sorted((folder for folder in languages if folder and built.startswith(folder)), key=len)
    return languages[folders[-1] if folders else ""]


def check_site(site: Path, base_path: str = "/", languages: Mapping[str, str] | None = None) -> list[BrokenLink]:
    """Every broken local link in the built site. `base_path` is the path of
    site_url ('/' or '/repo/'): absolute links (404 pages use them) start with it.
    With `languages` (folder → locale, see language_of), a link from a page to a
    page of another language is reported too, unless its hreflang names that
    language."""
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    parsed = {page: parse(page.read_text(encoding="utf-8")) for page in pages}
    broken = []
    for page, found in parsed.items():
        name = page.relative_to(site).as_posix()
        language = language_of(name, languages) if languages else None
        for url, hreflang in found.links:
            if not is_local(url) or url.startswith(("mailto:", "tel:", "data:")):
                continue
            local = url
            if url.startswith("/"):
                if not url.startswith(base_path):
                    broken.append(BrokenLink(name, url, f"is outside the site's base path {base_path}"))
                    continue
                local = "/" + url[len(base_path):]
            target = resolve(site, page, local)
            if target is None:
                broken.append(BrokenLink(name, url, "points to a page or file that does not exist"))
                continue
            if language and target.suffix == ".html" and target.is_relative_to(site):
                goal = target.relative_to(site).as_posix()
                other = language_of(goal, languages)
                if other != language and hreflang != other:
                    broken.append(BrokenLink(name, url, (
                        f"leads from this '{language}' page to the '{other}' page {goal}: link to "
                        f"the page in '{language}', or mark a deliberate change of language "
                        f"with hreflang=\"{other}\" on the link"
                    )))
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else set()
                if fragment not in ids:
                    broken.append(BrokenLink(name, url, f"points to an anchor '#{fragment}' that does not exist"))
    return broken


def source_of(built: str, docs_dir: Path, prefixes: list[str]) -> str | None:
    """The Markdown file a built page came from ('en/om/kilder/index.html' →
    'om/kilder.en.md'), or None for theme pages such as 404.html."""
    locale = None
    for prefix in prefixes:
        if prefix and built.startswith(prefix):
            locale, built = prefix.rstrip("/"), built[len(prefix):]
    stem = built.removesuffix("index.html").rstrip("/")
    suffix = f".{locale}.md" if locale else ".md"
    for candidate in ([f"{stem}{suffix}", f"{stem}/index{suffix}"] if stem else [f"index{suffix}"]):
        if (docs_dir / candidate).is_file():
            return candidate
    return None
