"""Every text is drawn on the background its style was checked against.

The contrast test checks each style's (fg, bg) pair; this checks that a Label in a
style is really drawn on that bg: inside a Panel of the same background, or on the
page for page styles. A `warning` label straight on the dark page would be black on
near-black.
"""

import pygame

from game.ui.base import Widget
from game.ui.containers import Panel
from game.ui.widgets import Label


def mismatches(app) -> list[str]:
    """Labels on the top screen whose style's bg is not the colour behind them."""
    theme = app.ui.theme
    out: list[str] = []

    def visit(widget: Widget, bg) -> None:
        if isinstance(widget, Panel):
            bg = theme.style(widget.style).bg
        if isinstance(widget, Label) and theme.style(widget.style).bg != bg:
            out.append(f"{type(app.stack.top).__name__}: {widget.style!r} {widget.text[:50]!r}")
        for child in widget.children():
            visit(child, bg)

    visit(app.stack.top.ensure_root(), theme.style("screen").bg)
    return out


def test_every_screen_of_a_game_draws_text_on_its_own_background(app):
    """Title to End, each screen's labels sit on the background of their style."""
    from game.ui.screenshots import ScriptedGame
    bad: list[str] = []
    for _ in ScriptedGame(app).play(every=True):
        bad += mismatches(app)
    assert not bad, bad


def test_messages_and_time_up_are_readable(app, drive):
    """A refused move, a facilitator note, a settings error and 'time is up' all sit on
    the warning box, never as dark text on the dark page."""
    from game.ui.screenshots import ScriptedGame
    for _ in ScriptedGame(app).play(every=True):
        if type(app.stack.top).__name__ == "OrdersScene":
            break
    top = app.stack.top
    top.flow.message = "Not accepted: a test refusal"
    top.flow.timer.restart()
    top.flow.timer._left, top.flow.timer._since = 0.0, None
    app.message = "Settings not saved: a test error"
    top.invalidate()
    assert "time is up" in top.flow.timer.text()
    assert not mismatches(app)
    drive.press(app, pygame.K_F2)
    panel = app.stack.top
    panel.note = "Not possible now: a test note"
    panel.invalidate()
    assert not mismatches(app)
