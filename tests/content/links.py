"""External links: every address on the site that leaves it must use https and go
to a host on the allow-list (allowed-hosts.txt beside this file: one host a line,
each with a comment naming the source that names it).

Addresses are read from every attribute that links or loads (href, src, …) in the
whole built page, the theme's parts included. The site's own address (from the
pages' canonical links) is not external."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from content.problems import Problem
from content.site import Page, where, with_headings
from sitekit.links import URL_ATTRIBUTES

ALLOWED_HOSTS = Path(__file__).resolve().parent / "allowed-hosts.txt"
LOCAL_SCHEMES = {"", "mailto", "tel", "data"}
ATTRIBUTES = {**URL_ATTRIBUTES, "form": "action", "blockquote": "cite", "q": "cite"}


@dataclass(frozen=True)
class Link:
    url: str
    page: str  # Page.name
    where: str


def site_roots(pages: list[Page]) -> set[str]:
    """The site's own address(es), from each page's canonical link."""
    roots = set()
    for page in pages:
        for node in page.document.iter():
            if node.tag == "link" and node.attrs.get("rel") == "canonical":
                href = node.attrs.get("href", "")
                if urlsplit(href).netloc and href.endswith(page.url):
                    roots.add(href[: len(href) - len(page.url)])
    return roots


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or url.startswith("//") or parts.scheme.lower() not in LOCAL_SCHEMES


def external_links(pages: list[Page]) -> list[Link]:
    """Every external address on every page, where it stands."""
    roots = site_roots(pages)
    links = []
    for page in pages:
        headings = {id(node): heading for node, heading in with_headings(page.article)}
        for node in page.document.iter():
            attribute = ATTRIBUTES.get(node.tag)
            url = node.attrs.get(attribute, "").strip() if attribute else ""
            if not url or not is_external(url) or any(url.startswith(root) for root in roots):
                continue
            place = where(headings[id(node)]) if id(node) in headings else "outside the content (theme template)"
            links.append(Link(url, page.name, f"{place}, <{node.tag} {attribute}>"))
    return links


def read_allowed_hosts(path: Path = ALLOWED_HOSTS) -> tuple[set[str], list[Problem]]:
    """The allowed hosts, and a problem for each line without its comment."""
    hosts, problems = set(), []
    name = f"tests/content/{path.name}"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        host, _, comment = line.partition("#")
        host = host.strip().lower()
        if not host:
            continue
        if not comment.strip():
            problems.append(Problem(name, f"line {number}", f"host {host} has no comment", "say which source names it: `host  # source file: where`"))
        if host in hosts:
            problems.append(Problem(name, f"line {number}", f"host {host} is listed twice", "delete one of them"))
        hosts.add(host)
    return hosts, problems


def check_external_links(pages: list[Page], allowed: set[str] | None = None) -> list[Problem]:
    allowed = allowed if allowed is not None else read_allowed_hosts()[0]
    problems = []
    for link in external_links(pages):
        parts = urlsplit(link.url)
        if parts.scheme.lower() != "https":
            problems.append(Problem(
                link.page, link.where, f"link {link.url} does not use https",
                "write the address with https:// (every host the sources name serves it)",
            ))
        host = (parts.hostname or "").lower()
        if host and host not in allowed:
            problems.append(Problem(
                link.page, link.where, f"link {link.url} goes to {host}, which is not an allowed host",
                "link only to hosts the sources name; if a source names this one, add it to "
                "tests/content/allowed-hosts.txt with a comment naming that source",
            ))
    return problems


def links_by_host(pages: list[Page]) -> str:
    """Every external address, grouped by host, with the pages that use it."""
    grouped: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for link in external_links(pages):
        pages_of = grouped[(urlsplit(link.url).hostname or link.url).lower()][link.url]
        if link.page not in pages_of:
            pages_of.append(link.page)
    lines = []
    for host in sorted(grouped):
        lines.append(host)
        for url in sorted(grouped[host]):
            lines.append(f"  {url}")
            lines.extend(f"    {page}" for page in grouped[host][url])
    return "\n".join(lines) if lines else "(no external links)"
