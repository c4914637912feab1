"""A wrong flag or a wrong value, for every command: one line on stderr, status 2, no usage.

    error: text: argument --seed: invalid int value: 'abc'; see: python main.py text --help

Every parser of the program (the command line, its sub-commands, the window's) is a
game.words.arguments.Parser; these tests go through `main.main(argv)` in-process.
"""

from __future__ import annotations

import pytest

from game.cli import main

#: A value each command's parser refuses, beside the flag no command has.
BAD_VALUES = {
    "play": ["--scale", "abc"],
    "text": ["--seed", "abc"],
    "new": ["x.yaml"],  # --roles is required
    "check": ["--strict=yes", "x.yaml"],
    "replay": [],  # FILE is required
    "simulate": ["x.yaml", "--games", "abc"],
    "frontier": [],  # SCENARIO is required
    "debrief": [],  # FILE is required
    "whatif": ["x.json", "--round", "abc"],
    "classdebrief": ["x.json"],  # --out is required
    "briefs": [],  # --out is required
    "schema": ["--out"],  # --out needs a file
    "host": ["--port", "abc"],
    "translate": ["x.yaml"],  # --lang is required
}


#: What each command requires, so that the unknown flag is the only fault.
REQUIRED = {
    "new": ["x.yaml", "--roles", "a,b"], "whatif": ["x.json", "--round", "1"],
    "classdebrief": ["x.json", "--out", "x.html"], "briefs": ["--out", "x.html"],
    "translate": ["x.yaml", "--lang", "ru"],
}


def test_every_command_has_a_bad_value_case():
    assert set(BAD_VALUES) == set(main.commands())


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main.main(argv)
    out = capsys.readouterr()
    return stop.value.code, out.out, out.err


def _assert_one_line(command: str, status: int, out: str, err: str) -> None:
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {command}: "), err
    assert lines[0].endswith(f"; see: python main.py {command} --help"), err
    assert "usage:" not in err and "Traceback" not in err


@pytest.mark.parametrize("command", sorted(BAD_VALUES))
def test_a_bad_value_is_one_line_naming_the_command(command, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    argv = ([] if command == "play" else [command]) + BAD_VALUES[command]
    _assert_one_line(command, *_run(argv, capsys))


@pytest.mark.parametrize("command", sorted(BAD_VALUES))
def test_an_unknown_flag_is_reported_by_its_own_command(command, capsys, monkeypatch):
    """`check --bogus x.yaml` is `check`'s error, not the top-level parser's."""
    monkeypatch.setattr("sys.argv", ["main.py"])
    status, out, err = _run([command, "--bogus", "x", *REQUIRED.get(command, [])], capsys)
    _assert_one_line(command, status, out, err)
    assert "--bogus" in err


def test_an_unknown_command_names_the_top_level_help(capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    status, out, err = _run(["nonsense"], capsys)
    assert status == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith("error: ") and err.rstrip().endswith("; see: python main.py --help")
    assert "'nonsense'" in err


def test_the_error_is_in_the_chosen_language(capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    try:
        status, out, err = _run(["text", "--lang", "ru", "--seed", "abc"], capsys)
    finally:
        from game.words.i18n import set_language

        set_language("en")
    assert status == 2 and len(err.splitlines()) == 1 and "usage" not in err
    assert "--seed" in err and "abc" in err
