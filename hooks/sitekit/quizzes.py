"""Load, validate and render self-check quizzes (see quiz_model for the format).

Plain functions: hooks/quizzes.py calls them from MkDocs events, tests call them
directly. Every problem with a quiz file becomes a QuizError that names the file,
the quiz and question id, the field, the line and what was expected."""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path
from posixpath import relpath
from typing import Any, Callable

import markdown
from markupsafe import Markup
from sitekit import diskcache, strict_yaml
from sitekit.course import MASTERY_PERCENT
from sitekit.datafile import DataError, entry_id, load_all, read_yaml, validate
from sitekit.models import LANGUAGES, allowed_link
from sitekit.quiz_model import Quiz

MARKER = re.compile(r"<!--\s*quiz:\s*([^\s>]*)\s*-->")


class QuizError(DataError):
    """A quiz that cannot be used; MkDocs prints the message and stops, no traceback."""


# -- loading ------------------------------------------------------------------

QUESTION_TYPES = {"single", "multiple", "truefalse", "order", "reflection"}


def load_quiz(path: Path, display: str | None = None) -> Quiz:
    """Read and validate one quiz file; raise QuizError on any problem."""
    name = display or path.name
    data = read_yaml(path, name, QuizError, "a quiz (a block of fields: id, title, questions)")
    quiz_id = data.get("id") if isinstance(data.get("id"), str) else "?"

    def where(data_path: tuple[Any, ...]) -> list[str]:
        question = entry_id(data, "questions", data_path[1]) if data_path[:1] == ("questions",) and len(data_path) > 1 else None
        return [f"quiz '{quiz_id}'", f"question '{question}'" if question else ""]

    quiz = validate(
        Quiz, data, name, QuizError, where=where,
        # A question's location carries its type tag ('questions', 2, 'single', ...).
        skip=lambda loc, i: i >= 2 and loc[i - 2] == "questions" and loc[i] in QUESTION_TYPES,
        union_hint=": use single, multiple, truefalse, order or reflection",
    )
    if quiz.id != path.stem:
        raise QuizError(
            f"{name} (quiz '{quiz.id}', line {strict_yaml.line_of(data, ('id',))}): field 'id' must be "
            f"the file name without .yml, '{path.stem}'."
        )
    _check_objectives(quiz, data, name)
    for field in ("title", "intro"):
        for language in LANGUAGES:
            text = getattr(getattr(quiz, field) or object(), language, "")
            stated = stated_counts(text, language)
            # «Seven questions, and one to think over» counts twice: the first or the sum must fit.
            numbers = {stated[0][1], sum(number for _, number in stated)} if stated else set()
            if stated and not numbers & {len(quiz.questions), len(quiz.scored)}:
                said = " … ".join(words for words, _ in stated)
                raise QuizError(
                    f"{name} (quiz '{quiz.id}', line {strict_yaml.line_of(data, (field, language))}): "
                    f"field '{field}.{language}' says «{said}», but the quiz has {len(quiz.questions)} "
                    f"questions ({len(quiz.scored)} with an answer): write the right number, or leave the number out."
                )
    return quiz


def _check_objectives(quiz: Quiz, data: Any, name: str) -> None:
    """A module quiz (one with objectives) checks every objective, names only its own
    objectives, and asks at least a third of its scored questions as scenarios. A quiz
    without objectives (the guide's, the research pages') names none."""

    def fail(path: tuple[Any, ...], question: str | None, text: str) -> None:
        about = f"quiz '{quiz.id}'" + (f", question '{question}'" if question else "")
        raise QuizError(f"{name} ({about}, line {strict_yaml.line_of(data, path)}): {text}")

    known = [objective.id for objective in quiz.objectives]
    checked: set[str] = set()
    for index, question in enumerate(quiz.questions):
        if question.type == "reflection":
            continue
        if known and not question.checks:
            fail(("questions", index), question.id,
                 f"field 'checks' is missing: name the objective(s) this question checks, from: {', '.join(known)}.")
        for place, objective in enumerate(question.checks):
            if objective not in known:
                choice = f"one of: {', '.join(known)}" if known else "none: this quiz has no 'objectives'"
                fail(("questions", index, "checks", place), question.id,
                     f"field 'checks' names the objective '{objective}', which the quiz does not have; use {choice}.")
            checked.add(objective)
    for index, objective in enumerate(quiz.objectives):
        if objective.id not in checked:
            fail(("objectives", index), None,
                 f"the objective '{objective.id}' is checked by no question: name it in a question's 'checks'.")
    scenarios = sum(1 for question in quiz.scored if question.scenario)
    if known and scenarios * 3 < len(quiz.scored):
        fail(("questions",), None,
             f"{scenarios} of {len(quiz.scored)} scored questions are scenarios; a module quiz needs at least a third "
             f"({-(-len(quiz.scored) // 3)}): give more questions a 'scenario'.")


# A number of questions said in words or digits ("Ti spørsmål", "Seven questions"),
# which must match the quiz when questions are added or removed.
_NUMBER_WORDS = {
    "nb": ["null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv",
           "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tjue"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"],
}
_NUMBERS = {lang: {word: n for n, word in enumerate(words)} for lang, words in _NUMBER_WORDS.items()}
_NUMBERS["nb"]["syv"] = 7
_STATED = {
    "nb": re.compile(r"(?<![\w-])(\d+|[^\W\d_]+)\s+spørsmål\b", re.IGNORECASE),
    "en": re.compile(r"(?<![\w-])(\d+|[^\W\d_]+)\s+questions?\b", re.IGNORECASE),
}


def stated_counts(text: str, language: str) -> list[tuple[str, int]]:
    """Each number of questions `text` states, as (the words, the number)."""
    if language not in _STATED:
        return []
    found = []
    for match in _STATED[language].finditer(re.sub(r"[*_]", "", text)):
        word = match.group(1).lower()
        number = int(word) if word.isdigit() else _NUMBERS[language].get(word)
        if number is not None:
            found.append((match.group(0), number))
    return found


# The last folder read, by its files' state on disk: several hooks ask for the quizzes
# on many pages, and listing and checking the files each time adds up.
_last: tuple[tuple, dict[str, Quiz]] | None = None


def load_quizzes(folder: Path) -> dict[str, Quiz]:
    """Every quiz in `folder`, by id; all problems reported together."""
    global _last
    with os.scandir(folder) as entries:
        state = (str(folder), tuple(sorted(
            (entry.name, entry.stat().st_mtime_ns, entry.stat().st_size) for entry in entries if entry.name.endswith(".yml")
        )))
    if _last is None or _last[0] != state:
        _last = (state, load_all(folder, "quizzes", load_quiz, QuizError))
    return dict(_last[1])


# The quizzes of the build now running, by its config: hooks ask for them on many pages,
# and even a look at the folder (load_quizzes) on each was a twentieth of the hooks' time.
_this_build: tuple[Any, dict[str, Quiz]] | None = None


def build_quizzes(config: Any) -> dict[str, Quiz]:
    """The quizzes for the build of `config` (MkDocs's config), read once per build. Both
    languages' builds share a config; each `mkdocs serve` rebuild has a new one, so an
    edited quiz is read again."""
    global _this_build
    if _this_build is None or _this_build[0] is not config:
        folder = Path(config.config_file_path).parent / "quizzes"
        _this_build = (config, load_quizzes(folder) if folder.is_dir() else {})
    return _this_build[1]


# -- where quizzes are used -------------------------------------------------------


@dataclass(frozen=True)
class SourceProblem:
    quiz: str
    question: str
    source: str
    language: str
    reason: str

    def __str__(self) -> str:
        return (f"quizzes/{self.quiz}.yml (quiz '{self.quiz}', question '{self.question}'): "
                f"field 'source' '{self.source}' {self.reason} in {self.language}.")


def source_problems(quizzes: dict[str, Quiz], page_ids: Callable[[str, str], set[str] | None], languages: list[str]) -> list[SourceProblem]:
    """Check every question's source in every language. `page_ids(page, language)`
    gives the ids on that language's version of a docs page, or None if it does not exist."""
    problems = []
    for quiz in quizzes.values():
        for question in quiz.questions:
            if not question.source:
                continue
            page, _, anchor = question.source.partition("#")
            for language in languages:
                ids = page_ids(page, language)
                if ids is None:
                    problems.append(SourceProblem(quiz.id, question.id, question.source, language, "points to a page that does not exist"))
                elif anchor and anchor not in ids:
                    problems.append(SourceProblem(quiz.id, question.id, question.source, language, f"points to a heading '#{anchor}' that does not exist"))
    return problems


# -- rendering ------------------------------------------------------------------


def page_url(source: str) -> str:
    """The site-relative URL of a docs page: 'mentor/start.md#a' → 'mentor/start/#a'."""
    page, hash_, anchor = source.partition("#")
    stem = page.removesuffix(".md")
    url = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return url + (f"#{anchor}" if hash_ else "")


def link_from(current_url: str, source: str) -> str:
    """A relative link from the page at `current_url` (site-relative, language
    folder included) to `source` in the same language folder."""
    prefix = current_url.split("/", 1)[0] + "/" if current_url.startswith("en/") else ""
    target = prefix + page_url(source)
    path, _, anchor = target.partition("#")
    rel = relpath("/" + path, "/" + current_url) if current_url else path
    rel = "./" if rel in ("", ".") else rel
    if not rel.endswith("/") and (path.endswith("/") or path == ""):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


_INLINE = markdown.Markdown(extensions=[])
_MARKDOWN_SIGNS = re.compile(r"[*_`\[\\<]|&(?!amp;|lt;|gt;)|^\s*([-+>#]|\d+\.)\s|  $", re.M)
_MD_LINK = re.compile(r'href="([a-z0-9][a-z0-9/_-]*\.md(?:#[A-Za-z0-9_-]+)?)"')


_HREF = re.compile(r'<a href="([^"]*)"')


def inline(text: str, current_url: str) -> Markup:
    """Inline Markdown to safe HTML, with every bit of HTML in the text escaped first
    (a `<script>` in a quiz file shows as text). Links to `page.md` become links
    to that page in the current language; a link anywhere else than the places
    `allowed_link` names (refused when the file is read) is rendered as its text."""
    escaped = html.escape(text, quote=False)
    if not _MARKDOWN_SIGNS.search(escaped):  # plain text, the common case: no parser needed
        return Markup(escaped)
    rendered = _converted(escaped)
    if rendered is None:
        return Markup(escaped)
    return Markup(_MD_LINK.sub(lambda m: f'href="{link_from(current_url, m.group(1))}"', rendered))


# What decides a conversion besides the text: Markdown, and this file and sitekit.models
# (allowed_link), by version and content. An earlier build's results are kept on disk.
_CONVERTER = hashlib.sha256(
    markdown.__version__.encode() + Path(__file__).read_bytes() + (Path(__file__).parent / "models.py").read_bytes()
).hexdigest()[:16]


@functools.lru_cache(maxsize=8192)
def _converted(escaped: str) -> str | None:
    """The Markdown of one escaped text, or None if it links where it may not. Cached:
    a quiz's texts are rendered on its page, its module's answer key and the printout,
    and the text alone decides the result; kept for the next build too (sitekit.diskcache:
    about 200 texts, 35 ms of Markdown a build)."""
    name = "md-" + hashlib.sha256(f"{_CONVERTER}\n{escaped}".encode("utf-8")).hexdigest() + ".json"
    kept = diskcache.read_json(name)
    if isinstance(kept, dict) and isinstance(kept.get("html"), (str, type(None))) and "html" in kept:
        return kept["html"]
    rendered = _markdown(escaped)
    diskcache.write_json(name, {"html": rendered})
    return rendered


def _markdown(escaped: str) -> str | None:
    _INLINE.reset()
    rendered = _INLINE.convert(escaped)
    rendered = re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.S)
    # Markdown's output encodes '&' in an address as '&amp;': compare the address itself.
    if any(not allowed_link(html.unescape(url)) for url in _HREF.findall(rendered)):
        return None
    return rendered


def encode_key(quiz_id: str, question_id: str, value: Any) -> str:
    """The right answer, lightly hidden: base64 of the JSON, reversed. Enough that a
    glance at the page source does not give it away; this is self-check, not an exam."""
    raw = json.dumps({"q": f"{quiz_id}/{question_id}", "a": value}, separators=(",", ":"))
    return base64.b64encode(raw.encode("utf-8")).decode("ascii")[::-1]


def shuffled_order(quiz_id: str, question_id: str, count: int) -> list[int]:
    """A fixed shuffle (same on every build and in both languages) that is never
    the right order, so readers without JavaScript see the same puzzle."""
    order = list(range(count))
    rng = random.Random(f"{quiz_id}/{question_id}")
    while order == sorted(order):
        rng.shuffle(order)
    return order


def objectives_view(quiz: Quiz, language: str, current_url: str) -> list[dict[str, Any]]:
    """The quiz's objectives as view_model has them, without rendering the questions
    (a module page lists its objectives from its quiz)."""
    return [{"id": objective.id, "text": inline(getattr(objective.text, language), current_url)} for objective in quiz.objectives]


def render_quiz(template, quiz: Quiz, language: str, current_url: str, config: Any, *, objective_links: bool = False) -> str:
    """The quiz partial (`template`, overrides/partials/quiz.html) for `quiz` on the page
    at `current_url`, as every page that shows a quiz renders it: with the course's
    mastery threshold, and its objectives linked only on its own module page."""
    return template.render(
        quiz=view_model(quiz, language, current_url), config=config, mastery=MASTERY_PERCENT, objective_links=objective_links,
    )


def view_model(quiz: Quiz, language: str, current_url: str) -> dict[str, Any]:
    """What the Jinja partial needs, with every text already rendered to safe HTML."""

    def text(value) -> str | None:
        return inline(getattr(value, language), current_url) if value is not None else None

    questions = []
    for number, question in enumerate(quiz.questions, start=1):
        item: dict[str, Any] = {
            "id": question.id,
            "type": question.type,
            "number": number,
            "prompt": text(question.prompt),
            "source": link_from(current_url, question.source) if question.source else None,
            "checks": list(getattr(question, "checks", [])),
            "scenario": (
                {"kind": question.scenario.kind, "text": text(question.scenario.text)}
                if getattr(question, "scenario", None) else None
            ),
        }
        if question.type == "reflection":
            item["hint"] = text(question.hint)
        else:
            item["explanation"] = text(question.explanation)
        if question.type in ("single", "multiple"):
            item["options"] = [
                {"value": index, "text": text(option.text), "feedback": text(option.feedback), "correct": option.correct}
                for index, option in enumerate(question.options)
            ]
            item["key"] = encode_key(quiz.id, question.id, [i for i, o in enumerate(question.options) if o.correct])
        elif question.type == "truefalse":
            item["answer"] = question.answer
            item["feedback_true"] = text(question.feedback_true)
            item["feedback_false"] = text(question.feedback_false)
            item["key"] = encode_key(quiz.id, question.id, question.answer)
        elif question.type == "order":
            order = shuffled_order(quiz.id, question.id, len(question.items))
            item["items"] = [{"value": index, "text": text(question.items[index])} for index in order]
            item["right_order"] = [text(step) for step in question.items]
            item["key"] = encode_key(quiz.id, question.id, list(range(len(question.items))))
        questions.append(item)
    return {
        "id": quiz.id,
        "title": text(quiz.title),
        "intro": text(quiz.intro),
        "objectives": objectives_view(quiz, language, current_url),
        "questions": questions,
        "scored": len(quiz.scored),
    }
