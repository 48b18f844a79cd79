"""Search on demand (overrides/partials/search-on-demand.html): a page view fetches
no search index and no search worker; the reader who starts to search gets full-text search in the page's
language, far down a long page included."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

INDEX = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*\.js$")


def _index_requests(page: Page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if INDEX.search(request.url.split("?")[0]) else None)
    return requests


def test_materials_bundle_still_asks_for_the_index_by_xmlhttprequest(site: Path) -> None:
    """The override holds back Material's XMLHttpRequest for this path. If a Material
    release fetches the index another way, this fails: look at the partial again."""
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert '"search/search_index.json"' in bundle
    assert "new XMLHttpRequest" in bundle
    assert "=new Worker(e)" in bundle  # the worker is made from its URL, then only messaged


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/en/", "/kurs/modul-3/", "/en/forskning/afi/nullpunktsanalysen/"])
def test_a_page_view_fetches_no_search_index(page: Page, server: str, path: str) -> None:
    requests = _index_requests(page)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)  # reading the page is not searching
    page.wait_for_timeout(300)
    assert requests == []


@pytest.mark.browser
def test_on_a_phone_the_search_button_starts_it(page: Page, server: str) -> None:
    requests = _index_requests(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/mentor/")
    page.wait_for_load_state("networkidle")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").type("trekløver")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert len(requests) == 2


@pytest.mark.browser
@pytest.mark.parametrize(("path", "start", "query", "expected"), [
    # A word from far down a long page (the report's literature list).
    ("/forskning/afi/prosjektet-underveis/", "click", "Danermark", "/forskning/afi/litteraturen/"),
    ("/en/mentor/", "key", "Danermark", "/en/forskning/afi/litteraturen/"),
    ("/kurs/modul-3/", "key", "jobbspesialist", "/kurs/modul-3/"),
    # A word in «quotation marks» (the separator ends words at them).
    ("/", "key", "bakkebyråkrat", "/kurs/modul-3/"),
    ("/en/kurs/", "click", "job specialist", "/en/kurs/modul-3/"),
])
def test_search_works_once_the_reader_starts(page: Page, server: str, path: str, start: str, query: str, expected: str) -> None:
    requests = _index_requests(page)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert requests == []
    if start == "key":
        page.keyboard.press("/")  # Material's shortcut
    else:  # a click on the search box (in the header on a wide screen)
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").type(query)
    results = page.locator(".md-search-result__item a, .md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    index = ("/en" if path.startswith("/en/") else "") + "/search/search_index.json"
    assert len(requests) == 2 and any(url.endswith(index) for url in requests), requests  # the index and the worker
    hrefs = results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert expected in hrefs, hrefs


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/mentor/start/", "/en/kurs/modul-3/"])
def test_a_first_visit_stays_under_100_kib_gzipped(page: Page, server: str, site: Path, path: str) -> None:
    """Bytes, not times: what a first visit loads (no interaction), each file gzipped
    as GitHub Pages serves it. Today about 90 and 95 KiB; the search index alone was 130."""
    import gzip
    from urllib.parse import urlsplit

    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(urlsplit(request.url).path) if request.url.startswith(server) else None)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    total = 0
    for url in loaded:
        file = site / url.lstrip("/")
        file = file / "index.html" if url.endswith("/") else file
        total += len(gzip.compress(file.read_bytes(), 6))
    assert total <= 100 * 1024, f"{path}: {total / 1024:.1f} KiB in {len(loaded)} files"
