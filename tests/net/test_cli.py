"""`python main.py host`: safe defaults, one-line errors with status 2, and resuming a saved game."""

from __future__ import annotations

import argparse

import pytest

import game.net.cli as cli
from game.model.actions import Orders
from main import main


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    served = []
    monkeypatch.setattr(cli, "serve", lambda *a: served.append(a))
    return served


def options(**given):
    base = dict(new=False, scenario=None, rounds=None, seat=[], seed=5)
    return argparse.Namespace(**{**base, **given})


def test_without_a_flag_the_host_listens_on_this_computer_only(data, capsys):
    assert main(["host", "--port", "8123"]) == 0
    (_session, found, address, port, join_url), = data
    assert (address, port, join_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123/join")
    out = capsys.readouterr().out
    assert f"pin={found.pin}" in out and "--lan" in out and "Only this computer" in out
    assert all(p.code in out for p in found.seats.values())


def test_an_explicit_address_is_used_as_given(data):
    assert main(["host", "--bind", "127.0.0.2", "--port", "8124"]) == 0
    assert data[0][2] == "127.0.0.2"


@pytest.mark.parametrize("argv,says", [
    (["--bind", "the-room"], "--bind 'the-room'"), (["--port", "70000"], "--port 70000"),
    (["--lan", "--bind", "127.0.0.1"], "not both"), (["--seat", "moscow=wizard"], "unknown persona"),
    (["--seat", "mars=device"], "--seat 'mars=device'"), (["--rounds", "0"], "--rounds 0"),
])
def test_a_bad_option_is_one_line_and_status_2(data, capsys, argv, says):
    assert main(["host", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and len(err.splitlines()) == 1 and not data


def test_a_restarted_host_resumes_the_game_with_the_same_links(data):
    session, found = cli.open_game(options(seat=["nato=hotseat"]))
    session.submit(Orders("moscow", ()))
    again, found_again = cli.open_game(options())
    assert [m.text() for m in again.log] == ["O moscow"]
    assert found_again.seats["moscow"].token == found.seats["moscow"].token
    assert found_again.pin == found.pin and found_again.seats["nato"].kind == "hotseat"
    fresh, renewed = cli.open_game(options(new=True))
    assert fresh.log == [] and renewed.seats["moscow"].token != found.seats["moscow"].token


def test_damaged_saved_seats_stop_the_host_with_a_way_out(data, capsys, tmp_path):
    cli.open_game(options())
    (tmp_path / "host" / "seats.json").write_text("{not json", encoding="utf-8")
    assert main(["host"]) == 2
    err = capsys.readouterr().err
    assert "seats.json" in err and "--new" in err and len(err.strip().splitlines()) == 1
    assert (tmp_path / "host" / "seats.json").read_text(encoding="utf-8") == "{not json"


def test_lan_asks_for_this_computers_network_address(data, monkeypatch):
    monkeypatch.setattr(cli, "lan_address", lambda: "10.1.2.3")
    assert cli.bind_address(None, True) == "10.1.2.3"
    assert cli.bind_address("::1", False) == "::1"
    assert cli.bind_address(None, False) == "127.0.0.1"
