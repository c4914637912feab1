"""Detecting a missing display, so main.py can fall back to text mode."""

import sys

import pytest

from game.ui.display import display_available


def test_dummy_driver_counts_as_a_display():
    """Tests run on SDL's dummy driver, which can always open a window."""
    assert display_available() == (True, "")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux display variables")
def test_no_display_variables_means_no_display(monkeypatch):
    """No DISPLAY, no WAYLAND_DISPLAY and no explicit driver: one-line reason."""
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(var, raising=False)
    ok, reason = display_available()
    assert not ok and "DISPLAY" in reason and "\n" not in reason
