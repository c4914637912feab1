"""Scrolling stays where the reader put it, and the focus stays on screen.

A running talks timer rebuilds the screen every second; the results screen reveals its
ledger step by step. Neither may scroll the page back to the focused widget.
"""

import pygame

from game.ui.containers import ScrollView
from game.ui.screenshots import ScriptedGame


def play_to(app, kind: str):
    """Play the scripted classroom game until a `kind` screen is on top."""
    for _ in ScriptedGame(app).play(every=True):
        if type(app.stack.top).__name__ == kind:
            return app.stack.top
    raise AssertionError(f"no {kind} screen")


def results(app):
    """The first results screen, with its whole ledger revealed."""
    top = play_to(app, "ResolutionScene")
    top.skip()
    return top


def views(app) -> list[ScrollView]:
    """The scrolling areas of the top screen, main first."""
    from game.ui.base import walk
    return [w for w in walk(app.stack.top.ensure_root()) if isinstance(w, ScrollView)]


def tick(app) -> None:
    """What a timer tick does: rebuild the screen and draw it."""
    app.stack.top.invalidate()
    app.draw()


def test_resolution_opens_at_its_top_with_the_focus_in_view(app):
    """The revealed orders come first; the focused button is visible, and stays so."""
    top = results(app)
    for _ in range(3):
        tick(app)
    main = views(app)[0]
    assert main.offset == 0
    cur = top.focus.current(top.ensure_root())
    assert main.rect.contains(cur.rect)


def test_page_down_survives_timer_ticks(app, drive):
    """PageDown on a long screen is not undone by the next rebuild, and Home comes back."""
    top = results(app)
    drive.press(app, pygame.K_PAGEDOWN)
    moved = views(app)[0].offset
    assert moved > 0
    for _ in range(3):
        tick(app)
    assert views(app)[0].offset == moved
    drive.press(app, pygame.K_HOME)
    tick(app)
    assert views(app)[0].offset == 0
    assert top is app.stack.top


def test_page_down_brings_the_focus_along(app, drive):
    """On the orders screen the focus moves to an action in view, so Enter picks what
    the team can see."""
    top = play_to(app, "OrdersScene")
    drive.press(app, pygame.K_PAGEDOWN)
    tick(app)
    main = views(app)[0]
    assert main.offset > 0
    cur = top.focus.current(top.ensure_root())
    assert main.rect.contains(cur.rect)


def test_wheel_scroll_survives_timer_ticks(app):
    """The mouse wheel over the page keeps its place too."""
    results(app)
    main = views(app)[0]
    pos = main.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.step()
    for _ in range(3):
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
        app.step()
    moved = views(app)[0].offset
    assert moved > 0
    tick(app)
    assert views(app)[0].offset == moved


def test_enter_on_a_button_out_of_view_first_shows_it(make_app, drive):
    """At scale 2.0 a briefing is taller than the window and opens at its top; the first
    Enter scrolls to 'We have read our briefing', the second one presses it."""
    app = make_app(2.0)
    top = play_to(app, "BriefingScene")
    assert views(app)[0].offset == 0
    drive.press(app, pygame.K_RETURN)
    assert app.stack.top is top
    button = drive.find(app, "briefing:done")
    assert views(app)[0].rect.contains(button.rect)
    drive.press(app, pygame.K_RETURN)
    assert app.stack.top is not top



def test_a_click_on_the_last_order_brings_confirm_into_view(make_app, drive):
    """At scale 2.0, clicking the order that spends the last point opens the review;
    going back to Change, Confirm is in view."""
    from tests.ui.test_game_mouse import click_key
    app = make_app(2.0)
    top = play_to(app, "OrdersScene")
    for _ in range(10):
        legal = top._listed()
        if not legal or app.stack.top is not top:
            break
        click_key(app, drive, f"action:{legal[0].text()}")
    assert not top._listed()
    assert type(app.stack.top).__name__ == "ConfirmScene"
    click_key(app, drive, "confirm:no")
    assert app.stack.top is top
    confirm = drive.find(app, "orders:confirm")
    assert views(app)[0].rect.contains(confirm.rect)


def test_focus_moved_by_the_screen_is_scrolled_into_view(app, drive):
    """When a screen moves the focus itself (picking the last order hands it to Confirm),
    the next rebuild brings it into view, even if the mouse was used last."""
    top = play_to(app, "OrdersScene")
    drive.press(app, pygame.K_HOME)
    tick(app)
    last = top.focus.focusables(top.ensure_root())[-1]
    assert not views(app)[0].rect.contains(last.rect)
    top.focus.follow = False  # as after a mouse click
    top.focus.key = last.key
    tick(app)
    assert views(app)[0].rect.contains(drive.find(app, last.key).rect)


def test_end_focuses_the_last_item_and_home_the_first(app, drive):
    """On the New game screen End puts the focus on the last button (Back), Home on
    the first (the scenario), so the next Enter does what the eye expects."""
    drive.press(app, pygame.K_1)
    top = app.stack.top
    drive.press(app, pygame.K_END)
    items = top.focus.focusables(top.ensure_root())
    assert drive.focused_key(app) == items[-1].key == "new:back"
    drive.press(app, pygame.K_HOME)
    assert drive.focused_key(app) == items[0].key == "new:scenario"
