"""Ctrl-C: any command ends with one line and status 130, and leaves no worker behind.

A terminal's Ctrl-C sends SIGINT to the whole foreground process group, so these tests
start the command in a group of its own and signal the group, as a terminal would.
"""

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "tests" / "engine" / "fixtures" / "save-0.1-scenario.yaml"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")


def start(tmp_path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "DETENTE_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_for(stream, marker: bytes, limit: float = 600) -> bytes:
    """Read a stream until `marker` shows up (or fail after `limit` seconds)."""
    seen, deadline = b"", time.monotonic() + limit
    while marker not in seen:
        left = deadline - time.monotonic()
        assert left > 0, seen[-500:]
        if select.select([stream], [], [], left)[0]:
            chunk = os.read(stream.fileno(), 4096)
            assert chunk, seen[-500:]
            seen += chunk
    return seen


def group_members(pgid: int) -> list[int]:
    """The processes in a process group, from /proc (Linux)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.isdigit() and fields[0] != b"Z" and int(fields[2]) == pgid:
            found.append(int(entry))
    return found


def group_gone(pgid: int, limit: float = 300) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def interrupt(proc: subprocess.Popen) -> tuple[int, str]:
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    return proc.returncode, err.decode("utf-8", "replace")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="counts the workers through /proc")
def test_ctrl_c_in_simulate_stops_every_worker(tmp_path):
    """Ctrl-C during a two-worker balance run: one line, status 130, no worker left running."""
    proc = start(tmp_path, "simulate", str(SCENARIO), "--games", "100000", "--workers", "2",
                 "--personas", "reciprocator,legalist")
    deadline = time.monotonic() + 600  # generous: these limits only catch a hang, never slowness
    while len(group_members(proc.pid)) < 3:  # the command and its two workers are running
        assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()[-800:]
        time.sleep(0.05)
    status, err = interrupt(proc)
    assert status == 130 and "Stopped (Ctrl-C)." in err and "Traceback" not in err, err[-2000:]
    assert group_gone(proc.pid), "a worker process outlived the command"


def test_ctrl_c_in_the_text_mode_keeps_the_game(tmp_path):
    """Ctrl-C at a prompt of the text mode: status 130, and the game is saved to resume."""
    proc = start(tmp_path, "text", "--seed", "4", "--rounds", "2")
    wait_for(proc.stdout, b"> ")  # the facilitator's prompt, waiting for a key
    status, err = interrupt(proc)
    assert status == 130 and "Traceback" not in err
    assert list((tmp_path / "data" / "games").glob("*.json"))
    assert group_gone(proc.pid)
