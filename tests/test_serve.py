"""`mkdocs serve` (what `./dev serve` runs) rebuilds when a quiz file changes."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import _free_port
from sitebuild import add_demo_quiz, copy_project


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float = 40) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page and text in page:
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_a_quiz_file_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_demo_quiz(project)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-q", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/om/"
        assert _wait_for(url, "Test deg selv"), "mkdocs serve did not serve the quiz"
        quiz = project / "quizzes/quiz-demo.yml"
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("nb: Test deg selv", "nb: Sjekk deg selv"), encoding="utf-8")
        assert _wait_for(url, "Sjekk deg selv"), "the quiz change did not reach the served page"
    finally:
        server.terminate()
        server.wait(timeout=10)
