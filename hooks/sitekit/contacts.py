"""«Who to call»: where the mentor writes down their contacts, and where they print.

Two markers in a page's Markdown:
- `<!-- contacts: card -->`: the card to fill in (the guide's start page), under a
  heading with the id CARD_ID, which the sheets link to;
- `<!-- contacts: sheet -->`: the contacts as a table to print (each checklist),
  filled in from the browser by assets/js/contacts.js, or blank lines to write on.
What the mentor writes is kept in their browser only (store name `contacts`, see
overrides/assets/js/store.js); the build knows nothing of it."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.exceptions import PluginError

MARKER = re.compile(r"<!--\s*contacts:\s*([^\s>]*)\s*-->")
KINDS = ("card", "sheet")
# The roles, in the order the card and the sheet list them; the names are the keys
# of the stored value (store.js, validContacts) and of the strings «contacts.<role>».
ROLES = ("leader", "nav", "provider")
# The heading the card stands under: `## … { #kontakter }`, the same in both languages.
CARD_ID = "kontakter"
_CARD = "<!-- contacts: card -->"


class ContactsError(PluginError):
    """A contacts marker that cannot be rendered."""


def kinds_in(html: str, name: str) -> list[str]:
    """The markers' kinds in `html`, in order; ContactsError naming `name` for an
    unknown kind or a kind placed twice (the card's fields have fixed ids)."""
    found = MARKER.findall(html)
    for kind in found:
        if kind not in KINDS:
            raise ContactsError(f"{name}: unknown marker '<!-- contacts: {kind} -->'; use one of: {', '.join(KINDS)}.")
    for kind in KINDS:
        if found.count(kind) > 1:
            raise ContactsError(f"{name}: '<!-- contacts: {kind} -->' is on the page {found.count(kind)} times; place it once.")
    return found


def card_page(pages: Iterable[Any]) -> Any | None:
    """The page (of this language's build) whose Markdown holds the card; ContactsError
    if more than one does (the sheets could link to only one), or if the card is not
    under a heading with the id CARD_ID."""
    holders = [page for page in pages if _CARD in (page.markdown or "")]
    if len(holders) > 1:
        names = ", ".join(f"docs/{page.file.src_uri}" for page in holders)
        raise ContactsError(f"the contacts card is on more than one page ({names}); keep it on one, the guide's start page.")
    if holders and f'id="{CARD_ID}"' not in (holders[0].content or ""):
        raise ContactsError(
            f"docs/{holders[0].file.src_uri}: put '<!-- contacts: card -->' under a heading with the id "
            f"'{CARD_ID}' (`## … {{ #{CARD_ID} }}`): the checklists' sheets link to it."
        )
    return holders[0] if holders else None


def render(html: str, name: str, partial: Callable[[str], str]) -> str:
    """`html` with each marker replaced by `partial(kind)`."""
    kinds_in(html, name)
    return MARKER.sub(lambda match: partial(match.group(1)), html)
