"""The built site, read as files: languages, head tags, 404s, sitemaps, search indexes."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from pages import content_pages, read_head, url_of

SITE_URL = "http://127.0.0.1:8000/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def language_of(url: str) -> str:
    return "en" if url.startswith("en/") else "nb"


def test_both_languages_have_the_same_pages(site: Path) -> None:
    urls = {url_of(site, page) for page in content_pages(site)}
    english = {url for url in urls if url.startswith("en/")}
    bokmal = urls - english
    assert len(bokmal) >= 9
    assert {f"en/{url}" for url in bokmal} == english


def test_every_page_has_lang_title_description_and_canonical(site: Path) -> None:
    for page in content_pages(site):
        url = url_of(site, page)
        head = read_head(page)
        assert head.lang == language_of(url), url
        assert head.title.strip(), url
        assert len(head.meta.get("description", "")) >= 20, url
        canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert canonical == [SITE_URL + url], url


def test_section_links_are_named_in_the_page_language_without_a_title(site: Path) -> None:
    # A title would make Material mount a tooltip per heading (blocking time on a phone).
    labels = {"nb": "Lenke til denne delen", "en": "Link to this section"}
    seen = {"nb": 0, "en": 0}
    for page in content_pages(site):
        url = url_of(site, page)
        links = re.findall(r'<a class="headerlink"[^>]*>', page.read_text(encoding="utf-8"))
        for link in links:
            assert "title=" not in link, (url, link)
            assert f'aria-label="{labels[language_of(url)]}"' in link, (url, link)
        seen[language_of(url)] += len(links)
    assert min(seen.values()) > 100, seen


def test_titles_and_descriptions_are_in_the_page_language(site: Path) -> None:
    home_nb, home_en = read_head(site / "index.html"), read_head(site / "en/index.html")
    assert home_nb.title != home_en.title
    assert home_nb.meta["description"] != home_en.meta["description"]


def test_no_per_page_hreflang_links_in_the_head(site: Path) -> None:
    """They live in sitemap.xml: in the head, Material's script fetches a sitemap
    next to each of them, which does not exist (a 404 on every page)."""
    for page in [*content_pages(site), site / "404.html", site / "en/404.html"]:
        assert not [link for link in read_head(page).links if link.get("hreflang")], page


def test_open_graph_card_on_every_page(site: Path) -> None:
    for page in content_pages(site):
        meta = read_head(page).meta
        url = url_of(site, page)
        assert meta["og:url"] == SITE_URL + url
        assert meta["og:image"] == SITE_URL + "assets/images/social.png"
        assert (site / "assets/images/social.png").is_file()
        assert meta["og:title"] and meta["og:description"] == meta["description"]
        assert meta["og:locale"] == {"nb": "nb_NO", "en": "en_GB"}[language_of(url)]


@pytest.mark.parametrize(("path", "lang", "heading", "home"), [
    ("404.html", "nb", "Fant ikke siden", "/"),
    ("en/404.html", "en", "Page not found", "/en/"),
])
def test_a_404_page_in_each_language(site: Path, path: str, lang: str, heading: str, home: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    assert read_head(site / path).lang == lang
    assert f"<h1>{heading}</h1>" in html
    assert f'<a href="{home}">' in html
    assert read_head(site / path).meta["robots"] == "noindex"


def _sitemap(path: Path) -> dict[str, dict[str, str]]:
    tree = ElementTree.parse(path)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in tree.getroot()
    }


def test_sitemap_lists_every_page_with_absolute_alternates(site: Path) -> None:
    entries = _sitemap(site / "sitemap.xml")
    assert set(entries) == {SITE_URL + url_of(site, page) for page in content_pages(site)}
    for loc, alternates in entries.items():
        assert set(alternates) == {"nb", "en"}, loc
        assert all(href.startswith(SITE_URL) for href in alternates.values()), loc


def test_english_sitemap_exists_and_lists_only_english_pages(site: Path) -> None:
    """Material's script asks for sitemap.xml under the language's own base."""
    entries = _sitemap(site / "en/sitemap.xml")
    assert entries and all(loc.startswith(SITE_URL + "en/") for loc in entries)
    assert len(entries) == len([p for p in content_pages(site) if url_of(site, p).startswith("en/")])


def _config(page: Path) -> dict:
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    return json.loads(match.group(1))


def test_each_language_has_its_own_search_index(site: Path) -> None:
    nb = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert nb["config"]["lang"] == ["no"] and en["config"]["lang"] == ["en"]
    assert nb["docs"] and en["docs"]
    assert not any(doc["location"].startswith("en/") for doc in nb["docs"])
    # English locations are relative to /en/, which English pages use as their base.
    en_pages = {url_of(site, p).removeprefix("en/") for p in content_pages(site) if url_of(site, p).startswith("en/")}
    assert {doc["location"].split("#")[0] for doc in en["docs"]} == en_pages


def test_english_pages_search_from_the_english_root(site: Path) -> None:
    for page in content_pages(site):
        url = url_of(site, page)
        base = _config(page)["base"]
        # As Material does: the base against the page's address, then the index against that.
        index = urlsplit(urljoin(urljoin(SITE_URL + url, base), "search/search_index.json")).path
        assert index == ("/en/" if url.startswith("en/") else "/") + "search/search_index.json", url


def test_no_page_refers_to_another_origin_for_what_it_loads(site: Path) -> None:
    for page in [*content_pages(site), site / "404.html", site / "en/404.html"]:
        for resource in read_head(page).resources:
            assert not urlsplit(resource).netloc and not resource.startswith("//"), (page, resource)
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert "@import" not in text or not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css


def test_a_copy_of_the_project_builds_under_a_sub_path(tmp_path: Path) -> None:
    """GitHub Pages serves a project at /<repo>/: absolute links (404 pages) follow.
    Built from the copy the bad-input tests break (sitebuild.copy_project), so this also
    shows the copy is whole: their failures come from what they change."""
    from sitebuild import build, copy_project
    result = build(copy_project(tmp_path / "project"), tmp_path / "site", env_site_url="https://example.org/repo/")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/en/404.html").read_text(encoding="utf-8")
    assert '<a href="/repo/en/">' in html
    assert '"base": "/repo/en/"' in html


def test_our_scripts_and_styles_are_minified_in_the_built_site(site: Path) -> None:
    """Comments stay in overrides/assets (they explain the code); the reader's phone
    gets the files without them (hooks/minify.py)."""
    from sitebuild import ROOT

    for folder in ("js", "css"):
        for source in sorted((ROOT / "overrides/assets" / folder).glob(f"*.{folder}")):
            built = (site / "assets" / folder / source.name).read_text(encoding="utf-8")
            assert "/*" not in built and len(built) < 0.8 * len(source.read_text(encoding="utf-8")), source.name


def test_pages_lose_their_indentation_but_not_where_white_space_counts(site: Path) -> None:
    """hooks/minify.py: about 0.9 KiB gzipped less on a module page; pre, textarea,
    script and style stay as they were."""
    from sitekit.minify import compact_html

    html = "<div>\n    <p>a\n      b</p>\n  <pre>x\n    y</pre>\n  <textarea>\n  t</textarea><script>\n  s()</script>\n\t<style>\n  p{}</style>\n</div>"
    assert compact_html(html) == "<div>\n<p>a\nb</p>\n<pre>x\n    y</pre>\n<textarea>\n  t</textarea><script>\n  s()</script>\n<style>\n  p{}</style>\n</div>"
    page = (site / "kurs/modul-3/index.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|textarea|script|style)\b.*?</\1\s*>", "", page, flags=re.S | re.I)
    assert not re.search(r"\n[ \t]+<", outside), "a built page still has indented lines"
