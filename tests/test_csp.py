"""The Content-Security-Policy in every page (hooks/csp.py over sitekit.csp): the
policy as built, and the site in Chromium under it with no violation."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from sitekit.csp import CspError, add_policy, build_policy, script_hashes, source_hash
from quiz_actions import answer_every_question
from sitebuild import assert_fails_cleanly, copy_project

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def sha(text: str) -> str:
    """The CSP source for `text`, computed here independently of the module."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def page(head: str = "", body: str = "") -> str:
    return f'<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n    <title>t</title>{head}\n  </head>\n  <body>{body}</body>\n</html>'


def script_src(html: str) -> list[str]:
    policy = META.search(html).group(1)
    directive = next(d for d in policy.split("; ") if d.startswith("script-src "))
    return directive.split()[1:]


# -- the module ------------------------------------------------------------------


@pytest.mark.parametrize(("html", "expected"), [
    # two inline scripts: both hashes, in order
    (page("<script>var a = 1;</script>", "<script>go(a)</script>"), ["'self'", sha("var a = 1;"), sha("go(a)")]),
    # an external script is allowed by 'self' and needs no hash
    (page('<script src="assets/js/site.js"></script>'), ["'self'"]),
    (page('<script defer src="x.js">ignored</script>'), ["'self'"]),
    # data blocks are never run: not hashed
    (page('<script id="__config" type="application/json">{"base": ".."}</script>'), ["'self'"]),
    # scripts that do run, whatever their type says
    (page('<script type="text/javascript">a()</script><script type="module">b()</script>'), ["'self'", sha("a()"), sha("b()")]),
    # the same script twice is listed once
    (page("<script>a()</script>", "<script>a()</script>"), ["'self'", sha("a()")]),
    # the parser turns CR LF into LF before the browser hashes
    (page("<script>a()\r\nb()</script>"), ["'self'", sha("a()\nb()")]),
    # non-ASCII text is hashed as UTF-8
    (page('<script>t("Fant ikke siden – å")</script>'), ["'self'", sha('t("Fant ikke siden – å")')]),
    # a page without scripts
    (page(), ["'self'"]),
])
def test_script_src_allows_exactly_the_inline_scripts_that_run(html: str, expected: list[str]) -> None:
    assert script_src(add_policy(html, name="docs/x.md")) == expected


def test_a_changed_script_changes_its_hash() -> None:
    before = script_hashes(page("<script>localStorage.getItem('inkl.a')</script>"))
    after = script_hashes(page("<script>localStorage.getItem('inkl.b')</script>"))
    assert before != after
    assert before == [source_hash("localStorage.getItem('inkl.a')")]


@pytest.mark.parametrize("html", [
    page("<script>a()</script><link rel=\"stylesheet\" href=\"x.css\">"),
    '<html><head><script>a()</script></head><body></body></html>',  # no <meta charset>
    '<html><head lang="nb">\n<meta name="x" content="y"><script>a()</script></head></html>',
])
def test_the_policy_comes_before_the_first_script(html: str) -> None:
    built = add_policy(html, name="docs/x.md")
    assert 0 <= built.index("Content-Security-Policy") < built.index("<script")
    assert built.count("Content-Security-Policy") == 1


def test_the_policy_follows_meta_charset_on_its_own_line() -> None:
    built = add_policy(page("<script>a()</script>"), name="docs/x.md")
    assert '    <meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="' in built


def test_the_whole_policy() -> None:
    assert build_policy(["'sha256-AAAA'"]) == (
        "default-src 'self'; script-src 'self' 'sha256-AAAA'; img-src 'self' data:; "
        "style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def test_a_page_done_twice_has_one_policy_with_its_current_hashes() -> None:
    once = add_policy(page("<script>a()</script>"), name="docs/x.md")
    twice = add_policy(once.replace("a()", "b()"), name="docs/x.md")
    assert twice.count("Content-Security-Policy") == 1
    assert script_src(twice) == ["'self'", sha("b()")]


def test_while_serving_inline_scripts_are_allowed_without_hashes() -> None:
    # `mkdocs serve` adds a live-reload script that differs on every request
    built = add_policy(page("<script>a()</script>"), name="docs/x.md", serving=True)
    assert script_src(built) == ["'self'", "'unsafe-inline'"]


@pytest.mark.parametrize(("body", "needle"), [
    ('<p style="color: red">x</p>', "a style attribute (<p"),
    ('<button type="button" onclick="go()">x</button>', "an inline event handler (<button … onclick=…)"),
    ("<style>p { color: red }</style>", "a <style> element"),
])
def test_what_no_hash_can_allow_stops_the_build_naming_the_file(body: str, needle: str) -> None:
    with pytest.raises(CspError) as error:
        add_policy(page(body=body), name="docs/om/index.md")
    assert str(error.value).startswith("docs/om/index.md: the Content-Security-Policy would block ")
    assert needle in str(error.value)


@pytest.mark.parametrize("body", [
    '<p><code>&lt;p style="color: red"&gt;</code> is an inline style</p>',  # shown as code
    '<a href="x" title="turn on=off style=x">x</a>',  # inside an attribute's value
    '<div data-style="a" data-onclick="b" aria-label="x">x</div>',  # other attributes
    '<script>el.innerHTML = \'<b style="x">\'</script>',  # inside a script
])
def test_look_alikes_are_not_refused(body: str) -> None:
    add_policy(page(body=body), name="docs/x.md")


def test_a_page_without_head_is_refused_naming_the_file() -> None:
    with pytest.raises(CspError, match=r"^docs/x\.md: the page has no <head>"):
        add_policy("<p>no head</p>", name="docs/x.md")


# -- the built site --------------------------------------------------------------


def test_every_built_page_has_one_policy_before_its_first_script_with_its_own_hashes(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert {"404.html", "en/404.html", "index.html", "en/index.html"} <= {p.relative_to(site).as_posix() for p in pages}
    for built in pages:
        html = built.read_text(encoding="utf-8")
        name = built.relative_to(site).as_posix()
        found = META.findall(html)
        assert len(found) == 1, f"{name}: {len(found)} policies"
        assert html.index("Content-Security-Policy") < html.index("<script"), name
        # recomputed here from the final file, by a different route than the hook's
        inline = [m.group(2) for m in re.finditer(r"<script( [^>]*)?>(.*?)</script>", html, re.S)
                  if not m.group(1) or ("src=" not in m.group(1) and "application/json" not in m.group(1))]
        assert inline, f"{name}: no inline script (Material writes several)"
        assert script_src(html) == ["'self'", *dict.fromkeys(sha(text) for text in inline)], name
        assert "'unsafe-inline'" not in found[0] and "'unsafe-eval'" not in found[0], name


# -- in the browser --------------------------------------------------------------

# Records every violation the page reports, from the first script on.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
  );
});
"""

LANGUAGES = ["", "en/"]
QUERY = "mentor"  # a word on pages in both languages


def search_finds(page: Page) -> None:
    """Material's search, through its worker: type a query, see results."""
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(QUERY)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")


def answer_quiz(page: Page) -> None:
    answer_every_question(page)
    expect(page.locator(".inkl-quiz [data-quiz-feedback]:visible").first).to_be_visible()


def toggle_facilitator_view(page: Page) -> None:
    toggle = page.locator("[data-facilitator-toggle]")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".admonition.facilitator").first).to_be_visible()


def home(page: Page, server: str, lang: str) -> None:
    page.goto(f"{server}/{lang}")


def guide(page: Page, server: str, lang: str) -> None:
    page.goto(f"{server}/{lang}mentor/sjekklister/forste-dag/")
    box = page.locator(".task-list-item input[type=checkbox]").first
    expect(box).to_be_attached()


def research(page: Page, server: str, lang: str) -> None:
    page.goto(f"{server}/{lang}forskning/afi/nullpunktsanalysen/")
    chart = page.locator("figure.inkl-figure svg.inkl-chart").first  # drawn inline, styled by site.css
    chart.scroll_into_view_if_needed()
    expect(chart).to_be_visible()


# Every scored question checked, right or wrong: the course's status words (course.js).
CHECKED = {
    "": re.compile(r"^(Quiz sjekket: \d+ av \d+ riktige|Mestret \(\d+ av \d+ riktige\))$"),
    "en/": re.compile(r"^(Quiz checked: \d+ of \d+ right|Mastered \(\d+ of \d+ right\))$"),
}


def module(page: Page, server: str, lang: str) -> None:
    page.goto(f"{server}/{lang}kurs/modul-3/")
    abbr = page.locator("article abbr").first
    meaning = abbr.get_attribute("title")  # Material moves it into its tooltip
    abbr.hover()  # an abbreviation's meaning in Material's tooltip (content.tooltips)
    expect(page.locator(".md-tooltip2--active")).to_contain_text(meaning)
    answer_quiz(page)
    expect(page.locator(".inkl-module__place [data-course-status]")).to_have_text(CHECKED[lang])
    toggle_facilitator_view(page)


def overview(page: Page, server: str, lang: str) -> None:
    page.goto(f"{server}/{lang}kurs/modul-3/")
    answer_quiz(page)
    page.goto(f"{server}/{lang}kurs/")
    status = page.locator("[data-course-tasks] [data-course-status='kurs-modul-3']")
    expect(status).to_have_text(CHECKED[lang])
    expect(page.locator("[data-course-tasks] [data-course-status='kurs-modul-1']")).to_have_text("Ikke startet" if not lang else "Not started")


def session_plan(page: Page, server: str, lang: str) -> None:
    # The plan's run view (a step, the quiz step in presenter mode), then its quiz link
    # opens the module in team mode, where the facilitator view is toggled.
    page.goto(f"{server}/{lang}team/modul-1/")
    search_finds(page)
    page.locator('[data-session-run="plan-60"]').click()
    expect(page.locator("[data-session-run-view]")).to_be_visible()
    page.keyboard.press("PageDown")
    page.locator('[data-run-action="next"]').click()
    page.keyboard.press("Escape")
    expect(page.locator("[data-session-run-view]")).to_be_hidden()
    page.locator("[data-team-quiz]").click()
    expect(page.locator(".inkl-quiz")).to_have_class(re.compile("inkl-quiz--team"))
    page.keyboard.press("Escape")  # the presenter layer covers the page; Esc leaves it
    toggle_facilitator_view(page)


def glossary(page: Page, server: str, lang: str) -> None:
    # Material's inline script scrolls to the entry the address names.
    page.goto(f"{server}/{lang}om/ordliste/#afi")
    expect(page.locator("dl.inkl-glossary dt#afi")).to_be_in_viewport()


def not_found(page: Page, server: str, lang: str) -> None:
    response = page.goto(f"{server}/{lang}finnes-ikke/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Fant ikke siden" if not lang else "Page not found")


PAGE_TYPES = {
    "home": home, "guide": guide, "research": research, "module": module, "overview": overview,
    "session plan": session_plan, "glossary": glossary, "404": not_found,
}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES, ids=["nb", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_policy_violation_while_reading_and_using_the_page(page: Page, server: str, kind: str, lang: str) -> None:
    console: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            console.append(f"{message.type}: {message.text}")

    page.on("console", on_console)
    page.add_init_script(RECORD_VIOLATIONS)
    try:
        PAGE_TYPES[kind](page, server, lang)
        search_finds(page)
        page.wait_for_load_state("networkidle")
    finally:  # a blocked script often breaks what the page does: name the cause first
        assert page.evaluate("window.__cspViolations") == []
        assert console == []
    # the policy is the page's own, from its <meta>
    assert "script-src 'self' 'sha256-" in page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


# -- bad input -------------------------------------------------------------------


def test_an_inline_style_in_a_page_stops_the_build_naming_the_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/om/index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<p style="color: red">Rød tekst</p>\n', encoding="utf-8")
    assert_fails_cleanly(project, tmp_path / "site", "docs/om/index.md: the Content-Security-Policy would block a style attribute")
