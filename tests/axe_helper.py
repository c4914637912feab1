"""axe-core accessibility checks inside a Playwright page, for every browser test.

axe-core (Deque's rule engine, the same one browser extensions use) comes from npm into
the `.dev/` folder of the checkout, pinned to `AXE_VERSION`. `axe_script()` installs it
with npm when it is missing and npm is there, and otherwise skips the calling test with a
sentence saying how to get it. `axe_violations(page)` injects it into the page through
the debugger protocol (so a page's Content-Security-Policy does not block it), runs every
rule axe enables by default, WCAG 2.1 A/AA and best practices such as `heading-order`,
`landmark-one-main` and `region` included, and returns the violations.

    from tests.axe_helper import axe_violations, describe
    found = axe_violations(page)
    assert not found, describe(found)
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
AXE_VERSION = "4.11.1"
DEV = ROOT / ".dev"
AXE_JS = DEV / "node_modules" / "axe-core" / "axe.min.js"


def _install() -> str | None:
    """Install axe-core into .dev/ with npm; None, or why it could not be had."""
    if AXE_JS.exists():
        return None
    if not shutil.which("npm"):
        return (f"axe-core is not installed and npm is missing (install Node.js, then: "
                f"npm install --prefix .dev axe-core@{AXE_VERSION})")
    DEV.mkdir(exist_ok=True)
    try:
        done = subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                               str(DEV), f"axe-core@{AXE_VERSION}"], capture_output=True,
                              timeout=600, check=False)
    except subprocess.TimeoutExpired:
        return "npm took too long to install axe-core"
    if done.returncode != 0 or not AXE_JS.exists():
        return f"npm could not install axe-core@{AXE_VERSION} into .dev/"
    return None


def axe_script() -> str:
    """The text of axe.min.js; skips the test, saying why, when it cannot be had."""
    problem = _install()
    if problem:
        pytest.skip(f"no accessibility check: {problem}")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, disable: tuple[str, ...] = ()) -> list[dict]:
    """Run axe on the page as it stands; the violations (each a dict with id, impact, help
    and the nodes' targets). `disable` names rules to leave out, each with a reason given
    by the caller."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    options = {"rules": {rule: {"enabled": False} for rule in disable}}
    result = page.evaluate("(options) => axe.run(document, options)", options)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def describe(violations: list[dict]) -> str:
    """The violations, one line each, for an assertion message."""
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['targets']}" for v in violations)
