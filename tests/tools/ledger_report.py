"""Print each source's share of passages carried, left out and missing (by count and
by lines), and the passages a page still lacks, from the coverage ledger.

    .venv/bin/python tests/tools/ledger_report.py                  # the shares and the missing list
    .venv/bin/python tests/tools/ledger_report.py --write-digests  # after checking changed passages

--write-digests sets each passage's `digest:` to its text in ../shared/sources/ now.
Run it only after you have checked the pages that carry a changed passage (the test
names them); it also adds the digest to a passage written without one. The ledger's
format: tests/content/ledger.py."""
from __future__ import annotations

import argparse
import re
import sys

import _site  # noqa: F401  (puts tests/ and hooks/ on the path)

from content.ledger import LEDGER_DIR, SOURCES_DIR, digest, load_ledgers, missing_list, shares_table, source_lines
from content.problems import report


def write_digests() -> int:
    ledgers, problems = load_ledgers()
    if problems:
        sys.exit(report(problems))
    changed = 0
    for ledger in ledgers:
        source = SOURCES_DIR / ledger.source
        if not source.is_file():
            print(f"{source} is not there: digests of {ledger.name} left as they are")
            continue
        lines = source_lines(source.read_text(encoding="utf-8"))
        text = ledger.path.read_text(encoding="utf-8").splitlines(keepends=True)
        # Insert from the bottom up, so the line numbers above stay right.
        for passage in sorted(ledger.passages, key=lambda p: p.line, reverse=True):
            wanted = digest(lines[passage.first - 1:passage.last])
            if passage.digest == wanted:
                continue
            start = passage.line - 1  # the '- lines:' line
            indent = re.match(r"\s*-?\s*", text[start]).end()
            end = next((i for i in range(start + 1, len(text)) if text[i].strip() and len(text[i]) - len(text[i].lstrip()) < indent), len(text))
            existing = next((i for i in range(start, end) if re.match(r"^\s*-?\s*digest:", text[i])), None)
            line = " " * indent + f"digest: '{wanted}'\n"
            if existing is not None:
                text[existing] = re.sub(r"digest:.*", f"digest: '{wanted}'", text[existing])
            else:
                text.insert(start + 1, line)
            changed += 1
        ledger.path.write_text("".join(text), encoding="utf-8")
    print(f"{changed} digest(s) written")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-digests", action="store_true", help="set every passage's digest to the source text now")
    if parser.parse_args().write_digests:
        sys.exit(write_digests())
    ledgers, problems = load_ledgers()
    if problems:
        print(report(problems), file=sys.stderr)
    print(f"Coverage ledger ({LEDGER_DIR.relative_to(LEDGER_DIR.parents[2])}):\n")
    print(shares_table(ledgers))
    print("\nPassages no page carries yet:")
    print(missing_list(ledgers))
