"""The measurements: builds (timed, profiled), page loads in Chromium (bytes on the
wire, as the local server logged them), and Lighthouse. Plain functions returning
figures; run.py orders, interleaves and prints them."""
from __future__ import annotations

import gzip
import json
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from sites import ROOT, Sent, Server, sitebuild

CHROMIUM = "/usr/bin/chromium"
# The same flags as tests/conftest.py: keep Chromium off networks it cannot reach here.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
KINDS = ["HTML", "CSS", "JS", "search index", "search JS", "images", "fonts", "other"]


def gz(data: bytes, level: int = 6) -> int:
    return len(gzip.compress(data, compresslevel=level))


# ---------------------------------------------------------------------------------------
# Builds


def timed_build(project: Path, site: Path, cache: Path | None = None) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """One `mkdocs build --strict` exactly as the Pages workflow runs it (no -q): wall
    time, and the build's own CPU time (user + sys), which other work disturbs less.
    Python keeps the hooks' compiled code (.pyc) between builds, as on the Pages runner
    and an author's machine; this machine's PYTHONDONTWRITEBYTECODE would have every
    build compile them again (0.05 s, charged to the hooks alone). `cache`: a temp folder
    of the benchmark's own for the build cache (sitekit.diskcache), so that whatever this
    machine's builds left in the system's temp folder counts for nothing."""
    shutil.rmtree(site, ignore_errors=True)
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    result = sitebuild.build(project, site, keep_bytecode=True, temp_dir=cache)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), result


def counted_build(project: Path, site: Path, cache: Path | None = None) -> int | None:
    """The instructions one build executes, counted by valgrind (callgrind), or None
    without valgrind or when the build fails. CPU seconds on a shared machine move by
    ±30 % from run to run; this count moves by well under 1 %, so a ratio near its
    target gets a verdict that holds. About 50 times slower than a plain build."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    shutil.rmtree(site, ignore_errors=True)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    out = site.with_name(site.name + ".callgrind")
    result = sitebuild.build(project, site, keep_bytecode=True, temp_dir=cache,
                             prefix=(valgrind, "--tool=callgrind", f"--callgrind-out-file={out}"))
    out.unlink(missing_ok=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) if result.returncode == 0 and found else None


def median_spread(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def profile_build(project: Path, site: Path, out: Path, top: int = 14) -> dict:
    """One build under cProfile: the time of each hook (the cumulative time of its
    on_* functions, both languages), of the big stages, and the functions with the
    most time of their own. cProfile slows Python code down, so read shares, not seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict",
         "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project,
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        return {"error": result.stderr[-2000:]}
    stats = pstats.Stats(str(out)).stats  # (file, line, name) -> (cc, nc, tottime, cumtime, callers)
    hooks_dir = str(project / "hooks") + os.sep
    total = max(ct for (_, _, _, ct, _) in stats.values())
    hooks: dict[str, dict[str, float]] = {}
    for (file, _, name), (_, _, _, ct, _) in stats.items():
        if file.startswith(hooks_dir) and os.sep not in file[len(hooks_dir):] and name.startswith("on_"):
            hooks.setdefault(Path(file).name, {})[name] = hooks.get(Path(file).name, {}).get(name, 0) + ct

    def cumulative(file_end: str, name: str) -> float:
        return sum(ct for (file, _, fn), (_, _, _, ct, _) in stats.items() if fn == name and file.endswith(file_end))

    stages = {  # cumulative, both languages; the hooks' events run inside the first two
        "pages read, Markdown, page hooks (_populate_page)": cumulative("mkdocs/commands/build.py", "_populate_page"),
        "  of which Markdown to HTML (Markdown.convert)": cumulative("markdown/core.py", "convert"),
        "context, template, post-page hooks, write (_build_page)": cumulative("mkdocs/commands/build.py", "_build_page"),
        "  of which Jinja (Template.render)": cumulative("jinja2/environment.py", "render"),
        "Material search plugin events": sum(ct for (file, _, fn), (_, _, _, ct, _) in stats.items()
                                             if "material/plugins/search" in file and fn.startswith("on_")),
    }

    def short(file: str) -> str:
        for marker in ("site-packages/", str(project) + os.sep):
            if marker in file:
                return file.split(marker, 1)[1]
        return file

    own = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]

    def main_caller(callers: dict) -> str:
        """The caller that spent the most of this function's own time (builtins say little alone)."""
        if not callers:
            return ""
        (file, line, name), _ = max(callers.items(), key=lambda item: item[1][2])
        return f"{short(file)}:{line} {name}"

    return {
        "wall_s": wall, "total_s": total,
        "hooks": {name: {"total": sum(events.values()), "events": events}
                  for name, events in sorted(hooks.items(), key=lambda item: -sum(item[1].values()))},
        "stages": stages,
        "top_own_time": [{"function": f"{short(file)}:{line} {name}", "tottime": tt, "calls": nc,
                          "from": main_caller(callers)}
                         for (file, line, name), (_, nc, tt, _, callers) in own],
    }


# ---------------------------------------------------------------------------------------
# Page loads in Chromium, weighed by what the server sent


def kind_of(sent: Sent) -> str:
    path = sent.path
    if path.endswith("/search/search_index.json"):
        return "search index"
    if "/workers/search" in path or "/lunr/" in path:
        return "search JS"
    suffix = Path(path).suffix.lower()
    if path.endswith("/") or suffix == ".html":
        return "HTML"
    if suffix == ".css":
        return "CSS"
    if suffix == ".js":
        return "JS"
    if suffix in (".woff", ".woff2", ".ttf", ".otf"):
        return "fonts"
    if suffix in (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".avif"):
        return "images"
    return "other"


def tally(sent: list[Sent]) -> dict:
    """Bytes on the wire (bodies as sent: gzipped text; headers apart) by kind."""
    by_kind = {kind: 0 for kind in KINDS}
    for item in sent:
        by_kind[kind_of(item)] += item.body
    return {"requests": len(sent), "by_kind": by_kind, "body": sum(by_kind.values()),
            "headers": sum(item.headers for item in sent),
            "files": [{"path": s.path, "status": s.status, "bytes": s.body} for s in sent]}


def settle(page, server: Server, quiet_ms: int = 800, limit_ms: int = 15_000) -> None:
    """Wait until the server has sent nothing for `quiet_ms` (a page's idle-time work
    may start after Playwright's network idle)."""
    seen, still, waited = len(server.log), 0, 0
    while still < quiet_ms and waited < limit_ms:
        page.wait_for_timeout(100)
        waited += 100
        still = still + 100 if len(server.log) == seen else 0
        seen = len(server.log)


def first_visit(browser, server: Server, path: str) -> dict:
    """A first visit: a fresh context (empty cache), no interaction, network idle."""
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    server.take()
    page.goto(server.base + path, wait_until="networkidle")
    settle(page, server)
    figures = tally(server.take())
    own = urlsplit(server.base).netloc
    figures["other_origins"] = sorted({u for u in requested if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                                       and urlsplit(u).netloc != own})
    context.close()
    return figures


def search_cost(browser, server: Server, path: str, query: str) -> dict:
    """Load `path` (fresh context), then search as a reader does on a wide screen:
    click the search box, type `query`, wait for results. What the search fetched,
    and what it found (so a broken search shows here too)."""
    context = browser.new_context()
    page = context.new_page()
    server.take()
    page.goto(server.base + path, wait_until="networkidle")
    settle(page, server)
    load = tally(server.take())
    box = page.locator("input.md-search__input")
    box.click()
    box.type(query, delay=30)
    found, error = 0, None
    try:
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=20_000)
        found = page.locator(".md-search-result__item").count()
    except Exception as problem:  # noqa: BLE001 - reported, the rest of the run goes on
        error = str(problem).splitlines()[0]
    settle(page, server)
    searched = tally(server.take())
    meta = page.locator(".md-search-result__meta").first.inner_text() if found else ""
    context.close()
    return {"load": load, "search": searched, "results": found, "meta": meta.strip(), "error": error}


def _named_files(page) -> set[str]:
    """The scripts and style sheets the loaded page names in its HTML, as URL paths."""
    return set(page.eval_on_selector_all(
        "script[src], link[rel=stylesheet][href]",
        "els => els.map(e => new URL(e.src || e.href, location.href).pathname)"))


def journey(browser, server: Server, paths: list[str]) -> list[dict]:
    """One reader clicking through `paths` in one browser (cache kept): for each page
    after the first, what it fetched beyond its own HTML, and which of that it names
    itself while no earlier page named it (a kind of page the reader opens for the
    first time: the quiz's scripts on the first module). Anything else (a file an
    earlier page had, or one no page names, such as a search index) is a cost the
    target forbids."""
    context = browser.new_context()
    page = context.new_page()
    named_before: set[str] = set()
    steps = []
    for number, path in enumerate(paths):
        server.take()
        page.goto(server.base + path, wait_until="networkidle")
        settle(page, server)
        figures = tally(server.take())
        named = _named_files(page)
        if number:
            extra = [f for f in figures["files"] if f["path"] != path]
            figures["own_html"] = figures["body"] - sum(f["bytes"] for f in extra)
            figures["beyond_html"] = sum(f["bytes"] for f in extra)
            figures["new_kind"] = [f for f in extra if f["path"] in named and f["path"] not in named_before]
            figures["other"] = [f for f in extra if f not in figures["new_kind"]]
            figures["path"] = path
            figures["after"] = paths[number - 1]
            steps.append(figures)
        named_before |= named
    context.close()
    return steps


def search_indexes(site: Path, prefixes: dict[str, str]) -> dict:
    """Each language's search index file(s) in the built site: raw and gzip bytes."""
    figures = {}
    for locale, prefix in prefixes.items():
        folder = site / prefix / "search"
        files = sorted(folder.glob("*.json")) if folder.is_dir() else []
        data = [path.read_bytes() for path in files]
        docs = 0
        for path, body in zip(files, data):
            try:
                docs += len(json.loads(body).get("docs", []))
            except (ValueError, AttributeError):
                pass
        figures[locale] = {"files": [str(p.relative_to(site)) for p in files], "raw": sum(map(len, data)),
                           "gzip": sum(gz(b) for b in data), "entries": docs}
    return figures


# ---------------------------------------------------------------------------------------
# Lighthouse


def find_lighthouse(given: str | None) -> str | None:
    """--lighthouse, else the project's node_modules, else PATH; None when absent."""
    if given:
        return given if Path(given).exists() or shutil.which(given) else None
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    return str(local) if local.exists() else shutil.which("lighthouse")


def lighthouse(command: str, url: str, out: Path, desktop: bool = False) -> dict:
    """One Lighthouse run (mobile by default, simulated throttling); the figures, or an
    'error' when it fails (the run goes on)."""
    cmd = [
        command, url, f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--disable-full-page-screenshot", "--output=json", f"--output-path={out}", "--quiet",
        *(["--preset=desktop"] if desktop else []),
    ]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        return {"error": str(error)}
    if result.returncode != 0 or not out.exists():
        return {"error": f"exit {result.returncode}: {result.stderr[-600:]}"}
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    audits, categories = report["audits"], report["categories"]

    def value(audit: str) -> float | None:
        return audits.get(audit, {}).get("numericValue")

    bootup = sorted(((urlsplit(item["url"]).path or item["url"], item.get("total", 0))
                     for item in (audits.get("bootup-time", {}).get("details") or {}).get("items", [])),
                    key=lambda item: -item[1])
    failed = []
    for name in ("accessibility", "best-practices", "seo"):
        for ref in categories.get(name, {}).get("auditRefs", []):
            audit = audits[ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and \
                    audit.get("scoreDisplayMode") not in ("informative", "manual", "notApplicable"):
                failed.append(f"[{name}] {audit['id']}")
    return {
        "scores": {name: categories[name]["score"] for name in categories},
        "performance": categories["performance"]["score"],
        "fcp_ms": value("first-contentful-paint"), "lcp_ms": value("largest-contentful-paint"),
        "tbt_ms": value("total-blocking-time"), "cls": value("cumulative-layout-shift"),
        "si_ms": value("speed-index"), "bytes": value("total-byte-weight"), "dom": value("dom-size"),
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
        "warnings": report.get("runWarnings", []), "failed": failed, "bootup_ms": bootup[:4],
    }


def summarise_runs(runs: list[dict]) -> dict:
    """Median and min–max of each figure over the runs that worked."""
    good = [run for run in runs if "error" not in run]
    if not good:
        return {"runs": 0, "errors": [run["error"] for run in runs]}
    summary: dict = {"runs": len(good), "errors": [run["error"] for run in runs if "error" in run]}
    for key in ("performance", "fcp_ms", "lcp_ms", "tbt_ms", "cls", "si_ms", "bytes", "dom", "benchmark_index"):
        values = [run[key] for run in good if run.get(key) is not None]
        if values:
            summary[key] = median_spread(values)
    for name in ("accessibility", "best-practices", "seo"):
        values = [run["scores"][name] for run in good if run["scores"].get(name) is not None]
        if values:
            summary[name] = statistics.median(values)
    middle = sorted(good, key=lambda run: run["performance"])[len(good) // 2]
    summary["failed"] = middle["failed"]
    summary["bootup_ms"] = middle["bootup_ms"]
    summary["warnings"] = sorted({w for run in good for w in run["warnings"]})
    return summary
