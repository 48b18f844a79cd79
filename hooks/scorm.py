"""SCORM packages of the course, one per language and SCORM version, made from the
built module pages once the whole site is built (see sitekit.scorm), and the
`<!-- scorm: packages -->` marker that lists them with their sizes on the download page."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitekit.course import MASTERY_PERCENT, course_modules
from sitekit.languages import current_locale, site_languages
from sitekit.scorm import VERSIONS, Course, ScormError, Sco, build_packages, package_name, size_text
from sitekit.templates import partials_env

log = get_plugin_logger("scorm")

MARKER = re.compile(r"<!--\s*scorm:\s*([^\s>]*)\s*-->")
# Where the size of a package goes until the package exists (on_post_build fills it in).
SIZE = re.compile(r"\[\[scorm-size:([^\]]+)\]\]")

# Per language, from the build now running (i18n builds each language in turn; each
# build sets its own language's entries, so nothing is left from an earlier build).
_courses: dict[str, Course] = {}
_downloads: dict[str, Page] = {}  # the page listing the packages


def on_pre_build(*, config: MkDocsConfig) -> None:
    _courses.pop(current_locale(config), None)
    _downloads.pop(current_locale(config), None)


def _plain(text: object) -> str:
    """A title or description (escaped text or heading HTML, see hooks/pages.py) as plain text."""
    return Markup(str(text)).striptags()


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if "course: tasks" not in (page.markdown or ""):
        return context
    # The course overview: every page of this language has been read by now.
    pages = {p.url: p for p in nav.pages}
    scos = tuple(
        Sco(
            number=m.number, title=_plain(m.title), description=_plain(pages[m.url].meta.get("description", "")),
            page=pages[m.url].file.dest_uri, src=f"docs/{m.src}", quiz=m.meta.quiz,
        )
        for m in course_modules(nav.pages)
    )
    language = current_locale(config)
    _courses[language] = Course(language, _plain(page.title), _plain(page.meta.get("description", "")), scos)
    return context


def _prefix(config: MkDocsConfig) -> str:
    return next(lang.prefix for lang in site_languages(config) if lang.locale == current_locale(config))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if not MARKER.search(html):
        return html
    src = f"docs/{page.file.src_uri}"
    prefix = _prefix(config)
    here = page.url[len(prefix):]  # the page's path without the language folder; its twins share it
    packages = [
        {
            "language": lang.locale, "version": version,
            "href": get_relative_url(f"{lang.prefix}{here}{package_name(lang.locale, version)}", page.url),
            "name": package_name(lang.locale, version),
            "size": f"[[scorm-size:{lang.prefix}{here}{package_name(lang.locale, version)}]]",
        }
        for lang in site_languages(config) for version in VERSIONS
    ]
    template = partials_env(config.theme).get_template("partials/scorm-packages.html")

    def render(match: re.Match) -> str:
        if match.group(1) != "packages":
            raise ScormError(f"{src}: unknown marker '<!-- scorm: {match.group(1)} -->'; use '<!-- scorm: packages -->'.")
        return template.render(config=config, page=page, packages=packages)

    _downloads[current_locale(config)] = page
    return MARKER.sub(render, html)


@event_priority(-260)  # after the other languages are built and minify.py has run; before links.py (-300) checks the links to the zips
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # an inner, per-language build: the other languages are not built yet
    started = time.perf_counter()
    if not config.site_url:
        raise ScormError("mkdocs.yml: 'site_url' is empty; the SCORM package pages link to the public site at that address.")
    site = Path(config.site_dir)
    files = {
        (Path(folder) / name).relative_to(site).as_posix() for folder, _, names in os.walk(site) for name in names
    }
    cache: dict[str, bytes] = {}

    def read(name: str) -> bytes:
        if name not in cache:
            cache[name] = (site / name).read_bytes()
        return cache[name]

    sizes: dict[str, int] = {}
    for lang in site_languages(config):
        course = _courses.get(lang.locale)
        download = _downloads.get(lang.locale)
        if course is None:
            raise ScormError(f"No course overview (a page with '<!-- course: tasks -->') in '{lang.locale}': the SCORM packages need its title.")
        if download is None:
            raise ScormError(f"No page in '{lang.locale}' lists the SCORM packages: put '<!-- scorm: packages -->' on the course's download page.")
        built = build_packages(course, read=read, files=files, site_url=config.site_url, mastery_percent=MASTERY_PERCENT)
        for name, data in built.items():
            target = f"{download.url}{name}"  # beside the download page of the language
            (site / target).write_bytes(data)
            sizes[target] = len(data)

    for lang in site_languages(config):
        page = _downloads[lang.locale]
        path = site / page.file.dest_uri
        text = path.read_text(encoding="utf-8")

        def size(match: re.Match) -> str:
            if match.group(1) not in sizes:
                raise ScormError(f"docs/{page.file.src_uri}: no package {match.group(1)} was built.")
            return size_text(sizes[match.group(1)], lang.locale)

        path.write_text(SIZE.sub(size, text), encoding="utf-8")
    log.debug(f"{len(sizes)} SCORM packages in {time.perf_counter() - started:.3f} s")
