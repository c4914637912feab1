"""One writer per save, saves that prove themselves, and saves only their owner can read.

Two programs continuing one save used to overwrite each other (the last writer won and
both said the game was saved); a hand-edited save resumed and gave a debrief in silence.
"""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.loader import load_scenario
from game.cli.main import main
from game.files import locks
from game.session.library import GameLibrary
from game.session.replay import verify
from game.session.saves import SaveError, read_save
from game.session.session import Seat, Session

FIXTURES = Path(__file__).parent / "fixtures"
SCENARIO = FIXTURES / "save-0.1-scenario.yaml"
ROOT = Path(__file__).resolve().parents[2]


def saved_game(root: Path, rounds_played: int = 2) -> Path:
    """A two-role AI game saved after `rounds_played` rounds, its lock given back."""
    sc = load_scenario(SCENARIO)
    session = Session(sc, 9, {r: Seat(False) for r in sc.role_ids}, None, str(SCENARIO))
    lib = GameLibrary(root, program="text")
    hook = lib.attach(session)
    for _ in range(rounds_played):
        session.play_ai(one_round=True)
    path = hook.write(session)
    locks._HELD.pop(locks._key(locks.lock_path_for(path))).release()  # as if its program ended
    return path


HOLD = """
import sys, time
sys.path.insert(0, {root!r})
from game.session.library import GameLibrary
GameLibrary({data!r}, program={program!r}).resume({path!r})
print("holding", flush=True)
time.sleep(60)
"""


def holder(data: Path, path: Path, program: str = "text") -> subprocess.Popen:
    """Another process that continues the game at `path` and keeps it open."""
    script = HOLD.format(root=str(ROOT), data=str(data), path=str(path), program=program)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == b"holding"
    return child


def stop(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()


def test_a_second_program_cannot_continue_a_save_in_use(tmp_path):
    """The second program is refused in one line naming the first; the save is unchanged."""
    data = tmp_path / "data"
    path = saved_game(data)
    before = path.read_bytes()
    child = holder(data, path, "window")
    try:
        with pytest.raises(SaveError) as refused:
            GameLibrary(data, program="text").resume(path)
        message = str(refused.value)
        assert f"process {child.pid}" in message and "game window" in message
        assert len(message.splitlines()) == 1
        assert path.read_bytes() == before
    finally:
        stop(child)


def test_a_lock_left_by_a_killed_program_is_taken_over(tmp_path):
    """SIGKILL leaves the lock file behind, but the system has dropped the lock itself."""
    data = tmp_path / "data"
    path = saved_game(data)
    stop(holder(data, path))
    assert locks.lock_path_for(path).exists()
    session = GameLibrary(data, program="text").resume(path)
    session.play_ai(one_round=True)
    assert len(read_save(path).moves) == len(session.log)


def test_the_text_mode_refuses_a_save_in_use_in_one_line(tmp_path):
    """`main.py text --resume FILE` while another text mode plays FILE: status 2, one line."""
    data = tmp_path / "data"
    path = saved_game(data)
    child = holder(data, path)
    try:
        result = subprocess.run([sys.executable, "main.py", "text", "--resume", str(path)], cwd=ROOT,
                                input="", capture_output=True, text=True, timeout=120,
                                env={**os.environ, "DETENTE_DATA_DIR": str(data)})
    finally:
        stop(child)
    lines = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [line for line in lines if "error:" in line] == lines[-1:]
    assert f"text mode (process {child.pid})" in lines[-1]


def test_one_process_may_open_its_own_game_again(tmp_path):
    """A window that leaves a game and continues it again is not locked out by itself."""
    data = tmp_path / "data"
    path = saved_game(data)
    lib = GameLibrary(data, program="window")
    lib.resume(path)
    lib.resume(path).play_ai(one_round=True)


def test_saves_are_readable_by_their_owner_only(tmp_path):
    path = saved_game(tmp_path / "data")
    assert path.stat().st_mode & 0o777 == 0o600


# --- a save proves itself ----------------------------------------------------------------
def edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def a_scenario_value(data):
    data["scenario"]["rules"]["start_tension"] += 5  # still in range, so the save still loads


def a_ledger_entry(data):
    data["ledger"][3][3] += 1  # the value after: [round, meter, before, after, ...]


def the_state_digest(data):
    data["state_digest"] = "0" * 64


def the_digest_removed_and_a_ledger_entry(data):
    del data["digest"]
    a_ledger_entry(data)


EDITS = [a_scenario_value, a_ledger_entry, the_state_digest, the_digest_removed_and_a_ledger_entry]


@pytest.mark.parametrize("change", EDITS, ids=lambda f: f.__name__)
def test_an_edited_save_is_refused_by_resume_in_one_line(tmp_path, change):
    data = tmp_path / "data"
    path = saved_game(data)
    edit(path, change)
    before = path.read_bytes()
    with pytest.raises(SaveError) as refused:
        GameLibrary(data, program="text").resume(path)
    message = str(refused.value)
    assert "not what the game wrote" in message and len(message.splitlines()) == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("change", EDITS, ids=lambda f: f.__name__)
def test_an_edited_save_gets_no_debrief_and_replay_says_so(tmp_path, capsys, change):
    path = saved_game(tmp_path / "data")
    edit(path, change)
    out = tmp_path / "debrief.html"
    assert main(["debrief", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "not what the game wrote" in err and len(err.splitlines()) == 1 and not out.exists()
    assert not verify(path).ok


def test_an_unedited_save_still_resumes_and_gives_a_debrief(tmp_path, capsys):
    path = saved_game(tmp_path / "data")
    assert main(["debrief", str(path), "--out", str(tmp_path / "d.html")]) == 0
    assert verify(path).ok
    GameLibrary(tmp_path / "data").resume(path)


def test_a_save_written_under_other_rules_is_not_called_edited(tmp_path, monkeypatch):
    """The digest shows the file is as written, so a ledger the rules now make differently
    (a newer version of the game) does not stop the game from being continued."""
    path = saved_game(tmp_path / "data")
    import game.session.saves as saves

    monkeypatch.setattr(saves, "state_digest", lambda session: "changed rules")
    GameLibrary(tmp_path / "data").resume(path)
