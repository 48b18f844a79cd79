"""Spelling: every word a reader sees, in its own language, through Debian's hunspell.

Text in an element with a `lang` attribute is checked in that language. Skipped by
rule: words with a digit (R2024_07), all-caps abbreviations (NAV, WCAG) and the
first part of a shortened compound («helse- og omsorg»). The
project's word lists (words-<language>.txt beside this file) add names, terms and
compounds to the dictionaries; an entry `word/model` inflects like `model`."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from content.problems import Problem
from content.site import LANGUAGE_NAMES, Page, Run, place

HERE = Path(__file__).resolve().parent
# Language → Debian hunspell dictionary (packages hunspell-no, hunspell-en-gb,
# hunspell-sv, hunspell-da). Nynorsk, Swedish and Danish are not site languages,
# but titles of sources and names of Nordic schemes are written in them.
DICTIONARIES = {"nb": "nb_NO", "en": "en_GB", "nn": "nn_NO", "sv": "sv_SE", "da": "da_DK"}
# Language tags that mean one of the above.
ALIASES = {"no": "nb", "nob": "nb", "eng": "en"}

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
POSSESSIVE = re.compile(r"['’]s$")
SHORTENED = re.compile(r"-\s")


def wordlist_path(lang: str) -> Path:
    return HERE / f"words-{lang}.txt"


def dictionary_language(lang: str) -> str:
    """'en-GB' → 'en', 'no' → 'nb'."""
    base = lang.lower().replace("_", "-").split("-")[0]
    return ALIASES.get(base, base)


def words_of(text: str, lang: str) -> list[str]:
    """The words hunspell should see in `text`."""
    words = []
    for match in WORD.finditer(text):
        word = match.group(0)
        if any(char.isdigit() for char in word):
            continue  # a code, a version, a report number
        if lang == "en":
            word = POSSESSIVE.sub("", word)
        if len(word) > 1 and word.isupper():
            continue  # an abbreviation: NAV, AFI, WCAG (and NAV's)
        if SHORTENED.match(text, match.end()):
            continue  # the first part of a shortened compound: «utviklings- og …»
        words.append(word)
    return words


@dataclass(frozen=True)
class Entry:
    word: str
    model: str | None  # a known word whose inflections the entry takes
    line: int


def read_wordlist(path: Path) -> list[Entry]:
    """Entries of a word list: one a line, `#` starts a comment."""
    if not path.is_file():
        return []
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if text:
            word, _, model = text.partition("/")
            entries.append(Entry(word.strip(), model.strip() or None, number))
    return entries


# Norwegian order: a–z, then æ, ø, å.
_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def sort_key(word: str) -> tuple[str, str]:
    return word.casefold().translate(_ORDER), word


def wordlist_problems(path: Path) -> list[Problem]:
    """A word list must be sorted (Norwegian order, case ignored), without
    duplicates, one word a line."""
    entries = read_wordlist(path)
    name = f"tests/content/{path.name}"
    problems = []
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.word in seen:
            problems.append(Problem(name, f"line {entry.line}", f"«{entry.word}» is listed twice (also line {seen[entry.word]})", "delete one of them"))
        seen.setdefault(entry.word, entry.line)
        if not WORD.fullmatch(entry.word):
            problems.append(Problem(name, f"line {entry.line}", f"«{entry.word}» is not one word", "write one word a line"))
    for before, after in zip(entries, entries[1:]):
        if sort_key(after.word) < sort_key(before.word):
            place = next(entry for entry in entries if sort_key(entry.word) > sort_key(after.word))
            problems.append(Problem(
                name, f"line {after.line}", f"«{after.word}» comes after «{before.word}»",
                f"move it before «{place.word}» (line {place.line}): a–z, then æ, ø, å, case ignored",
            ))
    return problems


def hunspell_unknown(words: Iterable[str], lang: str, wordlist: Path | None = None) -> set[str]:
    """The words that hunspell's dictionary for `lang`, with the word list, does not know."""
    words = sorted(set(words))
    if not words:
        return set()
    if shutil.which("hunspell") is None:
        raise RuntimeError(
            "hunspell is not installed: `./dev test` installs it, or run "
            "`sudo apt-get install hunspell hunspell-no hunspell-en-gb hunspell-sv hunspell-da`."
        )
    entries = read_wordlist(wordlist) if wordlist else []
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic") as personal:
        # The bare word too: hunspell drops a `word/model` line whose model has no flags.
        personal.write("".join(f"{e.word}\n{e.word}/{e.model}\n" if e.model else f"{e.word}\n" for e in entries))
        personal.flush()
        result = subprocess.run(
            ["hunspell", "-i", "utf-8", "-d", DICTIONARIES[lang], "-p", personal.name, "-l"],
            input="\n".join(words) + "\n", capture_output=True, text=True, encoding="utf-8",
        )
    if result.returncode != 0 or "Can't open" in result.stderr:
        raise RuntimeError(f"hunspell -d {DICTIONARIES[lang]} failed: {result.stderr.strip()}")
    flagged = set(result.stdout.split())
    # hunspell may flag a part of what it was given; map parts back to the words.
    parts = flagged.difference(words)
    return {word for word in words if word in flagged or any(part in word for part in parts)}


# British English. Debian's en_GB dictionary also takes Oxford -ize spellings
# (organize) and a few American forms; the site writes -ise and British forms
# (CONTENT.md), so these are checked apart from the dictionary.
IZE = re.compile(r"(?<=[a-z])([iy])z(e|es|ed|ing|ation|ations|ational|er|ers|able)$")
# Words in -ize that have no -ise form: size, prize (prise is another word), seize.
NOT_IZE = {"size", "prize", "seize", "baize", "maize", "capsize", "downsize", "oversize", "resize", "outsize"}
AMERICAN = {  # American form (lower case) → the British one; for forms en_GB accepts
    "gray": "grey", "grays": "greys", "toward": "towards",
    "acknowledgment": "acknowledgement", "acknowledgments": "acknowledgements",
    "program": "programme (a computer program keeps -gram)", "programs": "programmes",
}


def american_spellings(words: Iterable[str]) -> dict[str, str]:
    """The American spellings among `words`, each with the British one to write."""
    found = {}
    candidates = {}
    for word in set(words):
        lower = word.lower()
        if lower in AMERICAN:
            found[word] = AMERICAN[lower]
            continue
        match = IZE.search(word)
        if match and lower[: match.start()] + match.group(1) + "ze" not in NOT_IZE:
            candidates[word] = word[: match.start()] + match.group(1) + "s" + match.group(2)
    if candidates:
        unknown = hunspell_unknown(candidates.values(), "en")
        found.update({word: british for word, british in candidates.items() if british not in unknown})
    return found


def check_spelling(pages: list[Page], wordlists: dict[str, Path] | None = None) -> list[Problem]:
    """Every unknown word on every page, once per page, at its first place."""
    wordlists = wordlists if wordlists is not None else {lang: wordlist_path(lang) for lang in DICTIONARIES}
    found: dict[str, set[str]] = {lang: set() for lang in DICTIONARIES}
    occurrences: list[tuple[Page, Run, str, str]] = []
    problems = []
    for page in pages:
        unsupported: set[str] = set()
        for run in [*page.head_runs, *page.runs, *page.image_runs]:
            lang = dictionary_language(run.lang)
            if lang not in DICTIONARIES:
                if run.lang not in unsupported:
                    unsupported.add(run.lang)
                    problems.append(Problem(
                        page.name, place(run), f"text in lang=\"{run.lang}\", which has no dictionary here",
                        "mark it with a checked language (nb, en), or add its Debian hunspell "
                        "dictionary to DICTIONARIES in tests/content/spelling.py",
                    ))
                continue
            for word in words_of(run.text, lang):
                found[lang].add(word)
                occurrences.append((page, run, lang, word))
    unknown = {lang: hunspell_unknown(words, lang, wordlists.get(lang)) for lang, words in found.items()}
    american = american_spellings(found["en"])
    reported: set[tuple[str, str, str]] = set()
    for page, run, lang, word in occurrences:
        if lang == "en" and word in american and (page.name, lang, word) not in reported:
            reported.add((page.name, lang, word))
            problems.append(Problem(
                page.name, place(run), f"American spelling «{word}»",
                f"write «{american[word]}»: the English pages are British English (CONTENT.md)",
            ))
        if word in unknown[lang] and (page.name, lang, word) not in reported:
            reported.add((page.name, lang, word))
            problems.append(Problem(
                page.name, place(run), f"unknown {LANGUAGE_NAMES[lang]} word «{word}»",
                f"correct it, or add it to tests/content/words-{lang}.txt if it is right "
                "(or mark a phrase in another language with lang)",
            ))
    return problems
