"""Nothing lost on the host: exactly once across a crash, a full disk, a finished game.

The failed save is injected (always runs) and, where the tests may mount a tmpfs (root
on Linux), made real on a disk of a few hundred kilobytes.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess

import pytest

import game.net.durable as durable
import game.net.guard as guard
from game.files.atomic import WriteFailed
from game.net.durable import HostSave
from game.net.hosted import NetError
from tests.net.conftest import close_all, make_game, token


@pytest.fixture(autouse=True)
def no_pin_delay(monkeypatch):
    monkeypatch.setattr(guard, "PIN_DELAY", 0.0)


class Disk:
    """Saves that fail with a full disk while `full` is set, or once a game holds more
    than `moves` moves (injected into the host's save)."""

    def __init__(self, monkeypatch, moves: int | None = None) -> None:
        self.full, self.moves = False, moves
        real = durable.save_session

        def save(session, path, keys=None):
            if self.full or (self.moves is not None and len(session.log) > self.moves):
                raise WriteFailed(path, "the disk is full", "free some space", errno.ENOSPC)
            return real(session, path, keys)
        monkeypatch.setattr(durable, "save_session", save)


def socket_for(client, **who):
    ws = client.websocket_connect("/ws")
    ws.__enter__()
    client.open_sockets = [*getattr(client, "open_sockets", []), ws]
    ws.send_json({"type": "hello", **who})
    assert ws.receive_json()["type"] == "state"
    return ws


def next_of(ws, kind):
    for _ in range(30):
        message = ws.receive_json()
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind}")


def orders(key):
    return {"type": "orders", "key": key, "actions": [], "wait": True}


def test_a_move_that_cannot_be_saved_is_refused_and_taken_when_sent_again(client, hosted, tmp_path,
                                                                         monkeypatch):
    """Full disk: the team and the facilitator each get one sentence, nothing is
    acknowledged or kept, and the same submission is applied once when space is back."""
    disk = Disk(monkeypatch)
    team = socket_for(client, **{"as": "team", "token": token(hosted, "nato")})
    desk = socket_for(client, **{"as": "host", "pin": hosted.secrets.pin})
    before = (tmp_path / "game.json").read_bytes()
    disk.full = True
    team.send_json(orders("full-disk-1"))
    refused = next_of(team, "error")
    assert refused["key"] == "full-disk-1" and "could not save" in refused["message"]
    assert "disk is full" in next_of(desk, "error")["message"]
    assert hosted.session.log == [] and "full-disk-1" not in hosted.secrets.applied
    assert (tmp_path / "game.json").read_bytes() == before
    team.send_json(orders("full-disk-1"))  # sent again, still full: refused again, not "duplicate"
    assert next_of(team, "error")["key"] == "full-disk-1"
    disk.full = False
    team.send_json(orders("full-disk-1"))
    assert next_of(team, "ack") == {"type": "ack", "key": "full-disk-1", "duplicate": False}
    assert "saved again" in next_of(desk, "error")["message"]
    team.send_json(orders("full-disk-1"))
    assert next_of(team, "ack")["duplicate"] is True
    assert [m.text() for m in hosted.session.log] == ["O nato"]
    saved = json.loads((tmp_path / "game.json").read_text())
    assert saved["moves"] == ["O nato"] and saved["submissions"] == {"full-disk-1": "nato"}
    close_all(client)


def test_an_ai_move_that_cannot_be_saved_is_made_again_once_there_is_space(tmp_path, scenario, monkeypatch):
    """The team's move is saved and acknowledged; the AI's answer to it is not, so it is
    taken back, and made again (the same, from the seed) at the next try."""
    hosted = make_game(tmp_path, scenario, ["moscow=reciprocator", "nato=reciprocator"])
    fits = len(hosted.session.log) + 1  # the AI seats' messages and orders, and the team's; no more
    disk = Disk(monkeypatch, moves=fits)
    hosted.submit_orders("washington", "team-move-1", [], wait=True)
    assert len(hosted.session.log) == fits and hosted.problem and "disk is full" in hosted.problem
    assert json.loads((tmp_path / "game.json").read_text())["moves"] == [m.text() for m in hosted.session.log]
    disk.moves = None
    hosted.retry()
    assert hosted.problem is None and len(hosted.session.log) > 3
    assert json.loads((tmp_path / "game.json").read_text())["moves"] == [m.text() for m in hosted.session.log]


def test_a_finished_games_files_are_written_once_there_is_space(tmp_path, scenario):
    written, failing = [], [True]

    def finish(session):
        if failing[0]:
            raise WriteFailed(tmp_path / "replay.json", "the disk is full", "free some space", errno.ENOSPC)
        written.append(len(session.log))
        return ["replay.json", "debrief.html"]
    hosted = make_game(tmp_path, scenario)
    hosted.on_finish = finish
    hosted.facilitate("end")
    assert hosted.session.state.over and "replay and debrief could not be written" in hosted.problem
    failing[0] = False
    hosted.retry()
    assert written and hosted.finished_files == ["replay.json", "debrief.html"] and hosted.problem is None


def test_a_resend_after_a_restart_is_applied_exactly_once(tmp_path, monkeypatch, scenario):
    """The move that closed a round was saved, then the host stopped before answering:
    restarted, it finds the key in the same save as the move and does not apply it to the
    next round."""
    from game.net import cli

    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    args = cli.argparse.Namespace(new=True, scenario=None, rounds=None, seat=[], seed=5, port=8000,
                                  tables=None)
    session, found = cli.open_game(args)
    from game.net.hosted import HostedGame

    game = HostedGame(session, found, cli.host_dir() / "table-1" / "seats.json")
    for i, role in enumerate(("washington", "moscow", "nato")):
        game.submit_orders(role, f"closing-key-{i}", [], wait=True)
    assert game.session.state.round == 2
    (cli.host_dir() / "table-1" / "seats.json").write_text(  # the seats file of before the last move
        json.dumps({**json.loads((cli.host_dir() / "table-1" / "seats.json").read_text()), "applied": {}}))
    again, found_again = cli.open_game(cli.argparse.Namespace(**{**vars(args), "new": False}))
    restarted = HostedGame(again, found_again, cli.host_dir() / "table-1" / "seats.json")
    assert restarted.submit_orders("nato", "closing-key-2", [], wait=True)["duplicate"] is True
    assert [m.text() for m in restarted.session.log].count("O nato") == 1


def test_a_facilitator_command_that_cannot_be_saved_changes_nothing(hosted, monkeypatch):
    disk = Disk(monkeypatch)
    for i, role in enumerate(("washington", "moscow", "nato")):
        hosted.submit_orders(role, f"undo-disk-{i}", [], wait=True)
    state = hosted.session.state
    disk.full = True
    with pytest.raises(NetError, match="could not save"):
        hosted.facilitate("undo")
    assert hosted.session.state is state and len(hosted.session.log) == 3


def test_the_hosts_save_hook_keeps_the_last_good_checkpoint(hosted, monkeypatch):
    hook = hosted.session.on_save
    assert isinstance(hook, HostSave) and hook.good.log == tuple(hosted.session.log)


# --- a real full disk -------------------------------------------------------------------------
def _mount_tmpfs(point, size: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                          capture_output=True).returncode == 0


@pytest.fixture()
def small_disk(tmp_path):
    point = tmp_path / "disk"
    point.mkdir()
    if not _mount_tmpfs(point, "640k"):
        pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def fill(disk) -> list:
    """Fill the disk to its last byte with files of 16 KB and less; returns them."""
    made, size = [], 16384
    while size >= 512:
        path = disk / f"filler-{len(made)}"
        try:
            with open(path, "wb", buffering=0) as fh:
                fh.write(b"\0" * size)
            made.append(path)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
            path.unlink(missing_ok=True)
            size //= 2
    return made


def test_a_host_on_a_small_full_disk_loses_nothing(small_disk, scenario):
    from game.net.server import build_app
    from tests.net.conftest import served_client

    hosted = make_game(small_disk, scenario)
    with served_client(build_app(hosted)) as client:
        team = socket_for(client, **{"as": "team", "token": token(hosted, "moscow")})
        desk = socket_for(client, **{"as": "host", "pin": hosted.secrets.pin})
        fillers = fill(small_disk)
        team.send_json(orders("tmpfs-key-1"))
        refused = next_of(team, "error")
        assert "disk is full" in refused["message"] and refused["key"] == "tmpfs-key-1"
        assert "could not be saved" in next_of(desk, "error")["message"]
        assert [p.name for p in small_disk.iterdir() if p.name.endswith(".tmp")] == []
        for path in fillers:
            path.unlink()
        team.send_json(orders("tmpfs-key-1"))
        assert next_of(team, "ack")["duplicate"] is False
        close_all(client)
    saved = json.loads((small_disk / "game.json").read_text())
    assert saved["moves"] == ["O moscow"] and saved["submissions"] == {"tmpfs-key-1": "moscow"}
