"""The results screen reads the ledger out one entry at a time, then sleeps."""

from game.ui.base import walk
from game.ui.play.results import ResolutionScene
from game.ui.screenshots import ScriptedGame


def first_resolution(app):
    """Play the scripted game up to its first resolution screen."""
    for _ in ScriptedGame(app).play(every=True):
        if isinstance(app.stack.top, ResolutionScene):
            return app.stack.top
    raise AssertionError("no resolution screen")


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def texts(scene) -> list[str]:
    return [t for w in walk(scene.ensure_root()) for t in w.texts()]


def stepped(app):
    """The first resolution screen on a clock the test moves."""
    scene = first_resolution(app)
    scene.clock = FakeClock()
    scene.started = scene.clock()
    scene.invalidate()
    return scene


def test_resolution_shows_orders_and_ledger_by_cause(app):
    """Once revealed, every order and every ledger entry of the round is on the screen."""
    scene = first_resolution(app)
    scene.skip()
    shown = " ".join(texts(scene))
    assert "Orders revealed" in shown
    entries = scene.session.view(None).ledger(scene.record.round)
    assert entries and all(f"{e.before} → {e.after}" in shown for e in entries)


def test_the_ledger_is_read_out_one_entry_at_a_time(app):
    """Each step adds one entry, and the board marks the meter it moved, before → after."""
    scene = stepped(app)
    entries = scene.entries()
    assert len(entries) > 2 and scene.shown() == 1 and scene.playing()
    first = entries[0]
    assert scene.highlight() == {first.meter: (first.before, first.after)}
    assert f"{first.before} → {first.after}" in " ".join(texts(scene))
    assert not any(k == "resolution:next" for k in (w.key for w in walk(scene.ensure_root())))
    scene.clock.now += scene.STEP_S
    assert scene.shown() == 2 and scene.update(0.1) is True
    second = entries[1]
    assert scene.highlight() == {second.meter: (second.before, second.after)}
    assert scene.next_tick() <= scene.STEP_S


def test_any_key_shows_the_rest_and_does_nothing_else(app, drive):
    import pygame
    scene = stepped(app)
    drive.press(app, pygame.K_RETURN)  # at once: a key left over from the orders
    assert app.stack.top is scene and scene.playing() and scene.shown() == 1
    scene.clock.now += scene.ARM_S + 0.01
    drive.press(app, pygame.K_RETURN)
    assert app.stack.top is scene and not scene.playing() and scene.highlight() == {}
    assert drive.focused_key(app) == "resolution:next"
    scene.flow.timer.pause()
    scene.update(0.1)
    assert scene.next_tick() is None  # nothing moves any more: the loop sleeps


def test_the_board_shows_the_end_of_that_round(app):
    """The next round's event has already moved tension; the results board does not show it."""
    scene = first_resolution(app)
    scene.skip()
    view = scene.session.view(None)
    this_round = [e for e in view.ledger(scene.record.round) if e.meter == "tension"]
    shown = scene.board_view(view)
    assert shown.round == scene.record.round
    if this_round:
        assert shown.tension == this_round[-1].after


def test_meters_part_way_come_from_the_ledger(app):
    """After k entries, each meter is the `after` of its last revealed entry."""
    from game.ui.play.rewind import view_at
    scene = first_resolution(app)
    view = scene.session.view(None)
    entries = view.ledger(scene.record.round)
    for k in range(len(entries) + 1):
        part = view_at(view, scene.record.round, k)
        tension = [e for e in entries[:k] if e.meter == "tension"]
        before = next((e.before for e in entries if e.meter == "tension"), None)
        expected = tension[-1].after if tension else before
        if expected is not None:
            assert part.tension == expected


def test_solo_resolution_explains_the_ai_and_shows_own_support(make_app):
    """Solo: AI delegations' reasoning is revealed; the human team sees its own support exactly."""
    app = make_app()
    for _ in ScriptedGame(app, solo=True).play(every=True):
        if isinstance(app.stack.top, ResolutionScene):
            break
    scene = app.stack.top
    scene.skip()
    human = scene.flow.shared_viewer
    assert human is not None and scene.view.role == human
    low, high = scene.view.support[human]
    assert low == high
    shown = " ".join(t for w in walk(scene.ensure_root()) for t in w.texts())
    assert "AI delegations' reasoning" in shown
    notes = scene.session.notes_for(scene.record.round)
    assert notes and all(n.role != human for n in notes)


def test_the_board_counts_the_round_being_shown(app):
    """"Round 1: what happened" has "Round 1 of N" on its board, not the next round."""
    scene = first_resolution(app)
    assert scene.session.state.round == 2
    shown = [t for w in walk(scene.ensure_root()) for t in w.texts()]
    assert any(t.startswith("Round 1 of ") for t in shown)
    assert not any(t.startswith("Round 2 of ") for t in shown)


def test_the_end_board_says_game_over_and_shows_no_clock(make_app):
    """At scale 2.0 the End screen's board says the game is over; the talks timer is gone."""
    from game.ui.play.end import EndScene
    app = make_app(2.0)
    for _ in ScriptedGame(app).play(every=True):
        if isinstance(app.stack.top, EndScene):
            break
    shown = texts(app.stack.top)
    assert any(t.endswith("game over") for t in shown)
    assert not any(t.startswith("Talks timer 0") for t in shown)
