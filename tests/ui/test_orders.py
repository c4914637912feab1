"""The orders screen by keyboard: picking keeps the focus in the list of actions."""

import pygame

from game.ui.screenshots import ScriptedGame


def first_orders(app):
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "OrdersScene" and not top.chosen:
            return top
    raise AssertionError("no orders screen")


def test_number_key_then_enter_picks_two_orders(app, drive):
    """1 picks the first action; the focus lands on the action now in its place (not on
    the picked order, where Enter would take it back), so Enter picks a second one."""
    top = first_orders(app)
    first = top._listed()[0]
    assert top.scenario.action(first.action_id).cost < top.scenario.rules.points_per_round
    drive.press(app, pygame.K_1)
    assert top.chosen == [first]
    key = drive.focused_key(app)
    assert key == f"action:{top._listed()[0].text()}"
    drive.press(app, pygame.K_RETURN)
    assert len(top.chosen) == 2 and top.chosen[0] == first


def test_last_point_spent_focuses_confirm(app, drive):
    """When nothing else fits, the focus is on Confirm and in view."""
    top = first_orders(app)
    while top._listed():
        drive.press(app, pygame.K_1)
    assert drive.focused_key(app) == "orders:confirm"
    main = top.ensure_root().items[0]
    assert main.rect.contains(drive.find(app, "orders:confirm").rect)


def test_answering_an_offer_moves_on_to_the_next(app, drive):
    """Enter on Accept answers that offer and moves the focus to the next offer still
    open, then to Confirm: one Enter per offer, one to confirm."""
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "ResponsesScene" and not top.answers:
            break
    else:
        raise AssertionError("no responses screen")
    offers = [o.key for o in top.view.offers]
    assert drive.focused_key(app) == f"accept:{offers[0]}"
    for key in offers[1:]:
        drive.press(app, pygame.K_RETURN)
        assert drive.focused_key(app) == f"accept:{key}"
    drive.press(app, pygame.K_RETURN)
    assert drive.focused_key(app) == "responses:confirm"
    assert all(top.answers[k] is True for k in offers)
    drive.press(app, pygame.K_RETURN)
    assert app.stack.top is not top
