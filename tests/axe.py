"""Run axe-core (bundled with axe-playwright-python) on a Playwright page."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
# WCAG 2.1 A and AA, plus axe's best-practice rules (aria-dialog-name is one).
OPTIONS = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now, each with the rule id, and the
    first node's selector and message, for a readable assertion failure."""
    # Without motion: axe reads colours mid-transition otherwise (a focused button
    # fading to its hover colour). The site honours prefers-reduced-motion.
    page.emulate_media(reduced_motion="reduce")
    response = _AXE.run(page, options=OPTIONS).response
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "nodes": [
                {"target": node["target"], "summary": node.get("failureSummary", "")}
                for node in violation["nodes"][:3]
            ],
        }
        for violation in response["violations"]
    ]
