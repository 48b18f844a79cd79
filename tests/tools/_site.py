"""Shared by the author scripts in this folder: the built site as pages."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(TESTS), str(TESTS.parent / "hooks")]

from content.site import Page, load_site  # noqa: E402
from sitebuild import ROOT, build  # noqa: E402


def pages_from_arguments(description: str) -> list[Page]:
    """The pages of the site folder given on the command line, or of a fresh
    build of the project into a temporary folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("site", nargs="?", type=Path, help="a built site folder (default: build the project now)")
    site = parser.parse_args().site
    if site is not None:
        return load_site(site, ROOT / "docs")
    with tempfile.TemporaryDirectory() as folder:
        result = build(ROOT, Path(folder))
        if result.returncode != 0:
            sys.exit(f"The site does not build:\n{result.stderr}")
        return load_site(Path(folder), ROOT / "docs")
