"""The talks on the hosted pages: each team's page holds its own part of the talks and
nothing private of the others, the board only the agreement; a message POSTed to
/api/talk reaches the game once per submission key, across a restart too, and a move the
rules refuse comes back as one line with a 4xx."""

from __future__ import annotations

import json

import pytest

import game.net.guard as guard
from game.net.hosted import NetError
from game.net.server import build_app
from game.net.talkdata import turn_data
from game.session.talk_turn import talk_turn
from tests.net.conftest import close_all, make_game, served_client, token


@pytest.fixture(autouse=True)
def no_pin_delay(monkeypatch):
    monkeypatch.setattr(guard, "PIN_DELAY", 0.0)


def propose(client, hosted, role, key, to, terms=None, **extra):
    body = {"token": token(hosted, role), "key": key, "kind": "propose", "to": to,
            "terms": terms or {"assurance": "written"}, **extra}
    return client.post("/api/talk", json=body)


def test_a_team_page_holds_its_own_talk_turn(hosted):
    data = hosted.team_data("washington")
    assert data["talks"] == turn_data(hosted.session, talk_turn(hosted.session, "washington"))
    assert [i["id"] for i in data["talks"]["issues"]] == list(hosted.session.game.talks.issues)
    assert all(i["options"][0]["number"] == 1 for i in data["talks"]["issues"])
    assert {p["id"] for p in data["talks"]["parties"]} == {"moscow", "nato"}


def test_posting_a_proposal_reaches_the_talks(client, hosted):
    reply = propose(client, hosted, "washington", "talk-key-01", ["moscow", "nato"],
                    {"assurance": "written", "review": "annual"})
    assert reply.status_code == 200, reply.json()
    assert reply.json() == {"key": "talk-key-01", "duplicate": False}
    (message,) = hosted.session.state.talks
    assert (message.sender, message.kind, message.to) == ("washington", "propose", ("moscow", "nato"))
    assert dict(message.terms) == {"assurance": "written", "transparency": "briefings",
                                   "centres": "none", "review": "annual"}
    moscow = hosted.team_data("moscow")["talks"]
    assert [p["id"] for p in moscow["waiting"]] == [message.id]
    assert [p["id"] for p in hosted.team_data("washington")["talks"]["mine"]] == [message.id]


def test_another_teams_private_proposal_never_appears_in_a_page(client, hosted):
    """Fog: Washington's proposal to Moscow alone is in no page but theirs; the board and the
    facilitator's page show only the agreement."""
    assert propose(client, hosted, "washington", "fog-key-001", ["moscow"],
                   {"assurance": "legal", "transparency": "criteria"}).status_code == 200
    (message,) = hosted.session.state.talks
    seen = turn_data(hosted.session, talk_turn(hosted.session, "moscow"))["waiting"][0]
    private = [seen["heading"], *seen["lines"], seen["trade"]]
    nato = json.dumps(hosted.team_data("nato"))
    assert not any(text in nato for text in private)
    nato_talks = hosted.team_data("nato")["talks"]
    assert nato_talks["waiting"] == nato_talks["mine"] == nato_talks["history"] == []
    for page in (hosted.board_data(), hosted.host_data()):
        assert set(page["talks"]) == {"agreement", "terms"}
        assert not any(text in json.dumps(page) for text in private)
    assert any(seen["lines"][0] in line for line in hosted.team_data("moscow")["talks"]["history"])


def test_a_resent_submission_key_is_applied_once(client, hosted):
    first = propose(client, hosted, "washington", "resent-key-1", ["moscow"])
    again = propose(client, hosted, "washington", "resent-key-1", ["moscow"])
    assert first.json()["duplicate"] is False and again.json() == {"key": "resent-key-1", "duplicate": True}
    assert len(hosted.session.state.talks) == 1
    stolen = propose(client, hosted, "moscow", "resent-key-1", ["nato"])
    assert stolen.status_code == 400 and "another team" in stolen.json()["error"]


@pytest.mark.parametrize("body, words", [
    ({"kind": "accept", "ref": 99}, "no open proposal 99"),
    ({"kind": "propose", "to": []}, "at least one other delegation"),
    ({"kind": "shout"}, "A talk message is one of"),
    ({"kind": "propose", "to": ["moscow"], "terms": {"assurance": "<script>"}}, "listed options"),
    ({"kind": "accept", "ref": "1"}, "by its number"),
])
def test_a_bad_move_is_refused_in_one_line(client, hosted, body, words):
    reply = client.post("/api/talk", json={"token": token(hosted, "nato"), "key": "bad-move-01", **body})
    assert reply.status_code == 400
    error = reply.json()["error"]
    assert words in error and "\n" not in error and "Traceback" not in error
    assert hosted.session.state.talks == () and "bad-move-01" not in hosted.secrets.applied


@pytest.mark.parametrize("raw, status", [(b"not json", 400), (b"[1]", 400), (b"x" * 5000, 413),
                                         (b'{"token": "nope", "key": "kkkkkkkkkk"}', 403)])
def test_a_malformed_or_unproven_request_gets_a_sentence(client, raw, status):
    reply = client.post("/api/talk", content=raw)
    assert reply.status_code == status and reply.json()["error"]


def test_talk_posts_are_rate_limited_per_source(client, hosted, monkeypatch):
    monkeypatch.setattr(guard, "RATE", 0.001)
    replies = [propose(client, hosted, "washington", f"flood-key-{i:03}", []).status_code
               for i in range(guard.BURST + 3)]
    assert 429 in replies and replies.count(429) >= 2


def test_a_team_talks_over_the_socket_too_and_the_hot_seat_from_the_desk(tmp_path, scenario):
    hosted = make_game(tmp_path, scenario, ["nato=hotseat"])
    with served_client(build_app(hosted)) as client:
        with client.websocket_connect("/ws") as desk:
            desk.send_json({"type": "hello", "as": "host", "pin": hosted.secrets.pin})
            desk.send_json({"type": "talk", "role": "nato", "key": "hot-talk-01", "kind": "propose",
                            "to": ["washington", "moscow"], "terms": {}})
            for _ in range(30):
                message = desk.receive_json()
                if message["type"] in ("ack", "error"):  # never wait for an ack that won't come
                    break
            assert message == {"type": "ack", "key": "hot-talk-01", "duplicate": False}
        close_all(client)
    assert [m.sender for m in hosted.session.state.talks] == ["nato"]


def test_a_resent_talk_after_a_restart_is_applied_once(tmp_path, monkeypatch):
    """The message was saved with its key, then the host stopped before answering: restarted,
    it finds the key in the save and does not send the message twice."""
    from game.net import cli
    from game.net.hosted import HostedGame

    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    args = cli.argparse.Namespace(new=True, scenario=None, rounds=None, seat=[], seed=5, port=8000,
                                  tables=None)
    session, found = cli.open_game(args)
    seats = cli.host_dir() / "table-1" / "seats.json"
    game = HostedGame(session, found, seats)
    message = {"kind": "propose", "to": ["moscow"], "terms": {"assurance": "written"}}
    game.submit_talk("washington", "crash-talk-1", message)
    seats.write_text(json.dumps({**json.loads(seats.read_text()), "applied": {}}))
    again, found_again = cli.open_game(cli.argparse.Namespace(**{**vars(args), "new": False}))
    restarted = HostedGame(again, found_again, seats)
    assert restarted.submit_talk("washington", "crash-talk-1", message)["duplicate"] is True
    assert [m.sender for m in restarted.session.state.talks].count("washington") == 1


def test_a_scenario_without_talks_has_no_panel(tmp_path):
    from game.authoring.scenarios import SCENARIO_DIR, load_for_play

    sc = load_for_play(SCENARIO_DIR / "open-skies-1990.yaml")
    assert sc.negotiation is None
    hosted = make_game(tmp_path, sc)
    role = sc.role_ids[0]
    assert hosted.team_data(role)["talks"] is None and hosted.board_data()["talks"] is None
    with pytest.raises(NetError, match="no talks"):
        hosted.submit_talk(role, "no-talks-01", {"kind": "propose", "to": [sc.role_ids[1]]})
