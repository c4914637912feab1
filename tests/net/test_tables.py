"""A class at several tables on one host: each table its own game, codes, seats and board;
the facilitator's desk over all of them; every table saved and resumed."""

from __future__ import annotations

import argparse
import json

import pytest

import game.net.cli as cli
import game.net.guard as guard
import game.net.server as server
from game.net.hosted import NetError
from game.net.tables import MAX_TABLES, TableSpec, host_table_saves
from tests.net.conftest import close_all, served_client


@pytest.fixture(autouse=True)
def no_pin_delay(monkeypatch):
    monkeypatch.setattr(guard, "PIN_DELAY", 0.0)


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    return tmp_path


def options(**given):
    base = dict(new=False, scenario=None, rounds=None, seat=[], seed=5, tables=None)
    return argparse.Namespace(**{**base, **given})


@pytest.fixture
def room(data):
    return cli.open_class(options(new=True, tables=3), "http://127.0.0.1:8000/join")


@pytest.fixture
def client(room):
    with served_client(server.build_app(room)) as test_client:
        yield test_client
        close_all(test_client)


def connect(client, **hello):
    ws = client.websocket_connect("/ws")
    ws.__enter__()
    client.open_sockets = [*getattr(client, "open_sockets", []), ws]
    ws.send_json({"type": "hello", **hello})
    return ws


def until(ws, test, tries=40):
    for _ in range(tries):
        message = ws.receive_json()
        if test(message):
            return message
    raise AssertionError("no such message")


def state(ws):
    return until(ws, lambda m: m["type"] == "state")


# --- starting, saving, resuming --------------------------------------------------------
def test_tables_start_with_their_own_seeds_codes_and_folders(room, data):
    seeds = [t.game.session.seed for t in room.tables.values()]
    assert list(room.tables) == ["1", "2", "3"] and seeds == [5, 6, 7]
    codes = [p.code for t in room.tables.values() for p in t.game.secrets.seats.values()]
    assert len(codes) == len(set(codes)) == 9
    assert {t.game.secrets.pin for t in room.tables.values()} == {room.pin}
    assert host_table_saves() == [(str(n), data / "host" / f"table-{n}" / "game.json") for n in (1, 2, 3)]
    assert room.save_files() == [path for _n, path in host_table_saves()]
    assert oct((data / "host" / "tables.json").stat().st_mode & 0o777) == "0o600"


def test_a_restart_resumes_every_table_with_the_same_links(room, capsys):
    room.tables["2"].game.submit_orders("moscow", "resume-key-1", [], wait=True)
    tokens = {t.id: t.game.secrets.seats["nato"].token for t in room.tables.values()}
    again = cli.open_class(options(tables=5), "")
    assert {t.id: t.game.secrets.seats["nato"].token for t in again.tables.values()} == tokens
    assert "moscow" in again.tables["2"].game.session.state.orders
    assert [t.key for t in again.tables.values()] == [t.key for t in room.tables.values()]
    out = capsys.readouterr().out
    assert "Table 2: round 1" in out and "Ignored --tables" in out


def test_a_finished_table_is_kept_through_a_restart(room):
    room.tables["1"].game.facilitate("end")
    again = cli.open_class(options(), "")
    assert again.tables["1"].game.session.state.over and not again.tables["2"].game.session.state.over


def test_seats_on_a_resumed_class_of_tables_are_refused_in_one_line(room):
    with pytest.raises(cli.HostError, match="facilitator's page"):
        cli.open_class(options(seat=["nato=hotseat"]), "")


@pytest.mark.parametrize("count", [0, MAX_TABLES + 1])
def test_a_bad_number_of_tables_is_one_line_and_status_2(data, capsys, count):
    from game.cli.main import main

    assert main(["host", "--tables", str(count), "--port", "8765"]) == 2
    err = capsys.readouterr().err.strip()
    assert f"--tables {count}" in err and len(err.splitlines()) == 1
    assert not (data / "host" / "tables.json").exists()


def test_a_host_folder_from_before_tables_becomes_table_one(data, scenario, capsys):
    from game.net.seats import new_secrets, parse_seats, save_secrets
    from game.session.saves import save_session
    from game.session.session import Session

    folder = data / "host"
    plans = parse_seats(scenario.role_ids, [], lambda _n: None)
    found = new_secrets(plans)
    session = Session(scenario, 9, {r: p.session_seat("reciprocator") for r, p in plans.items()})
    save_session(session, folder / "game.json")
    save_secrets(found, folder / "seats.json")
    room = cli.open_class(options(), "")
    assert room.pin == found.pin and room.tables["1"].game.session.seed == 9
    assert room.tables["1"].game.secrets.seats["moscow"].token == found.seats["moscow"].token
    assert not (folder / "game.json").exists() and (folder / "table-1" / "game.json").exists()
    assert "table 1" in capsys.readouterr().out


def test_more_tables_start_from_the_desk_up_to_the_limit(room):
    table = room.start_table(TableSpec(seed=40, seats=("nato=hotseat",)))
    assert table.id == "4" and table.game.secrets.seats["nato"].kind == "hotseat"
    assert table.game.secrets.pin == room.pin and len(host_table_saves()) == 4
    while len(room.tables) < MAX_TABLES:
        room.start_table(TableSpec())
    with pytest.raises(NetError, match="at most"):
        room.start_table(TableSpec())


def test_a_bad_table_spec_is_refused_in_words_and_starts_nothing(room):
    with pytest.raises(NetError, match="moscow"):
        room.start_table(TableSpec(seats=("moscow=wizard",)))
    assert len(room.tables) == 3


# --- joining and pages -------------------------------------------------------------------
def test_a_join_code_leads_to_its_own_tables_team(client, room):
    code = room.tables["2"].game.secrets.seats["moscow"].code
    token = client.post("/api/join", json={"code": code.lower()}).json()["token"]
    assert room.seat_for_token(token) == ("2", "moscow")
    ws = connect(client, **{"as": "team", "token": token})
    first = state(ws)
    assert first["table"]["id"] == "2" and first["table"]["key"] == room.tables["2"].key
    assert first["data"]["role_name"] == "Moscow"
    assert first["data"]["version"] == room.tables["2"].game.version


def test_closing_joining_at_one_table_leaves_the_others_open(client, room):
    room.tables["1"].game.facilitate("joining", False)
    closed = room.tables["1"].game.secrets.seats["nato"].code
    still = room.tables["3"].game.secrets.seats["nato"].code
    assert "closed" in client.post("/api/join", json={"code": closed}).json()["error"]
    assert "token" in client.post("/api/join", json={"code": still}).json()


def test_each_board_shows_its_own_table_and_a_plain_board_lists_them(client, room):
    board = connect(client, **{"as": "board", "table": "3"})
    data = state(board)
    codes = {c["code"] for c in data["data"]["codes"]}
    assert codes == {p.code for p in room.tables["3"].game.secrets.seats.values()}
    lobby = state(connect(client, **{"as": "board"}))
    assert [t["label"] for t in lobby["data"]["tables"]] == ["Table 1", "Table 2", "Table 3"]
    assert "codes" not in json.dumps(lobby)
    refused = connect(client, **{"as": "board", "table": "9"}).receive_json()
    assert refused["fatal"] and "no such table" in refused["message"]
    assert client.get("/board/2").status_code == 200


def test_a_move_at_one_table_reaches_its_pages_and_not_the_others(client, room):
    board1 = connect(client, **{"as": "board", "table": "1"})
    board2 = connect(client, **{"as": "board", "table": "2"})
    before = state(board1)["data"]["version"], state(board2)["data"]["version"]
    room.tables["2"].game.submit_orders("moscow", "one-table-key", [], wait=True)
    assert state(board2)["data"]["version"] == before[1] + 1
    board1.send_json({"type": "refresh"})
    assert state(board1)["data"]["version"] == before[0]  # nothing was pushed before the refresh


# --- the facilitator's desk ------------------------------------------------------------------
def desk(client, room):
    ws = connect(client, **{"as": "host", "pin": room.pin})
    return ws, state(ws)


def test_the_desk_shows_every_table_and_the_devices_of_each_team(client, room):
    ws, first = desk(client, room)
    assert [t["id"] for t in first["desk"]["tables"]] == ["1", "2", "3"]
    assert first["desk"]["tables"][0]["waiting"] == ["Washington", "Moscow", "NATO"]
    token = room.tables["2"].game.secrets.seats["moscow"].token
    for _ in range(2):
        connect(client, **{"as": "team", "token": token})
    seen = until(ws, lambda m: m["type"] == "state" and any(
        team["devices"] == 2 for t in m["desk"]["tables"] for team in t["teams"]))
    table2 = seen["desk"]["tables"][1]
    assert {t["name"]: t["devices"] for t in table2["teams"]} == {"Washington": 0, "Moscow": 2, "NATO": 0}


def test_a_command_works_at_one_table_or_at_all(client, room):
    ws, _first = desk(client, room)
    ws.send_json({"type": "command", "command": "pause", "table": "2"})
    assert "paused" in until(ws, lambda m: m["type"] == "info")["message"]
    assert [t.game.secrets.paused for t in room.tables.values()] == [False, True, False]
    ws.send_json({"type": "command", "command": "timer_start", "arg": 2, "table": "all"})
    reply = until(ws, lambda m: m["type"] == "info")["message"]
    assert reply.splitlines()[0] == "Table 1: Talks timer started." and len(reply.splitlines()) == 3
    assert all(t.game.timer.data(t.game.clock())["running"] for t in room.tables.values())
    ws.send_json({"type": "command", "command": "end", "table": "all"})
    until(ws, lambda m: m["type"] == "info")
    assert all(t.game.session.state.over for t in room.tables.values())
    ws.send_json({"type": "command", "command": "undo", "table": "all"})
    error = until(ws, lambda m: m["type"] == "error")["message"]
    assert error.count("The game is over") == 3
    ws.send_json({"type": "command", "command": "seat", "table": "all", "arg": {}})
    assert "one table at a time" in until(ws, lambda m: m["type"] == "error")["message"]


def test_the_desk_looks_at_one_table_and_starts_new_ones(client, room):
    ws, first = desk(client, room)
    assert first["desk"]["table"]["id"] == "1" and first["data"]["seats"][0]["role"] == "washington"
    ws.send_json({"type": "show", "table": "3"})
    shown = until(ws, lambda m: m["type"] == "state" and m["desk"]["table"]["id"] == "3")
    assert shown["data"]["seats"][0]["code"] == room.tables["3"].game.secrets.seats["washington"].code
    files = [s["file"] for s in shown["desk"]["scenarios"]]
    ws.send_json({"type": "new_tables", "scenario": files[-1], "count": 2, "seed": 100,
                  "seats": {}})
    assert until(ws, lambda m: m["type"] == "info")["message"] == "Started: Table 4, Table 5."
    assert [room.tables[n].game.session.seed for n in ("4", "5")] == [100, 101]
    ws.send_json({"type": "new_tables", "scenario": "../../etc/passwd", "count": 1})
    assert "listed scenarios" in until(ws, lambda m: m["type"] == "error")["message"]


def test_a_team_gets_a_new_link_and_the_old_one_stops(client, room):
    game = room.tables["2"].game
    old = game.secrets.seats["nato"]
    team = connect(client, **{"as": "team", "token": old.token})
    state(team)
    ws, _first = desk(client, room)
    ws.send_json({"type": "command", "command": "new_link", "arg": "nato", "table": "2"})
    assert "new link" in until(ws, lambda m: m["type"] == "info")["message"]
    closed = until(team, lambda m: m["type"] == "error")
    assert closed["fatal"] and "link no longer works" in closed["message"]
    new = game.secrets.seats["nato"]
    assert new.token != old.token and new.code != old.code and new.code not in {
        p.code for t in room.tables.values() if t.id != "2" for p in t.game.secrets.seats.values()}
    assert room.seat_for_token(new.token) == ("2", "nato")
    ws.send_json({"type": "command", "command": "new_link", "arg": "mars", "table": "2"})
    assert "device" in until(ws, lambda m: m["type"] == "error")["message"]


# --- plain requests instead of a WebSocket --------------------------------------------------
def poll_hello(client, **hello):
    return client.post("/api/poll/hello", json={"text": json.dumps({"type": "hello", **hello})})


def poll_until(client, session, test, tries=10):
    for _ in range(tries):
        for message in client.post("/api/poll/wait", json={"session": session}).json()["messages"]:
            if test(message):
                return message
    raise AssertionError("no such message")


def test_a_team_plays_over_plain_requests(client, room):
    game = room.tables["1"].game
    token = game.secrets.seats["nato"].token
    session = poll_hello(client, **{"as": "team", "token": token}).json()["session"]
    first = poll_until(client, session, lambda m: m["type"] == "state")
    assert first["data"]["role_name"] == "NATO" and first["table"]["id"] == "1"
    order = json.dumps({"type": "orders", "key": "poll-key-0001", "actions": [], "wait": True})
    assert client.post("/api/poll/send", json={"session": session, "text": order}).status_code == 200
    ack = poll_until(client, session, lambda m: m["type"] == "ack")
    assert ack["key"] == "poll-key-0001" and game.session.state.orders["nato"] == ()
    bad = client.post("/api/poll/send", json={"session": session, "text": "{nope"})
    assert bad.status_code == 200
    assert "not valid JSON" in poll_until(client, session, lambda m: m["type"] == "error")["message"]


def test_plain_requests_prove_who_they_are_like_a_websocket(client, room):
    refused = poll_hello(client, **{"as": "host", "pin": "00000000"})
    assert refused.status_code == 403 and "Wrong facilitator PIN" in refused.json()["error"]
    assert poll_hello(client, **{"as": "team", "token": "made-up"}).status_code == 403
    gone = client.post("/api/poll/wait", json={"session": "made-up"})
    assert gone.status_code == 410 and "hello again" in gone.json()["error"]
    board = poll_hello(client, **{"as": "board", "table": "2"}).json()["session"]
    send = json.dumps({"type": "command", "command": "end"})
    client.post("/api/poll/send", json={"session": board, "text": send})
    assert "cannot act" in poll_until(client, board, lambda m: m["type"] == "error")["message"]
    assert not room.tables["2"].game.session.state.over
