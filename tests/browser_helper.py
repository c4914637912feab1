"""Debian's Chromium for the browser tests, driven by Playwright: one browser per test run.

Playwright's synchronous API allows one running instance per thread, so every browser
test (the hosted game's pages, the printed reports) shares the session fixture `browser`
defined in tests/conftest.py with `launch_browser` below. Where no Chromium can be had
(or the Python package `playwright` is missing), the tests that need it are skipped and
say why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def install_chromium() -> str | None:
    """Install Debian's chromium if it is missing and apt can; None, or why it cannot be had."""
    if CHROMIUM.exists():
        return None
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return "Chromium is not installed (as root on Debian: apt-get install -y chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, timeout=900, check=False)
        if done.returncode != 0:
            return f"Chromium could not be installed ({' '.join(command)} failed)"
    return None if CHROMIUM.exists() else "Chromium could not be installed"


def launch_browser():
    """Yield a launched Chromium for the whole test run, or skip saying why there is none."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    problem = install_chromium()
    if problem:
        pytest.skip(f"no browser for the browser tests: {problem}")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()
