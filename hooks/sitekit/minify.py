"""Our own scripts and styles (overrides/assets/js, overrides/assets/css), minified in
the built site. Their comments explain the code and stay in the sources; a reader's
phone need not download them (issue 16: a first visit under 100 KiB). Material's own
files are minified already and left alone. rjsmin and rcssmin only drop comments and
white space, and never rename anything.

Pages lose the indentation at the start of their lines (compact_html): about 0.9 KiB
gzipped on a module page. A line break with spaces after it shows as one space, as a
line break alone does, so the page looks the same; text where white space counts
(pre, textarea) and inline scripts and styles (the CSP check hashes them) are kept
as they are."""
from __future__ import annotations

import re
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


# Elements whose text is kept exactly; between them, indentation after a line break goes.
_KEEP = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")


def compact_html(html: str) -> str:
    """`html` without the indentation at the start of its lines, outside pre, textarea,
    script and style."""
    parts, start = [], 0
    for kept in _KEEP.finditer(html):
        parts.append(_INDENT.sub("\n", html[start:kept.start()]))
        parts.append(kept.group(0))
        start = kept.end()
    parts.append(_INDENT.sub("\n", html[start:]))
    return "".join(parts)
