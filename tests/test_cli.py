"""The command line under wrong, missing, negative, huge, non-numeric and special-file arguments.

Every case runs in-process through `main.main(argv)`: a traceback would fail the test
with the exception itself. A hypothesis test then throws argument lists built from the
same hostile values at every subcommand (set DETENTE_FUZZ_EXAMPLES for a longer run).
"""

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring.loader import load_scenario
from game.cli import main
from game.session.library import GameLibrary
from game.session.session import Seat, Session

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "tests" / "engine" / "fixtures" / "save-0.1-scenario.yaml"


def make_files(folder: Path) -> dict[str, Path]:
    """Every kind of argument the command line must survive, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    f = {name: folder / name for name in (
        "fifo", "dir", "missing.json", "notes.txt", "deep.json", "hugeint.json", "nan.json",
        "garbage.yaml", "scenario.yaml")}
    os.mkfifo(f["fifo"])
    f["dir"].mkdir()
    f["notes.txt"].write_text("my notes\n")
    f["deep.json"].write_text("[" * 50_000 + "]" * 50_000)
    f["hugeint.json"].write_text('{"format": "detente-save", "version": 2, "seed": ' + "7" * 9000 + "}")
    f["nan.json"].write_text('{"format": "detente-save", "version": 2, "seed": NaN}')
    f["garbage.yaml"].write_bytes(b"id: [unclosed\n\x00\xff")
    shutil.copy(SCENARIO, f["scenario.yaml"])
    lib = GameLibrary(folder / "library")
    sc = load_scenario(SCENARIO)
    for name, finish in (("unfinished", False), ("finished", True)):
        s = Session(sc, 3, {r: Seat(False) for r in sc.role_ids}, None, str(f["scenario.yaml"]))
        lib.attach(s)
        s.play_ai(one_round=not finish)
        f[name] = folder / f"{name}.json"
        shutil.copy(lib.save(s), f[name])
    data = json.loads(f["unfinished"].read_text())
    data["seats"]["atlantis"] = {"human": True, "persona": "reciprocator"}
    f["extra-role"] = folder / "extra-role.json"
    f["extra-role"].write_text(json.dumps(data))
    f["zero"] = Path("/dev/zero")
    return f


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return make_files(tmp_path_factory.mktemp("cli"))


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """A private data folder, an empty keyboard, no display, and a guard against hangs."""
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DETENTE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr("game.ui.display.display_available", lambda: (False, "no display"))
    monkeypatch.setattr("game.lab.simulate.MAX_GAMES", 40)  # keeps every accepted run small

    def hang(*_):
        raise TimeoutError("the command hung")
    old = signal.signal(signal.SIGALRM, hang)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def run(argv: list[str], capfd, seconds: int = 60) -> tuple[int, str]:
    """Exit status and all output of one command, run in this process."""
    capfd.readouterr()
    signal.alarm(seconds)
    try:
        status = main.main(argv)
    except SystemExit as exc:  # argparse's own errors and --help
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        signal.alarm(0)
    out = capfd.readouterr()
    return status, out.out + out.err


def cases(f):
    s = str
    return [
        (["--screenshot", s(f["notes.txt"])], 2, "not a folder"),
        (["--screenshot", s(f["fifo"])], 2, "not a folder"),
        (["--quit-after", "nan"], 2, "--quit-after nan"),
        (["--quit-after", "-1"], 2, "--quit-after -1"),
        (["--scale", "inf"], 2, "--scale inf"),
        (["schema", "--out", s(f["dir"])], 2, "this is a folder"),
        (["schema", "--out", s(f["fifo"])], 2, "FIFO"),
        (["schema", "--out", s(f["notes.txt"])], 2, "not an earlier scenario schema"),
        (["simulate", s(f["scenario.yaml"]), "--games", "1", "--json", s(f["notes.txt"])], 2,
         "not an earlier balance report"),
        (["debrief", s(f["unfinished"]), "--out", s(f["dir"])], 2, "this is a folder"),
        (["debrief", s(f["unfinished"]), "--out", s(f["unfinished"])], 2, "saved game itself"),
        (["debrief", s(f["unfinished"]), "--out", s(f["notes.txt"])], 2, "not an earlier debrief"),
        (["debrief", s(f["extra-role"])], 2, "atlantis"),
        (["debrief", s(f["fifo"])], 2, "FIFO"),
        (["simulate", s(f["scenario.yaml"]), "--games", "1000000000"], 2, "at most"),
        (["simulate", s(f["scenario.yaml"]), "--games", "-5"], 2, "at least 1"),
        (["simulate", s(f["scenario.yaml"]), "--games", "1", "--workers", "100000"], 2, "--workers"),
        (["simulate", s(f["scenario.yaml"]), "--games", "nan"], 2, "invalid int"),
        (["simulate", s(f["scenario.yaml"]), "--games", "1", "--json", s(f["fifo"])], 2, "FIFO"),
        (["simulate", s(f["scenario.yaml"]), "--games", "1", "--csv", s(f["dir"])], 2, "folder"),
        (["simulate", s(f["fifo"])], 2, s(f["fifo"])),
        (["check", s(f["fifo"])], 2, "FIFO"),
        (["check", s(f["zero"])], 2, "device"),
        (["check", s(f["garbage.yaml"])], 2, "garbage.yaml"),
        (["replay", s(f["fifo"])], 2, "FIFO"),
        (["replay", s(f["zero"])], 2, "device"),
        (["replay", s(f["deep.json"])], 2, "nested"),
        (["replay", s(f["hugeint.json"])], 2, "9,000 digits"),
        (["replay", s(f["nan.json"])], 2, "NaN"),
        (["replay", s(f["extra-role"])], 2, "atlantis"),
        (["replay", s(f["finished"])], 0, "verified"),
        (["text", "--scenario", s(f["fifo"])], 2, "FIFO"),
        (["text", "--scenario", s(f["zero"])], 2, "device"),
        (["text", "--resume", s(f["extra-role"])], 2, "atlantis"),
        (["text", "--resume", s(f["deep.json"])], 2, "nested"),
        (["text", "--resume", s(f["finished"])], 0, "already over"),
        (["text", "--resume"], 2, "no unfinished game"),
        (["text", "--resume", s(f["unfinished"]), "--seed", "4"], 2, "--seed cannot be used"),
        (["text", "--seed", "1" + "0" * 30], 2, "--seed"),
        (["text", "--rounds", "9" * 30], 2, "--rounds"),
        (["text", "--human", "none", "--rounds", "1", "--seed", "-3"], 0, "Replay saved"),
        (["nonsense"], 2, "invalid choice"),
    ]


CASE_IDS = [" ".join(Path(a).name if "/" in a else a for a in c[0]) for c in cases(
    {k: Path(k) for k in ("notes.txt", "fifo", "dir", "unfinished", "extra-role", "scenario.yaml",
                          "zero", "garbage.yaml", "deep.json", "hugeint.json", "nan.json",
                          "finished")})]


@pytest.mark.parametrize("index", range(len(CASE_IDS)), ids=CASE_IDS)
def test_bad_arguments_get_one_line_and_status_2(files, capfd, index):
    """Each hostile argument ends with its status and a message naming the problem."""
    argv, status, expected = cases(files)[index]
    code, output = run(argv, capfd)
    assert (code, expected in output) == (status, True), output[-800:]
    assert "Traceback" not in output


def test_files_given_are_left_untouched(files, capfd):
    """After every hostile case, the files named are as they were."""
    watched = ["notes.txt", "unfinished", "extra-role", "deep.json", "hugeint.json"]
    before = {k: files[k].read_bytes() for k in watched}
    for argv, _, _ in cases(files):
        if "--resume" not in argv:
            run(argv, capfd)
    assert {k: files[k].read_bytes() for k in watched} == before


def test_debrief_replaces_only_its_own_earlier_debrief(files, capfd, tmp_path):
    out = tmp_path / "debrief.html"
    assert run(["debrief", str(files["finished"]), "--out", str(out)], capfd)[0] == 0
    assert run(["debrief", str(files["finished"]), "--out", str(out)], capfd)[0] == 0
    assert out.read_text().startswith("<!doctype html>")


def test_schema_works_from_any_folder(tmp_path):
    """`schema` needs no particular working folder: to stdout, or to a file named there."""
    env = {**os.environ, "DETENTE_DATA_DIR": str(tmp_path / "data")}
    to_stdout = subprocess.run([sys.executable, str(ROOT / "main.py"), "schema", "--out", "-"],
                               cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert to_stdout.returncode == 0 and json.loads(to_stdout.stdout)["title"]
    to_file = subprocess.run([sys.executable, str(ROOT / "main.py"), "schema", "--out", "s.json"],
                             cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert to_file.returncode == 0 and json.loads((tmp_path / "s.json").read_text())["title"]


def vocabulary(f) -> list[str]:
    """Flags of every subcommand and hostile values to go with them."""
    flags = ["--seed", "--rounds", "--human", "--persona", "--resume", "--scenario", "--games",
             "--roles", "--strict", "--html", "--games-csv", "--detail",
             "--workers", "--personas", "--assign", "--json", "--csv", "--out", "--quiet",
             "--scale", "--quit-after", "--screenshot", "--high-contrast", "--windowed", "-h"]
    values = ["-1", "0", "1", "2", "nan", "inf", "-inf", "1e309", "9" * 40, "abc", "", "none",
              "moscow", "north", "north=legalist:hard", "x=y", "reciprocator,legalist", "²", "١٢",
              "\x00", "../..", "/"]
    return flags + values + [str(p) for p in f.values()] + [str(f["dir"] / "new.json")]


COMMANDS = ["play", "text", "new", "check", "replay", "debrief", "simulate", "schema", "bogus",
            "--scale"]  # not host: it serves until stopped


@settings(max_examples=int(os.environ.get("DETENTE_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_argument_list_gives_a_traceback(files, capfd, data):
    """Any argument list ends with a status (0, 1, 2 or 130) and never a traceback or a hang."""
    words = vocabulary(files)
    argv = [data.draw(st.sampled_from(COMMANDS))] + data.draw(
        st.lists(st.sampled_from(words), max_size=6))
    if "schema" in argv[:1] and "--out" not in argv:
        argv += ["--out", "-"]  # never rewrite the repository's own schema file
    with contextlib.chdir(files["dir"]):  # a relative --out never lands in the checkout
        code, output = run(argv, capfd)
    assert code in (0, 1, 2, 130), (argv, code)
    assert "Traceback" not in output and "internal error" not in output, (argv, output[-800:])
