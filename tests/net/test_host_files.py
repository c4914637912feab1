"""The host's data folder: one host at a time, its save in no other hands, nothing replaced.

Real processes: a host started with `main.py host` and stopped with SIGKILL, a second
host and a text mode started beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from game.net import cli
from game.session.saves import read_save

ROOT = Path(__file__).resolve().parents[2]
TABLE = Path("host") / "table-1"  # a host of one table keeps its game here


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def env_for(data: Path) -> dict:
    return {**os.environ, "DETENTE_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}


def start_host(data: Path, *extra: str) -> tuple[subprocess.Popen, int]:
    """`main.py host` in its own process, once it says it is serving; and its port."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "main.py", "host", "--port", str(port), *extra], cwd=ROOT,
                            env=env_for(data), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    said = []
    for line in proc.stdout:
        said.append(line)
        if line.startswith("Press Ctrl+C"):
            return proc, port
    proc.wait()
    raise AssertionError("the host did not start:\n" + "".join(said))


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()


def run(data: Path, *argv: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, env=env_for(data), input="",
                          capture_output=True, text=True, timeout=120, **kwargs)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_a_second_host_on_the_same_folder_names_the_first_and_changes_nothing(tmp_path):
    first, port = start_host(tmp_path)
    try:
        saved = (tmp_path / TABLE / "game.json").read_bytes()
        line = one_error_line(run(tmp_path, "host", "--new", "--port", str(free_port())))
        assert f"port {port}, process {first.pid}" in line and "DETENTE_DATA_DIR" in line
        assert (tmp_path / TABLE / "game.json").read_bytes() == saved
    finally:
        kill(first)


def test_the_lock_of_a_killed_host_is_taken_over(tmp_path):
    first, _port = start_host(tmp_path)
    pin = json.loads((tmp_path / TABLE / "seats.json").read_text())["pin"]
    kill(first)
    second, _port = start_host(tmp_path)
    try:
        assert json.loads((tmp_path / TABLE / "seats.json").read_text())["pin"] == pin  # resumed
    finally:
        kill(second)


def test_the_text_mode_cannot_continue_the_hosts_game(tmp_path):
    host, port = start_host(tmp_path)
    try:
        game = tmp_path / TABLE / "game.json"
        saved = game.read_bytes()
        result = run(tmp_path, "text", "--resume", str(game))
        lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert f"host on port {port} (process {host.pid})" in lines[-1]
        assert game.read_bytes() == saved
    finally:
        kill(host)


def test_a_host_cannot_take_a_save_a_text_mode_is_playing(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; sys.path.insert(0, {root!r}); from game.files.locks import save_lock; "
        "save_lock({game!r}, 'text'); print('holding', flush=True); time.sleep(60)").format(
        root=str(ROOT), game=str(tmp_path / TABLE / "game.json"))], stdout=subprocess.PIPE, text=True)
    (tmp_path / TABLE).mkdir(parents=True, exist_ok=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(cli.HostError, match=f"text mode \\(process {holder.pid}\\)"):
            cli.open_game(options())
    finally:
        kill(holder)


def options(**given) -> argparse.Namespace:
    base = dict(new=False, scenario=None, rounds=None, seat=[], seed=5, port=8000, tables=None)
    return argparse.Namespace(**{**base, **given})


def test_a_finished_game_is_shown_again_and_its_files_rebuilt(tmp_path, monkeypatch, capsys):
    """Never replaced without --new; a stop before its replay and debrief were written is
    made good at the next start."""
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    session, found = cli.open_game(options())
    session.end_now()  # saved as over; the host stopped before writing the replay
    again, _found = cli.open_game(options())
    assert again.state.over and again.log == session.log
    assert "is over" in capsys.readouterr().out
    from game.net.hosted import HostedGame

    game = HostedGame(again, _found, tmp_path / TABLE / "seats.json", on_finish=cli._finish)
    replay, debrief = (Path(p) for p in game.finished_files)
    assert read_save(replay).phase == "over" and debrief.read_text().lower().startswith("<!doctype html")
    fresh, _ = cli.open_game(options(new=True))
    assert not fresh.state.over


def test_the_host_removes_stale_temporaries_at_start(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    cli.open_game(options())
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = [tmp_path / TABLE / f".game.json.{gone}.0123abcd.tmp",
             tmp_path / TABLE / f".seats.json.{gone}.89abcdef.tmp"]
    for path in stale:
        path.write_text("half a save")
    cli.open_game(options())
    assert not any(p.exists() for p in stale)


def test_a_seed_out_of_range_is_one_line_and_writes_nothing(tmp_path):
    line = one_error_line(run(tmp_path, "host", "--new", "--seed", "9223372036854775808"))
    assert "--seed 9223372036854775808" in line
    assert not (tmp_path / "host").exists()


@pytest.mark.parametrize("argv", [["text", "--human", "none", "--seed", "3", "--rounds", "2"],
                                  ["simulate", "scenarios/missile-defence-2011.yaml", "--games", "2"]])
def test_a_closed_standard_output_gives_no_traceback(tmp_path, argv):
    result = subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, env=env_for(tmp_path),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            timeout=300, preexec_fn=lambda: os.close(1))
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr


def test_a_host_with_a_closed_standard_output_serves_without_a_traceback(tmp_path):
    import time

    port = free_port()
    proc = subprocess.Popen([sys.executable, "main.py", "host", "--port", str(port)], cwd=ROOT,
                            env=env_for(tmp_path), stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.close(1))
    served = False
    try:
        for _ in range(1200):  # until it accepts a connection, or ends
            if proc.poll() is not None:
                break
            try:
                socket.create_connection(("127.0.0.1", port), timeout=5).close()
                served = True
                break
            except OSError:
                time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    assert served and b"Traceback" not in err, err
