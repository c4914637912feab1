"""The hosted game's web API: joining, each team's own view, moves once only, and refusals.

Every request a client can send is either carried out for the role it proved or answered
with an error line to that client alone; none may cause a server error or reveal another
team's view.
"""

from __future__ import annotations

import json
import re

import pytest

import game.net.guard as guard
import game.net.requests as requests
import game.net.server as server
from game.net.server import STATIC
from tests.ai.test_reasoning_fog import quotes_support_number, support_words
from tests.net.conftest import close_all, make_game, served_client, token


@pytest.fixture(autouse=True)
def no_pin_delay(monkeypatch):
    monkeypatch.setattr(guard, "PIN_DELAY", 0.0)


def opened(client, ws):
    """Keep a socket for the client fixture to close properly before the app stops."""
    if not hasattr(client, "open_sockets"):
        client.open_sockets = []
    client.open_sockets.append(ws)


def hello(ws, **who):
    ws.send_json({"type": "hello", **who})
    return ws.receive_json()



def team(client, hosted, role):
    ws = client.websocket_connect("/ws")
    ws.__enter__()
    opened(client, ws)
    first = hello(ws, **{"as": "team", "token": token(hosted, role)})
    assert first["type"] == "state", first
    return ws, first["data"]


def until(ws, kind):
    """The next message of `kind`, skipping state pushes."""
    for _ in range(20):
        message = ws.receive_json()
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind} message")


def current(ws, hosted):
    """The state for the game's current version (asked for again; earlier pushes are skipped)."""
    ws.send_json({"type": "refresh"})
    for _ in range(50):
        message = ws.receive_json()
        if message["type"] == "state" and message["data"]["version"] == hosted.version:
            return message["data"]
    raise AssertionError("no current state")


def first_open(hosted, role):
    return next(m["id"] for m in hosted.team_data(role)["menu"] if m["open"])


# --- pages and files -------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/join", "/team", "/board", "/host", "/static/common.js",
                                  "/static/style.css"])
def test_every_page_is_served_from_the_package(client, path):
    reply = client.get(path)
    assert reply.status_code == 200
    assert "no-store" in reply.headers["cache-control"]


def test_nothing_is_fetched_from_the_internet():
    """Every page loads only files from this server: no http(s) address in any static file."""
    for file in STATIC.iterdir():
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), file.name
        assert "https://" not in text and "http://" not in text, file.name


def test_the_qr_code_is_an_svg_of_the_join_address(client):
    reply = client.get("/qr.svg")
    assert reply.headers["content-type"].startswith("image/svg+xml")
    assert 'xmlns="http://www.w3.org/2000/svg"' in reply.text and "<path" in reply.text


# --- joining -----------------------------------------------------------------------------
def test_a_join_code_leads_to_its_teams_token_in_any_case(client, hosted):
    code = hosted.secrets.seats["moscow"].code
    reply = client.post("/api/join", json={"code": f" {code[:3].lower()} {code[3:]} "})
    assert reply.json() == {"token": token(hosted, "moscow")}


@pytest.mark.parametrize("body", [b'{"code": "ZZZZZZ"}', b"not json", b"[1, 2]", b'{"code": 5}', b"\xff"])
def test_a_wrong_or_malformed_join_is_refused_in_words(client, body):
    reply = client.post("/api/join", content=body)
    assert reply.status_code == 400
    assert reply.json()["error"]


def test_joining_closed_by_the_facilitator_refuses_codes_and_hides_them(client, hosted):
    hosted.facilitate("joining", False)
    reply = client.post("/api/join", json={"code": hosted.secrets.seats["nato"].code})
    assert reply.status_code == 400 and "closed" in reply.json()["error"]
    assert all(c["code"] == "" for c in hosted.board_data()["codes"])


# --- seeing only one's own view ------------------------------------------------------------
def test_a_team_sees_its_own_view_and_only_ranges_of_the_others(client, hosted, scenario):
    ws, data = team(client, hosted, "moscow")
    assert data["role"] == "moscow" and data["briefing"] == scenario.role("moscow").briefing.strip()
    assert [o["text"] for o in data["objectives"]] == [o.text for o in scenario.role("moscow").objectives]
    others = [s for s in data["support"] if s["role"] != scenario.role("moscow").name]
    assert others and all(s["high"] > s["low"] for s in others)
    text = json.dumps(data)
    for role in ("washington", "nato"):
        assert scenario.role(role).briefing.strip()[:60] not in text
        assert all(o.text not in text for o in scenario.role(role).objectives)


def test_the_board_holds_nothing_private(client, hosted, scenario):
    with client.websocket_connect("/ws") as ws:
        data = hello(ws, **{"as": "board"})["data"]
    text = json.dumps(data)
    assert all(s["high"] > s["low"] for s in data["support"])
    for role in scenario.roles:
        assert all(o.text not in text for o in role.objectives)
    assert all(p.token not in text for p in hosted.secrets.seats.values())


def test_a_wrong_token_is_refused_and_the_connection_closed(client):
    with client.websocket_connect("/ws") as ws:
        reply = hello(ws, **{"as": "team", "token": "not-a-token"})
        assert reply["type"] == "error" and reply["fatal"] and "not valid" in reply["message"]


# --- acting only for one's own role ---------------------------------------------------------
def test_a_team_cannot_give_orders_for_another_team(client, hosted):
    ws, _ = team(client, hosted, "moscow")
    other = first_open(hosted, "nato")
    ws.send_json({"type": "orders", "key": "k" * 12, "actions": [other]})
    reply = until(ws, "error")
    assert "own delegation" in reply["message"]
    assert "nato" not in hosted.session.state.orders and "moscow" not in hosted.session.state.orders


def test_naming_another_role_in_a_request_changes_nothing(client, hosted):
    """The role comes from the token alone; a `role` field from a team is ignored."""
    ws, _ = team(client, hosted, "moscow")
    ws.send_json({"type": "orders", "role": "nato", "key": "a" * 12, "actions": [], "wait": True})
    assert until(ws, "ack")["duplicate"] is False
    assert set(hosted.session.state.orders) == {"moscow"}


def test_a_team_cannot_use_facilitator_commands(client, hosted):
    ws, _ = team(client, hosted, "moscow")
    ws.send_json({"type": "command", "command": "end"})
    assert "Unknown request" in until(ws, "error")["message"]
    assert not hosted.session.state.over


def test_the_board_cannot_act(client, hosted):
    with client.websocket_connect("/ws") as ws:
        hello(ws, **{"as": "board"})
        ws.send_json({"type": "orders", "key": "b" * 12, "actions": [], "wait": True})
        assert "cannot act" in until(ws, "error")["message"]
    assert hosted.session.state.orders == {}


def test_an_order_the_rules_refuse_comes_back_as_a_message(client, hosted):
    ws, data = team(client, hosted, "washington")
    twos = [m for m in data["menu"] if m["cost"] == 2 and m["open"]][:2]
    ws.send_json({"type": "orders", "key": "c" * 12, "actions": [m["id"] for m in twos]})
    reply = until(ws, "error")
    assert reply["key"] == "c" * 12 and twos[1]["label"] in reply["message"]
    assert "points" in reply["message"] and not re.search(r"\w+:\w+", reply["message"])


@pytest.mark.parametrize("raw", ["not json", "[1,2]", "{}", '{"type": 5}', '{"type": "fly"}',
                                 '{"type": "orders"}', '{"type": "orders", "key": "short", "actions": []}',
                                 '{"type": "orders", "key": "dddddddddd", "actions": "all"}',
                                 '{"type": "orders", "key": "dddddddddd", "actions": [1]}',
                                 '{"type": "orders", "key": "dddddddddd", "actions": ["::@"]}',
                                 '{"type": "answers", "key": "eeeeeeeeee", "decisions": [true]}',
                                 '{"type": "draft", "chosen": {"a": 1}}',
                                 '{"type": "draft", "chosen": ["moscow:no_such_action"]}',
                                 "x" * (requests.MAX_MESSAGE + 1)])
def test_a_malformed_message_gets_an_error_and_the_connection_stays_open(client, hosted, raw):
    ws, _ = team(client, hosted, "moscow")
    ws.send_text(raw)
    assert until(ws, "error")["message"]
    ws.send_json({"type": "refresh"})
    assert until(ws, "state")["data"]["role"] == "moscow"


def test_binary_frames_are_refused_in_words(client, hosted):
    ws, _ = team(client, hosted, "moscow")
    ws.send_bytes(b"\x00\x01")
    assert "JSON text" in until(ws, "error")["message"]


def test_a_hello_that_is_not_one_is_refused(client):
    with client.websocket_connect("/ws") as ws:
        ws.send_text("{]")
        assert ws.receive_json()["fatal"]


# --- exactly once, and every device of a team alike ------------------------------------------
def test_a_submission_sent_twice_is_applied_once(client, hosted):
    ws, _ = team(client, hosted, "nato")
    for _ in range(2):
        ws.send_json({"type": "orders", "key": "same-key-1", "actions": [], "wait": True})
    assert until(ws, "ack")["duplicate"] is False
    assert until(ws, "ack")["duplicate"] is True
    assert [m.text() for m in hosted.session.log] == ["O nato"]


def test_a_key_used_by_another_team_is_refused(client, hosted):
    ws, _ = team(client, hosted, "nato")
    ws.send_json({"type": "orders", "key": "shared-key", "actions": [], "wait": True})
    until(ws, "ack")
    ws2, _ = team(client, hosted, "moscow")
    ws2.send_json({"type": "orders", "key": "shared-key", "actions": [], "wait": True})
    assert "another team" in until(ws2, "error")["message"]


def test_two_devices_of_one_team_see_the_same_state(client, hosted):
    first, _ = team(client, hosted, "moscow")
    second, _ = team(client, hosted, "moscow")
    first.send_json({"type": "orders", "key": "f" * 12, "actions": [first_open(hosted, "moscow")]})
    seen = current(second, hosted)
    assert seen["orders"] and not seen["due"]
    assert current(first, hosted) == seen


def test_a_draft_narrows_the_menu_by_points(client, hosted):
    ws, data = team(client, hosted, "washington")
    two = next(m["id"] for m in data["menu"] if m["cost"] == 2 and m["open"])
    ws.send_json({"type": "draft", "chosen": [two]})
    reply = until(ws, "draft")
    assert reply["open"] == [] and reply["points_left"] == 0
    others = {m["id"] for m in data["menu"]} - {two}
    assert set(reply["closed"]) == others  # every other order says why it is closed, in words
    assert all(not re.search(r"\w+:\w+", why) for why in reply["closed"].values())
    assert any("more than you have left" in why for why in reply["closed"].values())


# --- a whole round through the API ------------------------------------------------------------
def test_a_round_resolves_and_every_team_sees_the_results(client, hosted):
    sockets = {r: team(client, hosted, r)[0] for r in ("washington", "moscow", "nato")}
    for i, (role, ws) in enumerate(sockets.items()):
        ws.send_json({"type": "orders", "key": f"round1-{i}-xx", "actions": [first_open(hosted, role)]})
        until(ws, "ack")
    while hosted.session.state.phase == "responses":
        for role, ws in sockets.items():
            data = hosted.team_data(role)
            if data["due"]:
                ws.send_json({"type": "answers", "key": f"ans-{role}-xxx",
                              "decisions": {o["key"]: True for o in data["offers"]}})
                until(ws, "ack")
    for ws in sockets.values():
        data = current(ws, hosted)
        assert data["round"] == 2 and data["records"][0]["round"] == 1
        assert data["records"][0]["ledger"]


# --- the facilitator ------------------------------------------------------------------------
def test_a_wrong_pin_is_refused(client):
    with client.websocket_connect("/ws") as ws:
        reply = hello(ws, **{"as": "host", "pin": "00000000x"})
        assert reply["fatal"] and "PIN" in reply["message"]


def host(client, hosted):
    ws = client.websocket_connect("/ws")
    ws.__enter__()
    opened(client, ws)
    data = hello(ws, **{"as": "host", "pin": hosted.secrets.pin})["data"]
    return ws, data


def test_the_facilitator_pauses_and_resumes(client, hosted):
    desk, data = host(client, hosted)
    assert {s["role"] for s in data["seats"]} == {"washington", "moscow", "nato"}
    desk.send_json({"type": "command", "command": "pause"})
    assert until(desk, "info")["message"]
    ws, _ = team(client, hosted, "nato")
    ws.send_json({"type": "orders", "key": "paused-key", "actions": [], "wait": True})
    assert "paused" in until(ws, "error")["message"]
    desk.send_json({"type": "command", "command": "resume"})
    until(desk, "info")
    ws.send_json({"type": "orders", "key": "paused-key", "actions": [], "wait": True})
    assert until(ws, "ack")["duplicate"] is False


@pytest.mark.parametrize("command,arg", [("timer_start", 0), ("timer_start", "5"), ("timer_add", 1.5),
                                         ("inject", "no_such_event"), ("inject", None), ("undo", None),
                                         ("joining", "yes"), ("launch", None), (None, None)])
def test_a_bad_facilitator_command_is_refused_in_words(client, hosted, command, arg):
    desk, _ = host(client, hosted)
    desk.send_json({"type": "command", "command": command, "arg": arg})
    assert until(desk, "error")["message"]


def test_the_talks_timer_counts_down_and_pauses(hosted):
    now = [100.0]
    hosted.clock = lambda: now[0]
    hosted.facilitate("timer_start", 2)
    now[0] += 30
    assert hosted.timer_data() == {"running": True, "left": 90.0}
    hosted.facilitate("timer_pause")
    now[0] += 30
    hosted.facilitate("timer_add", 60)
    assert hosted.timer_data() == {"running": False, "left": 150.0}


def test_the_facilitator_brings_in_an_event_and_ends_the_game(client, hosted, scenario):
    desk, _ = host(client, hosted)
    event = scenario.events[-1]
    desk.send_json({"type": "command", "command": "inject", "arg": event.id})
    until(desk, "info")
    so_far = hosted.board_data()["so_far"]
    assert so_far[0]["title"] == "Events" and event.title in so_far[0]["changes"][-1]
    desk.send_json({"type": "command", "command": "end"})
    until(desk, "info")
    assert hosted.session.state.over and hosted.board_data()["outcome"]["scores"]


def test_the_facilitator_undoes_the_last_round(hosted):
    for i, role in enumerate(("washington", "moscow", "nato")):
        hosted.submit_orders(role, f"undo-test-{i}", [], wait=True)
    assert hosted.session.state.round == 2
    assert "round 1" in hosted.facilitate("undo")
    assert hosted.session.state.round == 1 and hosted.team_data("nato")["due"]


def test_the_facilitator_gives_a_device_teams_link_privately(client, hosted):
    desk, _ = host(client, hosted)
    desk.send_json({"type": "team_qr", "role": "moscow"})
    reply = until(desk, "team_qr")
    assert reply["link"].endswith("/team#" + token(hosted, "moscow"))
    assert reply["image"].startswith("data:image/svg+xml")


# --- seats: hot-seat and AI ---------------------------------------------------------------------
def test_hot_seat_moves_come_only_from_the_facilitators_page(tmp_path, scenario):
    hosted = make_game(tmp_path, scenario, ["nato=hotseat", "moscow=reciprocator"])
    assert "moscow" in hosted.session.state.orders  # the AI gave its orders at once
    with served_client(server.build_app(hosted)) as client:
        desk, data = host(client, hosted)
        assert [s["code"] for s in data["seats"] if s["kind"] != "device"] == ["", ""]
        desk.send_json({"type": "hotseat", "role": "washington"})
        assert "hot-seat" in until(desk, "error")["message"]
        desk.send_json({"type": "orders", "role": "washington", "key": "hot-key-1",
                        "actions": [], "wait": True})
        assert "hot-seat" in until(desk, "error")["message"]
        desk.send_json({"type": "hotseat", "role": "nato"})
        assert until(desk, "state")["data"]["hotseat"]["role"] == "nato"
        desk.send_json({"type": "orders", "role": "nato", "key": "hot-key-2", "actions": [], "wait": True})
        assert until(desk, "ack")["duplicate"] is False
        close_all(client)
    assert set(hosted.session.state.orders) == {"moscow", "nato"}


def test_ai_reasoning_shows_with_each_revealed_round_and_quotes_no_support_number(tmp_path, scenario):
    """Every page gets the AI delegations' reasoning with each round's results, as the
    window and the text mode do; no line on the board or a team's page gives a
    domestic-support number, and the round still being played shows none."""
    hosted = make_game(tmp_path, scenario, ["moscow=legalist", "nato=hardliner"])
    support = support_words(hosted.session.game)
    for n in range(1, 4):
        hosted.submit_orders("washington", f"fog-test-{n}", [], wait=True)
        offers = {o["key"]: False for o in hosted.team_data("washington")["offers"]}
        if offers:
            hosted.submit_responses("washington", f"fog-answer-{n}", offers)
    assert len(hosted.session.state.records) == 3
    pages = [hosted.board_data(), hosted.team_data("washington"), hosted.host_data()]
    lines = [line for page in pages for rec in page["records"] for line in rec["notes"]]
    assert all(rec["notes"] for rec in pages[0]["records"])
    assert len(lines) >= 3 * 3
    assert [line for line in lines if quotes_support_number(line, support)] == []
    assert not hosted.session.notes_for(hosted.session.state.round)


def test_a_move_applied_just_before_a_crash_is_not_applied_again(hosted):
    """The host stopped after saving the move but before keeping its key: a resend is acknowledged."""
    action = first_open(hosted, "nato")
    hosted.submit_orders("nato", "before-crash", [action])
    del hosted.secrets.applied["before-crash"]
    again = hosted.submit_orders("nato", "before-crash", [action])
    assert again == {"key": "before-crash", "duplicate": True}
    assert [m.text() for m in hosted.session.log] == [f"O nato {action}"]
    with pytest.raises(server.NetError, match="already"):
        hosted.submit_orders("nato", "another-key", [], wait=True)


def test_a_page_that_connects_later_gets_the_time_left_now(client, hosted):
    now = [100.0]
    hosted.clock = lambda: now[0]
    hosted.facilitate("timer_start", 5)
    with client.websocket_connect("/ws") as ws:
        assert hello(ws, **{"as": "board"})["timer"] == {"running": True, "left": 300.0}
    now[0] += 120
    with client.websocket_connect("/ws") as ws:
        assert hello(ws, **{"as": "board"})["timer"] == {"running": True, "left": 180.0}


def test_the_talks_timer_stops_when_the_game_ends(hosted):
    hosted.facilitate("timer_start", 5)
    hosted.facilitate("end")
    assert hosted.timer_data() == {"running": False, "left": 0.0}


def test_every_word_on_the_pages_comes_from_the_translatable_texts(client):
    """The pages ask for their words by key; every key they use exists, and /texts.js serves them."""
    from game.net.texts import TEXTS

    used = set()
    for file in STATIC.iterdir():
        text = file.read_text(encoding="utf-8")
        used |= set(re.findall(r'D\.t\("(\w+)"', text)) | set(re.findall(r'data-t="(\w+)"', text))
        for pair in re.findall(r'D\.t\([^()"]*? \? "(\w+)" : "(\w+)"', text):
            used |= set(pair)
        for pair in re.findall(r'ask\((?:\w+ \? )?"(\w+)"(?: : "(\w+)")?', text):
            used |= {key for key in pair if key}
        used |= set(re.findall(r'sendBar\("(\w+)"\)', text))
        used |= set(re.findall(r'field\("[\w-]+", "(\w+)"', text))
        for title in re.findall(r'^    \["\w+", "(\w+)",', text, re.MULTILINE):  # the team panel's parts
            used |= {title, f"{title}_short"}
        if "phase_${" in text:
            used |= {f"phase_{p}" for p in ("orders", "responses", "resolve", "over")}
    assert used and used <= set(TEXTS), sorted(used - set(TEXTS))
    script = client.get("/texts.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert '"give_orders": "Give these orders"' in script.text
