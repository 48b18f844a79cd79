"""Print every external address on the site, grouped by host, with the pages
that use it, and any that the content check would fail.

    .venv/bin/python tests/tools/external_links.py [SITE]

SITE is a built site folder; without it the project is built first (a few seconds).
The allowed hosts: tests/content/allowed-hosts.txt."""
from __future__ import annotations

from _site import pages_from_arguments

from content.links import check_external_links, links_by_host

if __name__ == "__main__":
    pages = pages_from_arguments(__doc__.splitlines()[0])
    print(links_by_host(pages))
    for problem in check_external_links(pages):
        print(problem)
