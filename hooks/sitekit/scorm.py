"""SCORM packages of the course: one zip per language and SCORM version, made from
the built module pages, for organisations that run training in a learning platform.

Each module is one SCO (a page the platform launches and that reports to it). Its
package copy is the built page with three changes, in the copy only:
- the head ends with the script assets/js/lms.js, which talks to the platform (plain
  and synchronous, so it runs before the body's scripts read the stored answers); each
  package's copy of lms.js names the package's SCORM version, so the pages are the
  same in both versions' zips;
- every link that leaves the page opens the public site in a new tab (a link inside
  the platform's frame would leave the course), and links within the page stay;
- the search box and the language switch are left out: the package has no search
  index, and the platform gives each language its own package.

The zip holds exactly the files the pages need (the pages, the styles, scripts and
images they load, lms.js), at the same paths as on the site, so every relative URL
still holds. Every file is listed by a resource of the manifest: each module's own
files in its SCO resource, files that several modules share in an asset resource the
SCOs name as a dependency. Problems stop the build with the module and the file."""
from __future__ import annotations

import functools
import hashlib
import html
import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.exceptions import PluginError

from sitekit import diskcache
from sitekit.links import is_local, resolve


class ScormError(PluginError):
    """A package that cannot be made as it should be."""


LMS_SCRIPT = "assets/js/lms.js"
MANIFEST = "imsmanifest.xml"
# A fixed time for every file in a zip: the same sources give the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Names of the packages: <NAME>-<language>-<version suffix>.zip.
NAME = "inkluderingskompetanse"


@dataclass(frozen=True)
class Version:
    key: str  # what each package's copy of lms.js is told: "1.2" or "2004"
    suffix: str  # in the file name


VERSIONS = (Version("1.2", "scorm12"), Version("2004", "scorm2004"))
# The mark in lms.js that each package's copy has in place of its version's key: the
# pages are then the same in both versions, and each language's files are compressed once.
VERSION_MARK = "@inkl-scorm-version@"


@dataclass(frozen=True)
class Sco:
    """One module, as the package needs it."""

    number: int
    title: str  # plain text
    description: str  # plain text
    page: str  # the built page, relative to the site root: 'en/kurs/modul-1/index.html'
    src: str  # its Markdown file, for messages: 'docs/kurs/modul-1.en.md'
    quiz: str  # the module's quiz id


@dataclass(frozen=True)
class Course:
    language: str  # 'nb', 'en'
    title: str
    description: str
    scos: tuple[Sco, ...]


def package_name(language: str, version: Version) -> str:
    return f"{NAME}-{language}-{version.suffix}.zip"


# -- the package copy of a page ---------------------------------------------------

# A token of HTML: a comment, a script (its text is never a tag), a style element, or a tag.
_TOKEN = re.compile(
    r"<!--.*?-->|(<script\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)(.*?)(</script\s*>)|<style\b.*?</style\s*>"
    # Only the tags that can hold a URL: a page has thousands of others.
    r"|<(?:a|link|img|source|audio|video|track|embed|iframe|object)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S | re.I,
)
_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_ATTRIBUTE = r"""(\s{name}\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
# Attributes whose URL the browser fetches to show the page (the page needs the file).
FETCHED = {
    "script": "src", "img": "src", "source": "src", "audio": "src", "video": "src",
    "track": "src", "embed": "src", "iframe": "src", "object": "data",
}
# <link rel> values that load a file the page uses; other links (prev, next,
# canonical, alternate) point to pages.
LOADING_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest", "prefetch", "mask-icon"}

_GENERATOR = re.compile(r'\s*<meta name="generator" content="[^"]*">')
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)


@functools.cache
def _attribute_pattern(name: str) -> re.Pattern:
    return re.compile(_ATTRIBUTE.format(name=re.escape(name)), re.I)


def _attribute(tag: str, name: str) -> re.Match | None:
    return _attribute_pattern(name).search(tag)


def _value(match: re.Match) -> str:
    return html.unescape(next((group for group in match.groups()[1:] if group is not None), ""))


def _set_attribute(tag: str, name: str, value: str) -> str:
    """`tag` with attribute `name` set to `value` (added before the tag's end if absent)."""
    quoted = value.replace("&", "&amp;").replace('"', "&quot;")
    found = _attribute(tag, name)
    if found:
        return tag[: found.start()] + f'{found.group(1)}"{quoted}"' + tag[found.end():]
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return tag[:end].rstrip() + f' {name}="{quoted}"' + tag[end:]


def _element_end(html: str, start: int, name: str) -> int:
    """The end of the element whose start tag begins at `start` (nested elements of the same name counted)."""
    depth = 0
    for match in re.compile(rf"<(/?){name}\b[^>]*>", re.I).finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    raise ValueError(f"<{name}> at {start} is not closed")


def _without(html: str, start_tag: re.Pattern, name: str) -> str:
    """`html` without every element that `start_tag` finds (its start tag names element `name`)."""
    while found := start_tag.search(html):
        html = html[: found.start()] + html[_element_end(html, found.start(), name):]
    return html


# What makes no sense inside one SCO (see the module docstring).
_SEARCH_BUTTON = re.compile(r'<label class="md-header__button md-icon" for="__search">')
_SEARCH_NOJS = re.compile(r'<p class="inkl-search-nojs">')
_SEARCH = re.compile(r'<div class="md-search" data-md-component="search"')
_LANGUAGES = re.compile(r'<div class="md-header__option">(?=\s*<div class="md-select">)')


def without_site_tools(html: str) -> str:
    """The page without the search box (its button, dialog and note) and the language
    switch. Material's search toggle (the hidden checkbox) stays: its script needs it."""
    html = _without(html, _SEARCH_BUTTON, "label")
    html = _without(html, _SEARCH_NOJS, "p")
    html = _without(html, _SEARCH, "div")
    return _without(html, _LANGUAGES, "div")


def package_page(
    html: str, *, page: str, files: set[str], site_url: str, where: str,
) -> tuple[str, list[str]]:
    """The package copy of the built page `page` (path relative to the site root) and
    the site files it needs, the page itself first. `files` lists the built site's
    files; `where` names the module and its Markdown file for messages."""
    folder = posixpath.dirname(page)
    public_page = site_url.rstrip("/") + "/" + (folder + "/" if folder else "")
    needed: list[str] = [page]

    def needs(url: str, what: str) -> None:
        path = unquote(urlsplit(url).path)
        target = resolve(files, folder, path) if path else None
        if target is None:
            raise ScormError(f"{where}: the page loads '{url}' ({what}), which is not in the built site.")
        if target not in needed:
            needed.append(target)

    def leaves(url: str) -> str | None:
        """The public address of a link that leaves the page, or None for one that stays on it."""
        if not is_local(url):
            return url if urlsplit(url).scheme in ("http", "https") else None
        path = unquote(urlsplit(url).path)
        if not path or resolve(files, folder, path) == page:
            return None  # '#part', '?query', './#part': this page
        return urljoin(public_page, url)

    def tag(text: str) -> str:
        name = _NAME.match(text).group(1).lower()
        if name == "a":
            href = _attribute(text, "href")
            address = leaves(_value(href)) if href else None
            if address is None:
                return text
            text = _set_attribute(text, "href", address)
            text = _set_attribute(text, "target", "_blank")
            rel = _attribute(text, "rel")
            kept = [word for word in (_value(rel).split() if rel else []) if word not in ("noopener", "noreferrer")]
            return _set_attribute(text, "rel", " ".join([*kept, "noopener"]))
        if name == "link":
            href = _attribute(text, "href")
            if not href or not is_local(_value(href)):
                return text
            rel = _attribute(text, "rel")
            if rel and set(_value(rel).lower().split()) & LOADING_RELS:
                needs(_value(href), "a <link>")
                return text
            address = leaves(_value(href))
            return _set_attribute(text, "href", address) if address else text
        attribute = FETCHED.get(name)
        if attribute:
            for key in (attribute, "poster") if name == "video" else (attribute,):
                found = _attribute(text, key)
                if found and is_local(_value(found)) and not _value(found).startswith(("data:", "#")):
                    needs(_value(found), f"<{name} {key}>")
        found = _attribute(text, "srcset") if name in ("img", "source") else None
        for candidate in (_value(found).split(",") if found else []):
            url = candidate.strip().split(" ")[0]
            if url and is_local(url) and not url.startswith("data:"):
                needs(url, f"<{name} srcset>")
        return text

    def token(match: re.Match) -> str:
        if match.group(1) is not None:  # a script: its start tag only
            return tag(match.group(1)) + match.group(2) + match.group(3)
        text = match.group(0)
        return text if text.startswith("<!--") or text[:6].lower() == "<style" else tag(text)

    try:
        html = without_site_tools(_GENERATOR.sub("", html, count=1))
    except ValueError as error:
        raise ScormError(f"{where}: the built page cannot be read as expected: {error}.") from None
    html = _TOKEN.sub(token, html)
    head_end = html.lower().find("</head>")
    if head_end < 0:
        raise ScormError(f"{where}: the built page has no </head>, so lms.js has no place.")
    lms = posixpath.relpath(LMS_SCRIPT, folder or ".")
    needs(lms, "lms.js")
    injected = f'<script src="{lms}"></script>\n'
    line = html.rfind("\n", 0, head_end) + 1  # before the indent of </head>, if it has a line of its own
    at = line if not html[line:head_end].strip() else head_end
    return html[:at] + injected + html[at:], needed


def css_needs(css: str, path: str, files: set[str], where: str) -> list[str]:
    """The site files a style sheet at `path` loads with url(…) (data: URLs aside)."""
    found = []
    for match in _CSS_URL.finditer(css):
        url = next(group for group in match.groups() if group is not None).strip()
        if not url or url.startswith(("data:", "#")) or not is_local(url):
            continue
        target = resolve(files, posixpath.dirname(path), unquote(urlsplit(url).path))
        if target is None:
            raise ScormError(f"{where}: the style sheet {path} loads '{url}', which is not in the built site.")
        if target not in found:
            found.append(target)
    return found


# -- resources: each SCO's files, shared files once --------------------------------


@dataclass(frozen=True)
class Resource:
    identifier: str
    files: tuple[str, ...]
    href: str | None = None  # a SCO's launch page; None for an asset resource
    dependencies: tuple[str, ...] = ()


def sco_id(number: int) -> str:
    return f"sco-{number}"


def plan_resources(needs: Mapping[int, list[str]]) -> list[Resource]:
    """The manifest's resources for modules needing these files (module number →
    files, its page first): a file only one module needs is in its SCO resource; the
    files needed by the same several modules form one asset resource, which those
    SCOs name as a dependency. So each SCO, with its dependencies, lists exactly its
    files, and each file is listed once."""
    users: dict[str, tuple[int, ...]] = {}
    for number, files in needs.items():
        for name in files:
            users[name] = (*users.get(name, ()), number)
    everyone = tuple(needs)
    groups: dict[tuple[int, ...], list[str]] = {}
    for name, numbers in users.items():
        if len(numbers) > 1:
            groups.setdefault(numbers, []).append(name)
    group_id = {
        numbers: "shared" if numbers == everyone else "shared-" + "-".join(map(str, numbers)) for numbers in groups
    }
    resources = []
    for number, files in needs.items():
        own = tuple(name for name in files if len(users[name]) == 1)
        deps = tuple(group_id[numbers] for numbers in groups if number in numbers)
        resources.append(Resource(sco_id(number), own, href=files[0], dependencies=deps))
    for numbers, names in groups.items():
        resources.append(Resource(group_id[numbers], tuple(sorted(names))))
    return resources


# -- the manifest --------------------------------------------------------------------

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
NS12 = {
    "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "imsmd": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
    "xsi": XSI,
}
NS2004 = {
    "": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
    "xsi": XSI,
}
SCHEMA_LOCATIONS = {
    "1.2": (
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
        "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"
    ),
    "2004": (
        "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
        "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
        "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd "
        "http://ltsc.ieee.org/xsd/LOM lom.xsd"
    ),
}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}


def _ns(version: Version) -> dict[str, str]:
    return NS12 if version.key == "1.2" else NS2004


def _element(parent: ET.Element | None, ns: Mapping[str, str], name: str, text: str | None = None, **attributes: str) -> ET.Element:
    def qualified(key: str) -> str:
        prefix, _, local = key.rpartition(":")
        return f"{{{XML if prefix == 'xml' else ns[prefix]}}}{local}"

    tag = qualified(name)
    attrs = {qualified(key) if ":" in key else key: value for key, value in attributes.items()}
    element = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _lom(parent: ET.Element, ns: Mapping[str, str], version: Version, language: str, title: str, description: str) -> None:
    """Title and description as IEEE LOM metadata (the 1.2 binding or the 2004 one)."""
    if version.key == "1.2":
        lom = _element(parent, ns, "imsmd:lom")
        general = _element(lom, ns, "imsmd:general")
        for field, text in (("title", title), ("description", description)):
            _element(_element(general, ns, f"imsmd:{field}"), ns, "imsmd:langstring", text, **{"xml:lang": language})
    else:
        lom = _element(parent, ns, "lom:lom")
        general = _element(lom, ns, "lom:general")
        for field, text in (("title", title), ("description", description)):
            _element(_element(general, ns, f"lom:{field}"), ns, "lom:string", text, language=language)


def manifest(course: Course, version: Version, resources: list[Resource], mastery_percent: int) -> bytes:
    """imsmanifest.xml of the course's package in `version`: one item per module, in
    course order, each launching its SCO, with the mastery threshold."""
    ns = _ns(version)
    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    root = _element(
        None, ns, ":manifest", identifier=f"{NAME}-{course.language}-{version.suffix}", version="1",
        **{"xsi:schemaLocation": SCHEMA_LOCATIONS[version.key]},
    )
    metadata = _element(root, ns, ":metadata")
    _element(metadata, ns, ":schema", "ADL SCORM")
    _element(metadata, ns, ":schemaversion", SCHEMA_VERSION[version.key])
    _lom(metadata, ns, version, course.language, course.title, course.description)

    organizations = _element(root, ns, ":organizations", default="course")
    organization = _element(organizations, ns, ":organization", identifier="course")
    _element(organization, ns, ":title", course.title)
    for sco in course.scos:
        item = _element(organization, ns, ":item", identifier=f"item-{sco.number}", identifierref=sco_id(sco.number))
        _element(item, ns, ":title", sco.title)
        _lom(_element(item, ns, ":metadata"), ns, version, course.language, sco.title, sco.description)
        if version.key == "1.2":
            _element(item, ns, "adlcp:masteryscore", str(mastery_percent))
        else:
            # Passed when the score reaches the threshold: the platform compares
            # cmi.score.scaled with it and gives the SCO cmi.scaled_passing_score.
            # The page itself says when it is completed (every scored question checked).
            sequencing = _element(item, ns, "imsss:sequencing")
            objectives = _element(sequencing, ns, "imsss:objectives")
            primary = _element(objectives, ns, "imsss:primaryObjective", objectiveID=sco.quiz, satisfiedByMeasure="true")
            _element(primary, ns, "imsss:minNormalizedMeasure", _scaled(mastery_percent))
            _element(sequencing, ns, "imsss:deliveryControls", completionSetByContent="true", objectiveSetByContent="true")
    if version.key == "2004":
        # The reader may open the modules in any order, or go through them in course order.
        sequencing = _element(organization, ns, "imsss:sequencing")
        _element(sequencing, ns, "imsss:controlMode", choice="true", flow="true")

    resources_element = _element(root, ns, ":resources")
    type_key = "adlcp:scormtype" if version.key == "1.2" else "adlcp:scormType"
    for resource in resources:
        attributes = {"identifier": resource.identifier, "type": "webcontent", type_key: "sco" if resource.href else "asset"}
        if resource.href:
            attributes["href"] = resource.href
        element = _element(resources_element, ns, ":resource", **attributes)
        for name in resource.files:
            _element(element, ns, ":file", href=name)
        for dependency in resource.dependencies:
            _element(element, ns, ":dependency", identifierref=dependency)
    ET.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def _scaled(percent: int) -> str:
    return f"{percent / 100:g}"


def manifest_problems(xml: bytes, names: Iterable[str]) -> list[str]:
    """What makes the manifest unfit for a zip holding `names` (the manifest aside):
    an identifier used twice, a reference to no identifier, a file or href that is not
    in the zip, a file in the zip that no resource lists, a file listed twice."""
    root = ET.fromstring(xml)
    in_zip = set(names) - {MANIFEST}
    problems = []
    identifiers = [element.get("identifier") for element in root.iter() if element.get("identifier") is not None]
    for identifier in sorted({i for i in identifiers if identifiers.count(i) > 1}):
        problems.append(f"the identifier '{identifier}' is used {identifiers.count(identifier)} times")
    known = set(identifiers)
    for element in root.iter():
        ref = element.get("identifierref")
        if ref is not None and ref not in known:
            problems.append(f"'{ref}' (identifierref of <{element.tag.rpartition('}')[2]}>) names no identifier")
    listed: list[str] = []
    for resource in root.iter():
        if resource.tag.rpartition("}")[2] != "resource":
            continue
        own = [file.get("href") for file in resource if file.tag.rpartition("}")[2] == "file"]
        listed += own
        href = resource.get("href")
        if href is not None and href not in own:
            problems.append(f"resource '{resource.get('identifier')}' launches {href}, which it does not list as a file")
    for name in sorted({n for n in listed if listed.count(n) > 1}):
        problems.append(f"{name} is listed by more than one <file>")
    for name in sorted(set(listed) - in_zip):
        problems.append(f"{name} is listed but not in the zip")
    for name in sorted(in_zip - set(listed)):
        problems.append(f"{name} is in the zip but no resource lists it")
    return problems


# -- the zip ---------------------------------------------------------------------------


def zip_bytes(files: Mapping[str, bytes], after: bytes = b"") -> bytes:
    """A zip of `files` (name → content), by name; the same input gives the same bytes.
    With `after`, a zip: its entries come first, as they are (compressed once for
    several packages), and the new ones after them."""
    buffer = io.BytesIO(after)
    with zipfile.ZipFile(buffer, "a" if after else "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


# A package page and the zip of a language's shared files depend only on their input
# and this code: an earlier build's are taken from the build cache (sitekit.diskcache;
# making them was 0.1 s of every build). Problems stop the build before anything is kept.
_CODE = hashlib.sha256(Path(__file__).read_bytes() + (Path(__file__).parent / "links.py").read_bytes()).hexdigest()[:16]


def _key(*parts: str | bytes) -> str:
    digest = hashlib.blake2b(_CODE.encode(), digest_size=20)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _package_page_kept(html: str, *, page: str, files: set[str], files_key: str, site_url: str, where: str) -> tuple[str, list[str]]:
    name = f"scorm-page-{_key(page, site_url, files_key, html)}.json"
    kept = diskcache.read_json(name)
    if isinstance(kept, dict) and isinstance(kept.get("copy"), str) and isinstance(kept.get("needed"), list):
        return kept["copy"], kept["needed"]
    copy, needed = package_page(html, page=page, files=files, site_url=site_url, where=where)
    diskcache.write_json(name, {"copy": copy, "needed": needed})
    return copy, needed


def _zip_kept(files: Mapping[str, bytes]) -> bytes:
    name = f"scorm-zip-{_key(*(part for item in sorted(files.items()) for part in item))}.zip"
    kept = diskcache.read_bytes(name)
    if kept is not None:
        return kept
    made = zip_bytes(files)
    diskcache.write_bytes(name, made)
    return made


def build_packages(
    course: Course, *, read: Callable[[str], bytes], files: set[str], site_url: str, mastery_percent: int,
) -> dict[str, bytes]:
    """The zips of `course`, one per SCORM version, by file name. `read(name)` gives
    a built file's bytes; `files` lists the built site's files. The versions differ only
    in the manifest and in the version their copy of lms.js is told (VERSION_MARK): the
    other files are made and compressed once, and both zips have them first."""
    if not course.scos:
        raise ScormError(f"The course in '{course.language}' has no modules (no page with 'module:' front matter), so it has no SCORM package.")
    contents: dict[str, bytes] = {}
    files_key = "\n".join(sorted(files))
    needs: dict[int, list[str]] = {}
    loaded_by_css: dict[str, list[str]] = {}  # the same style sheets serve every module
    for sco in course.scos:
        where = f"{sco.src} (module {sco.number}, built as {sco.page}, SCORM package in '{course.language}')"
        html = read(sco.page).decode("utf-8")
        if f'data-quiz="{sco.quiz}"' not in html:
            raise ScormError(f"{where}: the page has no quiz '{sco.quiz}', so the module cannot report a score.")
        copy, needed = _package_page_kept(html, page=sco.page, files=files, files_key=files_key, site_url=site_url, where=where)
        contents[sco.page] = copy.encode("utf-8")
        for name in needed[1:]:
            if name.endswith(".css"):
                if name not in loaded_by_css:
                    loaded_by_css[name] = css_needs(read(name).decode("utf-8"), name, files, where)
                needed += [extra for extra in loaded_by_css[name] if extra not in needed]
            contents.setdefault(name, read(name))
        needs[sco.number] = needed
    resources = plan_resources(needs)
    lms = contents.pop(LMS_SCRIPT).decode("utf-8")
    if lms.count(VERSION_MARK) != 1:
        raise ScormError(f"overrides/{LMS_SCRIPT}: must have the mark '{VERSION_MARK}' once, where each package's copy names its SCORM version.")
    shared = _zip_kept(contents)
    packages = {}
    for version in VERSIONS:
        package = package_name(course.language, version)
        xml = manifest(course, version, resources, mastery_percent)
        problems = manifest_problems(xml, [*contents, LMS_SCRIPT])
        if problems:
            raise ScormError(f"{package}: the manifest would be invalid:\n  " + "\n  ".join(problems))
        own = {MANIFEST: xml, LMS_SCRIPT: lms.replace(VERSION_MARK, version.key).encode("utf-8")}
        packages[package] = zip_bytes(own, after=shared)
    return packages


def size_text(size: int, language: str) -> str:
    """A package's size for people: whole kilobytes (1 kB = 1,000 bytes), rounded up."""
    kilobytes = -(-size // 1000)
    grouped = f"{kilobytes:,}".replace(",", "\u00a0" if language == "nb" else ",")
    return f"{grouped}\u00a0kB"
