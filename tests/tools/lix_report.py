"""Print the LIX readability score of every page, with its section's limit.

    .venv/bin/python tests/tools/lix_report.py [SITE]

SITE is a built site folder; without it the project is built first (a few seconds).
How LIX is counted: tests/content/readability.py."""
from __future__ import annotations

from _site import pages_from_arguments

from content.readability import lix_table

if __name__ == "__main__":
    print(lix_table(pages_from_arguments(__doc__.splitlines()[0])))
