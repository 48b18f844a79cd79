"""Measure the quiz engine: asset size, build-time cost, and page weight against mkdocs-quiz.

Run with the project venv:  .venv/bin/python benchmarks/quiz.py [--runs N] [--json PATH]
The first run installs mkdocs-quiz into benchmarks/.venv-mkdocs-quiz (pip, PyPI).
It prints figures and never asserts; it exits 1 only when a build or that install fails.
"""
from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Error as PlaywrightError, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
import sitebuild  # noqa: E402  (tests/sitebuild.py: copy_project, add_demo_quiz, build)
from run import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (benchmarks/run.py, beside this file)

ASSETS = [ROOT / "overrides/assets/js/quiz.js", ROOT / "overrides/assets/css/quiz.css"]
ASSET_TARGET, RATIO_TARGET, WEIGHT_TARGET = 6144, 1.10, 0.5
EXTRA_QUIZ_PAGES = ["forskning/index", "kurs/index", "team/index", "om/kilder"]
VENV = HERE / ".venv-mkdocs-quiz"
OUR_PAGE, THEIR_PAGE = "/en/om/", "/"
# (type, prompt, options [(text, correct, feedback)] or the true/false answer, feedback on a wrong pick, explanation)
QUESTIONS: list[tuple] = [
    ("single", "What is the main task of a workplace mentor?", [("Help a new colleague find their feet at work", True, None), ("Decide the pay of the new colleague", False, "No, pay is for the employer."), ("Take over the follow-up from the manager", False, None)], None, "A mentor supports the new colleague in daily work; the manager keeps the responsibility."),
    ("single", "When should the mentor and the new colleague first meet?", [("On the first working day", True, None), ("After the first month", False, "No, that is too late to help with the start."), ("Only when a problem comes up", False, None)], None, "Meeting on the first day makes the start safer and gives a face to ask."),
    ("multiple", "Which of these belong in the first week?", [("A tour of the workplace", True, None), ("Meeting the closest colleagues", True, None), ("A formal performance review", False, "No, that comes much later.")], None, "The first week is about finding the way and the people; reviews come later."),
    ("truefalse", "The mentor must be the manager of the new colleague.", False, "No, mentor and manager are usually two different people.", "The mentor is usually a colleague, so the new colleague has someone to ask who is not the boss."),
    ("single", "Who is responsible for the training plan?", [("The employer", True, None), ("The new colleague alone", False, "No, the new colleague should not carry it alone."), ("The mentor alone", False, None)], None, "The employer owns the plan; the mentor helps carry it out day to day."),
    ("multiple", "What can help a new colleague feel included?", [("Lunch together with the team", True, None), ("Clear tasks from the first day", True, None), ("Being left alone to figure things out", False, "No, that makes the start harder.")], None, "Small social habits and clear tasks both make it easier to become part of the team."),
    ("truefalse", "Follow-up meetings are useful also when things go well.", True, "They are: good weeks are the best time to plan the next step.", "Regular talks catch small problems early and show what works, so they help in good weeks too."),
    ("single", "What should a mentor do with a problem too big to solve alone?", [("Ask the manager or the support system for help", True, None), ("Keep it to themselves", False, "No, that leaves the problem to grow."), ("End the mentoring", False, None)], None, "A mentor is not alone: the manager and the support system are there for the big problems."),
    ("multiple", "Which of these are good questions at a follow-up meeting?", [("What has gone well this week?", True, None), ("What do you need more of?", True, None), ("Why are you so slow?", False, "No, that blames instead of helping.")], None, "Open questions about what works and what is needed give the most useful answers."),
    ("single", "How often should the two talk in the first weeks?", [("Often, at least a short talk every week", True, None), ("Once a year", False, "No, that is far too seldom at the start."), ("Only if the manager asks for it", False, None)], None, "Short, frequent talks at the start build trust and catch questions before they grow."),
]


class BuildFailed(Exception):
    """A build or install that did not succeed; main prints its output and exits 1."""


def gz(data: bytes, level: int = 6) -> int:
    """Gzipped size: what a host that compresses text actually sends."""
    return len(gzip.compress(data, compresslevel=level))


def checked(result: subprocess.CompletedProcess[str], what: str) -> None:
    """Turn a failed subprocess into BuildFailed with its stderr, so main can stop cleanly."""
    if result.returncode != 0:
        raise BuildFailed(f"{what} failed (exit {result.returncode}):\n{result.stderr}{result.stdout[-2000:]}")


def asset_sizes() -> dict:
    """Raw and gzip sizes of quiz.js and quiz.css; `together` is their sum, since a quiz
    page fetches both as separate files."""
    sizes = {path.name: {"raw": len(data), "gzip9": gz(data, 9), "gzip6": gz(data, 6)}
             for path in ASSETS for data in [path.read_bytes()]}
    sizes["together"] = {key: sum(size[key] for size in sizes.values()) for key in ("raw", "gzip9", "gzip6")}
    return sizes


def add_quiz(project: Path, quiz_id: str, text: str, page: str) -> None:
    """Write a quiz file and place its marker on `page` in both languages (the hook demands both)."""
    (project / "quizzes" / f"{quiz_id}.yml").write_text(text, encoding="utf-8")
    for suffix in (".md", ".en.md"):
        path = project / "docs" / f"{page}{suffix}"
        path.write_text(path.read_text(encoding="utf-8") + f"\n<!-- quiz: {quiz_id} -->\n", encoding="utf-8")


def without_hook(project: Path) -> None:
    """Turn the quiz hook off; the markers then stay in the pages as harmless HTML comments.
    The course hook goes too: it insists that each module's quiz is on its page."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - hooks/quizzes.py\n", "").replace("  - hooks/course.py\n", ""), encoding="utf-8")


def timed_build(project: Path, site: Path) -> tuple[float, float]:
    """One strict build: wall time as `./dev build` feels it, and the build's own CPU time
    (user + sys), which other work on a busy machine disturbs far less."""
    shutil.rmtree(site, ignore_errors=True)
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = sitebuild.build(project, site)
    seconds, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    checked(result, f"mkdocs build of {project.name}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_times(runs: int, tmp: Path) -> dict:
    """Median build time with the hook on (5 quizzes, both languages) and off, alternated."""
    projects = {"on": sitebuild.copy_project(tmp / "hook-on"), "off": sitebuild.copy_project(tmp / "hook-off")}
    demo = sitebuild.DEMO_QUIZ.read_text(encoding="utf-8")
    for project in projects.values():
        sitebuild.add_demo_quiz(project)
        for number, page in enumerate(EXTRA_QUIZ_PAGES, start=2):
            add_quiz(project, f"quiz-demo-{number}", demo.replace("id: quiz-demo\n", f"id: quiz-demo-{number}\n"), page)
    without_hook(projects["off"])
    for state, project in projects.items():  # warm-up, untimed: first builds pay for .pyc and disk cache
        timed_build(project, tmp / f"site-{state}")
    times: dict[str, dict[str, list[float]]] = {clock: {"on": [], "off": []} for clock in ("wall", "cpu")}
    for run in range(runs):
        for state in (("on", "off") if run % 2 == 0 else ("off", "on")):
            wall, cpu = timed_build(projects[state], tmp / f"site-{state}")
            times["wall"][state].append(wall)
            times["cpu"][state].append(cpu)
        print(f"  run {run + 1}: on {times['wall']['on'][-1]:.2f} s (cpu {times['cpu']['on'][-1]:.2f} s), "
              f"off {times['wall']['off'][-1]:.2f} s (cpu {times['cpu']['off'][-1]:.2f} s)")
    figures: dict = {"quizzes": 1 + len(EXTRA_QUIZ_PAGES), "runs_s": times}
    for clock, states in times.items():
        medians = {state: statistics.median(values) for state, values in states.items()}
        figures[clock] = {"median_s": medians, "ratio": medians["on"] / medians["off"]}
    return figures


def our_quiz() -> str:
    """The 10 questions in our format (JSON is YAML); one text serves both languages."""
    def t(text: str) -> dict:
        return {"nb": text, "en": text}
    questions = []
    for number, (kind, prompt, options, feedback, explanation) in enumerate(QUESTIONS, start=1):
        item: dict = {"id": f"q{number}", "type": kind, "prompt": t(prompt), "explanation": t(explanation), "source": "om/index.md"}
        if kind == "truefalse":
            item |= {"answer": options, f"feedback_{str(not options).lower()}": t(feedback)}
        else:
            item["options"] = [{"text": t(text), **({"correct": True} if ok else {}), **({"feedback": t(fb)} if fb else {})}
                               for text, ok, fb in options]
        questions.append(item)
    return json.dumps({"id": "quiz-bench", "title": t("Check yourself"), "questions": questions}, ensure_ascii=False, indent=1)


def their_quiz() -> str:
    """The same 10 questions in mkdocs-quiz's syntax: `- [x]` marks a right answer, `> ` is
    feedback on the answer above, the rest is shown after answering; the comments add its
    intro (reset button) and results panel, like our toolbar and score."""
    blocks = ["## Check yourself", "<!-- mkdocs-quiz intro -->"]
    for kind, prompt, options, feedback, explanation in QUESTIONS:
        if kind == "truefalse":
            options = [("True", options, None if options else feedback), ("False", not options, feedback if options else None)]
        answers = "\n".join(f"- [{'x' if ok else ' '}] {text}" + (f"\n> {fb}" if fb else "") for text, ok, fb in options)
        blocks.append(f"<quiz>\n{prompt}\n{answers}\n\n{explanation}\n\n[Source](index.md)\n</quiz>")
    return "\n\n".join(blocks + ["<!-- mkdocs-quiz results -->"]) + "\n"


def ensure_venv() -> str:
    """The benchmark-only venv with mkdocs-quiz and our mkdocs/Material pins; returns its version."""
    python = VENV / "bin/python"
    version = [str(python), "-c", "import importlib.metadata as m; print(m.version('mkdocs-quiz'))"]
    if not python.exists():
        checked(subprocess.run(["python3", "-m", "venv", str(VENV)], capture_output=True, text=True), "python3 -m venv")
    if subprocess.run(version, capture_output=True, text=True).returncode != 0:
        pins = [line.strip() for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
                if line.startswith(("mkdocs==", "mkdocs-material=="))]
        checked(subprocess.run([str(python), "-m", "pip", "install", "-q", *pins, "mkdocs-quiz"],
                               capture_output=True, text=True), "pip install mkdocs-quiz")
    return subprocess.run(version, capture_output=True, text=True).stdout.strip()


def our_site(tmp: Path, name: str, quiz: bool, hook: bool) -> Path:
    """A copy of our project, the 10-question quiz on om/index or not, built into tmp/name."""
    project = sitebuild.copy_project(tmp / f"{name}-project")
    if quiz:
        add_quiz(project, "quiz-bench", our_quiz(), "om/index")
    if not hook:
        without_hook(project)
    timed_build(project, tmp / name)
    return tmp / name


def their_site(tmp: Path, name: str, quiz: bool, plugin: bool) -> Path:
    """A minimal Material site (same pins, no web fonts) whose one page is our om page's text,
    with the quiz in mkdocs-quiz syntax or not, built strict with the benchmark venv."""
    project = tmp / f"{name}-project"
    (project / "docs").mkdir(parents=True)
    body = (ROOT / "docs/om/index.en.md").read_text(encoding="utf-8").split("---\n", 2)[-1]
    body = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", body)  # its links point at pages this site lacks
    (project / "docs/index.md").write_text(body + ("\n" + their_quiz() if quiz else ""), encoding="utf-8")
    plugins = "[search, mkdocs_quiz]" if plugin else "[search]"
    (project / "mkdocs.yml").write_text(f"site_name: mkdocs-quiz benchmark\nsite_url: http://127.0.0.1:8000/\n"
                                        f"theme:\n  name: material\n  font: false\nplugins: {plugins}\n", encoding="utf-8")
    result = subprocess.run([str(VENV / "bin/python"), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / name)],
                            capture_output=True, text=True, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    checked(result, f"mkdocs build of {name}")
    return tmp / name


def load(browser: Browser, site: Path, path: str) -> dict[str, bytes]:
    """Every response body of one page load (fresh context, empty cache), by URL path and query."""
    with serve(site) as base:
        context = browser.new_context()
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base + path, wait_until="networkidle")
        bodies = {}
        for response in responses:
            try:
                bodies[urlsplit(response.url)._replace(scheme="", netloc="").geturl()] = response.body()
            except PlaywrightError:  # redirects have no body
                pass
        context.close()
    return bodies


def visible_without_js(browser: Browser, site: Path, path: str) -> dict:
    """With scripts off, which prompts and explanations can a reader see (opening any <details>)?"""
    with serve(site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + path)
        for summary in page.locator("article summary").all():
            summary.click()
        text = " ".join(page.locator("article").inner_text().split())
        context.close()
    return {"prompts": sum(q[1] in text for q in QUESTIONS), "explanations": sum(q[4] in text for q in QUESTIONS)}


def answers_in_source(page_html: str) -> dict:
    """How readable the answers are in View Source: attributes named *correct*, `[x]` in comments."""
    comments = "".join(re.findall(r"<!--.*?-->", page_html, re.S))
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page_html)).split())
    return {"prompts_in_html": sum(q[1] in plain for q in QUESTIONS),
            "inputs_with_correct_attribute": len(re.findall(r"<input\b[^>]*\s(?!autocorrect)[\w-]*correct[\w-]*\s*=", page_html, re.I)),
            "right_answers_in_comments": len(re.findall(r"^\s*[-*] \[[xX]\]", comments, re.M))}


def weigh(browser: Browser, quiz_site: Path, plain_site: Path, bare_site: Path, path: str) -> dict:
    """Whole-page gzip weight, and the quiz's share: HTML with the quiz minus HTML with neither
    quiz nor plugin, plus files only the quiz page fetched. `plain_site` (plugin on, no quiz)
    shows what the plugin costs on pages without a quiz."""
    with_quiz, bare, plain = (load(browser, site, path) for site in (quiz_site, bare_site, plain_site))
    html_quiz, html_bare, html_plain = (bodies[path] for bodies in (with_quiz, bare, plain))
    extra = {url: gz(body) for url, body in with_quiz.items() if url not in bare}
    return {"requests": len(with_quiz), "page_gzip": sum(gz(body) for body in with_quiz.values()),
            "page_raw": sum(len(body) for body in with_quiz.values()),
            "html_gzip": gz(html_quiz), "html_gzip_without_quiz": gz(html_bare), "quiz_files_gzip": extra,
            "quiz_gzip": gz(html_quiz) - gz(html_bare) + sum(extra.values()),
            "no_quiz_page_overhead_gzip": gz(html_plain) - gz(html_bare) + sum(gz(b) for u, b in plain.items() if u not in bare),
            **answers_in_source(html_quiz.decode("utf-8")),
            "without_js": visible_without_js(browser, quiz_site, path)}


def compare(tmp: Path) -> dict:
    """Build both engines' variants, load them in Chromium, and weigh them."""
    version = ensure_venv()
    print(f"  mkdocs-quiz {version} in {VENV.relative_to(ROOT)}")
    ours = [our_site(tmp, "ours-quiz", True, True), our_site(tmp, "ours-plain", False, True),
            our_site(tmp, "ours-bare", False, False)]
    theirs = [their_site(tmp, "theirs-quiz", True, True), their_site(tmp, "theirs-plain", False, True),
              their_site(tmp, "theirs-bare", False, False)]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        figures = {"mkdocs_quiz_version": version, "ours": weigh(browser, *ours, OUR_PAGE),
                   "mkdocs_quiz": weigh(browser, *theirs, THEIR_PAGE)}
        browser.close()
    figures["ratio_page"] = figures["ours"]["page_gzip"] / figures["mkdocs_quiz"]["page_gzip"]
    figures["ratio_quiz"] = figures["ours"]["quiz_gzip"] / figures["mkdocs_quiz"]["quiz_gzip"]
    return figures


def print_comparison(figures: dict) -> None:
    """Side by side, so the quiz's own cost stands apart from the rest of the page."""
    ours, theirs = figures["ours"], figures["mkdocs_quiz"]
    rows = [("files loaded", "requests"), ("whole page, raw bytes", "page_raw"), ("whole page, gzip bytes", "page_gzip"),
            ("page HTML with quiz, gzip", "html_gzip"), ("page HTML without quiz, gzip", "html_gzip_without_quiz"),
            ("quiz-specific, gzip", "quiz_gzip"), ("cost on a page with no quiz, gzip", "no_quiz_page_overhead_gzip"),
            ("prompts in the HTML (of 10)", "prompts_in_html"), ("inputs with a *correct* attribute", "inputs_with_correct_attribute"),
            ("right answers in HTML comments", "right_answers_in_comments")]
    print(f"  {'':<38}{'ours ' + OUR_PAGE:>16}{'mkdocs-quiz ' + THEIR_PAGE:>16}")
    for label, key in rows:
        print(f"  {label:<38}{ours[key]:>16,}{theirs[key]:>16,}")
    for label, key in [("no JS: prompts visible (of 10)", "prompts"), ("no JS: explanations reachable (of 10)", "explanations")]:
        print(f"  {label:<38}{ours['without_js'][key]:>16}{theirs['without_js'][key]:>16}")
    for name, data in (("ours", ours), ("mkdocs-quiz", theirs)):
        files = ", ".join(f"{url} {size:,}" for url, size in data["quiz_files_gzip"].items()) or "none (inlined in the HTML)"
        print(f"  quiz-only files, {name}: {files}")
    print(f"  ratio ours ÷ mkdocs-quiz, whole page: {figures['ratio_page']:.2f}")
    verdict = "ok" if figures["ratio_quiz"] <= WEIGHT_TARGET else "ABOVE TARGET"
    print(f"  ratio ours ÷ mkdocs-quiz, quiz-specific: {figures['ratio_quiz']:.2f} (target ≤ {WEIGHT_TARGET}) {verdict}")


def main() -> int:
    """Assets, then build-time ratio, then the comparison with mkdocs-quiz."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed builds per state, hook on and off (default 5)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON to this file")
    args = parser.parse_args()
    figures: dict = {"assets": asset_sizes()}
    print("Quiz assets (bytes; gzip -9 and -6)")
    for name, size in figures["assets"].items():
        print(f"  {name:<10}{size['raw']:>8,} raw{size['gzip9']:>8,} gzip9{size['gzip6']:>8,} gzip6")
    together = figures["assets"]["together"]
    print(f"  target: together ≤ {ASSET_TARGET:,} bytes gzipped: "
          f"{'ok' if max(together['gzip6'], together['gzip9']) <= ASSET_TARGET else 'ABOVE TARGET'}")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-quiz-") as tmp:
            runs = max(args.runs, 1)
            print(f"\nBuild time, quiz hook on vs off ({runs} runs each, alternated, after one warm-up each;"
                  f" {1 + len(EXTRA_QUIZ_PAGES)} quizzes x 2 languages)")
            figures["build"] = build_times(runs, Path(tmp))
            for clock in ("wall", "cpu"):
                medians, ratio = figures["build"][clock]["median_s"], figures["build"][clock]["ratio"]
                print(f"  median {clock:<4}: on {medians['on']:.2f} s, off {medians['off']:.2f} s, ratio on/off {ratio:.3f}"
                      f" (target ≤ {RATIO_TARGET:.2f}) {'ok' if ratio <= RATIO_TARGET else 'ABOVE TARGET'}")
            print("\nPage weight, 10-question quiz: ours vs mkdocs-quiz (bodies gzip -6, Chromium)")
            figures["comparison"] = compare(Path(tmp))
            print_comparison(figures["comparison"])
    except BuildFailed as error:
        print(error)
        return 1
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nFigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
