"""The facilitator panel: bringing in an event is confirmed in a dialog and refused in
words once a team has given orders; extra talks time lasts one round only."""

import pygame

from tests.ui.test_game_keyboard import play_screen, setup_game, tab_to
from tests.ui.test_settling import play_until


def test_inject_is_disabled_in_words_once_a_team_has_ordered(app, drive):
    setup_game(app, drive, rounds=3)
    play_until(app, drive, "OrdersScene")
    play_screen(app, drive)  # the first team's orders are given
    drive.press(app, pygame.K_F2)
    inject = drive.find(app, "fac:inject")
    assert not inject.enabled and "orders" in inject.detail
    tab_to(app, drive, "fac:back")
    drive.press(app, pygame.K_RETURN)
    assert type(app.stack.top).__name__ != "FacilitatorScene"


def test_a_stray_digit_in_the_event_list_only_asks(app, drive):
    setup_game(app, drive, rounds=3)
    play_until(app, drive, "EventScene")
    session = app.stack.top.session
    before = len(session.state.ledger)
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:inject")
    drive.press(app, pygame.K_RETURN)
    drive.press(app, pygame.K_1)
    assert type(app.stack.top).__name__ == "ConfirmScene"
    assert drive.focused_key(app) == "confirm:no"
    drive.press(app, pygame.K_RETURN)
    assert len(session.state.ledger) == before


def test_extra_talks_time_does_not_carry_into_the_next_round(app, drive):
    setup_game(app, drive, rounds=3)
    play_until(app, drive, "EventScene")
    timer = app.stack.top.flow.timer
    length = timer.length
    assert timer.enabled and timer.total == length
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:more")
    drive.press(app, pygame.K_RETURN)
    assert timer.total > length + 55
    drive.press(app, pygame.K_ESCAPE)
    play_screen(app, drive)  # the talks end
    for _ in range(60):
        top = app.stack.top
        if type(top).__name__ == "EventScene" and top.session.state.round == 2:
            break
        play_screen(app, drive)
    assert app.stack.top.session.state.round == 2
    assert timer.total == length and length - 5 < timer.remaining() <= length
