"""Content checks (tests/content/): spelling, readability, parity between the
languages, structure, scan errors and external links.

First each check on the real site, built once per session; then the project's
lists themselves; then unit tests that prove each check fails on a bad example,
on small pages written here; last, one build of a broken copy of the project,
to show that the checks name the Markdown file to fix."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from content.links import check_external_links, external_links, links_by_host, read_allowed_hosts
from content.parity import check_parity, normalise
from content.problems import Problem, report
from content.quotes import check_quotation_marks
from content.readability import LIMITS, Score, check_readability, lix_table, score_page, score_text
from content.scanerrors import check_scan_errors, read_patterns
from content.site import Page, load_site, text_runs
from content.spelling import DICTIONARIES, american_spellings, check_spelling, hunspell_unknown, wordlist_path, wordlist_problems, words_of
from content.structure import check_structure
from sitebuild import ROOT, build, copy_project


@pytest.fixture(scope="session")
def pages(site: Path) -> list[Page]:
    return load_site(site, ROOT / "docs")


# --- The checks on the real site -------------------------------------------------

def test_spelling(pages: list[Page]) -> None:
    problems = check_spelling(pages)
    assert not problems, report(problems)


def test_english_quotation_marks(pages: list[Page]) -> None:
    problems = check_quotation_marks(pages)
    assert not problems, report(problems)


def test_readability(pages: list[Page]) -> None:
    problems = check_readability(pages)
    assert not problems, report(problems) + "\n\n" + lix_table(pages)


def test_parity_between_languages(pages: list[Page]) -> None:
    problems = check_parity(pages)
    assert not problems, report(problems)


def test_structure(pages: list[Page]) -> None:
    problems = check_structure(pages)
    assert not problems, report(problems)


def test_no_scan_errors(pages: list[Page]) -> None:
    problems = check_scan_errors(pages, ROOT / "quizzes")
    assert not problems, report(problems)


def test_external_links(pages: list[Page]) -> None:
    problems = check_external_links(pages)
    assert not problems, report(problems)
    assert external_links(pages), "the site links to its sources: the link collector found none"


# --- The project's lists --------------------------------------------------------------

@pytest.mark.parametrize("lang", sorted(DICTIONARIES))
def test_word_list_is_sorted_without_duplicates(lang: str) -> None:
    problems = wordlist_problems(wordlist_path(lang))
    assert not problems, report(problems)


def test_scan_error_patterns_are_valid() -> None:
    patterns, problems = read_patterns()
    assert not problems, report(problems)
    # The four misreadings CONTENT.md names, and one found in the sources since.
    for word in ["Trgndelag", "fglgende", "leering", "malgruppe", "giennom"]:
        assert any(pattern.regex.fullmatch(word) for pattern in patterns), word


def test_allowed_hosts_each_name_their_source() -> None:
    hosts, problems = read_allowed_hosts()
    assert not problems, report(problems)
    assert {"www.nav.no", "www.oslomet.no", "oda.oslomet.no"} <= hosts


# --- Small pages for unit tests -------------------------------------------------------

def make_page(body: str, path: str = "mentor/index.html", lang: str = "nb", head: str = "", **kwargs) -> Page:
    """A page as Material builds it, with `body` as the content."""
    html = (
        f'<html lang="{lang}"><head>{head}</head><body>'
        '<nav class="md-nav"><a href="/">Hjem</a> Navigasjonstekst</nav>'
        f'<article class="md-content__inner md-typeset">{body}</article></body></html>'
    )
    return Page.from_html(path, html, **kwargs)


def whats(problems: list[Problem]) -> list[str]:
    return [f"{problem.where}: {problem.what}" for problem in problems]


# --- Visible text ---------------------------------------------------------------------

@pytest.mark.parametrize(("html", "expected"), [
    ("<p>Vanlig tekst.</p>", [("Vanlig tekst.", "nb")]),
    ('<h2 id="x">Overskrift<a class="headerlink" href="#x">¶</a></h2>', [("Overskrift", "nb")]),
    ("<p>Kjør <code>mkdocs serve</code> og trykk <kbd>Ctrl</kbd>.</p>", [("Kjør og trykk .", "nb")]),
    ("<pre><code>kode</code></pre><script>var x;</script><style>p{}</style>", []),
    ('<p>Se <a href="https://www.nav.no/x">https://www.nav.no/x</a> og nav.no/arbeidsgiver.</p>', [("Se og", "nb")]),
    ('<p>Norsk <span lang="en">English words</span> igjen.</p>', [("Norsk", "nb"), ("English words", "en"), ("igjen.", "nb")]),
    ('<img alt="Et bilde av en mentor">', [("Et bilde av en mentor", "nb")]),
    ("<ul><li>én</li><li>to</li></ul>", [("én", "nb"), ("to", "nb")]),
])
def test_text_runs_are_the_visible_text(html: str, expected: list[tuple[str, str]]) -> None:
    runs = text_runs(make_page(html).article, "nb")
    assert [(run.text, run.lang) for run in runs] == expected


def test_text_runs_know_their_heading_and_the_sources_section() -> None:
    runs = text_runs(make_page("<h1>Tittel</h1><p>A.</p><h2>Kilder</h2><p>B.</p><h2>Etter</h2><p>C.</p>").article, "nb")
    assert [(run.text, run.heading, run.in_sources) for run in runs] == [
        ("Tittel", "Tittel", False), ("A.", "Tittel", False),
        ("Kilder", "Kilder", True), ("B.", "Kilder", True),
        ("Etter", "Etter", False), ("C.", "Etter", False),
    ]


# --- Spelling ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "words"), [
    ("Nav og IMDi samarbeider.", "nb", ["Nav", "og", "IMDi", "samarbeider"]),
    ("NAV FoU og WCAG 2.1 AA", "nb", ["FoU", "og"]),  # all caps and digits are skipped by rule
    ("R2024_07 og Nav-kontor", "nb", ["og", "Nav", "kontor"]),
    ("utviklings- og kvalifiseringsarena", "nn", ["og", "kvalifiseringsarena"]),
    ("Virke's guide and the counsellors’ notes", "en", ["Virke", "guide", "and", "the", "counsellors", "notes"]),
    ("NAV's rules", "en", ["rules"]),  # an abbreviation with a possessive is still an abbreviation
])
def test_words_of(text: str, lang: str, words: list[str]) -> None:
    assert words_of(text, lang) == words


def test_spelling_fails_on_a_misspelt_word() -> None:
    page = make_page("<h1>Mentoren</h1><h2>Første dag</h2><p>Mentoren hjelper kandidatten med arbeidet.</p>")
    assert [str(problem) for problem in check_spelling([page])] == [
        "mentor/index.html: under «Første dag»: unknown bokmål word «kandidatten» — correct it, or add it "
        "to tests/content/words-nb.txt if it is right (or mark a phrase in another language with lang)"
    ]


def test_spelling_wants_british_english() -> None:
    """en_GB also takes -ize and a few American forms; the English pages write -ise."""
    page = make_page(
        "<h1>Sources</h1><p>They organized a program at the job centers. The size of the prize is "
        "recognised. A computer programme, programmes, analysed.</p>", "en/x/index.html", "en",
    )
    assert whats(check_spelling([page])) == [
        "under «Sources»: American spelling «organized»",
        "under «Sources»: American spelling «program»",
        "under «Sources»: unknown English word «centers»",
    ]
    assert american_spellings(["realizing", "emphasizes", "size", "seized", "gray", "citizen"]) == {
        "realizing": "realising", "emphasizes": "emphasises", "gray": "grey",
    }


def test_guillemets_in_english_only_inside_norwegian() -> None:
    page = make_page(
        '<h1>Sources</h1><p>The note <span lang="nb">«Tettere samarbeid»</span> is short.</p>'
        "<h2>Terms</h2><p>The report says ‘recipe’.</p>"
        "<h2>Quotes</h2><p>A counsellor said: «It comes little by little.»</p>",
        "en/x/index.html", "en",
    )
    assert whats(check_quotation_marks([page])) == ["under «Quotes»: «» in English text: …A counsellor said: «It comes little by little.»…"]
    bokmal = make_page('<h1>Kilder</h1><p>Rapporten bruker <span lang="en">«fade out»</span> og «oppskrift».</p>')
    assert check_quotation_marks([bokmal]) == []


def test_spelling_reads_each_part_in_its_own_language() -> None:
    right = make_page('<h1>Sources</h1><p>The note <span lang="nb">«Tettere samarbeid»</span> is short.</p>', "en/x/index.html", "en")
    wrong = make_page("<h1>Sources</h1><p>The note «Tettere samarbeid» is short.</p>", "en/x/index.html", "en")
    assert check_spelling([right]) == []
    assert whats(check_spelling([wrong])) == [
        "under «Sources»: unknown English word «Tettere»", "under «Sources»: unknown English word «samarbeid»",
    ]


def test_spelling_leaves_out_code_urls_and_navigation_but_reads_alt_text_and_the_head() -> None:
    page = make_page(
        '<h1>Tittel</h1><p><code>qwxzt</code> <a href="https://x.no/qwxzt">https://x.no/qwxzt</a></p>'
        '<img src="a.png" alt="Et bildde">',
        head='<title>Tittel - Mentor og inkludering</title><meta name="description" content="En beskrivvelse.">',
    )
    assert whats(check_spelling([page])) == [
        "in the front matter description: unknown bokmål word «beskrivvelse»",
        "under «Tittel» (in an alt, aria-label or title text): unknown bokmål word «bildde»",
    ]


def test_spelling_and_parity_read_the_labels_of_svg_images(tmp_path: Path) -> None:
    """Chart and figure labels in an SVG file that a page shows with <img>."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x/chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Deltakere</title>'
        "<text>Antall deltakkere</text><text>73</text></svg>", encoding="utf-8",
    )
    html = '<html lang="nb"><article class="md-content__inner"><h1>Tittel</h1><img src="chart.svg" alt="Et diagram"></article></html>'
    (tmp_path / "x/index.html").write_text(html, encoding="utf-8")
    [page] = load_site(tmp_path)
    assert whats(check_spelling([page])) == ["under «Tittel», in the image chart.svg: unknown bokmål word «deltakkere»"]
    english = make_page("<h1>Title</h1>", "en/x/index.html", "en")
    assert "the page: lacks 73, which bokmål (x/index.html) has" in whats(check_parity([page, english]))


def test_spelling_reports_a_language_it_cannot_check() -> None:
    page = make_page('<h1>Tittel</h1><p lang="fi">Hyvää päivää</p>')
    assert whats(check_spelling([page])) == ['under «Tittel»: text in lang="fi", which has no dictionary here']


def test_swedish_and_danish_phrases_are_checked_in_their_own_language() -> None:
    page = make_page('<h1>Tittel</h1><p><span lang="sv">«Lönebidrag för utveckling»</span> og <span lang="da">«sprogmakker»</span></p>')
    assert whats(check_spelling([page])) == []
    page = make_page('<h1>Tittel</h1><p><span lang="sv">«Lönebidrag för utvekling»</span></p>')
    assert whats(check_spelling([page])) == ["under «Tittel»: unknown Swedish word «utvekling»"]


def test_a_word_list_entry_with_a_model_takes_its_inflections(tmp_path: Path) -> None:
    words = tmp_path / "words-nb.txt"
    words.write_text("# a comment\nsamskaping/ordning  # term\n", encoding="utf-8")
    assert hunspell_unknown(["samskaping", "samskapingen", "samskapingz"], "nb", words) == {"samskapingz"}
    assert hunspell_unknown(["samskaping"], "nb", tmp_path / "none.txt") == {"samskaping"}


def test_word_list_problems(tmp_path: Path) -> None:
    words = tmp_path / "words-nb.txt"
    words.write_text("# sorted a–z, æ, ø, å\nalfa\nØystein\nÅse\nbeta  # out of order\nalfa\nto ord\n", encoding="utf-8")
    assert [f"{problem.where}: {problem.what} — {problem.todo}" for problem in wordlist_problems(words)] == [
        "line 6: «alfa» is listed twice (also line 2) — delete one of them",
        "line 7: «to ord» is not one word — write one word a line",
        "line 5: «beta» comes after «Åse» — move it before «Øystein» (line 3): a–z, then æ, ø, å, case ignored",
        "line 6: «alfa» comes after «beta» — move it before «Øystein» (line 3): a–z, then æ, ø, å, case ignored",
    ]


# --- Readability ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "score"), [
    ("Kort setning her.", Score(3, 1, 1)),
    ("Én. To. Tre.", Score(3, 3, 0)),
    ("Se 28. september 2021 og f.eks. dette: bare én setning.", Score(11, 1, 2)),
    ("Nav-kontoret ligger her. Arbeidsinkludering tar tid!", Score(6, 2, 2)),
    ("Slik: Gjør dette.", Score(3, 2, 0)),
    ("", Score(0, 0, 0)),
])
def test_score_text(text: str, score: Score) -> None:
    assert score_text(text) == score


HARD = (
    "<p>Inkluderingskompetansen i arbeidslivsorganisasjonene forutsetter systematiske "
    "samarbeidsrelasjoner mellom arbeidsgiverrepresentanter, tiltaksarrangører, "
    "arbeidsinkluderingsveiledere og markedsrådgivere, hvilket innebærer omfattende "
    "koordineringsutfordringer for virksomhetenes personalavdelinger og kvalitetsansvarlige.</p>"
)


def test_readability_fails_on_a_hard_page() -> None:
    hard = make_page(f"<h1>Mentorveileder</h1>{HARD}", "mentor/index.html")
    [problem] = check_readability([hard])
    assert problem.what.startswith("LIX ") and "over the limit 40 for pages under mentor/" in problem.what
    assert score_page(hard).lix > LIMITS["forskning"]


def test_readability_limit_depends_on_the_section() -> None:
    sentence = "Arbeidsinkluderingen krever tett samarbeid mellom veiledere og arbeidsgivere hver eneste dag."
    body = "<h1>Tittel</h1>" + f"<p>{sentence}</p>" * 3
    scores = {path: score_page(make_page(body, path)).lix for path in ["mentor/index.html", "forskning/index.html"]}
    assert 40 < scores["mentor/index.html"] < 50
    assert whats(check_readability([make_page(body, "mentor/index.html")]))
    assert not check_readability([make_page(body, "forskning/index.html")])


def test_readability_leaves_out_tables_code_alt_text_and_sources() -> None:
    easy = "<h1>Tittel</h1><p>Dette er lett. Du ser det.</p>"
    extra = (
        f"<table><tr><th>x</th></tr><tr><td>{HARD}</td></tr></table><pre><code>{HARD}</code></pre>"
        f'<img alt="{HARD[3:-4]}" src="x.png"><h2>Kilder</h2>{HARD}'
    )
    assert score_page(make_page(easy + extra)) == score_page(make_page(easy))


# --- Parity -----------------------------------------------------------------------------

@pytest.mark.parametrize(("number", "lang", "expected"), [
    ("3,5", "nb", "3.5"), ("3.5", "en", "3.5"),
    ("1 000", "nb", "1000"), ("1\u00a0000", "nb", "1000"), ("1,000", "en", "1000"),
    ("28.9.2021", "nb", "28.9.2021"), ("2.1", "nb", "2.1"), ("07", "nb", "7"),
])
def test_normalise_numbers(number: str, lang: str, expected: str) -> None:
    assert normalise(number, lang) == expected


def _write(site: Path, name: str, body: str, lang: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<html lang="{lang}"><body><article class="md-content__inner">{body}</article></body></html>', encoding="utf-8")


def test_parity_fails_on_a_missing_translation(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", "<h1>Hjem</h1>", "nb")
    _write(tmp_path, "en/index.html", "<h1>Home</h1>", "en")
    _write(tmp_path, "om/index.html", "<h1>Om</h1>", "nb")
    _write(tmp_path, "en/kurs/index.html", "<h1>Course</h1>", "en")
    assert [str(problem) for problem in check_parity(load_site(tmp_path))] == [
        "en/kurs/index.html: the page: has no bokmål twin — write it: kurs/",
        "om/index.html: the page: has no English twin — write it: en/om/",
    ]


def test_a_missing_twin_is_named_as_the_markdown_file_to_write() -> None:
    page = make_page("<h1>Om</h1>", "om/kilder/index.html", source="docs/om/kilder.md")
    assert [problem.todo for problem in check_parity([page])] == ["write it: docs/om/kilder.en.md"]


NB_PAGE = """<h1>Tittel</h1><p>Seks veiledere og 73 personer; 3,5 % og 1 000 kroner, 28.9.2021.</p>
<h2>Del</h2><table><tr><th>A</th></tr></table><figure><img alt="x" src="x.png"></figure>
<section data-quiz="q1"><div data-quiz-status></div></section>
<ul class="task-list"><li class="task-list-item">Gjør det</li></ul>"""
EN_PAGE = """<h1>Title</h1><p>6 counsellors and 73 people; 3.5% and 1,000 kroner, 28.9.2021.</p>
<h2>Part</h2><table><tr><th>A</th></tr></table><figure><img alt="x" src="x.png"></figure>
<section data-quiz="q1"><div data-quiz-status></div></section>
<ul class="task-list"><li class="task-list-item">Do it</li></ul>"""


@pytest.mark.parametrize(("old", "new", "problem"), [
    (None, None, None),
    ("<h2>Part</h2>", "<h3>Part</h3>", "heading 2 «Part»: is h3, but heading 2 of the bokmål page (kurs/index.html) is h2 «Del»"),
    ("<h2>Part</h2>", "", "after heading 1 «Title»: this page has 1 headings, the bokmål page (kurs/index.html) has 2"),
    ("<table><tr><th>A</th></tr></table>", "", "the page: has 0 tables, the bokmål page (kurs/index.html) has 1"),
    ('<figure><img alt="x" src="x.png"></figure>', "", "the page: has 0 figures, the bokmål page (kurs/index.html) has 1"),
    ('<section data-quiz="q1">', '<section data-x="q1">', "the page: has 0 quizzes, the bokmål page (kurs/index.html) has 1"),
    ('<li class="task-list-item">Do it</li>', '<li class="task-list-item">Do it</li><li class="task-list-item">And this</li>',
     "the page: has 2 checklist items, the bokmål page (kurs/index.html) has 1"),
    ("73 people", "37 people", "the page: lacks 73, which bokmål (kurs/index.html) has"),
    ("3.5%", "3,5%", "the page: lacks 3.5, which bokmål (kurs/index.html) has"),
])
def test_parity_compares_outline_parts_and_numbers(old: str | None, new: str | None, problem: str | None) -> None:
    english = EN_PAGE.replace(old, new) if old else EN_PAGE
    found = whats(check_parity([make_page(NB_PAGE, "kurs/index.html"), make_page(english, "en/kurs/index.html", "en")]))
    assert (problem in found) if problem else found == [], found


# --- Structure --------------------------------------------------------------------------

TITLE = "<h1>Tittel</h1>"
SOURCES = "<h2>Kilder</h2><p>Virke.</p>"


@pytest.mark.parametrize(("body", "expected"), [
    (TITLE + SOURCES, []),
    ("<h2>Del</h2>" + SOURCES, ["the page: has 0 h1 headings", "heading «Del»: is h2 at the top of the page"]),
    (TITLE + "<h1>Igjen</h1>" + SOURCES, ["the page: has 2 h1 headings («Tittel», «Igjen»)"]),
    (TITLE + "<h3>Dypt</h3>" + SOURCES, ["heading «Dypt»: is h3 after h1"]),
    (TITLE + "<h2>Del</h2><h2>Del</h2>" + SOURCES, ["heading «Del»: appears 2 times"]),
    (TITLE + '<img src="a.png">' + SOURCES, ["under «Tittel», image 'a.png': has no alt text"]),
    (TITLE + '<img src="a.png" alt="">' + SOURCES, []),
    (TITLE + '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>' + SOURCES, ["under «Tittel», an <svg>: has no text alternative"]),
    (TITLE + '<svg role="img" aria-label="Tre blad"><path d="M0 0"/></svg>' + SOURCES, []),
    (TITLE + '<svg role="img"><title>Tre blad</title><svg></svg></svg>' + SOURCES, []),
    (TITLE + '<svg aria-hidden="true"></svg><span aria-hidden="true"><svg></svg></span>' + SOURCES, []),
    (TITLE + "<table><tr><td>1</td></tr></table>" + SOURCES, ["under «Tittel», a table: has no header row"]),
    (TITLE + "<table><thead><tr><th></th></tr></thead><tr><td>1</td></tr></table>" + SOURCES, ["under «Tittel», a table: has no header row"]),
    (TITLE + "<table><thead><tr><th>Tall</th></tr></thead><tr><td>1</td></tr></table>" + SOURCES, []),
    (TITLE, ["the end of the page: has no sources section (## Kilder)"]),
])
def test_structure(body: str, expected: list[str]) -> None:
    assert whats(check_structure([make_page(body)])) == expected


def test_svg_outside_the_content_is_not_checked() -> None:
    page = Page.from_html("om/index.html", '<header><svg></svg></header><article class="md-content__inner"><h1>Om</h1></article>')
    assert check_structure([page]) == []


@pytest.mark.parametrize(("path", "lang", "meta", "needs"), [
    ("mentor/index.html", "nb", {}, "## Kilder"),
    ("en/kurs/index.html", "en", {}, "## Sources"),
    ("team/plan/index.html", "nb", {"sources": False}, None),
    ("om/index.html", "nb", {}, None),
    ("index.html", "nb", {}, None),
])
def test_which_pages_need_a_sources_section(path: str, lang: str, meta: dict, needs: str | None) -> None:
    found = whats(check_structure([make_page(TITLE, path, lang, meta=meta)]))
    assert found == ([f"the end of the page: has no sources section ({needs})"] if needs else [])


# --- Scan errors ------------------------------------------------------------------------

def test_scan_errors_fail_on_the_page_and_in_quiz_files(tmp_path: Path) -> None:
    page = make_page(
        '<h1>Tittel</h1><p>Seks kontor i Trgndelag deltok.</p><h2 id="opplaeringsplan">Plan</h2>'
        '<p>Se <a href="https://x.no/malgruppe">https://x.no/malgruppe</a> og <code>ogsa</code>.</p>',
        head='<meta name="description" content="Om fglgende.">',
    )
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "q.yml").write_text("id: q\nprompt: Hva er målgruppen?\nurl: https://x.no/malgruppe\nanswer: Opplaering\n", encoding="utf-8")
    assert [str(problem) for problem in check_scan_errors([page], quizzes)] == [
        "mentor/index.html: in the front matter description: «fglgende» is a scan misreading (pattern «fglg\\w*») — "
        "write the word as the source means it, with ø, å or æ (see the sources' README)",
        "mentor/index.html: under «Tittel»: «Trgndelag» is a scan misreading (pattern «trgndelag») — "
        "write the word as the source means it, with ø, å or æ (see the sources' README)",
        "mentor/index.html: the id «opplaeringsplan»: «opplaeringsplan» is a scan misreading (pattern «opplaering\\w*») — "
        "write the word as the source means it, with ø, å or æ (see the sources' README)",
        "quizzes/q.yml: line 4: «Opplaering» is a scan misreading (pattern «opplaering\\w*») — "
        "write the word as the source means it, with ø, å or æ (see the sources' README)",
    ]


def test_scan_error_patterns_match_whole_words_only() -> None:
    patterns, _ = read_patterns()
    page = make_page("<h1>Tittel</h1><p>Vi bader i Møre, Trøndelag og Høyanger; også en comrade.</p>")
    assert check_scan_errors([page], patterns=patterns) == []


# --- External links ----------------------------------------------------------------------

CANONICAL = '<link rel="canonical" href="http://127.0.0.1:8000/mentor/">'


@pytest.mark.parametrize(("link", "expected"), [
    ('<a href="https://www.nav.no/arbeidsgiver/mentor">Nav</a>', []),
    ('<a href="../om/">lokal</a><a href="mailto:post@nav.no">e-post</a><a href="#x">her</a>', []),
    ('<a href="http://www.nav.no/arbeidsgiver/mentor">Nav</a>',
     ["under «Tittel», <a href>: link http://www.nav.no/arbeidsgiver/mentor does not use https"]),
    ('<a href="https://example.org/x">annet sted</a>',
     ["under «Tittel», <a href>: link https://example.org/x goes to example.org, which is not an allowed host"]),
    ('<img alt="" src="//cdn.example.org/x.png">',
     ["under «Tittel», <img src>: link //cdn.example.org/x.png does not use https",
      "under «Tittel», <img src>: link //cdn.example.org/x.png goes to cdn.example.org, which is not an allowed host"]),
])
def test_external_links(link: str, expected: list[str]) -> None:
    page = make_page(f"<h1>Tittel</h1><p>{link}</p>", head=CANONICAL)
    assert whats(check_external_links([page], {"www.nav.no"})) == expected


def test_external_links_outside_the_content_are_checked_too() -> None:
    page = Page.from_html("index.html", '<head><link rel="stylesheet" href="https://cdn.example.org/x.css"></head><article class="md-content__inner"><h1>A</h1></article>')
    assert whats(check_external_links([page], set())) == [
        "outside the content (theme template), <link href>: link https://cdn.example.org/x.css goes to cdn.example.org, which is not an allowed host",
    ]


def test_links_by_host_groups_addresses_with_their_pages() -> None:
    one = make_page('<h1>A</h1><a href="https://www.nav.no/a">a</a><a href="https://www.nav.no/b">b</a>', "a/index.html")
    two = make_page('<h1>B</h1><a href="https://www.nav.no/a">a</a>', "b/index.html")
    assert links_by_host([one, two]) == (
        "www.nav.no\n  https://www.nav.no/a\n    a/index.html\n    b/index.html\n  https://www.nav.no/b\n    a/index.html"
    )


# --- A broken copy of the project, built ---------------------------------------------------

def test_checks_name_the_markdown_file_of_a_broken_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/om/index.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        "\n#### For dypt\n\nVi skrev dette i Trgndelag med en feilstavet ordd. Les mer hos "
        "[Nav](http://www.nav.no/) og [et annet sted](https://example.org/).\n\n"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">\n'
    ), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    # The broken page and its English twin: checking the whole site again would only
    # repeat the tests above (and take minutes).
    broken = [page for page in load_site(tmp_path / "site", project / "docs") if page.source in ("docs/om/index.md", "docs/om/index.en.md")]
    assert len(broken) == 2
    found = [str(problem) for check in (check_spelling, check_structure, check_scan_errors, check_external_links) for problem in check(broken)]
    for needle in [
        "docs/om/index.md: under «For dypt»: unknown bokmål word «ordd»",
        "docs/om/index.md: heading «For dypt»: is h4 after h2",
        "docs/om/index.md: under «For dypt», image",
        "docs/om/index.md: under «For dypt»: «Trgndelag» is a scan misreading",
        "docs/om/index.md: under «For dypt», <a href>: link http://www.nav.no/ does not use https",
        "docs/om/index.md: under «For dypt», <a href>: link https://example.org/ goes to example.org",
    ]:
        assert any(line.startswith(needle) for line in found), (needle, found)
    parity = [str(problem) for problem in check_parity(broken)]
    assert any(re.match(r"docs/om/index\.en\.md: .*this page has 4 headings, the bokmål page \(docs/om/index\.md\) has 5", line) for line in parity), parity


def test_an_abbreviation_meaning_is_read_in_the_page_language() -> None:
    """The glossary hook writes the meaning in the page's language, even inside a
    phrase marked as another language (a Norwegian title on an English page)."""
    from content.dom import parse_html
    from content.site import text_runs

    content = parse_html('<article><p><span lang="nb">«Utvikling i <abbr title="the Labour and Welfare Administration">NAV</abbr>»</span></p></article>')
    runs = {(run.text.strip(), run.lang) for run in text_runs(content, "en")}
    assert ("the Labour and Welfare Administration", "en") in runs
    assert ("«Utvikling i", "nb") in runs
