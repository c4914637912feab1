"""The window plays any scenario: no role id is hard-coded (here, a two-role scenario)."""

from pathlib import Path

import pytest

from game.ui import services
from game.ui.screenshots import ScriptedGame
from tests.ui.test_overflow import problems

TWO_ROLES = Path(__file__).resolve().parents[1] / "golden" / "two-roles.yaml"


@pytest.mark.skipif(not TWO_ROLES.is_file(), reason="the two-role scenario is not in this tree")
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_two_role_scenario_plays_to_the_end(make_app, monkeypatch, scale):
    """Two roles: the trust 'triangle' has two nodes and two arrows; every screen fits."""
    monkeypatch.setattr(services, "scenario_files", lambda: [TWO_ROLES])
    app = make_app(scale)
    names = []
    for name in ScriptedGame(app).play():
        app.draw()
        assert problems(app) == [], name
        names.append(name)
    assert names[-1] == "end"
    session = app.stack.top.session
    assert session.scenario.id == "two_roles" and len(session.scenario.role_ids) == 2
    assert session.state.over


def test_broken_scenario_is_listed_with_its_problem(make_app, monkeypatch, tmp_path):
    """A scenario file that does not load is offered with its error, and cannot be started."""
    bad = tmp_path / "broken.yaml"
    bad.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(services, "scenario_files", lambda: [bad])
    app = make_app()
    app.stack.top.new_game()
    scene = app.stack.top
    texts = " ".join(t for w in scene.focus.focusables(scene.ensure_root()) for t in w.texts())
    assert scene.scenario is None and "new:start" not in texts
    from game.ui.base import walk
    shown = " ".join(t for w in walk(scene.ensure_root()) for t in w.texts())
    assert "cannot be played" in shown
