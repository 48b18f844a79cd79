"""Build the site, or a changed copy of it, for tests."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "hooks", "overrides", "quizzes"]


def build(project: Path, site: Path, *extra: str, env_site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`; output captured, never raises."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": env_site_url}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site), *extra],
        capture_output=True, text=True, env=env, cwd=project,
    )


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
