"""No text is cut: every widget's rendered text fits its rect at UI scale 1.0 and 2.0."""

import pytest

from game.ui.base import walk
from game.ui.screens.settings_screen import SettingsScene


def problems(app):
    """Widgets whose text overflows, or which stick out of the window sideways."""
    root = app.stack.top.ensure_root()
    window = app.surface.get_rect()
    out = []
    for w in walk(root):
        if w.overflow():
            out.append(("overflow", type(w).__name__, w.texts()))
        if w.rect.left < window.left or w.rect.right > window.right:
            out.append(("outside", type(w).__name__, w.texts()))
    return out


SCREENS = {"title": None, "settings": SettingsScene}


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("high_contrast", [False, True])
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_no_overflow(make_app, scale, high_contrast, screen):
    """Title and Settings fit at every scale, in both themes, in a 1280x720 window."""
    app = make_app(scale, high_contrast)
    if SCREENS[screen]:
        app.stack.push(SCREENS[screen](app))
        app.draw()
    assert problems(app) == []


def test_overflow_is_detected(make_app):
    """The check itself works: a label squeezed into a tiny rect reports overflow."""
    import pygame

    from game.ui.widgets import Label
    app = make_app()
    label = Label("A sentence far too long for a small box", "body")
    label.place(app.ui, pygame.Rect(0, 0, 40, 10))
    assert label.overflow()


def test_small_window_still_fits(make_app):
    """Even a 800x600 window at scale 2.0 wraps and scrolls rather than cutting text."""
    app = make_app(2.0, size=(800, 600))
    app.stack.push(SettingsScene(app))
    app.draw()
    assert problems(app) == []
