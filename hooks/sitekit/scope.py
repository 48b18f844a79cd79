"""Keep each language to itself in what Material and mkdocs-static-i18n share.

Out of the box the two builds share one search index, one 404 page and one
sitemap, and the head's hreflang links are relative. These functions work on the
built text (HTML, JSON, XML) so that they can be tested without MkDocs."""
from __future__ import annotations

import json
import re
from xml.etree import ElementTree

# Material reads its settings, among them the base URL its search and sitemap
# requests start from, from this JSON script in every page.
_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)
_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

# lunr.js names Norwegian 'no'; the site's locale is 'nb'.
LUNR_LANGUAGE = {"nb": "no"}


def scope_config_base(html: str, locale: str) -> str:
    """Point Material's `base` at the language's own root (`…/en`), so that its
    search index and sitemap requests stay in that language's folder."""

    def rewrite(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        # The trailing slash matters: new URL("search/…", ".../en") drops "en".
        settings["base"] = settings["base"].rstrip("/") + "/" + locale + "/"
        return match.group(1) + json.dumps(settings, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(rewrite, html, count=1)


def drop_head_alternates(html: str) -> str:
    """Remove the head's per-page `<link rel="alternate" hreflang>` links.

    Material's script fetches `sitemap.xml` relative to every such link (it expects
    them to point at language roots), so per-page links make each page request a
    missing `…/page/sitemap.xml`. The alternates live in sitemap.xml instead, with
    absolute addresses, which search engines read just as well."""
    # Only the head holds them: scanning the whole page grew faster than the content.
    end = html.find("</head>")
    head, rest = (html[:end], html[end:]) if end >= 0 else (html, "")
    return _ALTERNATE_LINK.sub("", head) + rest


def split_search_index(index: dict, prefixes: dict[str, str]) -> dict[str, dict]:
    """Split i18n's merged search index into one index per locale.

    `prefixes` maps locale to its folder ('' for the default, 'en/' for English).
    Locations in a non-default index are made relative to that language's root,
    because its pages' `base` points there (see scope_config_base)."""
    others = [prefix for prefix in prefixes.values() if prefix]
    result = {}
    for locale, prefix in prefixes.items():
        if prefix:
            docs = [
                {**doc, "location": doc["location"][len(prefix):]}
                for doc in index["docs"]
                if doc["location"].startswith(prefix)
            ]
        else:
            docs = [
                doc for doc in index["docs"]
                if not any(doc["location"].startswith(other) for other in others)
            ]
        config = {**index["config"], "lang": [LUNR_LANGUAGE.get(locale, locale)]}
        result[locale] = {"config": config, "docs": docs}
    return result


def language_sitemap(sitemap_xml: str, root_url: str) -> str:
    """The entries of a sitemap whose address lies under `root_url` (a sitemap may
    only list addresses under its own folder), alternates kept."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    tree = ElementTree.fromstring(sitemap_xml)
    for url in list(tree):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="")
        if not loc.startswith(root_url):
            tree.remove(url)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(tree, encoding="unicode")
