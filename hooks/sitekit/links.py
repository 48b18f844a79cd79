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

import functools
import html
import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
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


class Page(NamedTuple):
    links: list[Link]
    ids: set[str]

    @property
    def urls(self) -> list[str]:
        return [link.url for link in self.links]


# The built HTML comes from MkDocs, Markdown and our templates, so a scan with regular
# expressions reads it as a browser would, ten times faster than html.parser: comments
# and the text of scripts and styles are skipped (they hold no links), attribute values
# may be quoted either way, and character references in them are decoded.
# (One leading '<' for all three kinds, and runs of plain characters matched at once:
# the scan then skips ahead to the next '<' and is about eight times faster.)
_SKIPPED = re.compile(r"<(?:!--.*?-->|(script\b[^>]*>).*?</script\s*>|(style\b[^>]*>).*?</style\s*>)", re.S | re.I)
_TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']+|"[^"]*"|'[^']*')*)>""")
# A tag that may have an id: only those and link tags (<a> has its name too) are read.
_MAYBE_ID = re.compile(r"id\s*=", re.I)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    values = {}
    for name, double, single, bare in _ATTRIBUTE.findall(text):
        values.setdefault(name.lower(), html.unescape(double or single or bare))
    return values


def _kept(match: re.Match) -> str:
    """A skipped part's replacement: a script's or style's opening tag stays, its text and comments go."""
    opening = match.group(1) or match.group(2)
    return "<" + opening if opening else ""


# A start tag with attributes, whole: the unit that _tag reads (and caches).
_TAG_WITH_ATTRIBUTES = re.compile(r"""<[a-zA-Z][a-zA-Z0-9-]*\s(?:[^>"']+|"[^"]*"|'[^']*')*>""")


@functools.lru_cache(maxsize=32768)
def _tag(whole: str) -> tuple[Link | None, tuple[str, ...]] | None:
    """The link and the ids in one start tag, or None. Cached: the navigation, header
    and footer repeat the same tags on every page, so most tags are read once a build."""
    name, text = _TAG.fullmatch(whole).groups()
    name = name.lower()
    attribute = URL_ATTRIBUTES.get(name)
    if "=" not in text or (attribute is None and not _MAYBE_ID.search(text)):
        return None  # neither a link nor an id: most tags
    values = _attributes(text)
    ids = tuple(values[key] for key in (("id", "name") if name == "a" else ("id",)) if values.get(key))
    link = Link(values[attribute], values.get("hreflang")) if attribute and attribute in values else None
    return link, ids


def parse(page_html: str) -> Page:
    links, ids = [], set()
    for found in map(_tag, _TAG_WITH_ATTRIBUTES.findall(_SKIPPED.sub(_kept, page_html))):
        if found is not None:
            link, found_ids = found
            if link is not None:
                links.append(link)
            ids.update(found_ids)
    return Page(links, ids)


_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def element_ids(page_html: str) -> set[str]:
    """The ids in a page, quickly: for checking anchors where the links are not needed."""
    return set(_ID.findall(page_html))


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def resolve(files: set[str], folder: str, path: str) -> str | None:
    """The built file (relative to the site root, as in `files`) that the URL path
    `path` (not empty, decoded) leads to from a page in `folder`, or None if there is
    none. Paths only: no disk access."""
    target = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path))
    if target.startswith("../") or target == "..":
        return None  # above the site root
    target = "" if target == "." else target
    candidates = [posixpath.join(target, "index.html")] if path.endswith("/") or not target else [target, posixpath.join(target, "index.html")]
    return next((candidate for candidate in candidates if candidate in files), None)


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
    language.

    The site's files are listed once; each link is resolved against that list once
    per folder (the navigation repeats the same links on every page)."""
    files = {
        (Path(folder) / name).relative_to(site).as_posix()
        for folder, _, names in os.walk(site) for name in names
    }
    pages = {name: parse((site / name).read_text(encoding="utf-8")) for name in sorted(files) if name.endswith(".html")}

    def judged(folder: str, language: str | None, url: str, hreflang: str | None) -> tuple[str | None, str | None]:
        """(the built file `url` leads to, or None; why it is wrong, or None) for a link
        on a page in `folder` (None, None: not a local link)."""
        if not is_local(url) or url.startswith(("mailto:", "tel:", "data:")):
            return None, None
        local = url
        if url.startswith("/"):
            if not url.startswith(base_path):
                return None, f"is outside the site's base path {base_path}"
            local = "/" + url[len(base_path):]
        path = unquote(urlsplit(local).path)
        if not path:
            return "", None  # '#part' or '?q': this page
        target = resolve(files, folder, path)
        if target is None:
            return None, "points to a page or file that does not exist"
        if language and target.endswith(".html"):
            other = language_of(target, languages)
            if other != language and hreflang != other:
                return None, (
                    f"leads from this '{language}' page to the '{other}' page {target}: link to "
                    f"the page in '{language}', or mark a deliberate change of language "
                    f"with hreflang=\"{other}\" on the link"
                )
        return target, None

    # The navigation repeats the same links on every page: each is judged once per folder.
    judge = functools.cache(judged)
    broken = []
    for name, found in pages.items():
        language = language_of(name, languages) if languages else None
        folder = posixpath.dirname(name)
        for url, hreflang in found.links:
            target, reason = judge(folder, language, url, hreflang)
            if reason:
                broken.append(BrokenLink(name, url, reason))
                continue
            target = name if target == "" else target
            if target is None or "#" not in url or not target.endswith(".html"):
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and fragment not in (pages[target].ids if target in pages else ()):
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
