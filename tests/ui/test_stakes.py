"""What an order puts at stake reads the same in the window, the text mode and the hosted
pages, and a legal instrument's odds (which name a team's exact support) stay on that
team's own screen: never on a shared screen or the hosted board."""

from __future__ import annotations

import io
import json

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.cli.main import build_parser
from game.model.actions import Action
from game.net import texts as net_texts
from game.rules import ratification_odds
from game.textui.console import Console
from game.textui.main import run_text
from game.ui.base import walk
from game.ui.screenshots import ScriptedGame
from game.words import _
from game.words.stakes import demand_lines, stake_line
from tests.net.conftest import make_game

ODDS_WORDS = _("Ratification odds now {odds}%").split("{")[0]


def _shown(scene) -> str:
    return "\n".join(t for w in walk(scene.ensure_root()) for t in w.texts())


def _window_screens(app):
    """(scene, its texts) for every screen of a scripted classroom game's first round."""
    game = ScriptedGame(app)
    for _name in game.play(every=True):
        top = app.stack.top
        if getattr(top, "flow", None) is None:
            continue  # not yet in the game
        if top.session.state.round > 1:
            return
        yield top, _shown(top)


def _text_mode(role: str, out: io.StringIO, data_dir, monkeypatch) -> str:
    monkeypatch.setenv("DETENTE_DATA_DIR", str(data_dir))
    args = build_parser().parse_args(["text", "--seed", "5", "--human", role, "--rounds", "1"])
    assert run_text(args, Console(io.StringIO("\ndone\ny\n"), out, interactive=False)) == 0
    return out.getvalue()


def test_window_orders_cards_and_shared_screens(app):
    """Each orders card carries its stake line (the team's own odds); the shared screens
    carry the standing demand with its cost now and never any odds."""
    orders_seen = shared_seen = 0
    for scene, text in _window_screens(app):
        session = scene.session
        if getattr(scene, "shared", False):
            shared_seen += 1
            assert ODDS_WORDS not in text, f"{type(scene).__name__} shows ratification odds"
            if type(scene).__name__ == "EventScene":
                assert all(line in text for line in demand_lines(session.state, session.game))
        elif type(scene).__name__ == "OrdersScene":
            orders_seen += 1
            for action in scene._listed():
                assert action.role == scene.viewer
                stake = stake_line(session.state, session.game, action)
                assert stake in text
            assert all(line in text for line in demand_lines(session.state, session.game))
    assert orders_seen >= 3 and shared_seen >= 3


def test_the_odds_reach_the_window_the_text_mode_and_the_pages_in_the_same_words(
        app, tmp_path, monkeypatch):
    """Washington's legal guarantee at round 1: one sentence, in all three front ends."""
    scene = next(s for s, _t in _window_screens(app)
                 if type(s).__name__ == "OrdersScene" and s.viewer == "washington")
    session = scene.session
    rated = [a for a in scene._listed() if ratification_odds(session.state, session.game, a) is not None]
    assert rated, "the default scenario offers a legal instrument in round 1"
    line = stake_line(session.state, session.game, rated[0])
    assert line.startswith(ODDS_WORDS) and str(session.state.support["washington"]) in line
    assert line in _shown(scene)

    text = _text_mode("washington", io.StringIO(), tmp_path / "text", monkeypatch)
    hosted = make_game(tmp_path, session.scenario, seed=5)
    assert hosted.session.state.support == session.state.support  # the same opening
    assert line in text

    item = next(m for m in hosted.team_data("washington")["menu"]
                if m["id"] == rated[0].text())
    assert item["stake"] == line
    assert _(net_texts.TEXTS["odds_line"]).format(**item) == line  # what the page shows


def test_the_standing_demand_reads_the_same_on_every_front_end(app, tmp_path, monkeypatch):
    scene = next(s for s, _t in _window_screens(app) if type(s).__name__ == "EventScene")
    session = scene.session
    lines = demand_lines(session.state, session.game)
    assert len(lines) == 1 and "Moscow" in lines[0]
    assert lines[0] in _shown(scene)
    assert lines[0] in _text_mode("moscow", io.StringIO(), tmp_path / "text", monkeypatch)
    hosted = make_game(tmp_path, session.scenario, seed=5)
    row, = hosted.board_data()["demands"]
    T = net_texts.TEXTS
    assert _(T["demand_line"]).format(**row) + _(T["demand_cost"]).format(**row) == lines[0]


def test_the_hosted_board_never_shows_odds(tmp_path):
    hosted = make_game(tmp_path, load_for_play(DEFAULT_SCENARIO), seed=5)
    board = json.dumps(hosted.board_data())
    assert ODDS_WORDS not in board and '"stake"' not in board and '"odds"' not in board
    assert all(Action.from_text(m["id"]).role == role
               for role in hosted.session.scenario.role_ids
               for m in hosted.team_data(role)["menu"] if m["stake"])


def test_an_offer_that_backs_down_names_its_cost_as_the_pages_do(tmp_path):
    """Accepting a step Moscow's demand rules out backs down from it: the responses screen
    and the hosted offer card give the same sentence; other roles see nothing."""
    from game.words.stakes import accept_line

    hosted = make_game(tmp_path, load_for_play(DEFAULT_SCENARIO), seed=5)
    state, game = hosted.session.state, hosted.session.game
    (role, demand_id), = state.demands
    demand = next(d for d in game.scenario.demands if d.id == demand_id)
    ruled_out = demand.backed_down_by[0]
    line = accept_line(state, game, role, ruled_out)
    label = game.scenario.role(role).domestic_label
    page = _(net_texts.TEXTS["backing_down"]).format(
        backing_down=hosted_cost(hosted, role, ruled_out), support_label=label)
    assert line == page and label in line
    assert accept_line(state, game, next(r for r in game.roles if r != role), ruled_out) == ""


def hosted_cost(hosted, role: str, action_id: str) -> int:
    from game.net.stakes import backing_down
    return backing_down(hosted.session.state, hosted.session.game, role, action_id)
