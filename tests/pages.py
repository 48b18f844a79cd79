"""Read facts out of built HTML pages for assertions."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Head:
    lang: str | None = None
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # name or property → content
    links: list[dict[str, str]] = field(default_factory=list)  # every <link>
    resources: list[str] = field(default_factory=list)  # every src/href the page loads


class _HeadParser(HTMLParser):
    LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src", "embed": "src", "object": "data"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        values = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.head.lang = values.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and "content" in values:
            key = values.get("name") or values.get("property")
            if key:
                self.head.meta[key] = values["content"]
        elif tag == "link":
            self.head.links.append(values)
            if values.get("rel") in {"stylesheet", "icon", "preload", "preconnect", "modulepreload", "manifest"}:
                self.head.resources.append(values.get("href", ""))
        if tag in self.LOADS and values.get(self.LOADS[tag]):
            self.head.resources.append(values[self.LOADS[tag]])
        if "srcset" in values:
            self.head.resources.extend(part.split()[0] for part in values["srcset"].split(",") if part.strip())

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.head.title += data


def read_head(path: Path) -> Head:
    parser = _HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.head


def content_pages(site: Path) -> list[Path]:
    """Every built page except the 404 pages."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def url_of(site: Path, page: Path) -> str:
    """Site-relative URL of a built page: 'en/om/' for en/om/index.html."""
    return page.relative_to(site).as_posix().removesuffix("index.html")
