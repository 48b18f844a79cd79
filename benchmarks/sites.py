"""The sites the benchmark compares, made in a temporary folder: a snapshot of the
project, the same without hooks, the same with its content copied 2× and 3×, and a
bare Material site holding the text of a few of our pages. Also the local server,
which answers as GitHub Pages does (gzip, cache headers) and logs what it sends."""
from __future__ import annotations

import compileall
import contextlib
import email.utils
import functools
import gzip
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
import sitebuild  # noqa: E402  (tests/sitebuild.py: copy_project, build — exactly as the Pages workflow builds)

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
# Our own markers in Markdown: hooks turn them into HTML; a bare Material site drops them.
MARKERS = re.compile(r"<!--\s*(?:quiz|figure|course)\s*:[^>]*-->|<!--\s*glossary\s*-->")
# Front-matter keys that make a page a course module or a session plan (hooks/course.py).
COURSE_KEYS = ("template", "module", "session")


# ---------------------------------------------------------------------------------------
# The server


@dataclass
class Sent:
    """One response as the server sent it: body bytes on the wire (gzipped when it was)."""
    path: str
    status: int
    body: int
    headers: int
    content_type: str


@dataclass
class Server:
    base: str
    log: list[Sent] = field(default_factory=list)

    def take(self) -> list[Sent]:
        """What was sent since the last call, and forget it."""
        taken, self.log[:] = list(self.log), []
        return taken


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site quietly, as GitHub Pages does: text gzipped (level 6) when
    the browser accepts it, `Cache-Control: max-age=600` with an ETag (a revisit
    within ten minutes fetches nothing; later, a 304), the root 404.html for a
    missing path, keep-alive connections. Without gzip Lighthouse charges ~235 KiB of
    "enable text compression" to the site; without cache headers a second page would
    fetch everything again. Every response is logged with the bytes it put on the wire."""

    protocol_version = "HTTP/1.1"

    def __init__(self, *args, record=None, **kwargs):
        self._record = record
        self._header_bytes = 0
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self._header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def _log(self, status: int, body: int, content_type: str) -> None:
        if self._record:
            self._record(Sent(unquote(urlsplit(self.path).path), status, body, self._header_bytes, content_type))

    def send_head(self):
        url_path = urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                self._log(301, 0, "")
                return super().send_head()  # the redirect to the folder with a slash
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                self._log(404, 0, "text/html")
                return None
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        content_type = self.guess_type(str(path))
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self._cache_headers(etag, stat.st_mtime)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self._log(304, 0, content_type)
            return io.BytesIO(b"")
        body = path.read_bytes()
        gzipped = path.suffix in TEXT_SUFFIXES and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        if status == 200:
            self._cache_headers(etag, stat.st_mtime)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._log(status, len(body), content_type)
        return io.BytesIO(body)

    def _cache_headers(self, etag: str, mtime: float) -> None:
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that Lighthouse kills resets its keep-alive connections: not news."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(site: Path) -> Iterator[Server]:
    """Serve `site` on 127.0.0.1 at a free port; yield the base URL and the send log."""
    server = Server("")
    handler = functools.partial(_SiteHandler, directory=str(site), record=server.log.append)
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    server.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` and yield its base URL (for benchmarks/quiz.py)."""
    with serve_site(site) as server:
        yield server.base


# ---------------------------------------------------------------------------------------
# Project copies


def snapshot(target: Path) -> Path:
    """A copy of the site's sources as they are on disk now, hooks byte-compiled (so no
    build pays for that), to build and time: others may edit the checkout meanwhile."""
    project = sitebuild.copy_project(target)
    compileall.compile_dir(project / "hooks", quiet=1)
    return project


def clone(project: Path, target: Path) -> Path:
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("site"))
    return target


def without_hooks(project: Path) -> str:
    """Remove the `hooks:` list from mkdocs.yml; returns what the copy is, in words."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    stripped, count = re.subn(r"(?m)^hooks:\n(?:[ \t]+-[^\n]*\n|[ \t]*#[^\n]*\n|[ \t]*\n)+", "", text)
    if not count:
        raise ValueError("mkdocs.yml has no 'hooks:' list to remove")
    config.write_text(stripped, encoding="utf-8")
    return "the same project with the hooks: list removed from mkdocs.yml"


def relax_strict(project: Path) -> None:
    """`strict: false`: for a copy that only builds with warnings (said in the output)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^strict:.*$", "strict: false", text), encoding="utf-8")


def _front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            return text[4:end + 1], text[end + 5:]
    return "", text


def _drop_keys(front: str, keys: tuple[str, ...]) -> str:
    """Top-level YAML keys and their indented children removed, as text (no re-dump)."""
    kept, skipping = [], False
    for line in front.splitlines(keepends=True):
        if line[:1] not in (" ", "\t", "-", "\n", "#") and line.strip():
            skipping = line.split(":", 1)[0].strip() in keys
        if not skipping:
            kept.append(line)
    return "".join(kept)


def _copy_page(text: str, prefix: str) -> str:
    """A page for a content copy: no longer a course module or session plan (those are
    numbered and unique), the course printout marker dropped (it must sit beside the
    modules), the contacts card's and the SCORM packages' (one each a site), quiz and figure markers pointing
    to renamed copies of their data (a data file is placed once per language). The other
    course markers stay: they list the course's modules, which are the originals'."""
    front, body = _front_matter(text)
    body = re.sub(r"<!--\s*(?:course\s*:\s*printout|contacts\s*:\s*card|scorm\s*:\s*packages)\s*-->", "", body)
    body = re.sub(r"<!--\s*(quiz|figure)\s*:\s*([^\s>]+)\s*-->", lambda m: f"<!-- {m[1]}: {prefix}{m[2]} -->", body)
    return (f"---\n{_drop_keys(front, COURSE_KEYS)}---\n" if front else "") + body


def _copy_data(originals: list[Path], prefix: str) -> int:
    """Each data file copied beside itself, with the prefix on its name and its id."""
    count = 0
    for path in originals:
        text = path.read_text(encoding="utf-8")
        text, found = re.subn(r"(?m)^id:\s*(\S+)\s*$", lambda m: f"id: {prefix}{m[1]}", text, count=1)
        if found:
            (path.parent / f"{prefix}{path.name}").write_text(text, encoding="utf-8")
            count += 1
    return count


def scaled(project: Path, copies: int) -> dict:
    """Grow `project` to `copies`× its content: docs/ (not docs/data/) copied into
    docs/kopi-N/ for N = 2..copies, each copy a new top-level nav section with its
    English label, its quiz and figure data duplicated under new ids. Returns counts."""
    docs, config = project / "docs", project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav_at = text.index("\nnav:\n") + len("\nnav:\n")
    nav_end = re.search(r"(?m)^\S", text[nav_at:])
    nav_block = text[nav_at: nav_at + nav_end.start()] if nav_end else text[nav_at:]
    originals = [p for p in docs.rglob("*") if p.is_file() and "data" not in p.relative_to(docs).parts[:1]]
    data = sorted((project / "quizzes").glob("*.yml")) + sorted((docs / "data" / "figurer").glob("*.yml"))
    added_nav, translations = [], []
    for number in range(2, copies + 1):
        folder, prefix = f"kopi-{number}", f"kopi-{number}-"
        for path in originals:
            target = docs / folder / path.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".md":
                target.write_text(_copy_page(path.read_text(encoding="utf-8"), prefix), encoding="utf-8")
            else:
                shutil.copy2(path, target)
        _copy_data(data, prefix)
        moved = re.sub(r"([\w./-]+\.md)\b", lambda m: f"{folder}/{m[1]}", nav_block)
        added_nav.append(f"  - Kopi {number}:\n" + "".join("    " + line + "\n" for line in moved.splitlines() if line.strip()))
        translations.append(f"Kopi {number}: Copy {number}")
    insert_at = nav_at + len(nav_block.rstrip("\n")) + 1
    text = text[:insert_at] + "".join(added_nav) + text[insert_at:]
    match = re.search(r"(?m)^([ \t]*)nav_translations:\n([ \t]*)", text)
    if match:
        indent = match[2]
        text = text[:match.end(2)] + "".join(f"{line}\n{indent}" for line in translations) + text[match.end(2):]
    config.write_text(text, encoding="utf-8")
    pages = sum(1 for p in docs.rglob("*.md") if "data" not in p.relative_to(docs).parts[:1])
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in docs.rglob("*.md"))
    return {"copies": copies, "markdown_files": pages, "words": words}


# ---------------------------------------------------------------------------------------
# The bare Material reference


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !relative tags plain YAML does not know."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def source_of(path: str, docs: Path, languages: list[str]) -> tuple[str, Path]:
    """Our page's language and Markdown file for a site path ('/en/kurs/modul-3/')."""
    parts = [p for p in path.strip("/").split("/") if p]
    language = languages[0]
    if parts and parts[0] in languages[1:]:
        language, parts = parts[0], parts[1:]
    suffix = ".md" if language == languages[0] else f".{language}.md"
    stem = "/".join(parts)
    for candidate in ([f"{stem}{suffix}", f"{stem}/index{suffix}"] if stem else [f"index{suffix}"]):
        if (docs / candidate).is_file():
            return language, docs / candidate
    raise FileNotFoundError(f"no Markdown source for {path} in {docs}")


def bare_text(markdown: str) -> str:
    """Our page's Markdown as plain Material can build it: front matter and our markers
    dropped, links to our other pages kept as their text, local images dropped, the
    front-matter title as the heading when the page has none (module templates print it)."""
    front, body = _front_matter(markdown)
    body = MARKERS.sub("", body)
    body = re.sub(r"!\[[^\]]*\]\((?!https?:)[^)]*\)(\{[^}]*\})?", "", body)
    body = re.sub(r"(?<!!)\[([^\]]+)\]\((?!https?:|mailto:)[^)]*\)", r"\1", body)
    title = (yaml.load(front, Loader=_AnyTagLoader) or {}).get("title") if front else None
    if title and not re.search(r"(?m)^# ", body):
        body = f"# {title}\n\n{body.lstrip()}"
    return body


def bare_material(target: Path, paths: list[str], languages: list[str]) -> dict[str, str]:
    """Build a minimal Material site (our pins: the project venv; `font: false` as ours;
    only the search plugin; our Markdown extensions) with the text of our `paths`, each
    at the same path, one site per language (English in en/). Returns our path → its
    twin's path (the same). Raises subprocess.CalledProcessError when it does not build."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    site = target / "site"
    by_language: dict[str, list[tuple[str, Path]]] = {}
    for path in paths:
        language, source = source_of(path, ROOT / "docs", languages)
        by_language.setdefault(language, []).append((path, source))
    for language in languages:  # default language first: its build cleans the site folder
        pages = by_language.get(language)
        if not pages:
            continue
        project = target / f"bare-{language}"
        docs = project / "docs"
        for path, source in pages:
            rel = [p for p in path.strip("/").split("/") if p]
            if rel and rel[0] == language and language != languages[0]:
                rel = rel[1:]
            page = docs / ("/".join(rel) + "/index.md" if rel else "index.md")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(bare_text(source.read_text(encoding="utf-8")), encoding="utf-8")
        prefix = "" if language == languages[0] else f"{language}/"
        bare = {
            "site_name": "Bare Material",
            "site_url": f"http://127.0.0.1:8000/{prefix}",
            "theme": {"name": "material", "font": False, "language": language},
            "plugins": ["search"],
            "markdown_extensions": config.get("markdown_extensions", []),
        }
        (project / "mkdocs.yml").write_text(yaml.safe_dump(bare, allow_unicode=True, sort_keys=False), encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site / prefix)],
            cwd=project, check=True, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return site
