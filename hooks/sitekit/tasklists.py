"""See hooks/tasklists.py."""
from __future__ import annotations

# The exact markup pymdownx.tasklist (custom_checkbox: true) writes for each box.
CONTROL = '<label class="task-list-control">'


def hide_checkboxes(html: str) -> str:
    return html.replace(CONTROL, '<label class="task-list-control" aria-hidden="true">')
