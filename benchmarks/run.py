"""Measure the site against a bare Material site, side by side, in one run.

Run with the project venv:  .venv/bin/python benchmarks/run.py [--quick] [--runs N]
    [--lighthouse-runs N] [--skip PART ...] [--lighthouse PATH] [--json PATH]

Everything is measured on a snapshot of the working tree taken at the start, against
a bare Material site with the same text, interleaved and printed as ratios: the
machine is shared and noisy, so absolute times mean little. It prints figures and
checks them against the targets of issue 16, and never asserts; it exits 1 only
when the site (or the reference) does not build. benchmarks/README.md says what
each figure is.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from playwright.sync_api import sync_playwright

from measure import (
    CHROMIUM, CHROMIUM_ARGS, KINDS, counted_build, find_lighthouse, first_visit, lighthouse, median_spread, profile_build,
    journey, search_cost, search_indexes, summarise_runs, timed_build,
)
from sites import ROOT, _AnyTagLoader, bare_material, clone, relax_strict, scaled, serve, serve_site, snapshot, without_hooks

import yaml

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "serve"]  # benchmarks/quiz.py uses these

# A landing page in each language, a guide page, a module with a quiz, a chart page,
# a session plan and an English module (issue 16).
PAGES = ["/", "/en/", "/mentor/start/", "/kurs/modul-3/", "/forskning/afi/nullpunktsanalysen/",
         "/team/modul-1/", "/en/kurs/modul-3/"]
QUICK_PAGES = ["/", "/kurs/modul-3/"]
DESKTOP_PAGE = "/kurs/modul-3/"
# A reader's clicks, in one browser (cache kept): the landing page, a guide page with the
# «who to call» card, the first module (a quiz), the next module, the English side, and
# the same module in English. Each page after the first may fetch its own HTML and, the
# first time the reader opens that kind of page, the scripts and styles it names.
JOURNEY = ["/", "/mentor/start/", "/kurs/modul-3/", "/kurs/modul-4/", "/en/", "/en/kurs/modul-3/"]
QUICK_JOURNEY = ["/", "/kurs/modul-3/", "/kurs/modul-4/", "/en/"]
# What a reader types into the search box, per language (words deep in module 3).
SEARCHES = {"/": "jobbspesialisten", "/en/": "bureaucrat"}
TARGETS = {"performance": 0.97, "ratio": 0.98, "tbt_ms": 150, "cls": 0.02, "first_visit": 100 * 1024,
           "hooks_ratio": 1.25, "scale_3x": 3.3}
KIB = 1024


def ok(good: bool) -> str:
    return "pass" if good else "FAIL"


def kib(n: float) -> str:
    return f"{n / KIB:,.1f}"


def spread(figure: dict | None, fmt: str, scale: float = 1) -> str:
    if not figure:
        return "–"
    if len(figure["runs"]) == 1:
        return f"{figure['median'] * scale:{fmt}}"
    return f"{figure['median'] * scale:{fmt}} ({figure['min'] * scale:{fmt}}–{figure['max'] * scale:{fmt}})"


def languages() -> dict[str, str]:
    """locale → URL prefix ('' for the default), from mkdocs.yml's i18n plugin."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            found = plugin["i18n"]["languages"]
            default = next(lang["locale"] for lang in found if lang.get("default"))
            return {default: "", **{lang["locale"]: f"{lang['locale']}/" for lang in found if lang["locale"] != default}}
    return {"nb": ""}


def describe_checkout() -> str:
    head = subprocess.run(["git", "log", "-1", "--format=%h %s"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    changed = subprocess.run(["git", "status", "--porcelain", "--", "mkdocs.yml", "docs", "hooks", "overrides", "quizzes"],
                             capture_output=True, text=True, cwd=ROOT).stdout.split("\n")
    changed = [line[3:] for line in changed if line.strip()]
    text = f"HEAD {head[:90]}"
    if changed:
        text += f"\n  + uncommitted changes in the site's sources ({len(changed)}): " + ", ".join(changed[:12])
        text += " …" if len(changed) > 12 else ""
    return text


# ---------------------------------------------------------------------------------------


def bytes_section(ours: Path, bare: Path, pages: list[str], clicks: list[str], langs: dict[str, str]) -> dict:
    figures: dict = {"indexes": search_indexes(ours, langs), "bare_indexes": search_indexes(bare, langs)}
    print("\nSearch index per language (the files in the built site; bytes)")
    print(f"  {'language':<10}{'raw':>12}{'gzip -6':>10}{'entries':>9}  files")
    for locale, data in figures["indexes"].items():
        print(f"  {locale:<10}{data['raw']:>12,}{data['gzip']:>10,}{data['entries']:>9}  {', '.join(data['files']) or 'none'}")
    for locale, data in figures["bare_indexes"].items():
        if data["files"]:
            print(f"  {'bare ' + locale:<10}{data['raw']:>12,}{data['gzip']:>10,}{data['entries']:>9}  (bare Material, {data['entries']} entries)")

    with sync_playwright() as p, serve_site(ours) as our_server, serve_site(bare) as bare_server:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("\nFirst visit (empty cache, no interaction, network idle): KiB on the wire, text gzipped as served")
        head = "".join(f"{k:>9}" for k in ("HTML", "CSS", "JS", "s.index", "s.JS", "other"))
        print(f"  {'page':<36}{'req':>4}{head}{'total':>9}{'bare':>8}{'÷bare':>7}  ≤ 100 KiB")
        figures["first_visit"] = {}
        for path in pages:
            mine, theirs = first_visit(browser, our_server, path), first_visit(browser, bare_server, path)
            k = mine["by_kind"]
            cells = [k["HTML"], k["CSS"], k["JS"], k["search index"], k["search JS"], k["images"] + k["fonts"] + k["other"]]
            ratio = mine["body"] / theirs["body"] if theirs["body"] else float("nan")
            figures["first_visit"][path] = {"ours": mine, "bare": theirs, "ratio": ratio}
            print(f"  {path:<36}{mine['requests']:>4}" + "".join(f"{kib(c):>9}" for c in cells)
                  + f"{kib(mine['body']):>9}{kib(theirs['body']):>8}{ratio:>7.2f}  {ok(mine['body'] <= TARGETS['first_visit'])}")
        foreign = sorted({u for f in figures["first_visit"].values() for u in f["ours"]["other_origins"]})
        print(f"  other origins contacted: {', '.join(foreign) or 'none'}")
        top = max(figures["first_visit"].values(), key=lambda f: f["ours"]["body"])["ours"]
        biggest = sorted(top["files"], key=lambda f: -f["bytes"])[:5]
        print("  largest files of the heaviest visit: " + ", ".join(f"{f['path']} {kib(f['bytes'])}" for f in biggest))

        print("\nSearching (load, wait for idle, click the search box, type, wait for results): what the search fetches")
        figures["search"] = {}
        for path, query in SEARCHES.items():
            result = search_cost(browser, our_server, path, query)
            figures["search"][path] = result
            files = ", ".join(f"{f['path']} {kib(f['bytes'])}" for f in result["search"]["files"]) or "nothing"
            found = f"{result['results']} results ({result['meta']})" if result["results"] else f"NO RESULTS ({result['error']})"
            print(f"  {path:<6} '{query}': page load {kib(result['load']['body'])} KiB, of it search index "
                  f"{kib(result['load']['by_kind']['search index'])}; search fetched {kib(result['search']['body'])} KiB: {files}; {found}")

        print("\nNext pages (one reader clicking through, same browser, cache kept): KiB on the wire beyond each page's HTML")
        figures["journey"] = journey(browser, our_server, clicks)
        for step in figures["journey"]:
            kinds = ", ".join(f"{f['path']} {kib(f['bytes'])}" for f in step["new_kind"])
            other = ", ".join(f"{f['path']} {kib(f['bytes'])}" + (f" ({f['status']})" if f["status"] != 200 else "")
                              for f in step["other"])
            print(f"  → {step['path']:<20} {step['requests']:>2} req; own HTML {kib(step['own_html']):>5}; beyond it "
                  f"{kib(step['beyond_html']):>5}" + (f"; first page of its kind: {kinds}" if kinds else "")
                  + (f"; NOT ALLOWED: {other}" if other else ""))
        browser.close()
    return figures


def lighthouse_section(command: str, ours: Path, bare: Path, pages: list[str], runs: int, tmp: Path) -> dict:
    print(f"\nLighthouse {command_version(command)}, mobile (simulated throttling), {runs} run(s) a page, each run of ours"
          " next to its bare-Material twin (same text, same path), order alternating (ABBA)")
    results: dict = {path: {"ours": [], "bare": []} for path in pages}
    desktop: dict = {"ours": [], "bare": []}
    with serve_site(ours) as our_server, serve_site(bare) as bare_server:
        bases = {"ours": our_server.base, "bare": bare_server.base}
        for run in range(runs):
            order = ("bare", "ours") if run % 2 == 0 else ("ours", "bare")
            for number, path in enumerate(pages):
                for who in order:
                    results[path][who].append(lighthouse(command, bases[who] + path, tmp / f"lh-{who}-{number}.json"))
                o, b = results[path]["ours"][-1], results[path]["bare"][-1]
                print(f"  run {run + 1}/{runs} {path:<36} ours {fmt_perf(o)}  bare {fmt_perf(b)}", flush=True)
            for who in order:
                desktop[who].append(lighthouse(command, bases[who] + DESKTOP_PAGE, tmp / f"lh-{who}-desktop.json", desktop=True))
            print(f"  run {run + 1}/{runs} {DESKTOP_PAGE + ' (desktop)':<36} ours {fmt_perf(desktop['ours'][-1])}"
                  f"  bare {fmt_perf(desktop['bare'][-1])}", flush=True)

    figures: dict = {"pages": {}, "desktop": {}}
    print("\n  median (min–max) of the runs; ÷bare = median performance ours ÷ median of its bare twin")
    print(f"  {'page':<36}{'perf':>17}{'÷bare':>7}{'LCP s':>18}{'TBT ms':>16}{'CLS':>20}  targets: perf ≥ 0.97, ÷bare ≥ 0.98, TBT ≤ 150, CLS ≤ 0.02")
    for path in pages:
        mine, theirs = summarise_runs(results[path]["ours"]), summarise_runs(results[path]["bare"])
        row = figures["pages"][path] = {"ours": mine, "bare": theirs}
        if not mine.get("performance") or not theirs.get("performance"):
            print(f"  {path:<36} Lighthouse failed: {(mine.get('errors') or theirs.get('errors'))[:1]}")
            continue
        ratio = mine["performance"]["median"] / theirs["performance"]["median"]
        row["ratio"] = ratio
        row["verdicts"] = {"performance": mine["performance"]["median"] >= TARGETS["performance"],
                           "ratio": ratio >= TARGETS["ratio"], "tbt": mine["tbt_ms"]["median"] <= TARGETS["tbt_ms"],
                           "cls": mine["cls"]["median"] <= TARGETS["cls"]}
        verdict = " ".join(f"{name} {ok(good)}" for name, good in row["verdicts"].items())
        print(f"  {path:<36}{spread(mine['performance'], '.2f'):>17}{ratio:>7.2f}{spread(mine['lcp_ms'], '.1f', 0.001):>18}"
              f"{spread(mine['tbt_ms'], '.0f'):>16}{spread(mine['cls'], '.3f'):>20}  {verdict}")
        print(f"  {'  bare Material twin':<36}{spread(theirs['performance'], '.2f'):>17}{'':>7}{spread(theirs['lcp_ms'], '.1f', 0.001):>18}"
              f"{spread(theirs['tbt_ms'], '.0f'):>16}{spread(theirs['cls'], '.3f'):>20}")
        print(f"  {'':<6}main-thread time by script, ours: {bootup(mine)}; bare: {bootup(theirs)}")
        if mine.get("dom") and theirs.get("dom"):
            print(f"  {'':<6}DOM elements: ours {mine['dom']['median']:,.0f}, bare {theirs['dom']['median']:,.0f}")
    mine, theirs = summarise_runs(desktop["ours"]), summarise_runs(desktop["bare"])
    figures["desktop"] = {"ours": mine, "bare": theirs}
    if mine.get("cls") and theirs.get("cls"):
        print(f"  {DESKTOP_PAGE + ' desktop':<36}{spread(mine['performance'], '.2f'):>17}{'':>7}{spread(mine['lcp_ms'], '.1f', 0.001):>18}"
              f"{spread(mine['tbt_ms'], '.0f'):>16}{spread(mine['cls'], '.3f'):>20}  cls {ok(mine['cls']['median'] <= TARGETS['cls'])}")
        print(f"  {'  bare Material twin, desktop':<36}{spread(theirs['performance'], '.2f'):>17}{'':>7}"
              f"{spread(theirs['lcp_ms'], '.1f', 0.001):>18}{spread(theirs['tbt_ms'], '.0f'):>16}{spread(theirs['cls'], '.3f'):>20}")
    every = [s for p in figures["pages"].values() for s in (p["ours"], p["bare"])] + [mine, theirs]
    bench = [v for s in every if s.get("benchmark_index") for v in s["benchmark_index"]["runs"]]
    if bench:
        print(f"  Lighthouse's CPU benchmark index over all runs: {min(bench):.0f}–{max(bench):.0f} (median {statistics.median(bench):.0f}; "
              "Lighthouse calibrates for ≈ 1000+; lower means a busy machine and a harsher TBT)")
    print("  other scores of ours (median): " + "; ".join(
        f"{path} a11y {p['ours'].get('accessibility', 0):.2f} bp {p['ours'].get('best-practices', 0):.2f} seo {p['ours'].get('seo', 0):.2f}"
        for path, p in figures["pages"].items() if p["ours"].get("performance")))
    failed = sorted({f"{audit} ({path})" for path, p in figures["pages"].items() for audit in p["ours"].get("failed", [])})
    if failed:
        print("  failing audits of ours: " + "; ".join(failed))
    return figures


def bootup(summary: dict) -> str:
    """Lighthouse's bootup-time audit (median run): CPU time per script, throttled."""
    return ", ".join(f"{Path(url).name or url} {ms:.0f} ms" for url, ms in summary.get("bootup_ms", [])) or "–"


def fmt_perf(run: dict) -> str:
    if "error" in run:
        return "error"
    return f"{run['performance']:.2f} (LCP {run['lcp_ms'] / 1000:.1f} s, TBT {run['tbt_ms']:.0f} ms, CLS {run['cls']:.3f})"


def command_version(command: str) -> str:
    try:
        return subprocess.run([command, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except OSError:
        return "?"


def make_variants(project: Path, tmp: Path, scales: list[int]) -> tuple[dict[str, Path], dict, str]:
    """The projects to time: ours (1×), grown 2× and 3×, and ours without hooks."""
    variants: dict[str, Path] = {"on (1×)": project}
    sizes: dict = {1: {"copies": 1}}
    for copies in scales[1:]:
        grown = clone(project, tmp / f"project-{copies}x")
        sizes[copies] = scaled(grown, copies)
        variants[f"{copies}×"] = grown
    off = variants["hooks off"] = clone(project, tmp / "project-hooks-off")
    off_is = without_hooks(off)
    # The hooks-off copy must build strictly to be a fair twin; if it does not, say why and relax.
    wall, cpu, result = timed_build(off, tmp / "site-off")
    if result.returncode != 0:
        first = next((line for line in (result.stdout + result.stderr).splitlines() if "WARNING" in line or "ERROR" in line), "")
        relax_strict(off)
        off_is += f", with strict: false (without hooks it fails strict: {first.strip()[:160]})"
    return variants, sizes, off_is


def build_section(variants: dict[str, Path], sizes: dict, off_is: str, runs: int, tmp: Path, scales: list[int],
                  count_instructions: bool = True) -> dict | None:
    """Hooks on ÷ off, and the build-time curve, all variants in one rotating loop; with
    `count_instructions`, the hooks ratio also in instructions (valgrind)."""
    print(f"\nBuild (mkdocs build --strict, as the Pages workflow): {runs} round(s); in each round every variant once,"
          " the order rotating")
    print(f"  hooks off = {off_is}")
    print(f"  2×, 3× = docs/ copied into docs/kopi-N/ with nav sections and translated labels, quiz and figure data "
          "duplicated under new ids; copies are not course modules or session plans (those are numbered), the printout, "
          "contacts card and SCORM packages markers dropped (one each a site)")
    times: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": []} for name in variants}
    pages: dict[str, int] = {}
    names = list(variants)
    # Each variant once, untimed, as the first build on a machine: Python writes the hooks'
    # .pyc files, and the build cache (sitekit.diskcache), in a temp folder of each
    # variant's own that starts empty, fills. Its time is shown.
    caches = {name: tmp / f"cache-{index}" for index, name in enumerate(names)}
    cold = {}
    for name in names:
        site = tmp / f"site-{names.index(name)}"
        wall, cpu, result = timed_build(variants[name], site, caches[name])
        cold[name] = cpu
    print("  first (cold) build, untimed: " + ", ".join(f"{name} cpu {cpu:.1f} s" for name, cpu in cold.items())
          + f"; hooks on ÷ off cold {cold['on (1×)'] / cold['hooks off']:.2f}")
    for run in range(runs):
        order = names[run % len(names):] + names[:run % len(names)]
        line = []
        for name in order:
            site = tmp / f"site-{names.index(name)}"
            wall, cpu, result = timed_build(variants[name], site, caches[name])
            if result.returncode != 0:
                print(f"  {name} does not build (exit {result.returncode}):\n{(result.stdout + result.stderr)[-3000:]}")
                return None
            pages[name] = sum(1 for _ in site.rglob("index.html"))
            times[name]["wall"].append(wall)
            times[name]["cpu"].append(cpu)
            line.append(f"{name} {wall:.1f} s (cpu {cpu:.1f})")
        print(f"  round {run + 1}: " + ", ".join(line), flush=True)
    figures: dict = {"off_is": off_is, "sizes": sizes, "pages": pages, "times": {}, "cold_cpu": cold}
    for name, clocks in times.items():
        figures["times"][name] = {clock: median_spread(values) for clock, values in clocks.items()}
    base = figures["times"]["on (1×)"]
    print(f"  {'variant':<12}{'pages':>7}{'wall s, median (min–max)':>28}{'cpu s, median (min–max)':>28}{'÷ 1× wall':>11}{'÷ 1× cpu':>10}")
    for name in names:
        t = figures["times"][name]
        print(f"  {name:<12}{pages.get(name, 0):>7}{spread(t['wall'], '.1f'):>28}{spread(t['cpu'], '.1f'):>28}"
              f"{t['wall']['median'] / base['wall']['median']:>11.2f}{t['cpu']['median'] / base['cpu']['median']:>10.2f}")
    off_t = figures["times"]["hooks off"]
    figures["hooks_ratio"] = {clock: base[clock]["median"] / off_t[clock]["median"] for clock in ("wall", "cpu")}
    # The same two builds once more, instructions counted (valgrind): on this shared machine
    # CPU seconds swing by a third between runs, an instruction count by well under 1 %.
    if count_instructions and (counts := instruction_counts({name: variants[name] for name in ("on (1×)", "hooks off")}, caches, tmp)):
        figures["instructions"] = counts
        figures["hooks_ratio"]["instructions"] = counts["on (1×)"] / counts["hooks off"]
        print(f"  instructions (valgrind, one more build of each, both after the timed rounds): on {counts['on (1×)'] / 1e9:.2f} G,"
              f" off {counts['hooks off'] / 1e9:.2f} G")
    judged = "instructions" if "instructions" in figures["hooks_ratio"] else "cpu"
    print(f"  hooks on ÷ off: wall {figures['hooks_ratio']['wall']:.2f}, cpu {figures['hooks_ratio']['cpu']:.2f}"
          + (f", instructions {figures['hooks_ratio']['instructions']:.2f}" if judged == "instructions" else "")
          + f" (target ≤ {TARGETS['hooks_ratio']}) {ok(figures['hooks_ratio'][judged] <= TARGETS['hooks_ratio'])} (judged on {judged})")
    for copies in scales[1:]:
        t = figures["times"][f"{copies}×"]
        ratio = {clock: t[clock]["median"] / base[clock]["median"] for clock in ("wall", "cpu")}
        figures[f"scale_{copies}x"] = ratio
        target = f" (target ≤ {TARGETS['scale_3x']}) {ok(ratio['cpu'] <= TARGETS['scale_3x'])} (judged on cpu)" if copies == 3 else \
            f" (linear: {copies:.1f})"
        print(f"  {copies}× content ÷ 1×: wall {ratio['wall']:.2f}, cpu {ratio['cpu']:.2f}{target}")
    return figures


def instruction_counts(variants: dict[str, Path], caches: dict[str, Path], tmp: Path) -> dict[str, int] | None:
    """One build of each variant under valgrind, side by side (one core each), with the
    build cache its timed builds left. None without valgrind or if a count fails."""
    if shutil.which("valgrind") is None:
        print("  instructions: valgrind not found (apt install valgrind), so the ratio is judged on CPU seconds")
        return None
    with ThreadPoolExecutor(max_workers=len(variants)) as pool:
        futures = {name: pool.submit(counted_build, project, tmp / f"site-counted-{index}", caches[name])
                   for index, (name, project) in enumerate(variants.items())}
        counts = {name: future.result() for name, future in futures.items()}
    if any(count is None for count in counts.values()):
        print("  instructions: a build under valgrind failed, so the ratio is judged on CPU seconds")
        return None
    return counts


def profile_section(variants: dict[str, Path], tmp: Path) -> dict:
    """Profile the 1× build, and the 3× one when given: which hooks and stages grow faster than the content."""
    names = [name for name in ("on (1×)", "3×") if name in variants]
    print(f"\nWhere a build's time goes (one build each of {' and '.join(names)} under cProfile; read shares and"
          " ratios: cProfile slows Python code)")
    figures = {name: profile_build(variants[name], tmp / f"site-profile-{i}", tmp / f"build-{i}.prof")
               for i, name in enumerate(names)}
    for name, result in figures.items():
        if "error" in result:
            print(f"  the profiled build of {name} failed: {result['error']}")
            return figures
    one = figures[names[0]]
    big = figures.get("3×")
    total = one["total_s"]
    head = f"{'1× s':>8}{'share':>7}" + (f"{'3× s':>8}{'3×÷1×':>7}" if big else "")
    print(f"  {'':<58}{head}")

    def row(label: str, seconds: float, other: float | None, note: str = "") -> None:
        line = f"  {label:<58}{seconds:>8.2f}{seconds / total:>7.0%}"
        if big is not None and other is not None:
            line += f"{other:>8.2f}{(other / seconds if seconds else float('nan')):>7.2f}"
        print(line + (f"  {note}" if note else ""))

    row("whole build", total, big["total_s"] if big else None)
    hooks_total = sum(h["total"] for h in one["hooks"].values())
    row("all hooks together", hooks_total, sum(h["total"] for h in big["hooks"].values()) if big else None)
    for name, hook in one["hooks"].items():
        events = ", ".join(f"{event} {seconds:.2f}" for event, seconds in sorted(hook["events"].items(), key=lambda e: -e[1])[:2])
        row(f"  hooks/{name}", hook["total"], big["hooks"].get(name, {}).get("total") if big else None, f"1×: {events}")
    for stage, seconds in one["stages"].items():
        row(stage, seconds, big["stages"].get(stage) if big else None)
    for name, result in figures.items():
        print(f"  most time of their own, {name} (tottime):")
        for item in result["top_own_time"][:10]:
            caller = f"  ← {item['from']}" if item["function"].startswith("~") and item.get("from") else ""
            print(f"    {item['tottime']:>6.2f} s {item['calls']:>10,} calls  {item['function']}{caller}")
    return figures


def summary(figures: dict) -> None:
    print("\nAgainst the targets (issue 16)")
    light = (figures.get("lighthouse") or {}).get("pages", {})
    for path, row in light.items():
        if "verdicts" in row:
            bad = [name for name, good in row["verdicts"].items() if not good]
            print(f"  Lighthouse {path:<36} {'pass' if not bad else 'FAIL: ' + ', '.join(bad)}")
    desk = (figures.get("lighthouse") or {}).get("desktop", {}).get("ours", {})
    if desk.get("cls"):
        print(f"  Lighthouse {DESKTOP_PAGE} desktop CLS {desk['cls']['median']:.3f}: {ok(desk['cls']['median'] <= TARGETS['cls'])}")
    visits = (figures.get("bytes") or {}).get("first_visit", {})
    for path, row in visits.items():
        print(f"  first visit {path:<35} {kib(row['ours']['body']):>7} KiB (≤ 100 KiB): {ok(row['ours']['body'] <= TARGETS['first_visit'])}")
    for step in (figures.get("bytes") or {}).get("journey") or []:
        kind = sum(f["bytes"] for f in step["new_kind"])
        print(f"  next page {step['after'] + ' → ' + step['path']:<36} beyond its HTML {kib(step['beyond_html'])} KiB"
              + (f", all of it the first {kib(kind)} KiB of its kind's own files" if kind and not step["other"] else "")
              + f" (nothing else): {ok(not step['other'])}")
    build = figures.get("build") or {}
    if build.get("hooks_ratio"):
        judged = "instructions" if "instructions" in build["hooks_ratio"] else "cpu"
        print(f"  build hooks on ÷ off {build['hooks_ratio'][judged]:.2f} {judged} (≤ 1.25): "
              f"{ok(build['hooks_ratio'][judged] <= TARGETS['hooks_ratio'])}")
    if build.get("scale_3x"):
        print(f"  build 3× ÷ 1× {build['scale_3x']['cpu']:.2f} cpu (≤ 3.3): {ok(build['scale_3x']['cpu'] <= TARGETS['scale_3x'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"one run of everything, pages {', '.join(QUICK_PAGES)} only, no profile, no instruction count")
    parser.add_argument("--runs", type=int, help="build rounds (default 3; --quick 1)")
    parser.add_argument("--lighthouse-runs", type=int, help="Lighthouse runs per page and twin (default 3; --quick 1)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["bytes", "lighthouse", "build", "instructions", "profile"],
                        help="parts to leave out")
    parser.add_argument("--lighthouse", help="path to the lighthouse executable (default: node_modules/.bin, then PATH)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON to this file")
    args = parser.parse_args()
    runs = max(args.runs or (1 if args.quick else 3), 1)
    lh_runs = max(args.lighthouse_runs or (1 if args.quick else 3), 1)
    pages = QUICK_PAGES if args.quick else PAGES
    clicks = QUICK_JOURNEY if args.quick else JOURNEY
    skip = set(args.skip) | ({"profile", "instructions"} if args.quick else set())
    langs = languages()
    started = time.perf_counter()
    figures: dict = {"checkout": describe_checkout(), "pages": pages}
    print(figures["checkout"])
    print(f"  {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        project = snapshot(tmp / "project")
        ours = tmp / "site-ours"
        wall, cpu, result = timed_build(project, ours)
        if result.returncode != 0:
            print(f"The site does not build (exit {result.returncode}):\n{(result.stdout + result.stderr)[-3000:]}")
            return 1
        print(f"  snapshot built in {wall:.1f} s (cpu {cpu:.1f} s): {sum(1 for _ in ours.rglob('index.html'))} pages")
        try:
            bare = bare_material(tmp / "bare", pages, list(langs))
        except subprocess.CalledProcessError as error:
            print(f"The bare Material reference does not build:\n{error.stdout}{error.stderr}")
            return 1
        print(f"  bare Material reference: the text of {', '.join(pages)} (markers, front matter and links to other "
              "pages stripped), theme.font false, search only, our Markdown extensions, one site per language")

        if "bytes" not in skip:
            figures["bytes"] = bytes_section(ours, bare, pages, clicks, langs)
        if "lighthouse" not in skip:
            command = find_lighthouse(args.lighthouse)
            if command is None:
                print("\nLighthouse not found; skipped. Install it with `npm install --no-save lighthouse` in the"
                      " project folder (or pass --lighthouse PATH).")
            else:
                figures["lighthouse"] = lighthouse_section(command, ours, bare, pages, lh_runs, tmp)
        scales = [1, 2, 3]
        if "build" not in skip or "profile" not in skip:
            variants, sizes, off_is = make_variants(project, tmp, scales)
        if "build" not in skip:
            figures["build"] = build_section(variants, sizes, off_is, runs, tmp, scales, "instructions" not in skip)
            if figures["build"] is None:
                return 1
        if "profile" not in skip:
            figures["profile"] = profile_section(variants, tmp)
    summary(figures)
    print(f"\nThe whole run took {(time.perf_counter() - started) / 60:.1f} min.")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        print(f"Figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
