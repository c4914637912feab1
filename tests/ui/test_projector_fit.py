"""At 1280x720 and scale 2.0 (a projector), what a room must read or press is on screen."""

import pygame

from game.ui.base import walk
from game.ui.containers import ScrollView
from tests.ui.test_game_keyboard import confirm_in_dialog, setup_game, tab_to


def main_view(app) -> ScrollView:
    return next(w for w in walk(app.stack.top.ensure_root()) if isinstance(w, ScrollView))


def test_handoff_sentence_is_whole_on_screen(make_app, drive):
    app = make_app(2.0)
    setup_game(app, drive, rounds=3)
    assert type(app.stack.top).__name__ == "HandoffScene"
    view = main_view(app)
    label = next(w for w in walk(view) if "should look at the screen now" in " ".join(w.texts()))
    assert view.rect.contains(label.rect)


def test_debrief_button_is_on_screen_when_the_facilitator_ends_the_game(make_app, drive):
    app = make_app(2.0)
    setup_game(app, drive, rounds=3)
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:end")
    drive.press(app, pygame.K_RETURN)
    confirm_in_dialog(app, drive)
    assert type(app.stack.top).__name__ == "EndScene"
    assert drive.focused_key(app) == "end:debrief"
    assert main_view(app).rect.contains(drive.find(app, "end:debrief").rect)
