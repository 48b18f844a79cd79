"""Unit tests of the plain build logic in hooks/sitekit, table-driven."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitekit.links import check_site, source_of
from sitekit.scope import drop_head_alternates, language_sitemap, scope_config_base, split_search_index
from sitekit.tasklists import hide_checkboxes
from sitekit.translations import missing_nav_labels, missing_twins, page_stem, pages_not_in_nav


@pytest.mark.parametrize(("relative", "expected"), [
    ("index.md", ("index", None)),
    ("index.en.md", ("index", "en")),
    ("om/kilder.en.md", ("om/kilder", "en")),
    ("om/kilder.md", ("om/kilder", None)),
    ("mentor/steg.3.md", ("mentor/steg.3", None)),
])
def test_page_stem(relative: str, expected: tuple) -> None:
    assert page_stem(Path(relative), ["en"]) == expected


@pytest.mark.parametrize(("files", "problems"), [
    (["a.md", "a.en.md"], []),
    (["a.md"], ["docs/a.md has no en translation: create docs/a.en.md."]),
    (["x/b.en.md"], ["docs/x/b.en.md has no nb translation: create docs/x/b.md."]),
    (["a.md", "a.en.md", "c/d.md"], ["docs/c/d.md has no en translation: create docs/c/d.en.md."]),
])
def test_missing_twins(tmp_path: Path, files: list[str], problems: list[str]) -> None:
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n")
    assert missing_twins(tmp_path, "nb", ["en"]) == problems


def test_missing_nav_labels_names_each_untranslated_section() -> None:
    nav = [{"Hjem": "index.md"}, {"Om": ["om/index.md", {"Kilder": "om/kilder.md"}]}, "x.md"]
    problems = missing_nav_labels(nav, "en", {"Hjem": "Home", "Om": "About"})
    assert problems == [
        "mkdocs.yml: nav label «Kilder» has no en translation: add it under "
        "plugins.i18n.languages[en].nav_translations."
    ]
    assert missing_nav_labels(nav, "en", {"Hjem": "Home", "Om": "About", "Kilder": "Sources"}) == []


def test_pages_not_in_nav_names_each_bokmal_page_left_out(tmp_path: Path) -> None:
    for name in ["index.md", "index.en.md", "om/kilder.md", "om/kilder.en.md", "om/ny.md", "om/ny.en.md", "data/notat.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n")
    nav = [{"Hjem": "index.md"}, {"Om": [{"Kilder": "om/kilder.md"}]}]
    problems = pages_not_in_nav(tmp_path, nav, ["en"], lambda path: path.startswith("data/"))
    assert len(problems) == 1 and problems[0].startswith("docs/om/ny.md is not in 'nav' in mkdocs.yml: add 'om/ny.md'"), problems
    assert pages_not_in_nav(tmp_path, [*nav, "om/ny.md"], ["en"], lambda path: path.startswith("data/")) == []
    assert pages_not_in_nav(tmp_path, None, ["en"]) == []  # no nav: MkDocs lists every page


CONFIG_PAGE = '<head></head><script id="__config" type="application/json">{"base": "../..", "features": []}</script>'


@pytest.mark.parametrize(("base", "expected"), [("../..", "../../en/"), (".", "./en/"), ("/", "/en/"), ("/repo/", "/repo/en/")])
def test_scope_config_base(base: str, expected: str) -> None:
    html = CONFIG_PAGE.replace('"../.."', json.dumps(base))
    out = scope_config_base(html, "en")
    settings = json.loads(out.split('application/json">')[1].split("</script>")[0])
    assert settings == {"base": expected, "features": []}


def test_drop_head_alternates_removes_only_hreflang_links() -> None:
    html = (
        '<head>\n  <link rel="canonical" href="https://x.org/om/">\n'
        '  <link rel="alternate" href="../../om/" hreflang="nb">\n'
        '  <link rel="alternate" href="./" hreflang="en">\n'
        '  <link rel="alternate" type="application/rss+xml" href="feed.xml">\n</head>'
    )
    assert drop_head_alternates(html) == (
        '<head>\n  <link rel="canonical" href="https://x.org/om/">\n'
        '  <link rel="alternate" type="application/rss+xml" href="feed.xml">\n</head>'
    )


def test_split_search_index_keeps_each_language_to_itself() -> None:
    index = {
        "config": {"lang": ["no", "en"], "separator": "x"},
        "docs": [
            {"location": "", "title": "Hjem"},
            {"location": "om/#kilder", "title": "Kilder"},
            {"location": "en/", "title": "Home"},
            {"location": "en/om/#kilder", "title": "Sources"},
        ],
    }
    split = split_search_index(index, {"nb": "", "en": "en/"})
    assert split["nb"] == {"config": {"lang": ["no"], "separator": "x"}, "docs": index["docs"][:2]}
    assert split["en"]["config"]["lang"] == ["en"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "om/#kilder"]
    assert [d["title"] for d in split["en"]["docs"]] == ["Home", "Sources"]


def test_language_sitemap_keeps_only_urls_under_the_root() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        '<url><loc>https://x.org/</loc><xhtml:link rel="alternate" hreflang="en" href="https://x.org/en/"/></url>'
        '<url><loc>https://x.org/en/</loc><xhtml:link rel="alternate" hreflang="nb" href="https://x.org/"/></url>'
        "</urlset>"
    )
    out = language_sitemap(xml, "https://x.org/en/")
    assert "<loc>https://x.org/en/</loc>" in out and "<loc>https://x.org/</loc>" not in out
    assert 'hreflang="nb" href="https://x.org/"' in out


def _write(site: Path, name: str, html: str) -> None:
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text(html, encoding="utf-8")


@pytest.mark.parametrize(("html", "broken"), [
    ('<a href="b/">ok</a><a href="b/#part">ok</a><a href="#top" id="top">ok</a>', []),
    ('<a href="https://example.org/x">external</a><a href="mailto:a@b.no">mail</a>', []),
    ('<a href="c/">missing page</a>', ["index.html: link 'c/' points to a page or file that does not exist"]),
    ('<a href="b/#nothing">missing anchor</a>', ["index.html: link 'b/#nothing' points to an anchor '#nothing' that does not exist"]),
    ('<img src="img/x.png" alt="">', ["index.html: link 'img/x.png' points to a page or file that does not exist"]),
    ('<a href="/b/">absolute</a>', []),
])
def test_check_site_finds_broken_links_in_any_html(tmp_path: Path, html: str, broken: list[str]) -> None:
    _write(tmp_path, "index.html", f"<html><body>{html}</body></html>")
    _write(tmp_path, "b/index.html", '<html><body><h2 id="part">Part</h2></body></html>')
    assert [str(link) for link in check_site(tmp_path)] == broken


@pytest.mark.parametrize(("built", "files", "expected"), [
    ("index.html", ["index.md"], "index.md"),
    ("en/index.html", ["index.en.md"], "index.en.md"),
    ("en/om/kilder/index.html", ["om/kilder.en.md"], "om/kilder.en.md"),
    ("om/index.html", ["om/index.md"], "om/index.md"),
    ("404.html", [], None),
])
def test_source_of_maps_a_built_page_to_its_markdown(tmp_path: Path, built: str, files: list[str], expected) -> None:
    for name in files:
        _write(tmp_path, name, "# x")
    assert source_of(built, tmp_path, ["", "en/"]) == expected


def test_check_site_reads_absolute_links_against_the_base_path(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", '<a href="/site/b/">in</a><a href="/other/b/">out</a><a href="/site/x/">gone</a>')
    _write(tmp_path, "b/index.html", "<p>b</p>")
    assert [str(link) for link in check_site(tmp_path, "/site/")] == [
        "index.html: link '/other/b/' is outside the site's base path /site/",
        "index.html: link '/site/x/' points to a page or file that does not exist",
    ]


def test_hide_checkboxes_hides_each_box_from_assistive_technology() -> None:
    import markdown
    html = markdown.markdown("- [ ] one\n- [x] two\n", extensions=["pymdownx.tasklist"], extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    out = hide_checkboxes(html)
    assert out.count('<label class="task-list-control" aria-hidden="true">') == 2
    assert "one" in out and "two" in out


def test_element_ids_finds_the_same_ids_as_the_parser() -> None:
    from sitekit.links import element_ids, parse
    html = '<h2 id="a">A</h2><div class="x" id=\'b\'><a name="c" href="#a">x</a><p data-id="no">y</p></div>'
    assert element_ids(html) == {"a", "b"}
    assert parse(html).ids == {"a", "b", "c"}


def test_parse_reads_links_and_ids_as_a_browser_would() -> None:
    """What the link checker's scan skips (comments, script and style text) and what it
    still reads: upper case, spaces around '=', '>' inside a quoted value, ids on any tag."""
    from sitekit.links import Link, parse
    html = (
        '<!-- <a href="gone-1/">x</a> --><SCRIPT type="module">let a = \'<a href="gone-2/">\';</SCRIPT>'
        '<style>a[href="gone-3/"]{}</style><script src="js/x.js"></script>'
        '<DIV ID = "up"><p title="a > b" id="quoted">x</p><span class="no-id">y</span></DIV>'
        '<A HREF="b/" hreflang="en">b</A><img alt="" src="i.png"><a name="n">n</a>'
    )
    found = parse(html)
    assert found.links == [Link("js/x.js", None), Link("b/", "en"), Link("i.png", None)]
    assert found.ids == {"up", "quoted", "n"}


def test_the_invisible_character_class_is_unicodes() -> None:
    """datafile.INVISIBLE lists Unicode's format, control and separator characters
    (tab and line ends aside); a Python with a newer Unicode may add some."""
    import sys
    import unicodedata

    from sitekit.datafile import INVISIBLE

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        wanted = unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") and char not in "\n\t\r"
        assert bool(INVISIBLE.fullmatch(char)) == wanted, f"U+{code:04X} {unicodedata.name(char, '')}"


def test_compiled_templates_are_reused_until_their_source_changes(tmp_path: Path) -> None:
    """Each language's build makes a new environment; the shared cache must hand it
    the compiled template, and compile anew once the file is edited."""
    from jinja2 import Environment, FileSystemLoader

    from sitekit.templates import MemoryBytecodeCache

    cache = MemoryBytecodeCache()
    (tmp_path / "t.html").write_text("one {{ x }}", encoding="utf-8")
    first = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
    assert first.get_template("t.html").render(x=1) == "one 1"
    assert len(cache._store) == 1
    (tmp_path / "t.html").write_text("two {{ x }}", encoding="utf-8")
    second = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
    assert second.get_template("t.html").render(x=2) == "two 2"


def test_compiled_partials_kept_on_disk_are_used_by_the_next_build_and_renewed_when_edited(tmp_path: Path) -> None:
    """The next build (a new process) loads the compiled partial instead of compiling it;
    an edited partial is compiled anew; a cache folder that cannot be written is passed by."""
    from jinja2 import Environment, FileSystemLoader

    from sitekit.templates import DiskBytecodeCache

    folder = tmp_path / "cache"
    folder.mkdir()
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "t.html").write_text("one {{ x }}", encoding="utf-8")
    make = lambda: Environment(loader=FileSystemLoader(templates), bytecode_cache=DiskBytecodeCache(str(folder)))  # noqa: E731
    assert make().get_template("t.html").render(x=1) == "one 1"
    assert len(list(folder.iterdir())) == 1
    compiled = []
    env = make()
    original = env._compile
    env._compile = lambda *args: compiled.append(args) or original(*args)
    assert env.get_template("t.html").render(x=2) == "one 2"
    assert compiled == [], "the second build compiled the partial again"
    (templates / "t.html").write_text("two {{ x }}", encoding="utf-8")
    assert make().get_template("t.html").render(x=3) == "two 3"
    (folder / next(folder.iterdir()).name).write_bytes(b"not a cache entry")
    assert make().get_template("t.html").render(x=4) == "two 4"
    gone = Environment(loader=FileSystemLoader(templates), bytecode_cache=DiskBytecodeCache(str(tmp_path / "missing")))
    assert gone.get_template("t.html").render(x=5) == "two 5"


def test_partials_look_up_interface_strings_as_the_macro_does() -> None:
    """The Python lookup of the partials (quiz.html) gives what partials/strings.html's
    macro gives: the language's string, else bokmål's, else the key; escaped."""
    from markupsafe import Markup

    from sitekit.templates import InterfaceStrings

    strings = InterfaceStrings({"a": "English <a>", "b": ""}, {"a": "bokmål", "c": "bare bokmål & mer"})
    assert strings.t("a") == Markup("English &lt;a&gt;")
    assert strings.t("b") == Markup("")
    assert strings.t("c") == Markup("bare bokmål &amp; mer")
    assert strings.t("d.e") == Markup("d.e")


def test_quizzes_are_read_once_per_build_and_again_for_the_next(tmp_path: Path) -> None:
    import shutil
    from types import SimpleNamespace

    import sitebuild
    from sitekit import quizzes

    (tmp_path / "quizzes").mkdir()
    shutil.copy2(sitebuild.DEMO_QUIZ, tmp_path / "quizzes" / "quiz-demo.yml")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    first = quizzes.build_quizzes(config)
    assert list(first) == ["quiz-demo"]
    (tmp_path / "quizzes" / "quiz-demo.yml").unlink()
    assert quizzes.build_quizzes(config) is first, "read again within one build"
    assert quizzes.build_quizzes(SimpleNamespace(config_file_path=config.config_file_path)) == {}


def test_quizzes_are_read_again_when_a_file_changes(tmp_path: Path) -> None:
    import shutil
    import sitebuild
    from sitekit.quizzes import load_quizzes

    shutil.copy2(sitebuild.DEMO_QUIZ, tmp_path / "quiz-demo.yml")
    assert load_quizzes(tmp_path)["quiz-demo"].id == "quiz-demo"
    text = (tmp_path / "quiz-demo.yml").read_text(encoding="utf-8")
    (tmp_path / "quiz-demo.yml").write_text(text.replace("nb: Test deg selv", "nb: Prøv deg", 1), encoding="utf-8")
    assert load_quizzes(tmp_path)["quiz-demo"].title.nb == "Prøv deg"
    shutil.copy2(tmp_path / "quiz-demo.yml", tmp_path / "quiz-demo-2.yml")
    (tmp_path / "quiz-demo-2.yml").write_text(text.replace("id: quiz-demo", "id: quiz-demo-2", 1), encoding="utf-8")
    assert sorted(load_quizzes(tmp_path)) == ["quiz-demo", "quiz-demo-2"]


YAML_TEXT = """id: q
title: {nb: "Tittel", en: Title}
1: 2.5
flags: [true, null, "no", no]
nested:
  - a: 1
    b:
      - x
"""


def test_a_parsed_document_is_read_back_by_the_next_build_with_its_lines(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitekit import strict_yaml

    first = strict_yaml.load(YAML_TEXT)
    assert len(list(cache_dir.glob("yaml-*.json"))) == 1
    monkeypatch.setattr(strict_yaml, "_parsed", lambda text: pytest.fail("parsed again: the cache was not used"))
    second = strict_yaml.load(YAML_TEXT)
    assert second == first and type(second) is type(first)
    assert [type(v) for v in second.values()] == [type(v) for v in first.values()]
    assert second.lines == first.lines and second.line == first.line
    for path in (("title", "en"), ("flags", 3), ("nested", 0, "b", 0), (1,)):
        assert strict_yaml.line_of(second, path) == strict_yaml.line_of(first, path), path
    assert second["flags"] == [True, None, "no", "no"] and second[1] == 2.5


def test_a_bad_cache_entry_or_a_document_of_other_types_is_parsed_each_time(cache_dir: Path) -> None:
    from sitekit import strict_yaml

    strict_yaml.load(YAML_TEXT)
    (entry,) = cache_dir.glob("yaml-*.json")
    for broken in ("{not json", '{"data": {"m": [[1]]}}', "[]"):
        entry.write_text(broken, encoding="utf-8")
        assert strict_yaml.load(YAML_TEXT)["nested"][0]["b"] == ["x"]
    dated = "day: 2021-05-01\n"
    assert strict_yaml.load(dated)["day"].isoformat() == "2021-05-01"
    assert strict_yaml.load(dated)["day"].isoformat() == "2021-05-01"  # not kept: a date is not plain
    assert not [p for p in cache_dir.glob("yaml-*.json") if p != entry]
    with pytest.raises(strict_yaml.YAMLProblem, match="written twice"):
        strict_yaml.load("a: 1\na: 2\n")
    with pytest.raises(strict_yaml.YAMLProblem, match="written twice"):
        strict_yaml.load("a: 1\na: 2\n")  # an error is never kept


def test_without_a_private_cache_folder_nothing_is_kept_and_all_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from sitekit import diskcache, strict_yaml

    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    os.chmod(shared, 0o777)
    monkeypatch.setattr(diskcache.tempfile, "gettempdir", lambda: str(shared))
    (shared / f"inkl-build-cache-{os.getuid()}").mkdir(mode=0o755)  # made by someone, readable by all
    os.chmod(shared / f"inkl-build-cache-{os.getuid()}", 0o755)
    monkeypatch.setattr(diskcache, "_checked", False)
    monkeypatch.setattr(diskcache, "_folder", None)
    assert diskcache.private_dir() is None
    assert strict_yaml.load(YAML_TEXT)["id"] == "q"
    assert list((shared / f"inkl-build-cache-{os.getuid()}").iterdir()) == []


def test_quiz_markdown_is_converted_once_and_read_back_by_the_next_build(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitekit import quizzes

    quizzes._converted.cache_clear()
    text = "Les *dette* i [siden](mentor/start.md) og [dette](https://example.org/)."
    first = quizzes.inline(text, "kurs/modul-1/")
    quizzes._converted.cache_clear()
    monkeypatch.setattr(quizzes, "_markdown", lambda escaped: pytest.fail("converted again: the cache was not used"))
    assert quizzes.inline(text, "kurs/modul-1/") == first
    assert 'href="../mentor/start/"' in quizzes.inline(text, "kurs/")  # the links still follow the page
    quizzes._converted.cache_clear()


def test_cache_entries_not_used_for_two_weeks_are_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    from sitekit import diskcache

    monkeypatch.setattr(diskcache.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(diskcache, "_checked", False)
    monkeypatch.setattr(diskcache, "_folder", None)
    folder = tmp_path / f"inkl-build-cache-{os.getuid()}"
    folder.mkdir(mode=0o700)
    for name, days in (("old.json", 15), ("read.json", 10), ("new.json", 1)):
        (folder / name).write_text("1", encoding="utf-8")
        os.utime(folder / name, (time.time() - days * 86400,) * 2)
    assert diskcache.private_dir() == folder  # pruned on first use
    assert sorted(p.name for p in folder.iterdir()) == ["new.json", "read.json"]
    assert diskcache.read_json("read.json") == 1
    assert (folder / "read.json").stat().st_mtime > time.time() - 60  # a read keeps it another two weeks
