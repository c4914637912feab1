"""The talks timer is saved with the hosted game's seats and survives a restart of the host:
a paused timer keeps its time left, a running one has kept running in the room meanwhile."""

from __future__ import annotations

import json

import pytest

from game.net.hosted import HostedGame, NetError
from game.net.seats import SeatError, load_secrets
from game.net.timer import Timer


class Clocks:
    """A monotonic clock and a wall clock that the test moves on by hand."""

    def __init__(self) -> None:
        self.mono, self.wall = 100.0, 1_800_000_000.0

    def wait(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds


def restart(hosted: HostedGame, clocks: Clocks, down: float) -> HostedGame:
    """The host stops, stays down for `down` seconds (a new process: a new monotonic clock)
    and starts again from the saved game and seats."""
    clocks.wall += down
    clocks.mono = 5.0
    found = load_secrets(hosted.secrets_path)
    return HostedGame(hosted.session, found, hosted.secrets_path, hosted.join_url,
                      clock=lambda: clocks.mono, wall=lambda: clocks.wall)


@pytest.fixture
def clocks(hosted) -> Clocks:
    found = Clocks()
    hosted.clock, hosted.wall = (lambda: found.mono), (lambda: found.wall)
    return found


def test_a_paused_timer_keeps_its_time_left_through_a_restart(hosted, clocks):
    hosted.facilitate("timer_start", 5)
    clocks.wait(80)
    hosted.facilitate("timer_pause")
    again = restart(hosted, clocks, down=600)
    assert again.timer_data() == {"running": False, "left": 220.0}
    again.facilitate("timer_resume")
    clocks.wait(20)
    assert again.timer_data() == {"running": True, "left": 200.0}


def test_a_running_timer_goes_on_counting_while_the_host_is_down(hosted, clocks):
    hosted.facilitate("timer_start", 5)
    clocks.wait(60)  # no change to the game meanwhile: the saved timer is from the start
    again = restart(hosted, clocks, down=30)
    assert again.timer_data() == {"running": True, "left": 210.0}
    clocks.wait(10)
    assert again.timer_data() == {"running": True, "left": 200.0}


def test_a_timer_that_ran_out_while_the_host_was_down_says_time_is_up(hosted, clocks):
    hosted.facilitate("timer_start", 1)
    again = restart(hosted, clocks, down=3600)
    assert again.timer_data() == {"running": False, "left": 0.0}


def test_a_game_saved_without_a_timer_starts_with_none(hosted, clocks):
    data = json.loads(hosted.secrets_path.read_text())
    del data["timer"]
    hosted.secrets_path.write_text(json.dumps(data))
    assert restart(hosted, clocks, down=5).timer_data() == {"running": False, "left": 0.0}


@pytest.mark.parametrize("bad", [{"left": "5"}, {"left": -1, "running": True, "at": 0},
                                 {"left": 5, "running": 1, "at": 0}, []])
def test_a_damaged_timer_in_the_seats_file_is_refused_in_words(hosted, bad):
    data = json.loads(hosted.secrets_path.read_text())
    data["timer"] = bad
    hosted.secrets_path.write_text(json.dumps(data))
    with pytest.raises(SeatError, match="start a new game with --new"):
        load_secrets(hosted.secrets_path)


def test_the_saved_timer_is_plain_data():
    timer = Timer()
    timer.start(90, now=10.0)
    saved = timer.saved(now=40.0, wall=1000.0)
    assert saved == {"left": 60.0, "running": True, "at": 1000.0}
    assert Timer.restored(saved, now=0.0, wall=1015.0).left(0.0) == 45.0


def _orders_in(game, tag):
    for role in game.session.waiting_for():
        game.submit_orders(role, f"{tag}-{role}-key", [], wait=True)
    while game.session.state.phase.value == "responses":  # answers to any offer: declined
        role = game.session.waiting_for()[0]
        decisions = {o["key"]: False for o in game.team_data(role)["offers"]}
        game.submit_responses(role, f"{tag}-{role}-ans", decisions)


def test_the_timer_is_for_one_round_only(hosted, clocks):
    """A timer started in one round is gone when the next opens (the README: "for this round
    only"), running or paused: the facilitator starts it again for the new round's talks."""
    hosted.facilitate("timer_start", 3)
    clocks.wait(30)
    _orders_in(hosted, "r1")
    assert hosted.session.state.round == 2
    assert hosted.timer_data() == {"running": False, "left": 0.0}
    hosted.facilitate("timer_start", 2)
    hosted.facilitate("timer_pause")
    _orders_in(hosted, "r2")
    assert hosted.session.state.round == 3
    assert hosted.timer_data() == {"running": False, "left": 0.0}
    assert load_secrets(hosted.secrets_path).timer["left"] == 0


def test_once_a_package_is_agreed_no_talks_timer_runs(hosted, clocks):
    """A bilateral deal closes the talks for every delegation: the running timer stops, the
    desk says why, and the facilitator cannot start, resume or lengthen it."""
    while hosted.team_data("washington")["talks"]["closed"]:
        _orders_in(hosted, f"r{hosted.session.state.round}")
    hosted.facilitate("timer_start", 3)
    assert hosted.host_data()["talks_over"] == ""
    hosted.submit_talk("washington", "deal-propose-1", {"kind": "propose", "to": ["moscow"],
                                                         "terms": {"assurance": "written"}})
    hosted.submit_talk("moscow", "deal-accept-01", {"kind": "accept", "ref": 1})
    assert hosted.session.state.agreement is not None
    assert hosted.timer_data() == {"running": False, "left": 0.0}
    over = hosted.host_data()["talks_over"]
    assert "agreed" in over
    for command, arg in (("timer_start", 3), ("timer_resume", None), ("timer_add", 60)):
        with pytest.raises(NetError, match="No talks timer: a package has been agreed"):
            hosted.facilitate(command, arg)
    assert hosted.timer_data()["running"] is False
