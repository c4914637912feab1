"""A companion translation given where a scenario is expected: one line naming the scenario.

    error: x.ru.yaml is the ru translation of x.yaml: give x.yaml (add --lang ru to play
    it in that language)

Every command that loads a scenario goes through game.authoring.companion.companion_given
(via game.authoring.scenarios.load_for_play, or the lab's load), never the schema's ten
missing keys.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def pair(tmp_path):
    """A scenario and its Russian companion, copied into a folder of their own."""
    for name in ("stockholm-1986.yaml", "stockholm-1986.ru.yaml"):
        shutil.copy(ROOT / "scenarios" / name, tmp_path / name)
    return tmp_path / "stockholm-1986.yaml", tmp_path / "stockholm-1986.ru.yaml"


COMMANDS = {
    "frontier": lambda c, t: ["frontier", c],
    "text": lambda c, t: ["text", "--scenario", c, "--human", "none"],
    "simulate": lambda c, t: ["simulate", c, "--games", "2", "--quiet"],
    "briefs": lambda c, t: ["briefs", c, "--out", str(t / "briefs.html")],
    "play": lambda c, t: ["--scenario", c, "--screenshot", str(t / "shots")],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_companion_for_a_scenario_is_one_line(command, pair, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    scenario, companion = pair
    status = main.main(COMMANDS[command](str(companion), tmp_path))
    out = capsys.readouterr()
    lines = (out.out + out.err).splitlines()
    assert status == 2
    assert len(lines) == 1, lines
    assert f"{companion} is the ru translation of {scenario}: give {scenario}" in lines[0]
    assert "(add --lang ru to play it in that language)" in lines[0]
    assert not (tmp_path / "briefs.html").exists()


def test_translate_names_the_scenario_without_the_play_hint(pair, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    scenario, companion = pair
    before = companion.read_bytes()
    status = main.main(["translate", str(companion), "--lang", "de"])
    err = capsys.readouterr().err
    assert status == 2
    assert err == f"error: {companion} is the ru translation of {scenario}: give {scenario}\n"
    assert companion.read_bytes() == before


def test_host_refuses_a_companion_before_serving(pair, tmp_path):
    scenario, companion = pair
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "host", "--scenario",
                           str(companion), "--port", "8799"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path,
                          env={**os.environ, "DETENTE_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 2
    assert done.stderr.strip().endswith(
        f"is the ru translation of {scenario}: give {scenario} (add --lang ru to play it in "
        "that language)")
    assert len(done.stderr.splitlines()) == 1


def test_check_still_checks_a_companion(pair, capsys):
    _scenario, companion = pair
    assert main.main(["check", str(companion)]) == 0
    assert "translation of" in capsys.readouterr().out
