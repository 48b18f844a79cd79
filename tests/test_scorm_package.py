"""SCORM packages of the course (hooks/scorm.py, sitekit/scorm.py): the four zips on
the site built for the session, their manifests and package pages, the download
page, the public site left as it was; unit tests of the checks; one broken build."""
from __future__ import annotations

import io
import math
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from axe import violations
from conftest import serving
from sitebuild import ROOT, assert_fails_cleanly, copy_project
from sitekit.course import MASTERY_PERCENT
from sitekit.links import parse, resolve
from sitekit.scorm import (
    VERSIONS, Course, Resource, ScormError, Sco, build_packages, manifest, manifest_problems, package_page, plan_resources,
)

SITE_URL = "http://127.0.0.1:8000/"  # what tests/sitebuild.py builds with
PACKAGES = {
    # (language, version key): the zip in the built site, and the folder of its pages inside it
    ("nb", "1.2"): ("kurs/lms/inkluderingskompetanse-nb-scorm12.zip", "kurs"),
    ("nb", "2004"): ("kurs/lms/inkluderingskompetanse-nb-scorm2004.zip", "kurs"),
    ("en", "1.2"): ("en/kurs/lms/inkluderingskompetanse-en-scorm12.zip", "en/kurs"),
    ("en", "2004"): ("en/kurs/lms/inkluderingskompetanse-en-scorm2004.zip", "en/kurs"),
}
CP = {"1.2": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "2004": "http://www.imsglobal.org/xsd/imscp_v1p1"}
ADLCP = {"1.2": "http://www.adlnet.org/xsd/adlcp_rootv1p2", "2004": "http://www.adlnet.org/xsd/adlcp_v1p3"}
IMSSS = "http://www.imsglobal.org/xsd/imsss"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def modules(language: str) -> list[dict]:
    """The course's modules from their Markdown files, in course order (not from the build)."""
    suffix = ".md" if language == "nb" else f".{language}.md"
    found = []
    for path in (ROOT / "docs/kurs").glob("modul-*.md"):
        if path.name.endswith(suffix) and (language != "nb" or path.name.count(".") == 1):
            meta = front_matter(path)
            found.append({"number": meta["module"]["number"], "title": meta["title"], "description": meta["description"],
                          "page": f"{'' if language == 'nb' else language + '/'}kurs/{path.name.split('.')[0]}/index.html"})
    return sorted(found, key=lambda m: m["number"])


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


class Package:
    def __init__(self, site: Path, language: str, version: str) -> None:
        name, self.folder = PACKAGES[(language, version)]
        self.path = site / name
        self.language, self.version = language, version
        with zipfile.ZipFile(self.path) as archive:
            self.names = archive.namelist()
            self.files = {n: archive.read(n) for n in self.names}
        self.root = ET.fromstring(self.files["imsmanifest.xml"])
        self.cp = CP[version]

    def find(self, path: str) -> list[ET.Element]:
        return self.root.findall(path.replace("cp:", f"{{{self.cp}}}"))

    def resources(self) -> dict[str, ET.Element]:
        return {r.get("identifier"): r for r in self.find("cp:resources/cp:resource")}

    def files_of(self, identifier: str) -> set[str]:
        """A resource's files with those of the resources it depends on."""
        resource = self.resources()[identifier]
        files = {f.get("href") for f in resource.findall(f"{{{self.cp}}}file")}
        for dependency in resource.findall(f"{{{self.cp}}}dependency"):
            files |= self.files_of(dependency.get("identifierref"))
        return files


@pytest.fixture(scope="module", params=list(PACKAGES), ids=lambda key: f"{key[0]}-scorm{key[1]}")
def package(request, site: Path) -> Package:
    return Package(site, *request.param)


def test_the_manifest_is_at_the_root_and_names_its_scorm_version(package: Package) -> None:
    assert "imsmanifest.xml" in package.names  # at the root (the packaging spec asks no place in the zip)
    assert local(package.root.tag) == "manifest" and package.root.tag.startswith(f"{{{package.cp}}}")
    assert [e.text for e in package.find("cp:metadata/cp:schema")] == ["ADL SCORM"]
    expected = "1.2" if package.version == "1.2" else "2004 4th Edition"
    assert [e.text for e in package.find("cp:metadata/cp:schemaversion")] == [expected]


def test_identifiers_are_unique_and_every_reference_names_one(package: Package) -> None:
    identifiers = [e.get("identifier") for e in package.root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers)), identifiers
    refs = [e.get("identifierref") for e in package.root.iter() if e.get("identifierref")]
    assert refs and set(refs) <= set(identifiers)
    assert package.find("cp:organizations")[0].get("default") in identifiers


def test_every_file_is_in_the_zip_and_every_entry_is_listed_once(package: Package) -> None:
    listed = [f.get("href") for r in package.resources().values() for f in r.findall(f"{{{package.cp}}}file")]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    in_zip = set(package.names) - {"imsmanifest.xml"}
    assert len(package.names) == len(set(package.names)), "a name is twice in the zip"
    assert set(listed) == in_zip
    for resource in package.resources().values():
        if resource.get("href"):
            assert resource.get("href") in package.files_of(resource.get("identifier"))
    # nothing but the module pages and what they load: no search index, no other page
    assert not [n for n in in_zip if n.startswith(("search/", "en/search/")) or n.endswith((".map", ".json", ".xml"))]
    assert sorted(n for n in in_zip if n.endswith(".html")) == sorted(m["page"] for m in modules(package.language))


def test_one_sco_per_module_in_course_order_with_titles_and_mastery(package: Package) -> None:
    expected = modules(package.language)
    assert len(expected) == 8
    items = package.find("cp:organizations/cp:organization/cp:item")
    assert [i.find(f"{{{package.cp}}}title").text for i in items] == [m["title"] for m in expected]
    resources = package.resources()
    type_attribute = f"{{{ADLCP[package.version]}}}" + ("scormtype" if package.version == "1.2" else "scormType")
    for item, module in zip(items, expected):
        resource = resources[item.get("identifierref")]
        assert resource.get(type_attribute) == "sco"
        assert resource.get("href") == module["page"]
        assert module["description"] in ET.tostring(item, encoding="unicode")
        if package.version == "1.2":
            assert item.find(f"{{{ADLCP['1.2']}}}masteryscore").text == str(MASTERY_PERCENT) == "80"
        else:
            primary = item.find(f"{{{IMSSS}}}sequencing/{{{IMSSS}}}objectives/{{{IMSSS}}}primaryObjective")
            assert primary.get("satisfiedByMeasure") == "true"
            assert float(primary.find(f"{{{IMSSS}}}minNormalizedMeasure").text) == MASTERY_PERCENT / 100 == 0.8
    title = package.find("cp:organizations/cp:organization/cp:title")[0].text
    overview = (ROOT / "docs/kurs" / ("index.md" if package.language == "nb" else f"index.{package.language}.md")).read_text(encoding="utf-8")
    assert f"# {title}\n" in overview


def test_each_sco_lists_exactly_the_files_its_page_loads(package: Package) -> None:
    for identifier, resource in package.resources().items():
        page = resource.get("href")
        if not page:
            continue
        html = package.files[page].decode("utf-8")
        folder = posixpath.dirname(page)
        loaded = {page}
        for tag in re.findall(r"<(?:script|img|link)\b[^>]*>", html):
            url = re.search(r'\s(?:src|href)="([^"]+)"', tag)
            if not url or url.group(1).startswith(("http:", "https:", "data:", "#")):
                continue
            if tag.startswith("<link") and not re.search(r'rel="(?:stylesheet|icon)"', tag):
                continue
            loaded.add(resolve(set(package.names), folder, url.group(1)))
        assert None not in loaded, f"{page} loads a file that is not in the zip"
        assert "assets/js/lms.js" in loaded
        assert package.files_of(identifier) == loaded, page


def test_package_pages_load_lms_js_last_in_the_head(package: Package) -> None:
    depth = "../" * (package.folder.count("/") + 2)
    for module in modules(package.language):
        html = package.files[module["page"]].decode("utf-8")
        head = html[: html.index("</head>")].rstrip()
        assert head.endswith(f'<script src="{depth}assets/js/lms.js"></script>'), module["page"]
        assert html.count("lms.js") == 1 and html.count("inkl-scorm") == 0
        assert 'name="search"' not in html and "md-select" not in html  # no search box, no language switch
    # The package's copy of lms.js names its version (the site's copy has the mark).
    lms = package.files["assets/js/lms.js"].decode("utf-8")
    assert "@inkl-scorm-version@" not in lms and lms.count(f'"{package.version}"') >= 1


def test_links_that_leave_the_sco_open_the_public_site_in_a_new_tab(package: Package) -> None:
    for module in modules(package.language):
        page = module["page"]
        html = package.files[page].decode("utf-8")
        public = 0
        for tag in re.findall(r"<a\b[^>]*>", html):
            href = re.search(r'\shref="([^"]*)"', tag)
            if not href or href.group(1).startswith(("#", "mailto:")):
                continue
            url = href.group(1)
            if url.startswith(("http:", "https:")):
                assert ' target="_blank"' in tag and re.search(r'\srel="[^"]*\bnoopener\b', tag), tag
                public += url.startswith(SITE_URL)
            else:  # a relative link may only lead to a place on this page
                assert resolve(set(package.names), posixpath.dirname(page), url.split("#")[0]) == page, tag
        assert public > 10, f"{page}: the links to the guide, the research and the other modules"


def test_package_assets_are_the_sites_minified_files(package: Package, site: Path) -> None:
    for name, data in package.files.items():
        if name.startswith("assets/"):
            site_copy = (site / name).read_bytes()
            if name == "assets/js/lms.js":  # the package's copy names its version
                site_copy = site_copy.replace(b"@inkl-scorm-version@", package.version.encode())
            assert data == site_copy, name
    assert b"/*" not in package.files["assets/js/quiz.js"][:200]


def test_the_public_site_never_loads_lms_js(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "lms.js" not in html and "inkl-scorm" not in html, page
    assert (site / "assets/js/lms.js").is_file()  # published: the packages take it from here


@pytest.mark.parametrize("page", ["kurs/lms/index.html", "en/kurs/lms/index.html"])
def test_the_download_page_links_every_package_with_its_size(site: Path, page: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    assert "[[scorm-size" not in html
    rows = re.findall(r"<tr>\s*<td>.*?</tr>", html, re.S)
    assert len(rows) == len(PACKAGES)
    linked = set()
    for row in rows:
        href = re.search(r'<a href="([^"]+)" download', row).group(1)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
        size = (site / target).stat().st_size
        assert f"{math.ceil(size / 1000)}\u00a0kB" in row, (row, size)
        linked.add(target)
    assert linked == {name for name, _ in PACKAGES.values()}
    index = (site / page.replace("kurs/lms/index.html", "search/search_index.json")).read_text(encoding="utf-8")
    assert "kurs/lms/" in index and "scorm-size" not in index  # the table is kept out of search


def test_the_course_overview_links_the_download_page(site: Path) -> None:
    for overview in ("kurs/index.html", "en/kurs/index.html"):
        assert 'href="lms/"' in (site / overview).read_text(encoding="utf-8")


# --- in Chromium ------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/kurs/lms/", "/en/kurs/lms/"])
def test_axe_finds_no_violation_on_the_download_page(page: Page, server: str, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme])
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize(("language", "version"), [("nb", "2004"), ("en", "1.2")])
def test_a_package_page_outside_an_lms_loads_everything_from_the_zip(
    page: Page, errors: list[str], site: Path, tmp_path: Path, language: str, version: str,
) -> None:
    """Unzipped and opened without an LMS: every file it asks for is in the zip, nothing
    comes from elsewhere, the search keys do nothing now that search is gone, and axe
    finds nothing."""
    with zipfile.ZipFile(site / PACKAGES[(language, version)][0]) as archive:
        archive.extractall(tmp_path)
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failures.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    with serving(tmp_path) as url:
        page.goto(f"{url}/{modules(language)[0]['page'].removesuffix('index.html')}")
        page.wait_for_load_state("networkidle")
        for key in ("s", "/", "Escape"):
            page.keyboard.press(key)
        page.wait_for_load_state("networkidle")
        assert requests and all(r.startswith(url + "/") or r.startswith("data:") for r in requests), requests
        assert any(r.endswith("/assets/js/lms.js") for r in requests)
        assert failures == []
        assert violations(page) == []


# --- unit tests of the checks, on small inputs ---------------------------------------

FILES = {"kurs/modul-1/index.html", "kurs/modul-2/index.html", "assets/site.css", "assets/js/lms.js", "assets/img/a.svg"}
PAGE = """<html><head><meta charset="utf-8"><link rel="stylesheet" href="../../assets/site.css">
<meta name="generator" content="mkdocs-1.6.1">
<link rel="next" href="../modul-2/"></head><body>
<a href="#del">in the page</a> <a href="./#del">also</a> <a href="../modul-2/#x" rel="next">next module</a>
<a href="https://example.org/">out</a> <a href="mailto:a@example.org">mail</a>
<img src="../../assets/img/a.svg" alt=""><section data-quiz="q"></section></body></html>"""


def _copy(html: str = PAGE) -> tuple[str, list[str]]:
    return package_page(html, page="kurs/modul-1/index.html", files=FILES, site_url="https://example.org/repo/",
                        where="docs/kurs/modul-1.md (module 1)")


def test_package_page_keeps_in_page_links_and_sends_the_others_to_the_public_site() -> None:
    html, needed = _copy()
    assert '<a href="#del">' in html and '<a href="./#del">' in html
    assert '<a href="https://example.org/repo/kurs/modul-2/#x" rel="next noopener" target="_blank">' in html
    assert '<a href="https://example.org/" target="_blank" rel="noopener">' in html
    assert '<a href="mailto:a@example.org">' in html
    assert '<link rel="next" href="https://example.org/repo/kurs/modul-2/">' in html
    assert "generator" not in html
    assert needed == ["kurs/modul-1/index.html", "assets/site.css", "assets/img/a.svg", "assets/js/lms.js"]
    assert html.index('<script src="../../assets/js/lms.js"></script>\n') < html.index("</head>")


def test_package_page_refuses_a_file_that_is_not_in_the_site() -> None:
    with pytest.raises(ScormError, match=r"docs/kurs/modul-1\.md \(module 1\): the page loads '\.\./\.\./assets/img/b\.svg'"):
        _copy(PAGE.replace("a.svg", "b.svg"))


def test_package_page_leaves_out_search_and_the_language_switch_or_says_why_it_cannot() -> None:
    tools = ('<label class="md-header__button md-icon" for="__search"><svg></svg></label><p class="inkl-search-nojs">x</p>'
             '<div class="md-search" data-md-component="search"><div><form name="search"></form></div></div>'
             '<div class="md-header__option">\n  <div class="md-select"><a href="../../en/" hreflang="en">English</a></div></div>')
    html, _ = _copy(PAGE.replace("<body>", "<body>" + tools))
    assert "search" not in html.split("<body>")[1] and "md-select" not in html and "hreflang" not in html
    with pytest.raises(ScormError, match=r"docs/kurs/modul-1\.md \(module 1\): the built page cannot be read as expected"):
        _copy(PAGE.replace("<body>", '<body><div class="md-search" data-md-component="search"><div>'))


def test_a_module_page_without_its_quiz_stops_the_package() -> None:
    course = Course("nb", "Kurset", "Om kurset", (Sco(1, "Modul 1", "Om modul 1", "kurs/modul-1/index.html", "docs/kurs/modul-1.md", "other"),))
    pages = {"kurs/modul-1/index.html": PAGE.encode(), "assets/site.css": b"", "assets/img/a.svg": b"",
             "assets/js/lms.js": b'var packaged = "@inkl-scorm-version@";'}
    with pytest.raises(ScormError, match=r"docs/kurs/modul-1\.md \(module 1, .*\): the page has no quiz 'other'"):
        build_packages(course, read=pages.__getitem__, files=FILES, site_url="/", mastery_percent=80)
    fixed = Course("nb", "Kurset", "Om kurset", (Sco(1, "Modul 1", "Om modul 1", "kurs/modul-1/index.html", "docs/kurs/modul-1.md", "q"),))
    packages = build_packages(fixed, read=pages.__getitem__, files=FILES, site_url="/", mastery_percent=80)
    assert sorted(packages) == ["inkluderingskompetanse-nb-scorm12.zip", "inkluderingskompetanse-nb-scorm2004.zip"]
    pages_in = []
    for version, data in zip(VERSIONS, packages.values()):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            assert archive.read("assets/js/lms.js") == f'var packaged = "{version.key}";'.encode()
            assert sorted(archive.namelist()) == sorted(["imsmanifest.xml", *pages])
            pages_in.append(archive.read("kurs/modul-1/index.html"))
    assert pages_in[0] == pages_in[1]  # the same page in both versions: compressed once
    pages["assets/js/lms.js"] = b"var packaged = '1.2';"
    with pytest.raises(ScormError, match=r"overrides/assets/js/lms\.js: must have the mark '@inkl-scorm-version@' once"):
        build_packages(fixed, read=pages.__getitem__, files=FILES, site_url="/", mastery_percent=80)


def test_the_next_build_takes_package_pages_and_the_shared_zip_from_the_build_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitekit.scorm as scorm

    course = Course("nb", "Kurset", "Om kurset", (Sco(1, "Modul 1", "Om modul 1", "kurs/modul-1/index.html", "docs/kurs/modul-1.md", "q"),))
    pages = {"kurs/modul-1/index.html": PAGE.encode(), "assets/site.css": b"a{}", "assets/img/a.svg": b"<svg/>",
             "assets/js/lms.js": b'var packaged = "@inkl-scorm-version@";'}
    first = build_packages(course, read=pages.__getitem__, files=FILES, site_url="/", mastery_percent=80)
    assert sorted(p.name.split("-")[1] for p in cache_dir.iterdir()) == ["page", "zip"]
    monkeypatch.setattr(scorm, "package_page", lambda *a, **k: pytest.fail("package page made again"))
    shared_zips, original = [], scorm.zip_bytes

    def zip_bytes(files, after=b""):
        if not after:
            shared_zips.append(sorted(files))
        return original(files, after)

    monkeypatch.setattr(scorm, "zip_bytes", zip_bytes)
    again = build_packages(course, read=pages.__getitem__, files=FILES, site_url="/", mastery_percent=80)
    assert again == first and shared_zips == []
    # Another input is another entry: a changed page is made anew.
    pages["kurs/modul-1/index.html"] = PAGE.replace("in the page", "on this page").encode()
    with pytest.raises(pytest.fail.Exception, match="package page made again"):
        build_packages(course, read=pages.__getitem__, files=FILES, site_url="/", mastery_percent=80)


def test_files_that_several_modules_share_are_listed_once_in_an_asset_resource() -> None:
    resources = plan_resources({1: ["m1.html", "all.css", "a.svg"], 2: ["m2.html", "all.css", "a.svg"], 3: ["m3.html", "all.css"]})
    assert resources == [
        Resource("sco-1", ("m1.html",), href="m1.html", dependencies=("shared", "shared-1-2")),
        Resource("sco-2", ("m2.html",), href="m2.html", dependencies=("shared", "shared-1-2")),
        Resource("sco-3", ("m3.html",), href="m3.html", dependencies=("shared",)),
        Resource("shared", ("all.css",)),
        Resource("shared-1-2", ("a.svg",)),
    ]


def _manifest(resources: list[Resource]) -> bytes:
    scos = tuple(Sco(n, f"Modul {n}", "Om", f"m{n}.html", f"docs/m{n}.md", f"q{n}") for n in (1, 2))
    return manifest(Course("nb", "Kurset", "Om", scos), VERSIONS[1], resources, 80)


GOOD = [Resource("sco-1", ("m1.html",), href="m1.html", dependencies=("shared",)),
        Resource("sco-2", ("m2.html",), href="m2.html", dependencies=("shared",)), Resource("shared", ("a.css",))]


@pytest.mark.parametrize(("resources", "names", "problem"), [
    (GOOD, ["m1.html", "m2.html", "a.css"], None),
    (GOOD, ["m1.html", "m2.html"], "a.css is listed but not in the zip"),
    (GOOD, ["m1.html", "m2.html", "a.css", "b.css"], "b.css is in the zip but no resource lists it"),
    ([GOOD[0], Resource("sco-2", ("m2.html", "a.css"), href="m2.html"), GOOD[2]], ["m1.html", "m2.html", "a.css"],
     "a.css is listed by more than one <file>"),
    ([GOOD[0], Resource("sco-2", ("a.css",), href="m2.html"), Resource("shared", ("m2.html",))], ["m1.html", "m2.html", "a.css"],
     "resource 'sco-2' launches m2.html, which it does not list as a file"),
    ([GOOD[0], GOOD[1], Resource("sco-1", ("a.css",))], ["m1.html", "m2.html", "a.css"], "the identifier 'sco-1' is used 2 times"),
    ([GOOD[0], GOOD[1], Resource("other", ("a.css",))], ["m1.html", "m2.html", "a.css"], "'shared' (identifierref of <dependency>) names no identifier"),
])
def test_manifest_problems(resources: list[Resource], names: list[str], problem: str | None) -> None:
    problems = manifest_problems(_manifest(resources), names)
    if problem is None:
        assert problems == []
    else:
        assert problem in problems, problems


def test_manifest_text_is_escaped_xml() -> None:
    scos = (Sco(1, "<b>Modul</b> & «1»", "a < b", "m1.html", "docs/m1.md", "q1"),)
    xml = manifest(Course("nb", "Kurs & co", "Om", scos), VERSIONS[0], [Resource("sco-1", ("m1.html",), href="m1.html")], 80)
    root = ET.fromstring(xml)
    assert [e.text for e in root.iter(f"{{{CP['1.2']}}}title")] == ["Kurs & co", "<b>Modul</b> & «1»"]
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')


# --- one broken build -----------------------------------------------------------------

def test_a_module_page_loading_a_missing_file_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/kurs/modul-3.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="../../assets/images/finnes-ikke.svg" alt="">\n', encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "docs/kurs/modul-3.md (module 3", "finnes-ikke.svg", "not in the built site")
