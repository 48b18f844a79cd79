"""Shared fixtures: the site built once per session, a local server for it, and
Debian's Chromium for Playwright (pytest-playwright's `page` fixture)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import socket
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


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built with --strict into a temporary folder."""
    target = tmp_path_factory.mktemp("site")
    result = build(ROOT, target)
    assert result.returncode == 0, f"the site does not build:\n{result.stderr}"
    return target


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
def quiz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with tests/fixtures/quiz-demo.yml (every question type) placed on
    the About page in both languages, built once."""
    project = copy_project(tmp_path_factory.mktemp("quiz-project"))
    add_demo_quiz(project)
    target = tmp_path_factory.mktemp("quiz-site")
    result = build(project, target)
    assert result.returncode == 0, f"the quiz site does not build:\n{result.stderr}"
    return target


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
