"""Session plans that run: check each plan's time table, put a «Run the session»
button before it, and the run view, which fetches the module's quiz from the module's
page at the quiz step (see sitekit.sessions; assets/js/session-run.js runs it)."""
from __future__ import annotations


from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitekit.course import session_meta
from sitekit.quizzes import build_quizzes
from sitekit.sessions import SessionError, module_parts, plan_problems, questions_for, short_quiz_problems, with_run_buttons
from sitekit.templates import partials_env

# The theme's autoescaping environment, made once per build (making one is slow).
_env: Environment | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _env
    _env = partials_env(config.theme)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # After hooks/course.py, which checks the front matter and finds the module.
    meta = session_meta(page.meta, page.file.src_uri)
    if not meta or "session" not in context:
        return context
    src = f"docs/{page.file.src_uri}"
    quiz_id = context["session"]["module"]["quiz"]
    quiz = build_quizzes(config)[quiz_id]
    problems = plan_problems(page.content or "", src) + short_quiz_problems(meta.short_quiz, len(quiz.questions), quiz_id, src)
    if problems:
        raise SessionError("A session plan that cannot be run:\n  " + "\n  ".join(problems))

    partial = _env.get_template("partials/session-run.html")

    def button(plan_id: str) -> str:
        questions = questions_for(plan_id, meta.short_quiz)
        return partial.render(config=config, page=page, part="button", plan=plan_id,
                              minutes=plan_id.removeprefix("plan-"), questions=questions)

    page.content = with_run_buttons(page.content or "", button)
    module_page = next((p for p in nav.pages if p.url == context["session"]["module"]["url"]), None)
    parts = module_parts(module_page.content or "", context["session"]["module"]["href"]) if module_page else {}
    # The run view's layer, which fetches the quiz from the module's page; session.html places it after the plan.
    context["session_run"] = Markup(partial.render(config=config, page=page, part="layer", quiz_id=quiz_id,
        quiz_page=context["session"]["module"]["href"],
        # Parts of the module's own built page: HTML that Markdown made safe.
        module_parts={key: (Markup(heading), Markup(html)) for key, (heading, html) in parts.items()}))
    page.meta["quiz"] = True  # main.html loads the quiz script and styles
    page.meta["session_run"] = True  # and the run view's
    page.meta["quiz_from_page"] = True  # which fetches the quiz
    return context
