"""The text mode, the window and the hosted pages show a team the same talks: the same
issues and options under the same numbers, the same proposals waiting for its answer and
the same proposals of its own, all as the one service (`game.session.talk_turn`) gives
them. Each front end is read as it renders."""

from __future__ import annotations

import io
import re

import pytest

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.model.actions import Talk
from game.net.talkdata import team_talks
from game.session.session import Seat, Session
from game.session.talk_turn import package_from_choices, talk_turn
from game.textui.console import Console
from game.textui.talks import TalksScreen
from tests.ui.conftest import config_dir, make_app  # noqa: F401  (fixtures for the window)

#: An option line of the text mode's issue list: `       2) A written political assurance`.
TEXT_OPTION = re.compile(r"^ {7}(\d+)\) (.+?)(  \(.*\))?(  \[.*\])?$")
#: The head of a proposal in the text mode: `  Proposal 1, round 1, from ...`.
TEXT_PROPOSAL = re.compile(r"^  \S+ (\d+), ")


@pytest.fixture(scope="module")
def session():
    """Round 1 with every team human: Washington proposes to Moscow and NATO, and Moscow
    proposes another package to Washington."""
    sc = load_for_play(DEFAULT_SCENARIO)
    s = Session(sc, 3, {r: Seat(True) for r in sc.role_ids})
    s.talk(Talk("washington", "propose", 0, ("moscow", "nato"),
                package_from_choices(s, {"assurance": "written", "centres": "coordinated"})))
    s.talk(Talk("moscow", "propose", 0, ("washington", "nato"),
                package_from_choices(s, {"assurance": "legal", "transparency": "criteria"})))
    return s


def service(session, role):
    now = talk_turn(session, role)
    options = [(i.id, o.number, o.name) for i in now.issues for o in i.options]
    return options, [p.id for p in now.waiting], [p.id for p in now.mine]


def text_mode(session, role):
    out = io.StringIO()
    screen = TalksScreen(session, Console(io.StringIO("i\nb\n"), out, interactive=False), role)
    screen.run()
    lines = out.getvalue().splitlines()
    now = talk_turn(session, role)
    names = iter([(i.id, o.name) for i in now.issues for o in i.options])
    options = []
    for line in lines:
        found = TEXT_OPTION.match(line)
        if found:
            issue, _name = next(names)
            options.append((issue, int(found.group(1)), found.group(2)))
    end = len(lines)
    waiting_at = next((n for n, x in enumerate(lines) if x.startswith("Waiting for your")), end)
    mine_at = next((n for n, x in enumerate(lines) if x.startswith("Your open proposals")), end)
    waiting = [int(m.group(1)) for x in lines[waiting_at:mine_at] if (m := TEXT_PROPOSAL.match(x))]
    mine = [int(m.group(1)) for x in lines[mine_at:] if (m := TEXT_PROPOSAL.match(x))]
    return options, waiting, sorted(set(mine))


def window(app, session, role):
    from game.ui.base import walk
    from game.ui.play.flow import GameFlow
    from game.ui.play.talks import TalksScene

    scene = TalksScene(GameFlow(app, session, 0, resumed=True), role)
    app.stack.push(scene)
    try:
        widgets = list(walk(scene.ensure_root()))
    finally:
        app.stack.pop()
    keys = [w.key for w in widgets if w.key]
    now = talk_turn(session, role)
    number = {(i.id, o.id): (o.number, o.name) for i in now.issues for o in i.options}
    options = [(k.split(":")[2], *number[(k.split(":")[2], k.split(":")[3])])
               for k in keys if k.startswith("talks:option:")]
    waiting = [int(k.rsplit(":", 1)[1]) for k in keys if k.startswith("talks:accept:")]
    mine = [int(k.rsplit(":", 1)[1]) for k in keys if k.startswith("talks:withdraw:")]
    return options, waiting, mine


def hosted(session, role):
    data = team_talks(session, role)
    options = [(i["id"], o["number"], o["name"]) for i in data["issues"] for o in i["options"]]
    return options, [p["id"] for p in data["waiting"]], [p["id"] for p in data["mine"]]


@pytest.mark.parametrize("role", ["washington", "moscow", "nato"])
def test_every_front_end_shows_the_same_talks(session, make_app, role):  # noqa: F811
    """Issues, options, numbers, proposals waiting and the team's own: alike everywhere."""
    expected = service(session, role)
    assert expected[1] or expected[2], "each team has a proposal to answer or its own"
    assert text_mode(session, role) == expected
    assert window(make_app(), session, role) == expected
    assert hosted(session, role) == expected


def window_text(app, session, role) -> str:
    from game.ui.base import walk
    from game.ui.play.flow import GameFlow
    from game.ui.play.talks import TalksScene

    scene = TalksScene(GameFlow(app, session, 0, resumed=True), role)
    app.stack.push(scene)
    try:
        return "\n".join(t for w in walk(scene.ensure_root()) for t in (*w.texts(),
                                                                          getattr(w, "detail", "")))
    finally:
        app.stack.pop()


def text_mode_text(session, role) -> str:
    out = io.StringIO()
    TalksScreen(session, Console(io.StringIO("i\nb\n"), out, interactive=False), role).run()
    return out.getvalue()


def _worth(value, away):
    return f"worth {value} to you; no agreement is worth {away} now."


@pytest.mark.parametrize("role", ["washington", "moscow", "nato"])
def test_every_front_end_shows_the_team_its_own_values(session, make_app, role):  # noqa: F811
    """A team's confidential instructions: its walk-away value now, its own value for each
    option and each proposal's worth to it against no agreement, on every front end."""
    from game.rules.values import walk_away

    now = talk_turn(session, role)
    away = walk_away(session.state, session.game, role)
    assert now.walk_away == away and str(away) in now.walk_away_line
    t = session.game.talks
    for issue in now.issues:
        for o in issue.options:
            assert o.value == t.option(issue.id, o.id).values.get(role, 0)
    for p in (*now.waiting, *now.mine):
        assert p.value == t.package_value(p.terms, role) and _worth(p.value, away) in p.worth
    text, win = text_mode_text(session, role), window_text(make_app(), session, role)
    data = team_talks(session, role)
    for shown in (text, win):
        assert now.walk_away_line in shown
        assert all(p.worth in shown for p in (*now.waiting, *now.mine))
    assert data["walk_away"] == away and data["walk_away_line"] == now.walk_away_line
    assert [o["value"] for i in data["issues"] for o in i["options"]] == \
        [o.value for i in now.issues for o in i.options]
    assert [p["worth"] for p in data["waiting"]] == [p.worth for p in now.waiting]


@pytest.mark.parametrize("role", ["washington", "moscow", "nato"])
def test_no_front_end_holds_another_teams_values(session, make_app, role):  # noqa: F811
    """Fog: the page data, the window and the text mode hold the team's own walk-away value
    and option values, never another team's."""
    from game.rules.values import walk_away

    t = session.game.talks
    data = team_talks(session, role)
    own = {(i["id"], o["id"]): o["value"] for i in data["issues"] for o in i["options"]}
    assert own == {(i, o): t.option(i, o).values.get(role, 0) for i in t.issues
                   for o in t.options[i]}
    others = [r for r in t.parties if r != role]
    texts = {"text": text_mode_text(session, role), "window": window_text(make_app(), session, role),
             "page": repr(data)}
    for other in others:
        away = walk_away(session.state, session.game, other)
        line = f"no agreement is worth {away} "
        if away != walk_away(session.state, session.game, role):
            for front, shown in texts.items():
                assert line not in shown.lower(), (front, other)
        for p in (*data["waiting"], *data["mine"]):
            theirs = t.package_value(tuple(p["terms"].items()), other)
            if theirs != p["value"]:
                for front, shown in texts.items():
                    assert f"package is worth {theirs} to you" not in shown, (front, other)
    for p in (*data["waiting"], *data["mine"]):
        assert set(p) >= {"value", "worth", "warnings"}
        assert not any(k.endswith("values") for k in p)


def test_ratification_odds_only_for_the_team_that_ratifies(make_app):  # noqa: F811
    """A package with the legal guarantee: Washington, which must ratify it, reads its exact
    odds in the words of the orders menu; Moscow reads only that Washington must ratify it,
    and that accepting leaves its public demand standing, with how to set it aside."""
    sc = load_for_play(DEFAULT_SCENARIO)
    s = Session(sc, 3, {r: Seat(True) for r in sc.role_ids})
    s.talk(Talk("washington", "propose", 0, ("moscow",),
                package_from_choices(s, {"assurance": "legal"})))
    rat = s.game.talks.option("assurance", "legal").ratification
    odds = f"Ratification odds now {rat.chance(s.state.support['washington'])}%"
    (mine,) = talk_turn(s, "washington").mine
    (theirs,) = talk_turn(s, "moscow").waiting
    assert any(odds in w for w in mine.warnings)
    assert not any("Ratification odds" in w for w in theirs.warnings)
    assert any("needs ratification by Washington" in w for w in theirs.warnings)
    standing = [d for r, d in s.state.demands if r == "moscow"]
    if standing:
        assert any("still stands" in w and "To set it aside" in w for w in theirs.warnings)
    text, win = text_mode_text(s, "moscow"), window_text(make_app(), s, "moscow")
    data = team_talks(s, "moscow")
    for shown in (text, win, repr(data)):
        assert "Ratification odds" not in shown
        assert all(w in shown for w in theirs.warnings)
    assert odds in text_mode_text(s, "washington")
    assert odds in window_text(make_app(), s, "washington")


def test_sent_names_the_proposal_on_every_front(make_app):  # noqa: F811
    """'Sent proposal N.' in the text mode, the window and the page data, and the text mode
    lists the team's open proposals after sending; an unknown command does not leave."""
    sc = load_for_play(DEFAULT_SCENARIO)
    s = Session(sc, 3, {r: Seat(True) for r in sc.role_ids})
    out = io.StringIO()
    keys = "x\np\n2\n\n\n\n\ny\nb\n"  # x: not a command; then a proposal to everyone
    TalksScreen(s, Console(io.StringIO(keys), out, interactive=False), "washington").run()
    (m,) = [m for m in s.state.talks if m.sender == "washington"]
    shown = out.getvalue()
    assert "'x' is not a talks command" in shown
    assert f"Sent proposal {m.id}." in shown
    assert shown.index(f"Sent proposal {m.id}.") < shown.rindex("Your open proposals:")
    assert talk_turn(s, "washington").sent == f"Sent proposal {m.id}."
    assert team_talks(s, "washington")["sent"] == f"Sent proposal {m.id}."
    assert f"Sent proposal {m.id}." in window_text(make_app(), s, "washington")
