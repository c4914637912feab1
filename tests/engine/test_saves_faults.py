"""Failed saves for real: a full disk, a read-only folder, a file in the way, SIGKILL mid-save.

The full disk is a tiny tmpfs and the read-only folder a read-only bind mount when the
tests may mount (as root on Linux); otherwise those cases are skipped, and the same
failures are injected into os.write and os.open, which always run. Set
DETENTE_KILLS to run more SIGKILLs than the default.
"""

import errno
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.authoring.loader import load_scenario
from game.cli.main import build_parser
from game.session.library import GameFile, GameLibrary, SaveFailed
from game.session.saves import read_save
from game.session.session import Seat, Session
from game.textui.console import Console
from game.textui.main import run_text

FIXTURES = Path(__file__).parent / "fixtures"
SCENARIO = FIXTURES / "save-0.1-scenario.yaml"
ROOT = Path(__file__).resolve().parents[2]


def _mount(*args: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _unmount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture()
def tiny_disk(tmp_path):
    """A 256 KB tmpfs, or a skip where mounting is not allowed."""
    point = tmp_path / "disk"
    point.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=256k", "tmpfs", str(point)):
        pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
    yield point
    _unmount(point)


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte; returns the filler file."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def attached(root: Path, errors: list, seed: int = 3) -> Session:
    sc = load_scenario(SCENARIO)
    session = Session(sc, seed, {r: Seat(False) for r in sc.role_ids}, None, str(SCENARIO))
    GameLibrary(root).attach(session, on_error=errors.append)
    return session


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def check_failure_kept_the_last_good_save(session: Session, errors: list, reason: str) -> Path:
    """After a failed save: one line said so, the game went on, the last good save is whole."""
    hook: GameFile = session.on_save
    path = hook.saved
    assert len(errors) == 1 and isinstance(errors[0], SaveFailed)
    message = str(errors[0])
    assert reason in message and "last good save" in message and "\n" not in message
    saved = read_save(path)
    assert len(saved.moves) < len(session.log)  # the game went on past its last good save
    assert temporaries(path.parent) == []
    return path


def test_a_full_disk_keeps_the_last_good_save(tiny_disk):
    """On a really full disk the game goes on, says so once, and saves again once there is room."""
    errors = []
    session = attached(tiny_disk, errors)
    session.play_ai(one_round=True)
    filler = fill(tiny_disk)
    session.play_ai(one_round=True)
    session.play_ai(one_round=True)
    path = check_failure_kept_the_last_good_save(session, errors, "the disk is full")
    filler.unlink()
    session.play_ai()
    assert read_save(path).phase == "over" and session.on_save.error is None


def test_a_read_only_folder_keeps_the_last_good_save(tmp_path):
    """When the games folder turns read-only, the game goes on and the last good save stays."""
    errors = []
    root = tmp_path / "data"
    session = attached(root, errors)
    session.play_ai(one_round=True)
    games = root / "games"
    if not (_mount("--bind", str(games), str(games))
            and _mount("-o", "remount,ro,bind", str(games))):
        _unmount(games)
        pytest.skip("cannot make a read-only bind mount here (needs root on Linux)")
    try:
        session.play_ai(one_round=True)
        check_failure_kept_the_last_good_save(session, errors, "read-only")
    finally:
        _unmount(games)


@pytest.mark.parametrize("code,reason", [(errno.ENOSPC, "the disk is full"),
                                         (errno.EROFS, "read-only"),
                                         (errno.EACCES, "permission denied")])
def test_injected_write_failures_keep_the_last_good_save(tmp_path, monkeypatch, code, reason):
    """The same failures injected into os.open, for systems where the tests cannot mount."""
    errors = []
    session = attached(tmp_path, errors)
    session.play_ai(one_round=True)
    real_open = os.open

    def failing_open(path, flags, *args, **kw):
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kw)
    monkeypatch.setattr(os, "open", failing_open)
    session.play_ai(one_round=True)
    session.play_ai(one_round=True)
    monkeypatch.undo()
    check_failure_kept_the_last_good_save(session, errors, reason)


def test_a_file_where_the_data_folder_should_be(tmp_path):
    """DETENTE_DATA_DIR naming a file: the save fails in one line and the file is untouched."""
    blocker = tmp_path / "data"
    blocker.write_text("my notes")
    errors = []
    session = attached(blocker, errors)
    session.play_ai(one_round=True)
    assert len(errors) == 1 and "nothing of this game has been saved yet" in str(errors[0])
    assert blocker.read_text() == "my notes"


def test_text_mode_says_so_once_and_plays_on(tmp_path, monkeypatch):
    """In the text mode a failing save is one line on screen; the game still reaches its end."""
    blocker = tmp_path / "data"
    blocker.write_text("my notes")
    monkeypatch.setenv("DETENTE_DATA_DIR", str(blocker))
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--human", "none", "--seed", "3", "--rounds", "2"])
    assert run_text(args, Console(io.StringIO(""), out, interactive=False)) == 0
    text = out.getvalue()
    assert text.count("Could not save the game") == 1 and "===" in text.split("Could not")[1]
    assert "Replay saved" not in text and blocker.read_text() == "my notes"


CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from game.session.library import GameLibrary
    from game.authoring.loader import load_scenario
    from game.session.session import Seat, Session
    sc = load_scenario({scenario!r})
    lib = GameLibrary({data!r})
    seed = 0
    print("ready", flush=True)
    while True:
        seed += 1
        s = Session(sc, seed, {{r: Seat(False) for r in sc.role_ids}}, None, {scenario!r})
        lib.attach(s)
        s.play_ai()
""")


def test_sigkill_during_saves_never_leaves_a_corrupt_save(tmp_path):
    """A writer killed with SIGKILL at random moments leaves every save readable, and the
    next start removes the temporaries it left."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this system")
    kills = int(os.environ.get("DETENTE_KILLS", "8"))
    data = tmp_path / "data"
    script = CHILD.format(root=str(ROOT), scenario=str(SCENARIO), data=str(data))
    rng = random.Random(11)
    stray = 0
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        for path in (data / "games").glob("*.json"):
            read_save(path)  # raises on a corrupt save
        stray += len(temporaries(data / "games"))
        GameLibrary(data)  # the next start
        assert temporaries(data / "games") == []
    assert list((data / "games").glob("*.json"))
    print(f"{kills} SIGKILLs, 0 corrupt saves, {stray} temporaries left and cleaned up")
