"""Shared test set-up: every test runs headless, with no window or sound device."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import pytest  # noqa: E402  (after the environment is set for pygame)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium shared by every browser test (see tests/browser_helper.py)."""
    from tests.browser_helper import launch_browser

    yield from launch_browser()
