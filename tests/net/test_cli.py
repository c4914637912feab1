"""`python main.py host`: safe defaults, one-line errors with status 2, and resuming a saved game."""

from __future__ import annotations

import argparse

import pytest

import game.net.cli as cli
from game.cli.main import main
from game.model.actions import Orders


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    served = []
    monkeypatch.setattr(cli, "serve", lambda *a: served.append(a))
    return served


def options(**given):
    base = dict(new=False, scenario=None, rounds=None, seat=[], seed=5, tables=None)
    return argparse.Namespace(**{**base, **given})


def test_without_a_flag_the_host_listens_on_this_computer_only(data, capsys):
    assert main(["host", "--port", "8123"]) == 0
    (room, address, port), = data
    found = room.tables["1"].game.secrets
    assert (address, port, room.join_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123/join")
    out = capsys.readouterr().out
    assert f"pin={found.pin}" in out and "--lan" in out and "Only this computer" in out
    assert all(p.code in out for p in found.seats.values())


def test_an_explicit_address_is_used_as_given(data):
    assert main(["host", "--bind", "127.0.0.2", "--port", "8124"]) == 0
    assert data[0][1] == "127.0.0.2"


@pytest.mark.parametrize("argv,says", [
    (["--bind", "the-room"], "--bind 'the-room'"), (["--port", "70000"], "--port 70000"),
    (["--lan", "--bind", "127.0.0.1"], "not both"), (["--seat", "moscow=wizard"], "unknown persona"),
    (["--seat", "mars=device"], "--seat 'mars=device'"), (["--rounds", "0"], "--rounds 0"),
])
def test_a_bad_option_is_one_line_and_status_2(data, capsys, argv, says):
    # A free port first, so that a busy port 8000 on the machine never decides the message;
    # a case that names its own port overrides it (argparse keeps the last one given).
    assert main(["host", "--port", str(free_port()), *argv]) == 2
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
    (tmp_path / "host" / "table-1" / "seats.json").write_text("{not json", encoding="utf-8")
    assert main(["host"]) == 2
    err = capsys.readouterr().err
    assert "seats.json" in err and "--new" in err and len(err.strip().splitlines()) == 1
    assert (tmp_path / "host" / "table-1" / "seats.json").read_text(encoding="utf-8") == "{not json"


def test_lan_asks_for_this_computers_network_address(data, monkeypatch):
    monkeypatch.setattr(cli, "lan_address", lambda: "10.1.2.3")
    assert cli.bind_address(None, True) == "10.1.2.3"
    assert cli.bind_address("::1", False) == "::1"
    assert cli.bind_address(None, False) == "127.0.0.1"


def test_a_role_seated_twice_is_one_line_and_status_2(data, capsys):
    assert main(["host", "--seat", "moscow=hotseat", "--seat", "moscow=device"]) == 2
    err = capsys.readouterr().err.strip()
    assert "moscow" in err and "once" in err and len(err.splitlines()) == 1 and not data


def test_a_host_with_no_human_seat_is_refused_in_one_line(data, capsys):
    seats = [f"--seat={r}=reciprocator" for r in ("washington", "moscow", "nato")]
    assert main(["host", *seats]) == 2
    err = capsys.readouterr().err.strip()
    assert "AI persona" in err and "hotseat" in err and len(err.splitlines()) == 1 and not data


def test_resuming_says_which_options_it_could_not_take(data, capsys):
    session, _found = cli.open_game(options(seat=["nato=hotseat"], seed=11))
    capsys.readouterr()
    again, found = cli.open_game(options(seed=99, rounds=3))
    out = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Ignored")]
    assert again.seed == 11 and again.rounds == session.rounds
    assert len(out) == 1 and "--seed --rounds" in out[0] and "seed 11" in out[0]
    assert "nato=hotseat" in out[0] and "--new" in out[0]
    cli.open_game(options(seed=None))
    assert "Ignored" not in capsys.readouterr().out


def test_ctrl_c_stops_the_host_in_one_line_with_status_130(data, monkeypatch, capsys, tmp_path):
    def interrupted(*_args):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "serve", interrupted)
    assert main(["host"]) == 130
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "saved" in captured.out.splitlines()[-1]
    assert (tmp_path / "host" / "table-1" / "game.json").exists()


def test_resuming_with_seat_moves_those_roles_and_keeps_the_rest(data, capsys):
    _session, found = cli.open_game(options(seat=["nato=hotseat"]))
    moscow = found.seats["moscow"].token
    capsys.readouterr()
    again, seated = cli.open_game(options(seed=None, seat=["nato=device", "moscow=reciprocator"]))
    out = capsys.readouterr().out
    assert "NATO now plays: from its own device." in out
    assert "Moscow now plays: as an AI delegation (step for step)." in out
    assert seated.seats["nato"].kind == "device" and seated.seats["nato"].token
    assert seated.seats["moscow"].kind == "ai"
    assert seated.role_for_token(moscow) is None and not again.seats["moscow"].human
    resumed, kept = cli.open_game(options(seed=None))  # saved: a third start sees the new seats
    assert kept.seats["nato"].token == seated.seats["nato"].token and not resumed.seats["moscow"].human


def test_resuming_with_seats_that_leave_no_people_changes_nothing(data, capsys):
    cli.open_game(options())
    capsys.readouterr()
    seats = [f"--seat={r}=reciprocator" for r in ("washington", "moscow", "nato")]
    assert main(["host", *seats]) == 2
    assert "at least one" in capsys.readouterr().err
    _session, found = cli.open_game(options(seed=None))
    assert all(p.kind == "device" for p in found.seats.values())


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
