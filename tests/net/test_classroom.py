"""What a class needs of a hosted game beyond the rules: orders that end only on an explicit
choice, refusals worded for players, a menu that keeps its shape, events brought in that the
whole room sees, a game that stays ended, and notices that belong to the state they describe."""

from __future__ import annotations

import re

import pytest

from game.net.hosted import NetError
from tests.net.conftest import make_game

INTERNAL_ID = re.compile(r"\b[a-z_]+:[a-z_]+(@[a-z_]+)?\b")


def open_ids(game, role):
    return [m["id"] for m in game.team_data(role)["menu"] if m["open"]]


def play_round(game, tag):
    for role in game.session.waiting_for():
        game.submit_orders(role, f"{tag}-{role}-key", [], wait=True)


# --- 1. orders end only on an explicit choice ------------------------------------------
def test_empty_orders_are_refused_unless_the_team_confirms_it_waits(hosted):
    with pytest.raises(NetError, match="at least one action"):
        hosted.submit_orders("moscow", "empty-key-1", [])
    with pytest.raises(NetError, match="not both"):
        hosted.submit_orders("moscow", "empty-key-2", open_ids(hosted, "moscow")[:1], wait=True)
    assert "moscow" in hosted.session.waiting_for()
    assert hosted.submit_orders("moscow", "empty-key-3", [], wait=True)["duplicate"] is False
    assert hosted.session.state.orders["moscow"] == ()


# --- 3. a team can never spend more points than it has; refusals name actions, not ids ----
def test_orders_over_the_points_are_refused_in_words(hosted):
    menu = hosted.team_data("nato")["menu"]
    cheap = [m for m in menu if m["open"] and m["cost"] == 1][:3]
    assert len(cheap) == 3 and hosted.session.scenario.rules.points_per_round == 2
    with pytest.raises(NetError) as refused:
        hosted.submit_orders("nato", "greedy-key", [m["id"] for m in cheap])
    message = str(refused.value)
    assert cheap[2]["label"] in message and "more than you have left" in message
    assert not INTERNAL_ID.search(message)
    assert "nato" not in hosted.session.state.orders


def test_an_order_not_open_is_refused_by_its_name(hosted):
    closed = next(m for m in hosted.team_data("nato")["menu"] if not m["open"])
    with pytest.raises(NetError) as refused:
        hosted.submit_orders("nato", "closed-key", [closed["id"]])
    assert closed["label"] in str(refused.value) and not INTERNAL_ID.search(str(refused.value))


# --- 11. the menu keeps its shape; closed actions say why; offers name their targets -------
def test_the_menu_lists_every_order_in_the_same_order_each_round(hosted):
    first = hosted.team_data("washington")["menu"]
    play_round(hosted, "r1")
    second = hosted.team_data("washington")["menu"]
    assert [m["id"] for m in first] == [m["id"] for m in second]
    closed = [m for m in first if not m["open"]]
    assert closed and all(m["why"] and not INTERNAL_ID.search(m["why"]) for m in closed)
    assert all(m["why"] == "" for m in first if m["open"])
    offers = [m for m in first if m["offer"]]
    assert offers and all(m["offer_to"] in m["label"] for m in offers if m["offer_to"])


# --- 5. an event brought in is on every page and in the round's record -------------------
def test_an_event_brought_in_shows_on_every_page_and_in_the_record(hosted, scenario):
    drawn = hosted.board_data()["event"]
    event = next(e for e in scenario.events if drawn is None or e.title != drawn["title"])
    hosted.facilitate("inject", event.id)
    card = {"title": event.title, "text": event.text.strip()}
    assert hosted.board_data()["brought_in"] == [card]
    assert all(hosted.team_data(r)["brought_in"] == [card] for r in scenario.role_ids)
    assert hosted.host_data()["brought_in"] == [card]
    line = next(c for g in hosted.board_data()["so_far"] for c in g["changes"] if event.title in c)
    assert line.count(event.title) == 1 and "brought in by the facilitator" in line
    play_round(hosted, "inj")
    record = hosted.board_data()["records"][0]
    assert record["round"] == 1 and record["brought_in"] == [card]
    assert hosted.board_data()["brought_in"] == []  # the next round has none of its own


# --- 6. once the game is over, nothing changes it ---------------------------------------
@pytest.mark.parametrize("command,arg", [("undo", None), ("inject", "cold_water"), ("pause", None),
                                         ("end", None), ("timer_start", 5)])
def test_after_the_end_the_game_cannot_be_changed(hosted, command, arg):
    play_round(hosted, "before-end")
    hosted.facilitate("end")
    log, records = list(hosted.session.log), list(hosted.session.state.records)
    with pytest.raises(NetError, match="The game is over"):
        hosted.facilitate(command, arg)
    assert hosted.session.state.over and hosted.session.log == log
    assert hosted.session.state.records == records
    assert "closed" in hosted.facilitate("joining", False)


def test_after_the_end_no_team_can_submit(hosted):
    hosted.facilitate("end")
    with pytest.raises(NetError, match="The game is over"):
        hosted.submit_orders("nato", "late-key-1", [], wait=True)


# --- 4. a notice belongs to its state ----------------------------------------------------
def test_a_pause_ends_with_the_game(hosted):
    hosted.facilitate("pause")
    assert hosted.board_data()["paused"] and hosted.team_data("nato")["paused"]
    hosted.facilitate("end")
    assert not hosted.board_data()["paused"] and not hosted.team_data("nato")["paused"]
    assert not hosted.host_data()["paused"]


def test_a_game_saved_paused_and_over_is_not_shown_paused(tmp_path, scenario):
    game = make_game(tmp_path, scenario)
    game.session.end_now()
    game.secrets.paused = True
    game.facilitate("joining", True)
    assert not game.board_data()["paused"]


# --- 12. a link that no longer works says what to do -----------------------------------------
def test_a_bad_link_while_joining_is_closed_says_to_ask_for_the_link(hosted):
    with pytest.raises(NetError, match="join code"):
        hosted.role_for_token("not-a-token")
    hosted.facilitate("joining", False)
    with pytest.raises(NetError) as refused:
        hosted.role_for_token("not-a-token")
    assert "joining is closed" in str(refused.value) and "team's link" in str(refused.value)


# --- 7. a seat can change mid-game: a phone died, a team left -------------------------------
def test_the_facilitator_moves_a_team_between_device_hotseat_and_ai(hosted):
    old_token = hosted.secrets.seats["nato"].token
    assert "host's computer" in hosted.facilitate("seat", {"role": "nato", "kind": "hotseat"})
    with pytest.raises(NetError):
        hosted.role_for_token(old_token)  # the old link no longer works
    assert hosted.session.seats["nato"].human and hosted.hotseat_role("nato") == "nato"
    hosted.facilitate("seat", {"role": "moscow", "kind": "reciprocator"})
    assert "moscow" in hosted.session.state.orders  # the AI moved at once
    hosted.facilitate("seat", {"role": "nato", "kind": "device"})
    plan = hosted.secrets.seats["nato"]
    assert plan.token != old_token and hosted.role_for_token(plan.token) == "nato"
    assert len({p.code for p in hosted.secrets.seats.values() if p.code}) == 2
    kept = hosted.secrets.seats["washington"].token
    hosted.facilitate("seat", {"role": "washington", "kind": "device"})
    assert hosted.secrets.seats["washington"].token == kept


@pytest.mark.parametrize("arg", [None, {"role": "mars", "kind": "device"}, {"role": "nato", "kind": "wizard"},
                                 {"role": "nato"}])
def test_a_bad_seat_change_is_refused_in_words(hosted, arg):
    with pytest.raises(NetError):
        hosted.facilitate("seat", arg)
    assert hosted.secrets.seats["nato"].kind == "device"


def test_the_last_human_seat_cannot_become_ai(hosted):
    hosted.facilitate("seat", {"role": "nato", "kind": "reciprocator"})
    hosted.facilitate("seat", {"role": "moscow", "kind": "reciprocator"})
    with pytest.raises(NetError, match="At least one"):
        hosted.facilitate("seat", {"role": "washington", "kind": "reciprocator"})


def test_a_page_moved_off_its_device_is_closed_in_words(client, hosted):
    from tests.net.test_api import team, until

    ws, _data = team(client, hosted, "nato")
    hosted.facilitate("seat", {"role": "nato", "kind": "hotseat"})
    reply = until(ws, "error")
    assert reply["fatal"] and "seat changed" in reply["message"]
