"""The quiz engine without a browser: load, validate, render, place, and fail cleanly."""
from __future__ import annotations

import base64
import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from sitebuild import DEMO_QUIZ, ROOT, add_demo_quiz, assert_fails_cleanly, copy_project
from sitekit import strict_yaml
from sitekit.quiz_model import json_schema
from sitekit.quizzes import (
    MARKER, QuizError, encode_key, inline, link_from, load_quiz, page_url, shuffled_order, view_model,
)

VALID = {
    "id": "q",
    "title": {"nb": "Tittel", "en": "Title"},
    "questions": [{
        "id": "a",
        "type": "single",
        "prompt": {"nb": "Spørsmål?", "en": "Question?"},
        "options": [
            {"text": {"nb": "Ja", "en": "Yes"}, "correct": True, "feedback": {"nb": "Riktig.", "en": "Right."}},
            {"text": {"nb": "Nei", "en": "No"}, "feedback": {"nb": "Ikke det.", "en": "Not that."}},
        ],
        "explanation": {"nb": "Fordi.", "en": "Because."},
        "source": "om/index.md",
    }],
}


def write(tmp_path: Path, text: str, name: str = "q.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(QuizError) as caught:
        load_quiz(path)
    return str(caught.value)


def test_the_demo_quiz_loads_with_every_question_type() -> None:
    quiz = load_quiz(DEMO_QUIZ)
    assert [q.type for q in quiz.questions] == ["single", "multiple", "truefalse", "order", "reflection"]
    assert len(quiz.scored) == 4


# -- the Norway problem and other YAML traps ------------------------------------------


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "YES", "Off"])
def test_unquoted_yes_no_on_off_stay_text(word: str) -> None:
    assert strict_yaml.load(f"nb: {word}\n") == {"nb": word}


@pytest.mark.parametrize(("text", "expected"), [("a: true", True), ("a: false", False), ("a: True", True)])
def test_true_and_false_are_booleans(text: str, expected: bool) -> None:
    assert strict_yaml.load(text) == {"a": expected}


def test_a_boolean_field_refuses_no_with_a_clear_message(tmp_path: Path) -> None:
    data = json.loads(json.dumps(VALID))
    data["questions"][0]["options"][0]["correct"] = "yes"
    message = error_of(write(tmp_path, yaml.safe_dump(data, allow_unicode=True).replace("correct: 'yes'", "correct: yes")))
    assert "question 'a'" in message
    assert "field 'questions.0.options.0.correct' must be true or false, not 'yes'" in message
    assert "line " in message


def test_a_text_field_keeps_no_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, yaml.safe_dump(VALID, allow_unicode=True).replace("en: 'No'", "en: no"))
    assert "en: no\n" in path.read_text()
    assert load_quiz(path).questions[0].options[1].text.en == "no"


def test_a_key_written_twice_is_refused_with_both_lines(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, """\
        id: q
        title: {nb: a, en: b}
        id: q
    """))
    assert "q.yml, line 3: the key 'id' is written twice in the same block (first on line 1)" in message


# -- validation messages name the file, quiz, question, field and line ----------------


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["questions"][0]["options"][1].update(correct=True),
     "question 'a', line 6): field 'questions.0' a single-choice question needs exactly one option with 'correct: true', found 2"),
    (lambda d: d["questions"][0]["options"][0].update(correct=False),
     "found 0"),
    (lambda d: d["questions"][0].update(type="essay"),
     "field 'questions.0' has an unknown type: use single"),
    (lambda d: d["questions"][0].pop("type"),
     "field 'questions.0' needs a 'type'"),
    (lambda d: d["questions"][0]["prompt"].pop("en"),
     "field 'questions.0.prompt.en' is missing"),
    (lambda d: d["questions"][0].update(options=[]),
     "field 'questions.0.options' list should have at least 2 items"),
    (lambda d: d["questions"][0].update(source="http://example.org"),
     "field 'questions.0.source' string should match pattern"),
    (lambda d: d["questions"].append(json.loads(json.dumps(d["questions"][0]))),
     "the question id 'a' is used twice"),
    # Every option says why it is right or wrong.
    (lambda d: d["questions"][0]["options"][1].pop("feedback"),
     "field 'questions.0.options.1.feedback' is missing"),
    (lambda d: d["questions"][0].update(type="truefalse", answer=True, options=None, feedback_true={"nb": "Ja.", "en": "Yes."}) or d["questions"][0].pop("options"),
     "field 'questions.0.feedback_false' is missing"),
    (lambda d: d["questions"][0].update(colour="red"),
     "field 'questions.0.colour' is not a field of this format"),
    (lambda d: d["title"].update(nb=1950),
     "field 'title.nb' must be text, not 1950 (YAML read it as a number or a date: put it in quotes)"),
    (lambda d: d.update(questions=[]),
     "field 'questions' list should have at least 1 item"),
    (lambda d: d.update(id="other"),
     "field 'id' must be the file name without .yml, 'q'"),
    # A number of questions in the title or intro that the quiz no longer has.
    (lambda d: d["title"].update(nb="Ti spørsmål om mentorrollen"),
     "line 3): field 'title.nb' says «Ti spørsmål», but the quiz has 1 questions (1 with an answer)"),
    (lambda d: d.update(intro={"nb": "Ett spørsmål.", "en": "Seven questions on the role."}),
     "field 'intro.en' says «Seven questions»"),
    (lambda d: d.update(intro={"nb": "2 spørsmål.", "en": "One question."}),
     "field 'intro.nb' says «2 spørsmål»"),
])
def test_invalid_quizzes_give_a_message_an_author_can_act_on(tmp_path: Path, change, expected: str) -> None:
    data = json.loads(json.dumps(VALID))
    change(data)
    message = error_of(write(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))
    assert message.startswith(("Invalid quiz:\n  q.yml (quiz 'q'", "q.yml (quiz")), message
    assert expected in message, message


@pytest.mark.parametrize(("title", "intro"), [
    ({"nb": "Ett spørsmål", "en": "One question"}, None),
    ({"nb": "Tittel", "en": "Title"}, {"nb": "1 spørsmål, og ingen å tenke over.", "en": "Questions on the *role*."}),
])
def test_a_number_of_questions_that_fits_is_accepted(tmp_path: Path, title: dict, intro: dict | None) -> None:
    data = {**json.loads(json.dumps(VALID)), "title": title, **({"intro": intro} if intro else {})}
    assert load_quiz(write(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))).id == "q"


def test_every_quiz_of_the_site_states_its_own_number_of_questions() -> None:
    """Their titles and intros are checked when they load: this loads them all."""
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        load_quiz(path, f"quizzes/{path.name}")


@pytest.mark.parametrize(("text", "expected"), [
    ("id: [unclosed\n", "q.yml, line 2: not valid YAML"),
    ("id: q\n- item\n", "q.yml, line 2: not valid YAML"),
    ("- just\n- a list\n", "q.yml: expected a quiz (a block of fields: id, title, questions), found Sequence"),
    ("", "found NoneType"),
])
def test_files_that_are_not_quizzes(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in error_of(write(tmp_path, text))


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_bytes(b"id: \xff\xfe\n")
    assert "q.yml, line 1: is not UTF-8 text (byte 0xff)" in error_of(path)


# -- rendering ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("*viktig*", "<em>viktig</em>"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("a & b", "a &amp; b"),
    ("[kilder](om/kilder.md#virke)", '<a href="../om/kilder/#virke">kilder</a>'),
    ("[x](https://www.nav.no/arbeidsgiver/mentor)", '<a href="https://www.nav.no/arbeidsgiver/mentor">x</a>'),
    ('<a href="javascript:alert(1)">x</a>', "&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;"),
])
def test_inline_markdown_is_rendered_and_html_escaped(text: str, expected: str) -> None:
    assert inline(text, "kurs/") == expected


@pytest.mark.parametrize(("current", "source", "expected"), [
    ("om/", "om/kilder.md", "kilder/"),
    ("om/", "om/index.md#a", "./#a"),
    ("", "om/kilder.md", "om/kilder/"),
    ("en/om/", "om/kilder.md#b", "kilder/#b"),
    ("en/", "index.md", "./"),
    ("mentor/steg/", "index.md", "../../"),
    ("en/mentor/", "mentor/index.md", "./"),
])
def test_links_from_a_page_to_a_source_stay_in_its_language(current: str, source: str, expected: str) -> None:
    assert link_from(current, source) == expected


@pytest.mark.parametrize(("source", "expected"), [("index.md", ""), ("om/index.md", "om/"), ("om/kilder.md#a", "om/kilder/#a")])
def test_page_url(source: str, expected: str) -> None:
    assert page_url(source) == expected


@pytest.mark.parametrize("answer", [[2], [0, 3], True, False, [0, 1, 2, 3]])
def test_the_answer_key_is_not_in_clear_but_decodes(answer) -> None:
    key = encode_key("q", "a", answer)
    clear = json.dumps(answer, separators=(",", ":"))
    assert clear not in key and "q/a" not in key and '"a"' not in key
    assert json.loads(base64.b64decode(key[::-1])) == {"q": "q/a", "a": answer}


@pytest.mark.parametrize("count", [2, 3, 6, 7])
def test_order_is_shuffled_the_same_way_every_time_and_never_right(count: int) -> None:
    order = shuffled_order("quiz", "steps", count)
    assert sorted(order) == list(range(count)) and order != sorted(order)
    assert order == shuffled_order("quiz", "steps", count)


def test_the_template_uses_the_answer_only_inside_the_answer_box() -> None:
    """The view model carries the answer (options' `correct`, `answer`, `right_order`)
    for the «show the answer» box only: the partial may use them there and nowhere else."""
    template = (ROOT / "overrides/partials/quiz.html").read_text(encoding="utf-8")
    outside = re.sub(r"<details class=\"inkl-quiz__answer\">.*?</details>", "", template, flags=re.S)
    for name in ("correct", "q.answer", "right_order"):
        assert name in template, name
        assert name not in outside, f"{name} is used outside the answer box"
    model = view_model(load_quiz(DEMO_QUIZ), "en", "om/")
    single = model["questions"][0]
    assert [o["correct"] for o in single["options"]] == [False, True, False]
    assert [o["text"] for o in single["options"]] == ["Three", "Five", "Seven &lt;script&gt;alert(1)&lt;/script&gt;"]
    assert model["scored"] == 4


def _quiz_html(quiz, language: str = "en") -> str:
    """The quiz partial, rendered as the build renders it (autoescaping, the site's strings)."""
    import jinja2
    import material
    from sitekit.templates import autoescaping

    loader = jinja2.FileSystemLoader([ROOT / "overrides", Path(material.__file__).parent / "templates"])
    env = autoescaping(jinja2.Environment(loader=loader))
    return env.get_template("partials/quiz.html").render(
        quiz=view_model(quiz, language, "om/"), config={"theme": {"language": language}},
    )


def _question_markup(html: str, question: str) -> str:
    """A question's markup without its answer box and its encoded key."""
    block = re.search(rf'<li class="inkl-quiz__question"[^>]*data-question="{question}".*?</li>\s*(?=<li class="inkl-quiz__question"|</ol>)', html, re.S).group(0)
    block = re.sub(r"<details class=\"inkl-quiz__answer\">.*?</details>", "", block, flags=re.S)
    return re.sub(r' data-key="[^"]*"', "", block)


def _with_other_answer(question: dict) -> dict:
    changed = json.loads(json.dumps(question))
    if changed["type"] == "truefalse":
        changed["answer"] = not changed["answer"]
    else:
        flags = [bool(o.get("correct")) for o in changed["options"]]
        flags = flags[1:] + flags[:1]  # the right option(s) move one place
        for option, flag in zip(changed["options"], flags):
            option["correct"] = flag
    return changed


@pytest.mark.parametrize("kind", ["single", "multiple", "truefalse"])
def test_nothing_outside_the_key_and_answer_box_reveals_the_answer(tmp_path: Path, kind: str) -> None:
    """Render each question with its answer changed: outside the answer box and the
    encoded key, the markup must be the same (no data-answer, no class, no order)."""
    data = strict_yaml.load(DEMO_QUIZ.read_text(encoding="utf-8"))
    plain = json.loads(json.dumps(data))
    question = next(q for q in plain["questions"] if q["type"] == kind)
    other = {**plain, "questions": [_with_other_answer(q) if q is question else q for q in plain["questions"]]}
    paths = []
    for name, content in (("a", plain), ("b", other)):
        folder = tmp_path / name
        folder.mkdir()
        paths.append(folder / DEMO_QUIZ.name)
        paths[-1].write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    first, second = (_quiz_html(load_quiz(path)) for path in paths)
    assert first != second  # the answer box does differ
    assert _question_markup(first, question["id"]) == _question_markup(second, question["id"])


def test_every_question_is_a_fieldset_with_its_prompt_in_the_legend(quiz_site: Path) -> None:
    """The group's name is what a screen reader reads before the options: assert the
    structure itself (axe does not flag a <p> in place of the <legend>)."""
    html = (quiz_site / "en/om/index.html").read_text(encoding="utf-8")
    questions = re.findall(r'<li class="inkl-quiz__question".*?</fieldset>', html, re.S)
    assert len(questions) == len(load_quiz(DEMO_QUIZ).questions)
    for block in questions:
        assert re.search(r"<fieldset>\s*<legend><span class=\"inkl-quiz__number\">Question \d+\.</span> \S", block), block[:300]
        controls = re.findall(r"<(?:input|select|textarea)\b[^>]*\bid=\"([^\"]+)\"", block)
        assert controls, block[:300]
        for control in controls:
            assert f'<label for="{control}"' in block or f'<label class="inkl-quiz__note-label" for="{control}"' in block, control


def test_markers() -> None:
    assert MARKER.findall("a <!-- quiz: mentor --> b <!--quiz:kurs-1-->") == ["mentor", "kurs-1"]


# -- the JSON Schema for editors -------------------------------------------------------


def test_the_published_json_schema_is_up_to_date() -> None:
    published = json.loads((ROOT / "quizzes/schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "regenerate: PYTHONPATH=hooks .venv/bin/python -m sitekit.quiz_model > quizzes/schema.json"
    assert published["required"] == ["id", "title", "questions"]


# -- in the build -------------------------------------------------------------------------


def _fails_cleanly(project: Path, tmp_path: Path, *needles: str) -> None:
    assert_fails_cleanly(project, tmp_path / "site", *needles)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    add_demo_quiz(project)
    return project


def test_the_quiz_is_rendered_in_both_languages_and_kept_out_of_search(quiz_site: Path) -> None:
    nb = (quiz_site / "om/index.html").read_text(encoding="utf-8")
    en = (quiz_site / "en/om/index.html").read_text(encoding="utf-8")
    assert 'data-quiz="quiz-demo"' in nb and 'data-quiz="quiz-demo"' in en
    assert "Hvor mange kilder bygger nettstedet på?" in nb
    assert "How many sources does the site rest on?" in en
    assert "assets/js/quiz.js" in nb and "assets/css/quiz.css" in nb
    assert "assets/js/quiz.js" not in (quiz_site / "om/kilder/index.html").read_text(encoding="utf-8")
    index = json.loads((quiz_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any("Hvor mange kilder" in doc["text"] for doc in index["docs"])


def test_an_unknown_quiz_id_fails_the_build(project: Path, tmp_path: Path) -> None:
    page = project / "docs/om/kilder.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- quiz: finnes-ikke -->\n", encoding="utf-8")
    _fails_cleanly(project, tmp_path, "docs/om/kilder.md: the marker '<!-- quiz: finnes-ikke -->' names no quiz")


def test_a_quiz_used_by_no_page_fails_the_build(project: Path, tmp_path: Path) -> None:
    (project / "quizzes/ekstra.yml").write_text(DEMO_QUIZ.read_text(encoding="utf-8").replace("id: quiz-demo", "id: ekstra"), encoding="utf-8")
    _fails_cleanly(project, tmp_path, "quizzes/ekstra.yml: quiz 'ekstra' is used by no page")


def test_a_source_that_does_not_exist_fails_the_build(project: Path, tmp_path: Path) -> None:
    """A page and a heading that do not exist, in one build: the check lists every one."""
    path = project / "quizzes/quiz-demo.yml"
    text = path.read_text(encoding="utf-8")
    assert "source: om/personvern.md" in text and "source: om/index.md" in text
    path.write_text(
        text.replace("source: om/personvern.md", "source: om/borte.md").replace("source: om/index.md", "source: om/kilder.md#ingen-slik"),
        encoding="utf-8",
    )
    _fails_cleanly(
        project, tmp_path,
        "quizzes/quiz-demo.yml (quiz 'quiz-demo', question 'sant-usant'): field 'source' 'om/borte.md' points to a page that does not exist in nb",
        "quizzes/quiz-demo.yml (quiz 'quiz-demo', question 'rekkefolge'): field 'source' 'om/kilder.md#ingen-slik' points to a heading '#ingen-slik' that does not exist in nb",
    )


def test_an_invalid_quiz_fails_the_build_with_its_line(project: Path, tmp_path: Path) -> None:
    path = project / "quizzes/quiz-demo.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("answer: false", "answer: no"), encoding="utf-8")
    _fails_cleanly(project, tmp_path, "quizzes/quiz-demo.yml (quiz 'quiz-demo', question 'sant-usant', line ", "must be true or false, not 'no'")


# -- a module quiz: objectives, what checks them, the scenario third -------------------

def _module_quiz() -> dict:
    """A module quiz that passes: three objectives, three questions, one a scenario."""
    data = json.loads(json.dumps(VALID))
    data["objectives"] = [
        {"id": objective, "text": {"nb": f"forklare {objective}", "en": f"explain {objective}"}}
        for objective in ("mal-a", "mal-b", "mal-c")
    ]
    first = lambda: json.loads(json.dumps(VALID["questions"][0]))  # noqa: E731 (a fresh copy: no YAML aliases)
    data["questions"] = [
        {**first(), "id": "a", "checks": ["mal-a"],
         "scenario": {"kind": "constructed", "text": {"nb": "Kari begynner i dag.", "en": "Kari starts today."}}},
        {**first(), "id": "b", "checks": ["mal-b"]},
        {**first(), "id": "c", "checks": ["mal-b", "mal-c"]},
    ]
    return data


def _error(tmp_path: Path, data: dict) -> str:
    return error_of(write(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))


def test_a_module_quiz_that_checks_every_objective_loads(tmp_path: Path) -> None:
    quiz = load_quiz(write(tmp_path, yaml.safe_dump(_module_quiz(), allow_unicode=True, sort_keys=False)))
    assert [o.id for o in quiz.objectives] == ["mal-a", "mal-b", "mal-c"]
    view = view_model(quiz, "en", "kurs/modul-1/")
    assert view["questions"][0]["scenario"]["kind"] == "constructed"
    assert view["questions"][2]["checks"] == ["mal-b", "mal-c"]


@pytest.mark.parametrize("change, expected, line_of", [
    # An objective that no question checks: named, with the line of the objective.
    (lambda d: d["questions"][2].update(checks=["mal-b"]),
     "quiz 'q', line {line}): the objective 'mal-c' is checked by no question", "- id: mal-c"),
    # A question that names an objective the quiz does not have.
    (lambda d: d["questions"][1].update(checks=["mal-x"]),
     "question 'b', line {line}): field 'checks' names the objective 'mal-x', which the quiz does not have; "
     "use one of: mal-a, mal-b, mal-c", "- mal-x"),
    # A scored question that names none.
    (lambda d: d["questions"][1].pop("checks"), "question 'b', line {line}): field 'checks' is missing", "id: b"),
    # Fewer than a third scenarios.
    (lambda d: d["questions"][0].pop("scenario"),
     "0 of 3 scored questions are scenarios; a module quiz needs at least a third (1)", None),
    (lambda d: d.update(objectives=d["objectives"][:2]), "a module has 3 to 5 objectives, this quiz has 2", None),
])
def test_a_module_quiz_must_check_its_objectives(tmp_path: Path, change, expected: str, line_of: str | None) -> None:
    data = _module_quiz()
    change(data)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if line_of:
        expected = expected.format(line=next(n for n, line in enumerate(text.splitlines(), 1) if line_of in line))
    message = error_of(write(tmp_path, text))
    assert expected in message, message


def test_a_quiz_without_objectives_names_none(tmp_path: Path) -> None:
    data = json.loads(json.dumps(VALID))
    data["questions"][0]["checks"] = ["mal-a"]
    assert "names the objective 'mal-a', which the quiz does not have; use none: this quiz has no 'objectives'" in _error(tmp_path, data)
