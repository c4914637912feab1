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


def test_silent_fallback_to_an_invisible_driver_is_no_display(monkeypatch):
    """If SDL quietly picks its offscreen driver (the X server did not answer), the game
    would run in a window nobody sees: that counts as no display, with the reason."""
    import pygame
    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(pygame.display, "init", lambda: None)
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "offscreen")
    ok, reason = display_available()
    assert not ok and "offscreen" in reason and "\n" not in reason


def test_asked_for_dummy_driver_is_fine(monkeypatch):
    """Tests and screenshots ask for the dummy driver by name: that is not a fallback."""
    import pygame

    from game.ui.display import invisible_driver
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "dummy")
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    assert invisible_driver() == ""
    monkeypatch.delenv("SDL_VIDEODRIVER")
    assert invisible_driver() == "dummy"
