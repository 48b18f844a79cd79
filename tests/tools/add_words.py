"""Add words to a project word list, keeping it sorted (a–z, æ, ø, å, case ignored).

    .venv/bin/python tests/tools/add_words.py nb "samskaper/skaper  # from the AFI report" Proba
    .venv/bin/python tests/tools/add_words.py en mentee

Each argument is one line of the list: a word, optionally `/model` and a `# comment`.
A word already in the list is left alone. The file is locked while it is rewritten,
so several authors (or helpers) can add words at the same time."""
from __future__ import annotations

import fcntl
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from content.spelling import sort_key, wordlist_path  # noqa: E402


def add_words(lang: str, lines: list[str]) -> list[str]:
    """Add `lines` to the word list of `lang`; returns the words that were new."""
    path = wordlist_path(lang)
    with open(path, "r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        text = handle.read().splitlines()
        header = []
        while text and text[0].startswith("#"):
            header.append(text.pop(0))
        entries = [line for line in text if line.strip()]

        def word(line: str) -> str:
            return line.split("#", 1)[0].strip().partition("/")[0].strip()

        known = {word(line) for line in entries}
        added = []
        for line in lines:
            if word(line) and word(line) not in known:
                entries.append(line.strip())
                known.add(word(line))
                added.append(word(line))
        entries.sort(key=lambda line: sort_key(word(line)))
        handle.seek(0)
        handle.truncate()
        handle.write("\n".join(header + entries) + "\n")
    return added


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    new = add_words(sys.argv[1], sys.argv[2:])
    print(f"added to words-{sys.argv[1]}.txt: {', '.join(new) or 'nothing new'}")
