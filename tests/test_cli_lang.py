"""--lang on every command: the words of its output are in that language, and a language
without a catalogue is one line naming those there are, with exit status 2."""

from __future__ import annotations

import pytest

from game.cli.main import build_parser, commands, main
from game.resources import scenario_dir
from game.words import i18n

SCENARIO = str(scenario_dir() / "missile-defence-2011.yaml")
#: The least each command needs besides --lang (the files need not exist: the language
#: is checked before any file is read).
ARGS = {"text": [], "new": ["x.yaml", "--roles", "a,b"], "check": [SCENARIO],
        "replay": ["save.json"], "debrief": ["save.json"], "simulate": [SCENARIO],
        "whatif": ["save.json", "--round", "1"], "classdebrief": ["a.json", "--out", "c.html"],
        "briefs": [SCENARIO, "--out", "b.html"], "frontier": [SCENARIO], "schema": [],
        "host": [], "play": []}


@pytest.fixture(autouse=True)
def english():
    yield
    i18n.set_language("en")


def test_the_brief_names_every_command_that_takes_it():
    named = {"play", "text", "host", "check", "simulate", "replay", "debrief", "whatif", "new",
             "frontier"}
    assert named <= set(commands())


@pytest.mark.parametrize("command", [c for c in commands() if c not in ("play", "translate")])
def test_every_command_takes_lang(command):
    parser = build_parser()
    args = parser.parse_args([command, *ARGS[command], "--lang", "ru"])
    assert args.lang == "ru"


@pytest.mark.parametrize("command", [c for c in commands() if c != "translate"])
def test_an_unknown_language_is_one_line_and_status_2(command, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main([command, *ARGS[command], "--lang", "xx"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: --lang xx: unknown language 'xx'; available: en, ru"]
    assert not list(tmp_path.iterdir()), "nothing is written"


def test_the_window_takes_lang_before_its_own_options(capsys):
    assert main(["--lang", "xx", "--scale", "1.5"]) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err


def test_check_speaks_russian_with_lang_ru(capsys):
    assert main(["check", SCENARIO, "--lang", "ru"]) == 0
    assert "3 роли" in capsys.readouterr().out


def test_the_environment_chooses_without_lang(capsys, monkeypatch):
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert main(["check", SCENARIO]) == 0
    assert "3 роли" in capsys.readouterr().out
    assert main(["check", SCENARIO, "--lang", "en"]) == 0  # --lang comes first
    assert "3 roles" in capsys.readouterr().out


def test_the_settings_keep_a_language(tmp_path):
    """The window's Settings save the language chosen ("" follows the environment)."""
    from game.ui.settings import Settings, load_settings, save_settings

    save_settings(Settings(language="ru"), tmp_path)
    assert load_settings(tmp_path)[0].language == "ru"
    (tmp_path / "settings.json").write_text('{"ui_scale": 1.0}')
    assert load_settings(tmp_path) == (Settings(language=""), None)  # older files still load
