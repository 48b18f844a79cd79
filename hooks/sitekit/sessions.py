"""Session plans as something to run: their time tables, checked, and marked for the
run view (assets/js/session-run.js).

A session plan (`template: session.html`) has one table per length, under a heading
with the id `plan-<minutes>`:

    ## Plan for 60 minutter { #plan-60 }

    | Minutter | Hva | Slik gjør dere |
    | --- | --- | --- |
    | 5 | [Åpningsspørsmål](#apning) | En runde der alle svarer kort. |
    | 10 | [Quiz i teammodus](#quiz) | Ta spørsmål 3, 5, 6 og 7. |

A step whose «Hva» links to a section of the page (`#apning`) shows that section in
the run view; the step that links to `#quiz` runs the module's quiz. The checks here
work on the HTML that Markdown made, so they can be tested with strings."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from sitekit.course import moved, sections, without_facilitator_notes, without_ticks
from sitekit.datafile import DataError

QUIZ_SECTION = "quiz"  # the section a plan's quiz step links to
SHORT_PLAN = "plan-60"  # the plan that takes only the front matter's `short_quiz`
# Sections of the plan whose step also shows the module's section of the same id:
# the case, so the group reads it on the screen without leaving the run view.
FROM_MODULE = ("sak",)

_PLAN_ID = re.compile(r"plan-(\d+)")
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_BODY_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
_LOCAL_LINK = re.compile(r'href="#([^"]+)"')
_TAGS = re.compile(r"<[^>]+>")


class SessionError(DataError):
    """A session plan that cannot be run."""


@dataclass(frozen=True)
class Step:
    row: int  # 1-based, in the table's body
    minutes: str  # the cell's text, as written
    what: str  # the «Hva» cell's text
    targets: tuple[str, ...]  # the page's sections the «Hva» cell links to

    @property
    def number(self) -> int | None:
        return int(self.minutes) if self.minutes.isdigit() else None


def _text(cell: str) -> str:
    return html.unescape(_TAGS.sub("", cell)).strip()


def plan_tables(content: str) -> dict[str, list[Step] | None]:
    """Each plan section (`plan-<minutes>`) by id, with the steps of its first table;
    None for a plan section without a table."""
    plans: dict[str, list[Step] | None] = {}
    for section_id, (_, body) in sections(content).items():
        if not _PLAN_ID.fullmatch(section_id):
            continue
        table = _TABLE.search(body)
        if not table:
            plans[section_id] = None
            continue
        rows = _BODY_ROW.findall(table.group(1).split("<tbody>", 1)[-1])
        steps = []
        for number, row in enumerate(rows, start=1):
            cells = _CELL.findall(row)
            while len(cells) < 3:
                cells.append("")
            steps.append(Step(number, _text(cells[0]), _text(cells[1]), tuple(_LOCAL_LINK.findall(cells[1]))))
        plans[section_id] = steps
    return plans


def plan_problems(content: str, src: str) -> list[str]:
    """What stops the plans on the page from being run, one line each, naming the file,
    the table and the row."""
    plans = plan_tables(content)
    if not plans:
        return [f"{src}: a session plan needs a time table under a heading with the id 'plan-<minutes>', "
                "such as '## Plan for 60 minutter { #plan-60 }'."]
    present = set(sections(content))
    problems = []
    for plan_id, steps in plans.items():
        where = f"{src}: the table under #{plan_id}"
        if not steps:
            problems.append(f"{where} is missing: put the plan's table (Minutter | Hva | Slik gjør dere) under the heading.")
            continue
        total = 0
        quiz_rows = []
        for step in steps:
            if step.number is None or step.number < 1:
                problems.append(f"{where}, row {step.row} («{step.what}»): minutes '{step.minutes}' is not a whole number of minutes.")
            else:
                total += step.number
            for target in step.targets:
                if target not in present:
                    problems.append(
                        f"{where}, row {step.row} («{step.what}»): the link '#{target}' points to no section of the page; "
                        f"link to one of: {', '.join('#' + s for s in sorted(present))}."
                    )
            if QUIZ_SECTION in step.targets:
                quiz_rows.append(step.row)
        expected = int(_PLAN_ID.fullmatch(plan_id).group(1))
        if total != expected and all(step.number for step in steps):
            problems.append(f"{where}: the minutes add up to {total}, not {expected}.")
        if len(quiz_rows) != 1:
            found = f"rows {', '.join(map(str, quiz_rows))} link" if quiz_rows else "no row links"
            problems.append(f"{where}: {found} to #{QUIZ_SECTION}; exactly one step runs the quiz (its «Hva» links to #{QUIZ_SECTION}).")
    return problems


def short_quiz_problems(numbers: list[int] | None, questions: int, quiz_id: str, src: str) -> list[str]:
    """The front matter's `session.short_quiz` against the module's quiz of `questions` questions."""
    problems = []
    seen: set[int] = set()
    for index, number in enumerate(numbers or []):
        field = f"front matter 'session.short_quiz.{index}'"
        if number in seen:
            problems.append(f"{src}: {field} names question {number} twice; name each question once.")
        elif not 1 <= number <= questions:
            problems.append(f"{src}: {field} is question {number}, but quizzes/{quiz_id}.yml has questions 1 to {questions}.")
        seen.add(number)
    return problems


def questions_for(plan_id: str, short_quiz: list[int] | None) -> list[int] | None:
    """The quiz questions a plan takes (1-based); None: the whole quiz."""
    return list(short_quiz) if plan_id == SHORT_PLAN and short_quiz else None


def with_run_buttons(content: str, button) -> str:
    """`content` with each plan's table marked (`data-session-plan="plan-60"`) and
    `button(plan_id)`'s HTML just before it."""
    for plan_id in plan_tables(content):
        heading = re.search(rf'<h2 id="{re.escape(plan_id)}"', content)
        table = content.find("<table>", heading.end()) if heading else -1
        following = re.compile(r"<h2[\s>]").search(content, heading.end()) if heading else None
        if table < 0 or (following and following.start() < table):
            continue
        content = content[:table] + button(plan_id) + f'<table data-session-plan="{plan_id}">' + content[table + len("<table>"):]
    return content


def module_parts(module_content: str, module_href: str) -> dict[str, tuple[str, str]]:
    """The module page's FROM_MODULE sections, (heading, HTML), fit to sit in the
    session plan: without facilitator notes or tick boxes, ids prefixed, links to the rest of the module pointing to it. The
    plan and the module sit at the same depth (team/modul-N/, kurs/modul-N/), so their
    relative links to other pages hold."""
    found = sections(module_content)
    return {
        # The plan has its own facilitator notes for the session; the module's would repeat them.
        key: (found[key][0], moved(without_ticks(without_facilitator_notes(found[key][1])), "run-", set(), module_href))
        for key in FROM_MODULE if key in found
    }
