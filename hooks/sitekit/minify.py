"""Our own scripts and styles (overrides/assets/js, overrides/assets/css), minified in
the built site. Their comments explain the code and stay in the sources; a reader's
phone need not download them (issue 16: a first visit under 100 KiB). Material's own
files are minified already and left alone. rjsmin and rcssmin only drop comments and
white space, and never rename anything."""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# The folders under the built site that hold our files, and how to minify each kind.
FOLDERS = {"assets/js": ("*.js", rjsmin.jsmin), "assets/css": ("*.css", rcssmin.cssmin)}


def minify_site(site_dir: Path) -> int:
    """Minify our files in `site_dir` in place; the number of bytes saved."""
    saved = 0
    for folder, (pattern, minify) in FOLDERS.items():
        for path in sorted((site_dir / folder).glob(pattern)):
            text = path.read_text(encoding="utf-8")
            small = minify(text)
            if small != text:
                path.write_text(small, encoding="utf-8")
                saved += len(text.encode("utf-8")) - len(small.encode("utf-8"))
    return saved
