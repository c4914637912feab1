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
    monkeypatch.setattr(services, "scenario_files", lambda extra=None: [(TWO_ROLES, "bundled")])
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


def test_broken_scenario_is_listed_with_checks_words(make_app, tmp_path):
    """A broken file in the user's scenarios folder is offered with what `main.py check`
    says about it, word for word, and cannot be started."""
    import io

    from game.authoring.check import run_check
    from game.ui.base import walk
    app = make_app()
    folder = services.user_scenario_dir()
    folder.mkdir(parents=True)
    bad = folder / "broken.yaml"
    bad.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    app.stack.top.new_game()
    scene = app.stack.top
    index = next(i for i, c in enumerate(scene.choices) if c.path == bad)
    assert scene.choices[index].origin == "your scenarios folder"
    scene.set_scenario(index)
    keys = [w.key for w in scene.focus.focusables(scene.ensure_root())]
    assert scene.scenario is None and "new:start" not in keys
    report = io.StringIO()
    run_check([str(bad)], out=report, err=report)
    shown = [t for w in walk(scene.ensure_root()) for t in w.texts()]
    assert all(line in shown for line in report.getvalue().splitlines())


def test_scenario_option_opens_new_game_with_it_chosen(make_app, tmp_path):
    """`main.py play --scenario FILE` opens New game with that file chosen."""
    import shutil
    mine = tmp_path / "my-case.yaml"
    shutil.copy(services.scenario_files()[0][0], mine)
    app = make_app()
    app.stack.push(app.screens.make("new_game", mine))
    scene = app.stack.top
    assert scene.choices[scene.index].path == mine and scene.scenario is not None
    assert scene.choices[scene.index].origin == "from the command line"


def test_a_missing_scenario_file_is_one_line_and_status_2(tmp_path, capsys):
    from game.ui.app import run_app
    assert run_app(["--scenario", str(tmp_path / "nope.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.yaml" in err
