"""The three ways to start Détente (`detente`, `python -m detente`, `python main.py`) run one
command line, name themselves in help and hints, and report the version."""

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from game import program
from game.cli import main as cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("argv0", "expected"), [
    ("main.py", "python main.py"),
    ("/home/teacher/detente/main.py", "python main.py"),
    ("/venv/lib/python3.11/site-packages/detente/__main__.py", "python -m detente"),
    ("/home/teacher/.local/bin/detente", "detente"),
    (r"C:\Users\t\pipx\venvs\detente\Scripts\detente.exe", "detente"),
    (r"C:\Users\t\AppData\Local\Programs\Python\Scripts\detente-script.py", "detente"),
    (r"C:\Users\t\Desktop\detente\main.py", "python main.py"),
    ("", "detente"),
])
def test_the_program_is_named_as_it_was_started(argv0, expected):
    assert program.name(argv0) == expected


def test_the_version_comes_from_the_package_metadata(capsys):
    assert program.version() == metadata.version("detente")
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"Détente {metadata.version('detente')}"


def test_a_checkout_that_was_never_installed_says_so(monkeypatch):
    def missing(_name):
        raise metadata.PackageNotFoundError("detente")

    monkeypatch.setattr(metadata, "version", missing)
    assert program.version().startswith("unknown (not installed")


def test_the_console_script_runs_the_command_line():
    """pyproject.toml's `detente` entry point is game.cli.main:main."""
    found = [e for e in metadata.entry_points(group="console_scripts") if e.name == "detente"]
    assert [e.value for e in found] == ["game.cli.main:main"]
    assert found[0].load() is cli.main


def _help(*start: str) -> str:
    done = subprocess.run([*start, "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout


def test_every_entry_lists_every_command_under_its_own_name():
    """The same parser behind main.py and `python -m detente`; the usage line names each."""
    for start, prog in (([sys.executable, "main.py"], "python main.py"),
                        ([sys.executable, "-m", "detente"], "python -m detente")):
        text = _help(*start)
        assert text.startswith(f"usage: {prog} ")
        listed = re.findall(r"^    (\w+)(?: |$)", text, re.MULTILINE)
        assert tuple(listed) == cli.commands()
    assert {"play", "text", "host", "check", "new", "simulate", "replay", "debrief", "whatif",
            "schema"} <= set(cli.commands())


def test_a_command_help_names_the_program():
    done = subprocess.run([sys.executable, "-m", "detente", "check", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.startswith("usage: python -m detente check ")
