"""A solo game played with mouse clicks only (wheel scrolling where needed)."""

import pygame

from game.ui.play.end import EndScene


def click_key(app, drive, key: str) -> None:
    """Scroll the widget into view with the wheel if needed, then click it."""
    for _ in range(200):
        widget = drive.find(app, key)
        clip = widget.clip or app.surface.get_rect()
        if clip.contains(widget.rect):
            drive.click(app, widget.rect.center)
            return
        down = widget.rect.top > clip.top
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=clip.center, rel=(0, 0),
                                             buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1 if down else 1,
                                             flipped=False, precise_x=0.0, precise_y=0.0))
        app.step()
    raise AssertionError(f"could not scroll {key} into view")


def test_solo_game_by_mouse(make_app, drive):
    """Solo mode: one human team, AI for the rest; clicks reach the End screen."""
    app = make_app(1.0)
    click_key(app, drive, "title:New game")
    mode = drive.find(app, "new:mode")
    drive.click(app, (mode.rect.right - 10, mode.rect.centery))  # right half: next value
    assert app.stack.top.mode == "solo"
    human = [r for r, s in app.stack.top.seats.items() if s == "human"]
    assert len(human) == 1
    click_key(app, drive, "new:rounds")  # a click on the right half adds a round
    rounds = app.stack.top.rounds
    click_key(app, drive, "new:start")
    seen = set()
    for _ in range(300):
        top = app.stack.top
        kind = type(top).__name__
        seen.add(kind)
        if isinstance(top, EndScene):
            break
        if kind == "OrdersScene":
            actions = [k for k in _keys(app) if k.startswith("action:")]
            if actions:
                click_key(app, drive, actions[0])
                continue
            click_key(app, drive, "orders:confirm")
        elif kind == "ConfirmScene":  # the review of the orders: send them
            click_key(app, drive, "confirm:yes")
        elif kind == "ResponsesScene":
            todo = [k for k in _keys(app) if k.startswith("decline:")
                    and not drive.find(app, k).selected and not drive.find(
                        app, "accept:" + k.split(":", 1)[1]).selected]
            click_key(app, drive, todo[0] if todo else "responses:confirm")
        elif kind == "ResolutionScene" and top.playing():
            top.started -= top.ARM_S  # the moment in which a click is ignored has passed
            drive.click(app, (5, 5))  # any click shows the whole ledger at once
        else:
            click_key(app, drive, _keys(app)[0])
    assert isinstance(app.stack.top, EndScene)
    assert app.stack.top.session.state.round == rounds
    assert "HandoffScene" not in seen  # one human team: nothing to hide from anyone


def _keys(app):
    scene = app.stack.top
    return [w.key for w in scene.focus.focusables(scene.ensure_root())]


def test_clicking_the_arrows_of_a_stepper(app, drive):
    """A click on ▶ steps on and a click on ◀ steps back, though both arrows sit in the
    left half of a wide button."""
    click_key(app, drive, "title:New game")
    rounds = drive.find(app, "new:rounds")
    font = app.ui.font("body", True)
    dx, _ = rounds._inner(app.ui, rounds.rect.width)
    left = rounds.rect.x + dx + font.size(rounds._before)[0] - font.size("◀ ")[0] // 2
    right = rounds.rect.x + dx + font.size(f"{rounds._before}{rounds._value} ")[0] + \
        font.size("▶")[0] // 2
    assert right < rounds.rect.centerx  # the arrows really are in the left half
    click_key(app, drive, "new:rounds")  # scrolled into view; a click on the right half
    before = app.stack.top.rounds
    rounds = drive.find(app, "new:rounds")
    y = rounds.rect.y + app.ui.m.px("gap") + font.get_linesize() // 2
    drive.click(app, (right, y))
    assert app.stack.top.rounds == before + 1
    drive.click(app, (left, y))
    drive.click(app, (left, y))
    assert app.stack.top.rounds == before - 1


def test_solo_event_card_speaks_to_one_player(app):
    """Solo: no face-to-face talks, no talks timer by default, one button to the orders."""
    from game.ui.base import walk
    from game.ui.screenshots import ScriptedGame
    for _ in ScriptedGame(app, solo=True).play(every=True):
        if type(app.stack.top).__name__ == "EventScene":
            break
    top = app.stack.top
    text = " ".join(t for w in walk(top.ensure_root()) for t in w.texts())
    assert "face to face" not in text and "Choose our orders" in text
    assert not top.flow.timer.enabled
    assert "talks timer" not in " ".join(w.texts()[0] for w in walk(top.ensure_root())
                                         if w.focusable)  # no dead timer button
