"""Build the site, or a changed copy of it, for tests."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "hooks", "overrides", "quizzes"]


def build(project: Path, site: Path, *extra: str, env_site_url: str = "http://127.0.0.1:8000/", keep_bytecode: bool = False,
          temp_dir: Path | None = None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`, exactly as the Pages workflow
    builds (no `-q`: in MkDocs 1.6 it stops --strict from counting warnings); output
    captured, never raises. `keep_bytecode`: Python writes and reuses the hooks' .pyc
    files, as it does on a machine without PYTHONDONTWRITEBYTECODE (the benchmarks).
    `temp_dir`: the build's temp folder (TMPDIR), and so the home of its build cache.
    `prefix`: a command that runs the build (the benchmark's instruction count: valgrind)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": env_site_url}
    if keep_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    if temp_dir is not None:
        env["TMPDIR"] = str(temp_dir)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site), *extra],
        capture_output=True, text=True, env=env, cwd=project,
    )


def assert_fails_cleanly(project: Path, site: Path, *needles: str) -> str:
    """Build `project`; the build must fail with every needle in its output and no
    Python traceback (bad input gets a message, never a stack trace)."""
    result = build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for needle in needles:
        assert needle in output, output
    return output


def copy_project(target: Path) -> Path:
    """A copy of the project's site sources, to break on purpose."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target


DEMO_QUIZ = ROOT / "tests/fixtures/quiz-demo.yml"


def add_demo_quiz(project: Path, page: str = "om/index") -> None:
    """Put the demo quiz into a project copy and place it on `page` in both languages."""
    (project / "quizzes").mkdir(exist_ok=True)
    shutil.copy2(DEMO_QUIZ, project / "quizzes" / DEMO_QUIZ.name)
    for suffix in (".md", ".en.md"):
        path = project / "docs" / f"{page}{suffix}"
        path.write_text(path.read_text(encoding="utf-8") + "\n<!-- quiz: quiz-demo -->\n", encoding="utf-8")


DEMO_FIGURE = ROOT / "tests/fixtures/figur-demo.yml"


def add_demo_figure(project: Path, page: str = "forskning/index") -> None:
    """Put the demo figure data into a project copy and place it on `page` in both languages."""
    (project / "docs/data/figurer").mkdir(parents=True, exist_ok=True)
    shutil.copy2(DEMO_FIGURE, project / "docs/data/figurer" / DEMO_FIGURE.name)
    for suffix in (".md", ".en.md"):
        path = project / "docs" / f"{page}{suffix}"
        path.write_text(path.read_text(encoding="utf-8") + "\n<!-- figure: figur-demo -->\n", encoding="utf-8")
