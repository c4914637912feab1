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


def test_each_part_of_the_board_changes_with_its_own_entry(make_app):
    """A written assurance read out entry by entry: the commitment appears once its
    action's entries are read, not before; the fog ranges and the phase stay as they
    were until the reading ends; trust and tension follow their own entries."""
    from game.model.actions import Action, Orders
    from game.ui.play.flow import GameFlow
    from game.ui.services import default_scenario, load_scenario
    app = make_app()
    sc = load_scenario(default_scenario())
    seats = dict.fromkeys(sc.role_ids, "human")
    session = app.services.start(sc, default_scenario(), 2011, seats, 3)
    flow = GameFlow(app, session, 5)
    flow.event_shown()
    start = flow.round_views[1]
    promise = Action.from_text(f"{sc.role_ids[0]}:political_assurance@{sc.role_ids[1]}")
    assert promise in session.legal(sc.role_ids[0])
    for role in sc.role_ids:
        session.submit(Orders(role, (promise,) if role == sc.role_ids[0] else ()))
    record = session.state.records[-1]
    scene = ResolutionScene(flow, record, clock=FakeClock())
    app.stack.push(scene)
    entries = scene.entries()
    mine = [i for i, e in enumerate(entries) if e.source == promise.text()]
    assert mine, "the assurance moved a meter"
    view = session.view(None)
    for k in range(1, len(entries)):
        scene.started = scene.clock() - (k - 1) * scene.STEP_S - 0.01
        assert scene.shown() == k and scene.playing()
        board = scene.board_view(view)
        made = any(c.action_id == "political_assurance" for c in board.commitments)
        assert made == (k > mine[-1]), k
        assert board.support == start.support and board.phase == start.phase
        tension = [e for e in entries[:k] if e.meter == "tension"]
        if tension:
            assert board.tension == tension[-1].after
    scene.skip()
    assert any(c.action_id == "political_assurance" for c in scene.board_view(view).commitments)
