"""The guided first game and the what-if chooser in the window, driven by posted keys."""

import json

import pygame
import pytest

from tests.ui.conftest import find, focused_key, press
from tests.ui.test_game_keyboard import play_screen, tab_to


class Drive:
    press = staticmethod(press)
    focused_key = staticmethod(focused_key)


def keys(app) -> list[str]:
    """Keys of every widget on the top screen."""
    from game.ui.base import walk
    return [w.key for w in walk(app.stack.top.ensure_root()) if w.key]


@pytest.fixture
def app(make_app, tmp_path):
    """A first run: no save and no memory of the guided game."""
    (tmp_path / "data" / "tutorial.json").unlink()
    return make_app()


def start_guided(app) -> None:
    """First run: the title offers the guided game first; Enter starts it."""
    app.step()  # the title looks for saves and the tutorial memory after its first frame
    assert focused_key(app) == "title:Guided first game"
    press(app, pygame.K_RETURN)
    assert app.stack.top.heading == "A guided first game"
    press(app, pygame.K_RETURN)  # Begin


def follow_the_coach(app, coached: list[str], limit: int = 400) -> None:
    """Play on: take the coach's suggestions; elsewhere play as the classroom test does."""
    suggestion: list[str] = []
    for _ in range(limit):
        top = app.stack.top
        kind = type(top).__name__
        if kind == "EndScene":
            return
        if kind == "CoachScene":
            coached.append(top.heading)
            suggestion = [f"action:{a.text()}" for a in _suggested(top)] or suggestion
            tab_to(app, Drive, "coach:go")
            press(app, pygame.K_RETURN)
        elif kind == "OrdersScene" and suggestion:
            for k in suggestion:
                if k in keys(app):
                    tab_to(app, Drive, k)
                    press(app, pygame.K_RETURN)
            suggestion = []
            if app.stack.top is top:  # else the review of the orders is already open
                tab_to(app, Drive, "orders:confirm")
                press(app, pygame.K_RETURN)
        else:
            play_screen(app, Drive)
    raise AssertionError(f"the game did not end; stuck on {type(app.stack.top).__name__}")


def _suggested(scene):
    from game.guide.tutorial import suggested
    step = scene.step
    return suggested(step, scene.tutorial.role) if not isinstance(step, str) else ()


def test_a_new_student_is_guided_then_plays_on_to_the_end(app, tmp_path):
    """Title (first run) -> welcome -> a coach step for each idea -> farewell -> End."""
    start_guided(app)
    coached: list[str] = []
    follow_the_coach(app, coached)
    steps = app.stack.top.flow.tutorial.steps
    assert coached[-1] == "The coach steps back"
    shown = [t.removeprefix("Coach: ") for t in coached[:-1]]
    fixed = [s.title for s in steps if s.moment != "answers"]  # answering waits for an offer
    assert [t for t in shown if t in fixed] == fixed and len(set(shown)) == len(shown)
    assert app.stack.top.session.state.round == 10 or app.stack.top.session.state.over
    memory = json.loads((tmp_path / "data" / "tutorial.json").read_text())
    assert memory["answered"] is True


def test_leaving_is_for_good_and_the_title_no_longer_offers_it_first(app, make_app, tmp_path):
    """Leave at the first coach step: no coach screen again; a new title no longer offers the
    guided game first (it is not focused, and New game comes before it)."""
    start_guided(app)
    for _ in range(20):
        if type(app.stack.top).__name__ == "CoachScene":
            break
        press(app, pygame.K_RETURN)
    tab_to(app, Drive, "coach:leave")
    press(app, pygame.K_RETURN)
    coached: list[str] = []
    follow_the_coach(app, coached)
    assert coached == []
    again = make_app()
    again.step()
    assert focused_key(again) != "title:Guided first game"
    order = keys(again)
    assert order.index("title:New game") < order.index("title:Guided first game")


def test_the_end_screen_opens_a_what_if_that_plays_a_branch(app):
    """End -> What if…? -> the coach's pick -> both games side by side -> export."""
    start_guided(app)
    follow_the_coach(app, [])
    tab_to(app, Drive, "end:whatif")
    press(app, pygame.K_RETURN)
    assert type(app.stack.top).__name__ == "WhatIfScene"
    picks = [k for k in keys(app) if k.startswith("whatif:pick:")]
    assert picks, "a guided game has decisions the coach can point at"
    tab_to(app, Drive, picks[0])
    press(app, pygame.K_RETURN)
    assert app.stack.top.stage == "result"
    text = " ".join(t for w in _walk(app) for t in w.texts())
    assert "What if Washington had" in text and "Ending:" in text
    tab_to(app, Drive, "whatif:export")
    press(app, pygame.K_RETURN)
    assert "Saved:" in find(app, "whatif:export").detail
    press(app, pygame.K_ESCAPE)  # back to the round step
    press(app, pygame.K_ESCAPE)  # back to the End screen
    assert type(app.stack.top).__name__ == "EndScene"


def test_a_what_if_built_by_hand_from_the_keyboard(app):
    """Round 2 -> Moscow (an AI seat) -> its orders -> nothing -> play the branch."""
    start_guided(app)
    follow_the_coach(app, [])
    tab_to(app, Drive, "end:whatif")
    press(app, pygame.K_RETURN)
    tab_to(app, Drive, "whatif:round:Round 2")
    press(app, pygame.K_RETURN)
    tab_to(app, Drive, "whatif:role:Moscow")
    press(app, pygame.K_RETURN)
    if app.stack.top.stage == "kind":
        tab_to(app, Drive, "whatif:kind:Its orders")
        press(app, pygame.K_RETURN)
    assert app.stack.top.stage == "orders"
    tab_to(app, Drive, "whatif:play")
    press(app, pygame.K_RETURN)
    assert app.stack.top.stage == "result"
    assert "What if Moscow had ordered nothing in round 2?" in " ".join(
        t for w in _walk(app) for t in w.texts())


def _walk(app):
    from game.ui.base import walk
    return list(walk(app.stack.top.ensure_root()))
