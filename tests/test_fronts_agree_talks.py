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
TEXT_OPTION = re.compile(r"^ {7}(\d+)\) (.+?)(  \(.*\))?$")
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
