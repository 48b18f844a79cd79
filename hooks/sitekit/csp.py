"""A Content-Security-Policy for each built page, as a `<meta>` in its head.

GitHub Pages sends no security headers, so the policy travels in the page. It is
computed from the page's final HTML: each executable inline script is allowed by
the sha256 of its exact text, so whatever a template or hook writes into a script,
the policy matches it, and a script that was not in the built page cannot run.

What a policy in a `<meta>` cannot do (browsers ignore these there):
`frame-ancestors`, `report-uri`/`report-to` and `sandbox`. Nothing here relies on them."""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError


class CspError(PluginError):
    """A page the policy cannot be placed in as it should be."""


# The policy before the per-page script hashes. Beyond 'self' for everything,
# only what the site needs:
BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # Material's CSS draws its icons with `data:` SVG images (mask-image: url(data:…)),
    # which img-src governs.
    "img-src": ["'self'", "data:"],
    # No 'unsafe-inline' for styles: the built pages have no style attribute and no
    # <style> element (page_problems refuses them), and the scripts set styles through
    # element.style (CSSOM), which a policy does not restrict.
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# `mkdocs serve` injects a live-reload script that differs on every request, so no
# hash can match it: while serving, inline scripts are allowed without hashes
# (browsers ignore 'unsafe-inline' when a hash is present, so it is one or the other).
SERVING_SCRIPTS = ["'self'", "'unsafe-inline'"]

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# Types a browser runs (HTML's JavaScript MIME types, modules, import maps and
# speculation rules, which script-src governs too). Any other type, such as
# application/json, is a data block that is never run: those are not hashed, since
# a hash would only allow text that no browser executes.
_JS_TYPES = {
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
}

_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_OURS = '<meta http-equiv="Content-Security-Policy" content="'

# Inline style attributes and event handlers (onclick=…): the policy blocks them and
# no hash can allow them. A quick scan first; tags are read only where it finds one.
# (Spelt out rather than re.IGNORECASE, and without \s: both made it ten times slower.)
_MAYBE_INLINE = re.compile(r"[ \t\n\r\f](?:[oO][nN][a-zA-Z]+|[sS][tT][yY][lL][eE])\s*=")
_TAG_WITH_INLINE = re.compile(
    r"""<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*?"""
    r"""\s+(style|on[a-z]+)\s*=""",
    re.IGNORECASE,
)
_STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)


def runs(attributes: str) -> bool:
    """Whether a <script> with these attributes (the text inside its tag) is run."""
    found = _TYPE.search(attributes)
    kind = next((group for group in found.groups() if group is not None), "") if found else ""
    return kind.strip().lower() in _JS_TYPES


def source_hash(text: str) -> str:
    """The CSP source for an inline script's text: 'sha256-<base64>'. Browsers hash
    the text after the HTML parser has turned CR LF and CR into LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def script_hashes(html: str) -> list[str]:
    """The hash of every executable inline script in the page, in order, once each.
    A script with `src` needs none: 'self' allows it."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.group(1), match.group(2)
        if _SRC.search(attributes) or not runs(attributes):
            continue
        source = source_hash(text)
        if source not in hashes:
            hashes.append(source)
    return hashes


def build_policy(hashes: list[str], *, serving: bool = False) -> str:
    """The policy text: BASE_POLICY with the script hashes (or, while serving, inline
    scripts allowed; see SERVING_SCRIPTS)."""
    directives = dict(BASE_POLICY)
    directives["script-src"] = SERVING_SCRIPTS if serving else [*BASE_POLICY["script-src"], *hashes]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def page_problems(html: str) -> list[str]:
    """What in the page the policy would block that no hash can allow: inline style
    attributes, event-handler attributes and <style> elements (scripts' text aside)."""
    if not _MAYBE_INLINE.search(html) and not _STYLE_ELEMENT.search(html):
        return []
    outside_scripts = _SCRIPT.sub("<script></script>", html)
    problems = []
    for match in _TAG_WITH_INLINE.finditer(outside_scripts):
        attribute = match.group(1).lower()
        tag = re.match(r"<[^\s/>]+", match.group(0)).group(0)
        if attribute == "style":
            problems.append(f"a style attribute ({tag} … style=…): use a class and a rule in overrides/assets/css/site.css")
        else:
            problems.append(f"an inline event handler ({tag} … {attribute}=…): attach it from a script in overrides/assets/js/")
    if _STYLE_ELEMENT.search(outside_scripts):
        problems.append("a <style> element: put the rules in overrides/assets/css/site.css")
    return problems


def _without_policy(html: str) -> str:
    """The page without the policy add_policy put in, and without its line."""
    while (start := html.find(_OURS)) >= 0:
        end = html.index(">", start) + 1
        line = html.rfind("\n", 0, start)
        if line >= 0 and not html[line + 1:start].strip():
            start = line
        html = html[:start] + html[end:]
    return html


def add_policy(html: str, *, name: str, serving: bool = False) -> str:
    """The page with its policy in a <meta> right after <meta charset> (or at the
    start of <head>), before any script. An earlier policy of ours is replaced, so
    a page can be done twice. `name` (the page's source) is for messages."""
    problems = page_problems(html)
    if problems:
        raise CspError(
            f"{name}: the Content-Security-Policy would block "
            + "; ".join(dict.fromkeys(problems))
            + "."
        )
    html = _without_policy(html)
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise CspError(f"{name}: the page has no <head>, so it has no place for its Content-Security-Policy.")
    first_script = re.search(r"<script\b", html, re.IGNORECASE)
    if first_script and first_script.start() < anchor.end():
        raise CspError(f"{name}: a <script> comes before <meta charset>, so the Content-Security-Policy cannot come first.")
    policy = build_policy(script_hashes(html), serving=serving)
    indent = re.match(r"[ \t]*", html[html.rfind("\n", 0, anchor.start()) + 1:]).group(0)
    meta = f'\n{indent}<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: anchor.end()] + meta + html[anchor.end():]
