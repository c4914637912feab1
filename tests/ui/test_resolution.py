"""The resolution screen reveals the round and animates the HUD's meters, then sleeps."""

from game.ui.base import walk
from game.ui.play.public import ResolutionScene, animated_view
from game.ui.screenshots import ScriptedGame


def first_resolution(app):
    """Play the scripted game up to its first resolution screen."""
    for _ in ScriptedGame(app).play(every=True):
        if isinstance(app.stack.top, ResolutionScene):
            return app.stack.top
    raise AssertionError("no resolution screen")


def test_resolution_shows_orders_and_ledger_by_cause(app):
    """Every revealed order and every ledger entry of the round is on the screen."""
    scene = first_resolution(app)
    shown = " ".join(t for w in walk(scene.ensure_root()) for t in w.texts())
    assert "Orders revealed" in shown
    entries = scene.session.view(None).ledger(scene.record.round)
    assert entries and all(f"{e.before} → {e.after}" in shown for e in entries)


def test_meters_move_then_the_loop_sleeps(app):
    """While animating the scene asks for frames; afterwards only the timer can wake it."""
    scene = first_resolution(app)
    assert scene.next_tick() == scene.FRAME_S
    scene.flow.timer.pause()
    scene.started -= scene.ANIMATION_S + 1
    assert scene.update(0.1) is True  # the final frame
    scene.ensure_root()  # drawn
    assert scene.next_tick() is None and scene.update(0.1) is False


def test_animated_view_interpolates_from_the_round_start(app):
    """Half-way, tension is half-way between its value before the round and now."""
    scene = first_resolution(app)
    view = scene.session.view(None)
    entries = view.ledger(scene.record.round)
    start = next(e.before for e in entries if e.meter == "tension")
    half = animated_view(view, entries, 0.5)
    assert half.tension == round(start + (view.tension - start) * 0.5)
    assert animated_view(view, entries, 1.0) is view


def test_solo_resolution_explains_the_ai_and_shows_own_support(make_app):
    """Solo: AI delegations' reasoning is revealed; the human team sees its own support exactly."""
    app = make_app()
    for _ in ScriptedGame(app, solo=True).play(every=True):
        if isinstance(app.stack.top, ResolutionScene):
            break
    scene = app.stack.top
    human = scene.flow.shared_viewer
    assert human is not None and scene.view.role == human
    low, high = scene.view.support[human]
    assert low == high
    shown = " ".join(t for w in walk(scene.ensure_root()) for t in w.texts())
    assert "AI delegations' reasoning" in shown
    notes = scene.session.notes_for(scene.record.round)
    assert notes and all(n.role != human for n in notes)


def test_hud_counts_the_round_being_shown(app):
    """'Round 1: what happened' has 'Round 1 of N' in its HUD, not the next round."""
    scene = first_resolution(app)
    assert scene.session.state.round == 2
    shown = [t for w in walk(scene.ensure_root()) for t in w.texts()]
    assert any(t.startswith("Round 1 of ") for t in shown)
    assert not any(t.startswith("Round 2 of ") for t in shown)


def test_narrow_strip_of_an_ended_game_has_no_timer(make_app):
    """At scale 2.0 the HUD is a strip above the page; once over it says so, no timer."""
    from game.ui.play.end import EndScene
    app = make_app(2.0)
    for _ in ScriptedGame(app).play(every=True):
        if isinstance(app.stack.top, EndScene):
            break
    shown = [t for w in walk(app.stack.top.ensure_root()) for t in w.texts()]
    strip = next(t for t in shown if t.startswith("Round ") and "Tension" in t)
    assert strip.endswith("game over") and "timer" not in strip
