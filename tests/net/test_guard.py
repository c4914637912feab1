"""The host under pressure: guessing, floods, deep nesting, foreign pages, odd characters.

Each test sends what a student with a script (or a phone keyboard in CJK mode) sent, and
checks that the answer is a sentence, that the host stays up, and that nobody else waits.
"""

from __future__ import annotations

import asyncio
import json

import pytest

import game.net.guard as guard
import game.net.requests as requests
import game.net.server as server
from game.net.guard import Busy, RateLimit, Served, Throttle, fold, source_of, too_deep
from tests.net.conftest import close_all, token


def run_apart(scene) -> None:
    """asyncio.run(scene()) in a thread of its own: the browser tests' Playwright keeps an
    event loop running in this one."""
    import threading

    failed = []

    def body():
        try:
            asyncio.run(scene())
        except BaseException as exc:  # noqa: BLE001 - raised again in the test's thread
            failed.append(exc)
    worker = threading.Thread(target=body)
    worker.start()
    worker.join()
    if failed:
        raise failed[0]


@pytest.fixture(autouse=True)
def no_pin_delay(monkeypatch):
    monkeypatch.setattr(guard, "PIN_DELAY", 0.0)


def hello(client, **who):
    ws = client.websocket_connect("/ws")
    ws.__enter__()
    client.open_sockets = [*getattr(client, "open_sockets", []), ws]
    ws.send_json({"type": "hello", **who})
    return ws, ws.receive_json()


def is_sentence(text: str) -> bool:
    return isinstance(text, str) and text[:1].isupper() and text.rstrip().endswith((".", ")"))


# --- codes, PINs and tokens as typed --------------------------------------------------------
def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.mark.parametrize("typed", [
    full_width, lambda c: f"\u00a0{c[:3]}\u200b{c[3:]}\u2060", lambda c: f"{c[:3]}\u2011{c[3:]}".lower(),
    lambda c: f"\ufeff{full_width(c[:2])}\u3000{c[2:]}",
], ids=["full-width", "no-break and zero-width", "non-breaking hyphen", "BOM and ideographic space"])
def test_a_join_code_typed_on_any_keyboard_leads_to_its_team(client, hosted, typed):
    code = hosted.secrets.seats["moscow"].code
    reply = client.post("/api/join", json={"code": typed(code)})
    assert reply.status_code == 200 and reply.json() == {"token": token(hosted, "moscow")}


@pytest.mark.parametrize("code", ["ЖЖЖЖЖЖ", "ab\x00cd", "\U0001f600" * 4, "x" * 5000])
def test_a_code_with_other_characters_is_refused_in_a_sentence(client, code):
    reply = client.post("/api/join", json={"code": code})
    assert reply.status_code in (400, 413) and is_sentence(reply.json()["error"])


def test_a_full_width_pin_opens_the_facilitators_page(client, hosted):
    _ws, reply = hello(client, **{"as": "host", "pin": full_width(hosted.secrets.pin) + "\u200b"})
    assert reply["type"] == "state"
    close_all(client)


@pytest.mark.parametrize("who", [{"as": "host", "pin": "１２３é４"}, {"as": "host", "pin": "\udcff"},
                                 {"as": "team", "token": "тoken-with-cyrillic"},
                                 {"as": "team", "token": "\u200b" * 30}])
def test_a_non_ascii_pin_or_token_is_refused_in_a_sentence(client, who):
    _ws, reply = hello(client, **who)
    assert reply["type"] == "error" and reply["fatal"] and is_sentence(reply["message"])
    close_all(client)


def test_fold_keeps_ascii_and_refuses_the_rest():
    assert fold("ＡＢＣ－１２３", upper=True) == "ABC123"
    assert fold(" 12 34\t") == "1234" and fold("é") is None and fold("\x07") is None


# --- nesting --------------------------------------------------------------------------------
@pytest.mark.parametrize("first", [True, False], ids=["as the hello", "after the hello"])
def test_deep_nesting_is_refused_in_a_sentence_before_it_is_parsed(client, hosted, first):
    deep = "[" * 60_000 + "]" * 60_000
    assert len(deep) > requests.MAX_MESSAGE  # the size limit would catch this one first...
    deep = '{"type": "refresh", "x": ' + "[" * 30_000 + "]" * 30_000 + "}"  # ...but not this one
    if first:
        ws = client.websocket_connect("/ws")
        ws.__enter__()
        client.open_sockets = [ws]
        ws.send_text(deep)
        reply = ws.receive_json()
        assert reply["fatal"] and "deeply" in reply["message"]
    else:
        ws, _ = hello(client, **{"as": "team", "token": token(hosted, "nato")})
        ws.send_text(deep)
        assert "deeply" in next(m for m in iter(ws.receive_json, None) if m["type"] == "error")["message"]
        ws.send_json({"type": "refresh"})
        assert next(m for m in iter(ws.receive_json, None) if m["type"] == "state")
    close_all(client)


def test_deep_nesting_sent_to_join_is_a_sentence(client):
    body = '{"code": ' + "[" * 2000 + "]" * 2000 + "}"
    reply = client.post("/api/join", content=body)
    assert reply.status_code == 400 and is_sentence(reply.json()["error"])


def test_too_deep_counts_only_brackets_outside_strings():
    assert not too_deep('{"a": "[[[[[[[[[[[[[[[[[[["}', 3)
    assert too_deep('{"a": [[[[1]]]]}', 3) and not too_deep('{"a": [[1]]}', 3)


# --- foreign pages and names ----------------------------------------------------------------
def test_a_foreign_page_cannot_open_the_boards_socket(client):
    ws = client.websocket_connect("/ws", headers={"origin": "http://evil.example"})
    ws.__enter__()
    client.open_sockets = [ws]
    reply = ws.receive_json()
    assert reply["fatal"] and "another site" in reply["message"]
    close_all(client)


def test_the_games_own_pages_may_open_it(client):
    _ws, reply = hello(client, **{"as": "board"})
    assert reply["type"] == "state"  # no Origin (a script) is let in; so is the page's own:
    ws = client.websocket_connect("/ws", headers={"origin": "http://127.0.0.1:8000"})
    ws.__enter__()
    client.open_sockets.append(ws)
    ws.send_json({"type": "hello", "as": "board"})
    assert ws.receive_json()["type"] == "state"
    close_all(client)


@pytest.mark.parametrize("path", ["/board", "/api/join"])
def test_a_rebound_name_is_refused_in_a_sentence(client, path):
    """DNS rebinding: evil.example now resolves to the host, but the browser says its name."""
    reply = client.request("POST" if path.startswith("/api") else "GET", path,
                           headers={"host": "evil.example:8000"}, json={"code": "ABCDEF"})
    assert reply.status_code == 403
    text = reply.json()["error"] if path.startswith("/api") else reply.text
    assert is_sentence(text) and "not served under that name" in text


def test_a_join_from_a_foreign_page_is_refused(client, hosted):
    reply = client.post("/api/join", json={"code": hosted.secrets.seats["nato"].code},
                        headers={"origin": "http://evil.example"})
    assert reply.status_code == 403 and "token" not in reply.json()


def test_the_names_served_follow_the_address():
    local = Served.at("127.0.0.1", "http://127.0.0.1:8000/join")
    assert local.allows("localhost:8000") and local.allows("[::1]:8000") and local.allows("127.0.0.1")
    assert not local.allows("192.168.1.20:8000") and not local.allows("127.0.0.1.evil.example")
    lan = Served.at("192.168.1.20", "http://192.168.1.20:8000/join")
    assert lan.allows("192.168.1.20:8000") and not lan.allows("localhost:8000")
    every = Served.at("0.0.0.0", "http://192.168.1.20:8000/join")
    assert every.allows("10.0.0.7:8000") and not every.allows("evil.example:8000")


# --- errors are sentences -------------------------------------------------------------------
@pytest.mark.parametrize("method,path,status", [("GET", "/nowhere", 404), ("GET", "/api/join", 405),
                                                ("POST", "/api/nowhere", 404)])
def test_every_http_error_is_a_sentence(client, method, path, status):
    reply = client.request(method, path)
    assert reply.status_code == status
    text = reply.json()["error"] if path.startswith("/api/") else reply.text
    assert is_sentence(text), text


def test_a_fault_in_the_game_is_a_sentence_and_the_socket_stays(client, hosted, monkeypatch, capsys):
    monkeypatch.setattr(hosted, "draft", lambda *_a: 1 / 0)
    ws, _ = hello(client, **{"as": "team", "token": token(hosted, "nato")})
    ws.send_json({"type": "draft", "chosen": []})
    reply = next(m for m in iter(ws.receive_json, None) if m["type"] == "error")
    assert is_sentence(reply["message"]) and "terminal" in reply["message"]
    ws.send_json({"type": "refresh"})
    assert next(m for m in iter(ws.receive_json, None) if m["type"] == "state")
    close_all(client)
    assert "ZeroDivisionError" in capsys.readouterr().err  # a bug: the teacher's terminal shows it


def test_a_large_join_body_is_refused_unread(client):
    reply = client.post("/api/join", content=b'{"code": "' + b"A" * 100_000 + b'"}')
    assert reply.status_code == 413 and is_sentence(reply.json()["error"])


# --- guessing costs the guesser, never anyone else ------------------------------------------
def test_a_correct_pin_never_waits_behind_another_sources_guesses():
    """Wrong guesses are queued from one address; the teacher's right PIN from another is
    checked at once (the guesses' pauses are 1000 s, so any wait would never end)."""
    async def scene():
        throttle = Throttle(delay=1000.0)
        guesses = [asyncio.create_task(throttle.attempt("192.168.1.66", lambda: False))
                   for _ in range(guard.MAX_WAITING + 1)]
        for _ in range(3):
            await asyncio.sleep(0)
        teacher = asyncio.create_task(throttle.attempt("192.168.1.20", lambda: True))
        done, _pending = await asyncio.wait([teacher], timeout=600)
        assert teacher in done and teacher.result() is True
        assert sum(1 for g in guesses if g.done()) == 1  # only the guesser's first was checked
        with pytest.raises(Busy):  # the guesser's queue is full: refused unchecked
            await throttle.attempt("192.168.1.66", lambda: pytest.fail("checked while busy"))
        for g in guesses:
            g.cancel()
        await asyncio.gather(*guesses, return_exceptions=True)
    run_apart(scene)


def test_a_guessers_next_try_waits_for_its_last_wrong_one():
    now = [0.0]

    async def scene():
        throttle = Throttle(delay=5.0, clock=lambda: now[0])
        assert await throttle.attempt("10.0.0.9", lambda: False) is False
        waiting = asyncio.create_task(throttle.attempt("10.0.0.9", lambda: True))
        await asyncio.sleep(0.01)
        assert not waiting.done()  # five (fake) seconds are owed, so it sleeps
        waiting.cancel()
    run_apart(scene)


def test_ipv6_sources_count_by_their_network():
    assert source_of("2001:db8:1:2::1") == source_of("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert source_of("::ffff:192.168.1.5") == "192.168.1.5" and source_of(None) == "?"


# --- a flooding page is slowed and told -------------------------------------------------------
def test_the_rate_limit_lets_a_burst_through_then_asks_for_time():
    now = [0.0]
    limit = RateLimit(rate=10, burst=3, clock=lambda: now[0])
    assert [limit.take() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limit.take() == pytest.approx(0.1) and limit.take() == pytest.approx(0.2)
    now[0] += 10
    assert limit.take() == 0.0
    assert limit.should_warn() and not limit.should_warn()


def test_a_flooding_page_is_told_in_a_sentence_and_still_answered(client, hosted, monkeypatch):
    monkeypatch.setattr(server, "RateLimit", lambda: RateLimit(rate=1000, burst=3, clock=lambda: 0.0))
    ws, _ = hello(client, **{"as": "team", "token": token(hosted, "nato")})
    for _ in range(10):
        ws.send_json({"type": "draft", "chosen": []})
    messages = [ws.receive_json() for _ in range(11)]
    warnings = [m for m in messages if m["type"] == "error"]
    assert len(warnings) == 1 and "faster than any person" in warnings[0]["message"]
    assert sum(1 for m in messages if m["type"] == "draft") == 10
    close_all(client)


# --- saves hold secrets -------------------------------------------------------------------------
def test_the_hosts_files_are_readable_by_their_owner_only(hosted, tmp_path):
    hosted.submit_orders("nato", "mode-test-1", [], wait=True)
    for name in ("game.json", "seats.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
    assert json.loads((tmp_path / "game.json").read_text())["submissions"] == {"mode-test-1": "nato"}
