"""Hostile files and safe writes: nothing blocks, nothing grows without bound, nothing is lost."""

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring.file_text import read_bytes
from game.authoring.loader import ScenarioError
from game.files.atomic import WriteFailed, clean_stale_temps, write_atomic
from game.files.bounded import MAX_DEPTH, ReadRefused, read_regular
from game.session.saves import SAVE_CAP, SaveError, read_save


@pytest.fixture(autouse=True)
def no_hang():
    """A read that blocks fails the test after two minutes instead of hanging the suite."""
    def stop(*_):
        raise TimeoutError("the read blocked")
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def untouched(path: Path):
    """A snapshot to compare after the read: content and modification time."""
    info = path.stat()
    return (path.read_bytes() if info.st_size < 1_000_000 else info.st_size, info.st_mtime_ns)


@pytest.mark.parametrize("content,expected", [
    (b'{"format": "detente-save", "version": 2, "seed": ' + b"9" * 5000 + b"}", "5,000 digits"),
    (b'{"format": "detente-save", "version": 2, "seed": 1e999}', "too large"),
    (b'{"format": "detente-save", "version": 2, "seed": NaN}', "NaN"),
    (b"[" * 100_000 + b"]" * 100_000, "nested"),
    (b'{"a": ' * (MAX_DEPTH + 5) + b"1" + b"}" * (MAX_DEPTH + 5), "nested"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b'{"format": "detente-save", "version": 99999999999999999999}', "version 99999999999999999999"),
])
def test_hostile_save_content_is_refused_in_one_line(tmp_path, content, expected):
    """Huge numbers, non-finite numbers and deep nesting are refused, and the file is untouched."""
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    before = untouched(path)
    with pytest.raises(SaveError, match=expected) as info:
        read_save(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert untouched(path) == before


def test_fifo_is_refused_without_blocking(tmp_path):
    """A FIFO given as a save or a scenario is refused at once, not waited on."""
    path = fifo(tmp_path)
    with pytest.raises(SaveError, match="FIFO"):
        read_save(path)
    with pytest.raises(ScenarioError, match="FIFO"):
        read_bytes(path)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_unread(device):
    """/dev/zero and other devices are never read (0.1 grew to 3.7 GB on /dev/zero)."""
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    with pytest.raises(SaveError, match="device"):
        read_save(Path(device))


def test_a_huge_file_is_refused_by_its_size(tmp_path):
    """A file beyond the cap is refused from its size, without being read."""
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.truncate(SAVE_CAP * 4)  # sparse: costs no disk
    with pytest.raises(SaveError, match="larger than"):
        read_save(path)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ReadRefused, match="folder"):
        read_regular(tmp_path, 100, "save")


def test_a_rewrite_keeps_the_files_permissions(tmp_path):
    """Replacing a file keeps its mode (0.1 turned every rewritten file into 0600)."""
    path = tmp_path / "shared.json"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text() == "new" and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_write_never_replaces_a_folder(tmp_path):
    """Writing to a folder's name is refused in one line; the folder and its files stay."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep")
    with pytest.raises(WriteFailed, match="this is a folder"):
        write_atomic(folder, "x")
    assert (folder / "keep.txt").read_text() == "keep" and os.listdir(folder) == ["keep.txt"]


def test_a_write_never_replaces_a_device_or_fifo(tmp_path):
    """A FIFO or /dev/null is never replaced by a regular file, and writing never blocks."""
    path = fifo(tmp_path)
    with pytest.raises(WriteFailed, match="special file"):
        write_atomic(path, "x")
    assert stat.S_ISFIFO(path.stat().st_mode)
    if os.path.exists("/dev/null") and os.access("/dev", os.W_OK):
        with pytest.raises(WriteFailed, match="special file"):
            write_atomic(Path("/dev/null"), "x")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_write_through_a_link_keeps_the_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_file_in_the_way_of_the_folder_is_one_line(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(WriteFailed, match="is a file, not a folder|file is in the way"):
        write_atomic(blocker / "games" / "g.json", "x")
    assert blocker.read_text() == "not a folder"


def test_temporaries_of_interrupted_writes_are_cleaned_up(tmp_path):
    """A temporary whose writer is gone (or one from 0.1, once old) goes; a live writer's stays."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    dead = tmp_path / f".g.json.{gone}.0a1b2c3d.tmp"
    live = tmp_path / f".g.json.{os.getpid()}.0a1b2c3d.tmp"
    old = tmp_path / ".autosave.json.ab_cd123.tmp"
    young = tmp_path / ".other.json.xy_z9876.tmp"
    keep = tmp_path / "g.json"
    for path in (dead, live, old, young, keep):
        path.write_text("x")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    assert sorted(clean_stale_temps(tmp_path)) == sorted([dead, old])
    assert live.exists() and young.exists() and keep.exists()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    """A full disk mid-write keeps the old content whole and removes the temporary."""
    path = tmp_path / "g.json"
    path.write_text("good")

    def full(fd, data):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(WriteFailed, match="the disk is full"):
        write_atomic(path, "new")
    monkeypatch.undo()
    assert path.read_text() == "good" and os.listdir(tmp_path) == ["g.json"]


def test_settings_sized_json_reads_are_bounded(tmp_path):
    """The bounded JSON reader used for settings refuses a big file by its size."""
    from game.files.bounded import read_json
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"ui_scale": 1.0, "pad": "x" * 200_000}))
    with pytest.raises(ReadRefused, match="larger than"):
        read_json(path, 65_536, "settings file")


def test_the_settings_reader_is_bounded_too(tmp_path):
    """The window's settings: a FIFO gives the defaults at once; deep nesting gives the defaults."""
    from game.ui.settings import Settings, load_settings
    os.mkfifo(tmp_path / "settings.json")
    settings, warning = load_settings(tmp_path)
    assert settings == Settings() and "FIFO" in warning
    os.unlink(tmp_path / "settings.json")
    (tmp_path / "settings.json").write_text("[" * 30_000 + "]" * 30_000)
    settings, warning = load_settings(tmp_path)
    assert settings == Settings() and "nested" in warning


def _valid_save(folder: Path) -> Path:
    from game.authoring.loader import load_scenario
    from game.session.library import GameLibrary
    from game.session.session import Seat, Session

    scenario = Path(__file__).parent / "fixtures" / "save-0.1-scenario.yaml"
    sc = load_scenario(scenario)
    session = Session(sc, 8, {r: Seat(False) for r in sc.role_ids}, None, str(scenario))
    lib = GameLibrary(folder)
    lib.attach(session)
    session.play_ai(one_round=True)
    return lib.save(session)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=int(os.environ.get("DETENTE_FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_save_is_refused_or_resumed_never_a_crash(tmp_path_factory, data):
    """Any field of a save replaced by any JSON value: the game resumes or one line says why."""
    from game.authoring.scenarios import ScenarioLoadError
    from game.session.library import GameLibrary

    folder = tmp_path_factory.mktemp("damaged")
    path = _valid_save(folder)
    record = json.loads(path.read_text())
    target = record
    keys = data.draw(st.lists(st.sampled_from(["seats", "moves", "notes", "scenario", "roles",
                                               "actions", "rules", "0", "1", "north", "text"]),
                              max_size=2))
    for key in keys:  # walk into the save a little way before damaging it
        child = target.get(key) if isinstance(target, dict) else (
            target[int(key)] if isinstance(target, list) and key.isdigit()
            and int(key) < len(target) else None)
        if isinstance(child, (dict, list)) and child:
            target = child
    if isinstance(target, dict):
        target[data.draw(st.sampled_from(sorted(target)))] = data.draw(JSON_VALUES)
    else:
        target[data.draw(st.integers(0, len(target) - 1))] = data.draw(JSON_VALUES)
    path.write_text(json.dumps(record))
    try:
        GameLibrary(folder).resume(path)
    except (SaveError, ScenarioLoadError) as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)


ROLES = ["north", "south", "nato", ""]
ACTION_IDS = ["gift", "wait", "shout", "promise", "treaty", "demand", "observe", "propose_talks",
              "propose_centre", "leave", "nonsense"]
ACTIONS = st.builds(lambda r, a, t: f"{r}:{a}" + (f"@{t}" if t else ""),
                    st.sampled_from(ROLES[:3]), st.sampled_from(ACTION_IDS),
                    st.sampled_from(ROLES))
MOVES = st.one_of(
    st.builds(lambda r, acts: " ".join(["O", r, *acts]), st.sampled_from(ROLES[:3]),
              st.lists(ACTIONS, max_size=3)),
    st.builds(lambda r, ds: " ".join(["R", r, *ds]), st.sampled_from(ROLES[:3]),
              st.lists(st.builds(lambda ok, a: ("+" if ok else "-") + a, st.booleans(), ACTIONS),
                       max_size=2)),
    st.builds(lambda e: f"E {e}", st.sampled_from(["opening", "alarm", "rumour", "nope"])),
    st.just("X"))


@settings(max_examples=int(os.environ.get("DETENTE_FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(MOVES, max_size=12))
def test_any_move_log_resumes_or_is_refused(tmp_path_factory, moves):
    """A save whose move log is any sequence of well-formed moves resumes or is refused in one line."""
    from game.session.library import GameLibrary

    folder = tmp_path_factory.mktemp("moves")
    path = _valid_save(folder)
    record = json.loads(path.read_text())
    record["moves"] = moves
    path.write_text(json.dumps(record))
    try:
        GameLibrary(folder).resume(path)
    except SaveError as exc:
        assert "\n" not in str(exc)
