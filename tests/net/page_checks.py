"""The checks every page of the hosted game passes in the browser tests, in each state a
class meets: axe-core (tests/axe_helper.py: WCAG 2.1 A/AA and best practices, with
heading-order, landmark-one-main and region, 0 violations), ids that never repeat, and
nothing wider than the screen.
"""

from __future__ import annotations

from tests.axe_helper import axe_violations, describe


def repeated_ids(page) -> list[str]:
    """Ids that more than one element of the page carries."""
    return page.evaluate("""() => { const seen = {}, twice = new Set();
        for (const node of document.querySelectorAll("[id]")) {
            if (seen[node.id]) twice.add(node.id); seen[node.id] = true; }
        return Array.from(twice); }""")


def sideways(page) -> int:
    """How many pixels the page is wider than its viewport (0: nothing scrolls sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def check_page(page, where: str) -> None:
    """0 axe violations, no repeated id and no sideways scroll on the page as it is now."""
    found = axe_violations(page)
    assert not found, f"{where}:\n{describe(found)}"
    assert not repeated_ids(page), f"{where}: repeated ids {repeated_ids(page)}"
    assert sideways(page) <= 0, f"{where}: {sideways(page)} px wider than the screen"
