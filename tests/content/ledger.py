"""The coverage ledger: where each passage of each source is on the site.

One YAML file per source in tests/content/ledger/, named after the source's text
file in ../shared/sources/ (`kai-kronikk-tettere-samarbeid.txt` →
`kai-kronikk-tettere-samarbeid.yml`). The file lists the source's passages in order,
by line range, and says for each where it is carried, why it is left out, or that a
page still lacks it:

    source: kai-kronikk-tettere-samarbeid.txt
    cited_as: Tettere samarbeid utvikler inkluderingskompetanse
    passages:
      - lines: 24-33
        heading: Dette går samarbeidet med mentorer ut på
        digest: 3f2a9c1b
        pages:
          - forskning/kai-kronikken.md#veilederpraksis
          - mentor/treklover.md#hvem-gjor-hva
      - lines: 96-110
        heading: Relaterte kronikker
        digest: 0b1c2d3e
        left_out: links to three other KAI opinion pieces, page furniture
      - lines: …
        missing: what a page should say, and on which page

`cited_as` is a distinctive part of the source's reference: every page a passage
maps to names the source with it in its «Kilder» / «Sources» section. `pages` are
bokmål file names under docs/ (the English twin is implied), each with the id of the
heading that carries the passage, or without one when the whole page does. `digest`
is the start of the SHA-1 of the passage's lines: when a source changes, the check
names each passage whose text changed, so the pages that carry it can be revisited.
`note` is optional free text.

The checks are plain functions that return Problems (content.problems), used by
tests/test_ledger.py and tests/tools/ledger_report.py."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from content.problems import Problem
from content.site import LANGUAGES, SOURCES_HEADINGS, Page, text_runs
from sitekit.links import element_ids
from sitekit.models import SITE_PAGE

LEDGER_DIR = Path(__file__).resolve().parent / "ledger"
# The source texts live beside the repository, not in it; the coverage check needs them.
SOURCES_DIR = Path(__file__).resolve().parents[3] / "shared" / "sources"

STATUSES = ("pages", "left_out", "missing")
KEYS = {"lines", "heading", "digest", "note", *STATUSES}
LINES = re.compile(r"^(\d+)-(\d+)$")


@dataclass(frozen=True)
class Passage:
    first: int
    last: int
    heading: str
    status: str  # one of STATUSES
    pages: tuple[str, ...] = ()
    reason: str = ""  # the left_out reason or the missing description
    digest: str = ""
    note: str = ""
    line: int = 0  # where the entry starts in the ledger file

    @property
    def size(self) -> int:
        return self.last - self.first + 1

    @property
    def place(self) -> str:
        return f"lines {self.first}–{self.last} «{self.heading}» (ledger line {self.line})"


@dataclass
class Ledger:
    path: Path
    source: str
    cited_as: str
    passages: list[Passage] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"tests/content/ledger/{self.path.name}"


class _LineLoader(yaml.SafeLoader):
    """Safe YAML that records the line each mapping starts on (as '__line__')."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_ledger(path: Path) -> tuple[Ledger | None, list[Problem]]:
    """The ledger in `path`, or None, and every problem with its form."""
    name = f"tests/content/ledger/{path.name}"
    todo = "see the format at the top of tests/content/ledger.py"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        return None, [Problem(name, "the file", f"is not valid YAML: {error}", todo)]
    if not isinstance(data, dict) or not isinstance(data.get("passages"), list):
        return None, [Problem(name, "the file", "needs 'source', 'cited_as' and a list of 'passages'", todo)]
    problems = []
    for key in ("source", "cited_as"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(Problem(name, "the file", f"needs '{key}' (text)", todo))
    if isinstance(data.get("source"), str) and Path(data["source"]).stem != path.stem:
        problems.append(Problem(name, "'source'", f"is {data['source']}, but the ledger is named {path.name}",
                                "name the ledger after the source's text file"))
    ledger = Ledger(path, str(data.get("source", "")), str(data.get("cited_as", "")).strip())
    for entry in data["passages"]:
        line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
        where = f"passage at ledger line {line}"
        if not isinstance(entry, dict):
            problems.append(Problem(name, where, "is not a block of fields", todo))
            continue
        unknown = set(entry) - KEYS - {"__line__"}
        if unknown:
            problems.append(Problem(name, where, f"has unknown field(s) {', '.join(sorted(unknown))}", todo))
        match = LINES.match(str(entry.get("lines", "")))
        if not match or int(match.group(1)) > int(match.group(2)) or int(match.group(1)) < 1:
            problems.append(Problem(name, where, f"'lines' must be 'first-last' (e.g. 24-33), not {entry.get('lines')!r}", todo))
            continue
        statuses = [key for key in STATUSES if key in entry]
        if len(statuses) != 1:
            problems.append(Problem(name, where, "needs exactly one of 'pages', 'left_out' or 'missing'", todo))
            continue
        status = statuses[0]
        value = entry[status]
        pages: tuple[str, ...] = ()
        reason = ""
        if status == "pages":
            if not isinstance(value, list) or not value or not all(isinstance(p, str) and SITE_PAGE.match(p) for p in value):
                problems.append(Problem(name, where, "'pages' must be a list of pages like mentor/start.md#hvem", todo))
                continue
            pages = tuple(value)
        elif not isinstance(value, str) or len(value.strip()) < 10:
            problems.append(Problem(name, where, f"'{status}' needs a reason that says what and why", todo))
            continue
        else:
            reason = " ".join(value.split())
        heading = entry.get("heading")
        if not isinstance(heading, str) or not heading.strip():
            problems.append(Problem(name, where, "needs a 'heading': the source's heading the passage stands under", todo))
            continue
        ledger.passages.append(Passage(
            int(match.group(1)), int(match.group(2)), heading.strip(), status, pages, reason,
            str(entry.get("digest", "")), " ".join(str(entry.get("note", "")).split()), line,
        ))
    return ledger, problems


def load_ledgers(folder: Path = LEDGER_DIR) -> tuple[list[Ledger], list[Problem]]:
    ledgers, problems = [], []
    for path in sorted(folder.glob("*.yml")):
        ledger, found = load_ledger(path)
        problems += found
        if ledger is not None:
            ledgers.append(ledger)
    return ledgers, problems


# -- the ledger against the source ---------------------------------------------------

def source_lines(text: str) -> list[str]:
    """The source's lines, numbered from 1 as an editor (and `cat -n`) shows them:
    split at line ends only (a form feed in a scan does not start a line)."""
    lines = text.replace("\r\n", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def digest(lines: list[str]) -> str:
    return hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()[:8]


def check_coverage(ledger: Ledger, text: str) -> list[Problem]:
    """Every line of the source in exactly one passage, in order; each passage's text
    as it was when the ledger was written (its digest)."""
    lines = source_lines(text)
    problems = []
    expected = 1
    for passage in ledger.passages:
        if passage.first > expected:
            problems.append(Problem(ledger.name, passage.place, f"lines {expected}–{passage.first - 1} of the source are in no passage",
                                    "add a passage for them: where they are carried, or why they are left out"))
        elif passage.first < expected:
            problems.append(Problem(ledger.name, passage.place, f"overlaps the passage before it (which ends at line {expected - 1})",
                                    "make each line belong to one passage, in order"))
        expected = max(expected, passage.last + 1)
        if passage.last > len(lines):
            problems.append(Problem(ledger.name, passage.place, f"ends after the source's last line, {len(lines)}",
                                    "the source has changed: map its passages again"))
            continue
        actual = digest(lines[passage.first - 1:passage.last])
        if passage.digest != actual:
            problems.append(Problem(ledger.name, passage.place,
                                    f"the source's text of these lines has changed (digest {passage.digest or 'missing'}, now {actual})",
                                    "check the pages that carry the passage against the source, then write the new digest "
                                    "(.venv/bin/python tests/tools/ledger_report.py --write-digests)"))
    if expected <= len(lines):
        problems.append(Problem(ledger.name, "the end", f"lines {expected}–{len(lines)} of the source are in no passage",
                                "add passages for them"))
    return problems


# -- the ledger against the site ---------------------------------------------------------

def built_file(page: str, language: str) -> str:
    """Where a docs page is built: 'mentor/start.md' → 'en/mentor/start/index.html'."""
    stem = page.removesuffix(".md")
    if stem == "index":
        folder = ""
    elif stem.endswith("/index"):
        folder = stem.removesuffix("index")
    else:
        folder = stem + "/"
    return f"{LANGUAGES[language]}{folder}index.html"


def sources_text(html: str, path: str, language: str) -> str | None:
    """The text of a built page's sources section («Kilder» / «Sources» and all
    after it), whitespace collapsed; None if the page has none."""
    page = Page.from_html(path, html)
    runs = [run.text for run in text_runs(page.article, language) if run.in_sources]
    return " ".join(" ".join(runs).split()) if runs else None


def check_site(ledgers: list[Ledger], docs_dir: Path, site: Path) -> list[Problem]:
    """Every mapped page exists in both languages, in docs/ and built; every anchor is
    on both built pages; every mapped page names the ledger's source in its sources."""
    problems = []
    cache: dict[str, tuple[set[str], str | None] | None] = {}

    def built(page: str, language: str) -> tuple[set[str], str | None] | None:
        path = built_file(page, language)
        if path not in cache:
            file = site / path
            html = file.read_text(encoding="utf-8") if file.is_file() else None
            cache[path] = (element_ids(html), sources_text(html, path, language)) if html is not None else None
        return cache[path]

    for ledger in ledgers:
        for passage in ledger.passages:
            for target in passage.pages:
                page, _, anchor = target.partition("#")
                twin = page.removesuffix(".md") + ".en.md"
                for markdown in (page, twin):
                    if not (docs_dir / markdown).is_file():
                        problems.append(Problem(ledger.name, passage.place, f"maps to docs/{markdown}, which does not exist",
                                                "map the passage to the page that carries it now"))
                if not (docs_dir / page).is_file():
                    continue
                for language in LANGUAGES:
                    found = built(page, language)
                    if found is None:
                        problems.append(Problem(ledger.name, passage.place, f"{page} is not built in {language} ({built_file(page, language)})",
                                                "is the page in nav, with its twin?"))
                        continue
                    ids, sources = found
                    if anchor and anchor not in ids:
                        problems.append(Problem(ledger.name, passage.place, f"{target}: no heading with id '{anchor}' on the {language} page",
                                                f"give the heading an explicit id in both languages ({{ #{anchor} }}), or map to one that exists"))
                    if sources is None:
                        problems.append(Problem(ledger.name, passage.place, f"{page} ({language}) has no «{SOURCES_HEADINGS[language]}» section",
                                                "end the page with its sources"))
                    elif ledger.cited_as not in sources:
                        problems.append(Problem(ledger.name, passage.place, f"{page} ({language}) does not name the source («{ledger.cited_as}») under «{SOURCES_HEADINGS[language]}»",
                                                "add the source's full reference to the page's sources, or map the passage elsewhere"))
    return sorted(set(problems))


# -- the shares ------------------------------------------------------------------------

def shares(ledger: Ledger) -> dict[str, tuple[int, int]]:
    """(passages, lines) for each status."""
    result = {status: (0, 0) for status in STATUSES}
    for passage in ledger.passages:
        count, lines = result[passage.status]
        result[passage.status] = (count + 1, lines + passage.size)
    return result


def shares_table(ledgers: list[Ledger]) -> str:
    """Per source: the share of passages carried, left out and missing, by count and by lines."""
    names = {"pages": "carried", "left_out": "left out", "missing": "missing"}
    rows = ["| source | passages | lines | " + " | ".join(f"{names[s]} (passages / lines)" for s in STATUSES) + " |",
            "| --- | ---: | ---: | " + " | ".join("---:" for _ in STATUSES) + " |"]
    for ledger in ledgers:
        counted = shares(ledger)
        total_count = sum(count for count, _ in counted.values()) or 1
        total_lines = sum(lines for _, lines in counted.values()) or 1
        cells = [f"{count} ({count / total_count:.0%}) / {lines} ({lines / total_lines:.0%})" for count, lines in counted.values()]
        rows.append(f"| {ledger.source} | {total_count} | {total_lines} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def missing_list(ledgers: list[Ledger]) -> str:
    lines = [f"- {ledger.source}, {passage.place}: {passage.reason}"
             for ledger in ledgers for passage in ledger.passages if passage.status == "missing"]
    return "\n".join(lines) if lines else "(none)"
