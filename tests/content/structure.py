"""Structure of each page's content (Material's `article.md-content__inner`), in
the spirit of the Carpentries' lesson validator:
- exactly one h1; no skipped heading level; no heading text twice on a page;
- every image has a text alternative: `<img alt="…">` (alt="" for a decorative
  one), an `<svg>` with role="img" and a name (aria-label, aria-labelledby or a
  `<title>`), or an svg hidden from assistive technology (aria-hidden="true");
- every table has a header row (its first row has a non-empty `<th>`);
- a page in one of SOURCE_SECTIONS has a sources section (`## Kilder` /
  `## Sources`), unless its front matter says `sources: false`."""
from __future__ import annotations

from collections import Counter

from content.dom import Node
from content.problems import Problem
from content.site import SOURCES_HEADINGS, Page, skipped, where, with_headings

# Pages under these folders rest on the sources and must name them.
SOURCE_SECTIONS = {"mentor", "forskning", "kurs", "team"}


def _heading_problems(page: Page) -> list[Problem]:
    problems = []
    found = page.headings
    h1s = [text for level, text in found if level == 1]
    if len(h1s) != 1:
        problems.append(Problem(
            page.name, "the page", f"has {len(h1s)} h1 headings" + (f" ({', '.join(f'«{t}»' for t in h1s)})" if h1s else ""),
            "give the page exactly one `#` heading, its title",
        ))
    previous = 0
    for level, text in found:
        if level > previous + 1:
            problems.append(Problem(
                page.name, f"heading «{text}»", f"is h{level} after h{previous}" if previous else f"is h{level} at the top of the page",
                f"make it h{previous + 1} ({'#' * (previous + 1)}), or add the missing level above it",
            ))
        previous = level
    for text, count in Counter(text for _, text in found).items():
        if count > 1:
            problems.append(Problem(
                page.name, f"heading «{text}»", f"appears {count} times",
                "give each heading on a page its own text",
            ))
    return problems


def _hidden(node: Node) -> bool:
    return any(element.attrs.get("aria-hidden") == "true" for element in (node, *node.ancestors()))


def _svg_named(svg: Node) -> bool:
    if svg.attrs.get("aria-label", "").strip() or svg.attrs.get("aria-labelledby", "").strip():
        return True
    title = next((child for child in svg.children if isinstance(child, Node) and child.tag == "title"), None)
    return title is not None and bool(title.text())


def _image_problems(page: Page) -> list[Problem]:
    problems = []
    for node, heading in with_headings(page.article):
        if node.tag == "img" and "alt" not in node.attrs:
            problems.append(Problem(
                page.name, f"{where(heading)}, image {node.attrs.get('src', '')!r}", "has no alt text",
                'write what the image shows in alt="…" (alt="" only if it is decorative)',
            ))
        elif node.tag == "svg" and not any(up.tag == "svg" for up in node.ancestors()) and not _hidden(node):
            if node.attrs.get("role") != "img" or not _svg_named(node):
                problems.append(Problem(
                    page.name, f"{where(heading)}, an <svg>", "has no text alternative",
                    'give it role="img" and aria-label="…" (or a <title>), or aria-hidden="true" if it is decorative',
                ))
    return problems


def _table_problems(page: Page) -> list[Problem]:
    problems = []
    for node, heading in with_headings(page.article):
        if node.tag == "table":
            first_row = node.find(lambda element: element.tag == "tr")
            header_cells = first_row.find_all(lambda element: element.tag == "th") if first_row else []
            if not any(cell.text() for cell in header_cells):
                problems.append(Problem(
                    page.name, f"{where(heading)}, a table", "has no header row",
                    "give the table a first row of column headings",
                ))
    return problems


def needs_sources(page: Page) -> bool:
    return page.section in SOURCE_SECTIONS and page.meta.get("sources", True) is not False


def _sources_problems(page: Page) -> list[Problem]:
    if not needs_sources(page):
        return []
    wanted = SOURCES_HEADINGS.get(page.lang.split("-")[0], SOURCES_HEADINGS["en"])
    h2s = [node.text(skipped) for node in page.article.iter() if node.tag == "h2"]
    if wanted in h2s:
        return []
    return [Problem(
        page.name, "the end of the page", f"has no sources section (## {wanted})",
        f"end the page with `## {wanted}` and the full reference of each source it rests on "
        "(or set `sources: false` in its front matter if it rests on none)",
    )]


def check_structure(pages: list[Page]) -> list[Problem]:
    problems = []
    for page in pages:
        problems += _heading_problems(page)
        problems += _image_problems(page)
        problems += _table_problems(page)
        problems += _sources_problems(page)
    return problems
