"""Every screen of a game ignores keys for a moment after it appears, and the talks screen
never opens with the focus on ending the talks (a double Enter once skipped a round's news)."""

import pygame

from tests.ui.test_game_keyboard import play_screen, setup_game


def play_until(app, drive, kind: str, limit: int = 60) -> None:
    """Play on with keys until a screen of `kind` is on top."""
    for _ in range(limit):
        if type(app.stack.top).__name__ == kind:
            return
        play_screen(app, drive)
    raise AssertionError(f"never reached {kind}")


def test_double_enter_never_skips_the_news(app, drive):
    """A quick second Enter from the last briefing lands on the event screen and is ignored;
    the event screen's focus is not on ending the talks, so even a later Enter keeps it."""
    setup_game(app, drive, rounds=3)
    play_until(app, drive, "BriefingScene")
    while True:  # the last team's briefing: the event screen comes next
        play_until(app, drive, "BriefingScene")
        if len(app.stack.top.flow.briefed) == 2:
            break
        play_screen(app, drive)
    drive.press(app, pygame.K_RETURN)
    drive.press(app, pygame.K_RETURN, quick=True)
    assert type(app.stack.top).__name__ == "EventScene"
    assert drive.focused_key(app) != "event:go"
    assert app.stack.top.flow.timer.state() == "running"


def test_every_game_screen_settles(app, drive):
    """On each game screen a key pressed at once is dropped; the same key later acts."""
    setup_game(app, drive, rounds=3)
    seen = set()
    for _ in range(40):
        top = app.stack.top
        kind = type(top).__name__
        if kind in ("BriefingScene", "EventScene", "OrdersScene") and kind not in seen:
            seen.add(kind)
            top.shown_at = top.clock()  # as if it had only just appeared
            before = drive.focused_key(app)
            drive.press(app, pygame.K_TAB, quick=True)
            drive.press(app, pygame.K_RETURN, quick=True)
            assert app.stack.top is top and drive.focused_key(app) == before, kind
        play_screen(app, drive)
    assert seen == {"BriefingScene", "EventScene", "OrdersScene"}


def test_panel_settles_too(app, drive):
    """The facilitator panel drops a key pressed as it opens (Esc still closes it)."""
    setup_game(app, drive, rounds=3)
    drive.press(app, pygame.K_F2)
    panel = app.stack.top
    panel.shown_at = panel.clock()
    drive.press(app, pygame.K_RETURN, quick=True)
    assert app.stack.top is panel
    drive.press(app, pygame.K_ESCAPE, quick=True)
    assert app.stack.top is not panel
