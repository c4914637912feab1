"""The guided first game and the what-if chooser in the window, driven by posted keys."""

import json
import re

import pygame
import pytest

from game.ai import PERSONAS
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


def card_on(app):
    """The coach's card on the top screen, or None."""
    from game.ui.base import walk
    return next((w for w in walk(app.stack.top.ensure_root()) if w.key == "coach:card"), None)


def card_title(card) -> str:
    return card.items[1].text


def follow_the_coach(app, coached: list[str], limit: int = 400, check=None) -> None:
    """Play on: read each card (and check it with `check`), take the coach's suggestions
    (the cards marked ★), then play as the classroom test does."""
    for _ in range(limit):
        top = app.stack.top
        kind = type(top).__name__
        if kind == "EndScene":
            return
        card = card_on(app)
        if kind == "ResolutionScene" and top.playing():
            play_screen(app, Drive)  # any key: the rest of the ledger, then the card
        elif card is not None:
            coached.append(card.items[0].text + " " + card_title(card))
            if check:
                check(app, card)
            if kind == "OrdersScene":
                for k in [w.key for w in top.focus.focusables(top.ensure_root())
                          if getattr(w, "marked", False)]:
                    if app.stack.top is top and k in keys(app):
                        tab_to(app, Drive, k)
                        press(app, pygame.K_RETURN)
                if app.stack.top is not top:  # the review of the orders opened: send them
                    play_screen(app, Drive)
                    continue
            if card_on(app) is not None:
                tab_to(app, Drive, "coach:go")
                press(app, pygame.K_RETURN)
        elif kind == "CoachScene":
            coached.append(top.heading)
            press(app, pygame.K_RETURN)
        else:
            play_screen(app, Drive)
    raise AssertionError(f"the game did not end; stuck on {type(app.stack.top).__name__}")


def test_a_new_student_is_guided_then_plays_on_to_the_end(app, tmp_path):
    """Title (first run) -> welcome -> a card for each idea on the screen it is about,
    numbered as shown -> farewell -> End."""
    start_guided(app)
    coached: list[str] = []
    follow_the_coach(app, coached)
    steps = app.stack.top.flow.tutorial.steps
    assert coached[-1] == "The coach steps back"
    cards = coached[:-1]
    numbers = [int(c.split("STEP ")[1].split(" OF")[0]) for c in cards]
    assert numbers == list(range(1, len(cards) + 1)), "the steps are counted as shown"
    shown = [c.split(" OF ")[1].split(" ", 1)[1] for c in cards]
    fixed = [s.title for s in steps if s.moment != "answers"]  # answering waits for an offer
    assert [t for t in shown if t in fixed] == fixed and len(set(shown)) == len(shown)
    assert app.stack.top.session.state.round == 10 or app.stack.top.session.state.over
    memory = json.loads((tmp_path / "data" / "tutorial.json").read_text())
    assert memory["answered"] is True


def test_cards_sit_beside_the_board_and_point_at_what_is_shown(make_app):
    """At the projector sizes: the card never covers the board and lies in the window,
    the coach's suggestions are marked ★ and the first holds the focus, and a card about
    the ledger has ledger lines on screen above it."""
    from game.ui.base import walk
    from game.ui.containers import ScrollView
    from game.ui.play.board.cell import Cell

    def check(app, card):
        root = app.stack.top.ensure_root()
        assert app.surface.get_rect().contains(card.rect)
        for cell in (w for w in walk(root) if isinstance(w, Cell)):
            assert not cell.rect.colliderect(card.rect), type(cell).__name__
        top = app.stack.top
        if type(top).__name__ == "OrdersScene" and top.flow.suggested(top.viewer) and \
                not top.chosen:
            marked = [w for w in walk(root) if getattr(w, "marked", False)]
            assert marked and all(w.text.startswith("★") for w in marked)
            assert focused_key(app) in {w.key for w in marked}
        if type(top).__name__ == "ResolutionScene":
            view = next(w for w in walk(root) if isinstance(w, ScrollView))
            ledger = [w for w in walk(view) if type(w).__name__ == "Label" and "→" in w.text
                      and view.rect.contains(w.rect)]
            assert ledger and all(w.rect.bottom <= card.rect.top for w in ledger)

    for scale, size in ((1.0, (1280, 720)), (2.0, (1280, 720)), (2.0, (1920, 1080))):
        app = make_app(scale, size=size)
        app.stack.push(app.screens.make("tutorial"))  # as "Guided first game" on the title
        press(app, pygame.K_RETURN)  # Begin
        coached: list[str] = []
        follow_the_coach(app, coached, check=check)
        assert len(coached) > 5


def test_leaving_is_for_good_and_the_title_no_longer_offers_it_first(app, make_app, tmp_path):
    """Leave at the first card: no card again; a new title no longer offers the guided
    game first (it is not focused, and New game comes before it)."""
    start_guided(app)
    for _ in range(20):
        if card_on(app) is not None:
            break
        play_screen(app, Drive)
    tab_to(app, Drive, "coach:leave")
    press(app, pygame.K_RETURN)
    assert card_on(app) is None
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
    shown = " ".join(t for w in _walk(app) for t in w.texts())
    assert "Moscow, 2011 position" in shown, "an AI seat is named by its position in neutral words"
    assert not re.search(rf"\bAI: ({'|'.join(PERSONAS)})\b", shown), "no persona id reaches students"
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
