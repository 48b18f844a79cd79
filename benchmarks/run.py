"""Measure the site: build time, page weight and (when installed) Lighthouse scores.

Run with the project venv:  .venv/bin/python benchmarks/run.py [--runs N]
    [--lighthouse PATH] [--json PATH]
It prints figures and never asserts; it exits 1 only when the site does not build.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# The landing pages, a plain content page, a course module and a team session plan.
PAGES = ["/", "/en/", "/om/kilder/", "/en/om/kilder/", "/kurs/modul-1/", "/team/modul-1/"]
CHROMIUM = "/usr/bin/chromium"
# The same flags as tests/conftest.py: keep Chromium off networks it cannot reach here.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
KINDS = ["HTML", "CSS", "JS", "fonts", "images", "JSON/other"]
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index"]
TARGETS = {"performance": 0.97, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def build(site: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """One strict build into `site`, timed from the outside as a reader of `./dev build` would feel it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    return time.perf_counter() - start, result


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site quietly and gzips text when asked, as GitHub Pages does:
    without it Lighthouse charges ~235 KiB of "enable text compression" to the site
    and its performance score drops by up to 0.1. Playwright still sees decoded bodies."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in TEXT_SUFFIXES
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port (port 0) and yield its base URL."""
    handler = functools.partial(_SiteHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def kind_of(resource_type: str, content_type: str) -> str:
    """Sort a response into one of KINDS, trusting Chromium's resource type first."""
    mime = content_type.split(";")[0].strip().lower()
    if resource_type == "document" or mime == "text/html":
        return "HTML"
    if resource_type == "stylesheet" or mime == "text/css":
        return "CSS"
    if resource_type == "script" or "javascript" in mime:
        return "JS"
    if resource_type == "font" or "font" in mime:
        return "fonts"
    if resource_type == "image" or mime.startswith("image/"):
        return "images"
    return "JSON/other"


def weigh_page(browser, base: str, path: str) -> dict:
    """Load one page in a fresh context (empty cache) and add up what it fetched.

    Sizes are of the decoded body, and gzip level 6 is applied here, so the figures
    stand for any host that compresses text and do not depend on the local server.
    """
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    responses = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(base + path, wait_until="networkidle")
    totals = {kind: {"raw": 0, "gzip": 0} for kind in KINDS}
    for response in responses:
        try:
            body = response.body()
        except PlaywrightError:  # redirects and aborted loads have no body
            body = b""
        kind = kind_of(response.request.resource_type, response.headers.get("content-type", ""))
        totals[kind]["raw"] += len(body)
        totals[kind]["gzip"] += len(gzip.compress(body, compresslevel=6))
    context.close()
    own = urlsplit(base).netloc
    foreign = sorted({url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                      and urlsplit(url).netloc != own})
    total = {key: sum(t[key] for t in totals.values()) for key in ("raw", "gzip")}
    return {"requests": len(requests), "other_origins": foreign, "bytes": totals, "total": total}


def print_weight(path: str, figures: dict) -> None:
    """A table per page so the biggest kind of asset stands out."""
    foreign = ", ".join(figures["other_origins"]) or "none"
    print(f"\n{path}  ({figures['requests']} requests; other origins: {foreign})")
    print(f"  {'type':<11}{'raw bytes':>12}{'gzip bytes':>12}")
    for kind, sizes in [*figures["bytes"].items(), ("total", figures["total"])]:
        print(f"  {kind:<11}{sizes['raw']:>12,}{sizes['gzip']:>12,}")


def find_lighthouse(given: str | None) -> str | None:
    """--lighthouse, else PATH, else the project's node_modules; None when absent."""
    if given:
        return given if Path(given).exists() or shutil.which(given) else None
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    return shutil.which("lighthouse") or (str(local) if local.exists() else None)


def run_lighthouse(lighthouse: str, url: str, out: Path) -> dict | None:
    """Run Lighthouse on one URL; None (with the reason printed) when it fails, so the rest still runs."""
    command = [
        lighthouse, url, f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--output=json", f"--output-path={out}", "--quiet",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"  Lighthouse failed on {url}: {error}")
        return None
    if result.returncode != 0 or not out.exists():
        print(f"  Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-2000:]}")
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def summarise_lighthouse(report: dict) -> dict:
    """The four scores plus every failing audit in the categories whose target is 1.00."""
    categories = report["categories"]
    scores = {name: categories[name]["score"] for name in TARGETS if name in categories}
    failed = []
    for name in ("accessibility", "best-practices", "seo"):
        for ref in categories.get(name, {}).get("auditRefs", []):
            audit = report["audits"][ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and \
                    audit.get("scoreDisplayMode") not in ("informative", "manual", "notApplicable"):
                items = (audit.get("details") or {}).get("items") or []
                failed.append({"category": name, "id": audit["id"], "title": audit["title"],
                               "score": audit["score"], "items": len(items)})
    metrics = {m: report["audits"][m].get("displayValue", "").replace("\xa0", " ")
               for m in METRICS if m in report["audits"]}
    return {"scores": scores, "metrics": metrics, "failed_audits": failed}


def print_lighthouse(path: str, summary: dict) -> None:
    """Scores against the targets, then the audits an engineer has to fix."""
    print(f"\n{path}")
    for name, target in TARGETS.items():
        score = summary["scores"].get(name)
        verdict = "n/a" if score is None else ("ok" if score >= target else "BELOW TARGET")
        shown = "  -  " if score is None else f"{score:.2f}"
        print(f"  {name:<15}{shown:>5}  (target {'≥ ' if target < 1 else ''}{target:.2f})  {verdict}")
        if name == "performance":
            if len(summary.get("performance_runs", [])) > 1:
                print("    runs: " + ", ".join(f"{score:.2f}" for score in summary["performance_runs"]) + " (median shown)")
            print("    " + ", ".join(f"{m.replace('-', ' ')} {v}" for m, v in summary["metrics"].items()))
    for audit in summary["failed_audits"]:
        print(f"  FAILED [{audit['category']}] {audit['id']}: {audit['title']} ({audit['items']} items)")


def main() -> int:
    """Build N times, then weigh and (optionally) Lighthouse the last build."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="number of timed builds (default 5)")
    parser.add_argument("--lighthouse", help="path to the lighthouse executable")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page; the median run by performance is reported (default 3)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON to this file")
    args = parser.parse_args()
    figures: dict = {"build": {}, "weight": {}, "lighthouse": None}

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = Path(tmp) / "site"
        runs = max(args.runs, 1)
        print(f"Build time ({runs} runs of mkdocs build --strict)")
        times = []
        for run in range(1, runs + 1):
            shutil.rmtree(site, ignore_errors=True)
            seconds, result = build(site)
            if result.returncode != 0:
                print(f"The site does not build (exit {result.returncode}):\n{result.stderr}")
                return 1
            times.append(seconds)
            print(f"  run {run}: {seconds:.2f} s")
        figures["build"] = {"runs_s": times, "median_s": statistics.median(times)}
        print(f"  median: {figures['build']['median_s']:.2f} s")

        with serve(site) as base:
            print("\nPage weight (raw = uncompressed body; gzip = gzip level 6 of it)")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for path in PAGES:
                    figures["weight"][path] = weigh_page(browser, base, path)
                    print_weight(path, figures["weight"][path])
                browser.close()

            lighthouse = find_lighthouse(args.lighthouse)
            print("\nLighthouse (mobile, simulated throttling; text served gzipped)")
            if lighthouse is None:
                print("  Lighthouse not found; skipped. Install it with `npm install --no-save lighthouse`"
                      " in the project folder (or pass --lighthouse PATH).")
            else:
                figures["lighthouse"] = {}
                for number, path in enumerate(PAGES):
                    # Performance varies by ±0.03 between runs here: report the median run.
                    summaries = []
                    for run in range(max(args.lighthouse_runs, 1)):
                        report = run_lighthouse(lighthouse, base + path, Path(tmp) / f"lh-{number}-{run}.json")
                        if report is not None:
                            summaries.append(summarise_lighthouse(report))
                    if summaries:
                        summaries.sort(key=lambda summary: summary["scores"].get("performance") or 0)
                        median = summaries[len(summaries) // 2]
                        median["performance_runs"] = [summary["scores"].get("performance") for summary in summaries]
                        figures["lighthouse"][path] = median
                        print_lighthouse(path, median)

    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nFigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
