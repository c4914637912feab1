"""Every file name the game writes, and every file in the repository, is valid on Windows
and macOS too: none of `<>:"/\\|?*` or control characters, no trailing dot or space, no
device name (CON, NUL, COM1...) before the first dot, and no two names in one folder
that differ only in case (one file on Windows' and macOS' file systems).

The names are taken from the game as it runs: a text-mode game and its debrief, a second
game of the same name, the command line's debrief, the host's files and finished
replay, the settings, the guided game's memory and the window's debrief exports, then
every file found in the data and settings folders.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from game.session.library import GameFile, GameLibrary
from game.session.saves import SEED_MAX, SEED_MIN
from game.session.session import Seat, Session
from tests.helpers import default_scenario

ROOT = Path(__file__).resolve().parents[1]
DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
           *(f"{d}{n}" for d in ("COM", "LPT") for n in "123456789¹²³")}
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def name_problem(name: str) -> str | None:
    """Why `name` (one path component) cannot be a file name on Windows, or None."""
    if not name or name in (".", ".."):
        return "empty"
    if FORBIDDEN.search(name):
        return f"holds {FORBIDDEN.search(name).group()!r}"
    if name[-1] in ". ":
        return "ends in a dot or space"
    if name.split(".")[0].rstrip(" ").upper() in DEVICES:
        return "is a device name"
    if len(name) > 255:
        return "is longer than 255 characters"
    return None


def problems(paths: list[str]) -> list[str]:
    """Every component that is not a portable name, and every case-only clash."""
    found = [f"{p}: {part!r} {why}" for p in paths for part in p.split("/")
             if (why := name_problem(part))]
    seen: dict[str, str] = {}
    for p in sorted(paths):
        clash = seen.setdefault(p.lower(), p)
        if clash != p:
            found.append(f"{p} and {clash} differ only in case")
    return found


@pytest.mark.parametrize("name", ["a:b.json", "con", "CON.txt", "nul.tar.gz", "com1.html",
                                  "lpt9", "x.", "x ", "a<b", "tab\there", "a|b", "a?", ""])
def test_the_rule_refuses_what_windows_refuses(name):
    assert name_problem(name)


@pytest.mark.parametrize("name", ["missile-defence-2011_2026-11-30_081632_seed4711.json",
                                  "console.json", "con-seed3.html", "nul_2026.json", ".a.json.1.ab.tmp",
                                  "settings.json.bak", "Détente.html"])
def test_the_rule_passes_ordinary_names(name):
    assert name_problem(name) is None


def test_case_only_clashes_are_found():
    assert problems(["docs/Readme.md", "docs/README.md", "docs/other.md"]) == [
        "docs/Readme.md and docs/README.md differ only in case"]


def _repository_files() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                                timeout=60, check=True).stdout.decode("utf-8")
        return [p for p in listed.split("\0") if p]
    except (OSError, subprocess.CalledProcessError):  # an unpacked sdist has no git
        skip = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis",
                "build", "dist", "screenshots"}
        return [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file()
                and not skip & set(p.relative_to(ROOT).parts)
                and not any(part.endswith(".egg-info") for part in p.parts)]


def test_every_file_in_the_repository_has_a_portable_name():
    files = _repository_files()
    assert "main.py" in files and "scenarios/tutorials/missile-defence-2011.yaml" in files
    assert problems(files) == []


# --- names the game writes -------------------------------------------------------------------

@pytest.fixture
def folders(tmp_path, monkeypatch) -> tuple[Path, Path]:
    data, config = tmp_path / "data", tmp_path / "config"
    monkeypatch.setenv("DETENTE_DATA_DIR", str(data))
    monkeypatch.setenv("DETENTE_CONFIG_DIR", str(config))
    return data, config


def _written(*folders: Path) -> list[str]:
    return [p.relative_to(f).as_posix() for f in folders for p in f.rglob("*")]


def test_every_file_the_game_writes_has_a_portable_name(folders, capsys):
    from game.cli.main import main

    data, config = folders
    assert main(["text", "--human", "none", "--seed", "7"]) == 0
    save = next((data / "games").glob("*.json"))
    assert main(["debrief", str(save)]) == 0
    GameLibrary().create_file(save.name, "{}")  # a second game of the same name: name-2
    _host_files()
    _window_files()
    from game.guide.tutorial import remember
    from game.ui.settings import Settings, save_settings

    save_settings(Settings())
    save_settings(Settings(ui_scale=1.5))
    assert remember("left")
    capsys.readouterr()
    written = _written(data, config)
    assert {"games", "tutorial.json", "settings.json", f"games/{save.stem}.html",
            f"games/{save.stem}-2.json"} <= set(written), written
    names = {Path(w).name for w in written}
    assert {"game.json", "seats.json"} <= names  # the host's, in a folder per table
    assert any(w.startswith("debriefs/") for w in written)
    assert problems(written) == []


def _host_files() -> None:
    import argparse

    from game.net.cli import open_game
    from game.session.saves import finished_replay_path

    args = argparse.Namespace(new=True, scenario=None, rounds=2, seat=[], seed=3, lan=False,
                              bind=None, port=8000)
    session, _found = open_game(args)
    path = finished_replay_path(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}", encoding="utf-8")


def _window_files() -> None:
    """The window's debrief exports (end screen, and a what-if branch), called on the
    screens' own methods with only the fields they use."""
    from game.debrief.whatif import Change, branch, choices, script_of
    from game.ui.play.end import EndScene
    from game.ui.screens.whatif import WhatIfScene

    sc = default_scenario()
    ai = Session(sc, 11, {r: Seat(False) for r in sc.role_ids})
    ai.play_ai()
    EndScene.export(SimpleNamespace(scenario=sc, session=ai, invalidate=lambda: None))
    script = script_of(ai)
    role = sc.role_ids[-1]
    change = Change(2, role, orders=(choices(ai, 2, role, script).menu[-1],))
    result = branch(ai, change, script)
    WhatIfScene._export(SimpleNamespace(sc=sc, session=ai, result=result, invalidate=lambda: None))


@pytest.mark.parametrize("scenario_id", ["con", "nul", "aux", "com1", "lpt1", "prn",
                                         "a" * 40, "x_y_z"])
@pytest.mark.parametrize("seed", [SEED_MIN, 0, SEED_MAX])
def test_save_and_replay_names_from_any_scenario_id_and_seed(scenario_id, seed):
    """Scenario ids may be device names (`con` is a valid id) and seeds any in range."""
    from game.session.saves import finished_replay_path

    session = SimpleNamespace(scenario=SimpleNamespace(id=scenario_id), seed=seed, log=())
    hook = GameFile(GameLibrary.__new__(GameLibrary), "2026-11-30T08:16:32+00:00")
    names = [hook.file_name(session), finished_replay_path(session).name,
             f"{Path(hook.file_name(session)).stem}.html"]
    assert [n for n in names if name_problem(n)] == []
