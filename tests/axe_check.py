"""Accessibility checks of a page in the browser tests: axe-core, and ids that never repeat.

axe-core is a dev tool from npm (`make test` installs it into dev/axe/, see dev/axe/package.json);
it is injected into the page under test and never shipped with the game. Where it is
missing, `axe_violations` skips the test and says how to install it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parents[1] / "dev" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, and axe's best practices (heading-order, landmark-one-main and region among them).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """Every axe violation on the page as it is now, one line each (rule, impact, where)."""
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed ({AXE_JS} is missing); run `make test`, or "
                    "`npm ci --prefix dev/axe`, to check the pages' accessibility")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol, which the pages' Content
        # Security Policy (no inline scripts) rightly does not cover, so the check sees
        # the page exactly as served.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate("""(tags) => axe.run(document, {runOnly: {type: "tag", values: tags},
                                                          resultTypes: ["violations"]})""", TAGS)
    return [f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'][:160]}"
            for v in result["violations"] for node in v["nodes"]]


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
    problems = axe_violations(page)
    assert not problems, f"{where}:\n" + "\n".join(problems)
    assert not repeated_ids(page), f"{where}: repeated ids {repeated_ids(page)}"
    assert sideways(page) <= 0, f"{where}: {sideways(page)} px wider than the screen"
