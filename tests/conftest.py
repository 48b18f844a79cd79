"""Shared fixtures: the site built once per session, a local server for it, and
Debian's Chromium for Playwright (pytest-playwright's `page` fixture)."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import socket
import shutil
import threading
from pathlib import Path

import pytest

from sitebuild import ROOT, add_demo_quiz, build, copy_project

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium off the network it cannot reach here (see DESIGN.md).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def built_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str, make) -> Path:
    """A folder that `make(folder)` fills, made once per test run: the parallel workers
    (pytest-xdist) share it through the run's temporary folder and a file lock, so the
    site is built once, not once per worker. `make` fails the test if it fails."""
    if worker_id == "master":  # not in parallel
        target = tmp_path_factory.mktemp(name)
        make(target)
        return target
    shared = tmp_path_factory.getbasetemp().parent  # one per run, shared by its workers
    target = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / f"{name}.done").exists():
            shutil.rmtree(target, ignore_errors=True)  # a worker before this one failed halfway
            make(target)
            (shared / f"{name}.done").touch()
    return target


def _build_site(project: Path, target: Path, what: str) -> None:
    result = build(project, target)
    assert result.returncode == 0, f"{what} does not build:\n{result.stderr}"


def _failed_build(target: Path, additions: list[tuple[str, str]]) -> None:
    """Build a copy of the project with `additions` (docs page, text appended); keep
    what the build printed in `target/output.txt`."""
    project = copy_project(target / "project")
    for page, text in additions:
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    result = build(project, target / "site")
    assert result.returncode != 0, "the build with broken links did not fail:\n" + result.stdout + result.stderr
    (target / "output.txt").write_text(result.stdout + result.stderr, encoding="utf-8")


# Several mistakes in one copy of the project, built once per run: the check that finds
# them reports every one, so one failing build serves several tests. MkDocs' own link
# warnings and hooks/links.py need a build each: the warnings stop the build (strict)
# before the link checker runs.
MKDOCS_LINK_MISTAKES = [
    ("om/index.md", "\nSe [siden](finnes-ikke.md).\n"),  # a page that does not exist
    ("om/index.en.md", "\nSee [this](kilder.md#no-such-heading).\n"),  # a heading that does not exist
    # A link to a folder instead of its Markdown file: only a warning in MkDocs.
    ("om/index.md", "\nSe [kildene](kilder/).\n"),
    ("om/index.en.md", "\nSee [the sources](kilder/).\n"),
]
BUILT_LINK_MISTAKES = [
    ("om/index.md", '\n<p><a href="../borte/">borte</a></p>\n'),  # raw HTML to a page that does not exist
    ("om/index.en.md", '\n<p><a href="kilder/#nowhere">x</a></p>\n'),  # om/kilder exists, #nowhere does not
    ("om/index.en.md", '\n<p><a href="../../om/kilder/">Kilder</a></p>\n'),  # an English page to a bokmål one
]


@pytest.fixture(scope="session")
def mkdocs_link_mistakes(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> str:
    """What the build printed for MKDOCS_LINK_MISTAKES (it failed)."""
    folder = built_once(tmp_path_factory, worker_id, "mkdocs-link-mistakes", lambda t: _failed_build(t, MKDOCS_LINK_MISTAKES))
    return (folder / "output.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_link_mistakes(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> str:
    """What the build printed for BUILT_LINK_MISTAKES (it failed)."""
    folder = built_once(tmp_path_factory, worker_id, "built-link-mistakes", lambda t: _failed_build(t, BUILT_LINK_MISTAKES))
    return (folder / "output.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real site, built with --strict into a temporary folder, once per run."""
    return built_once(tmp_path_factory, worker_id, "site", lambda target: _build_site(ROOT, target, "the site"))


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; a missing page gets its language's 404 page, as a
    host configured for this site would."""

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def send_error(self, code, message=None, explain=None):
        root = Path(self.directory)
        page = root / ("en/404.html" if self.path.startswith("/en/") else "404.html")
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(directory: Path):
    """Serve a built site on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_SiteHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site: Path):
    """Base URL of the built site served on 127.0.0.1 at a free port."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def quiz_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site with tests/fixtures/quiz-demo.yml (every question type) placed on
    the About page in both languages, built once per run."""
    def make(target: Path) -> None:
        project = target.parent / f"{target.name}-project"
        shutil.rmtree(project, ignore_errors=True)
        copy_project(project)
        add_demo_quiz(project)
        _build_site(project, target, "the quiz site")
    return built_once(tmp_path_factory, worker_id, "quiz-site", make)


@pytest.fixture(scope="session")
def quiz_server(quiz_site: Path):
    with serving(quiz_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Use Debian's Chromium; Playwright's own browser download does not work here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def errors(page):
    """Uncaught errors in the page (Playwright's `page`); none is allowed."""
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(str(error)))
    yield seen
    assert seen == [], seen


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A build cache folder of this test's own (sitekit.diskcache), private as the real one."""
    from sitekit import diskcache

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(diskcache, "_folder", folder)
    monkeypatch.setattr(diskcache, "_checked", True)
    return folder
