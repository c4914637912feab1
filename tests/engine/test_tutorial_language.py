"""The guided game in another language: the tutorial's companion is read and used, a
stale or missing text falls back to English, `check` reads a tutorial's companion as
one, and the text mode's reminder keeps its menu numbers in Russian."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from game.authoring.check import run_check
from game.authoring.scenarios import DEFAULT_SCENARIO
from game.authoring.tutorial_companion import is_tutorial_companion, tutorial_texts
from game.cli.main import build_parser
from game.guide.tutorial import english_texts, load_tutorial, tutorial_path, tutorial_session
from game.session.turns import turn
from game.textui.console import Console
from game.textui.main import run_text
from game.textui.tutorial import suggested_items, suggestion_hint
from game.words import i18n
from tests.helpers import default_scenario

SC = default_scenario()
TUTORIAL = tutorial_path(DEFAULT_SCENARIO)
COMPANION = TUTORIAL.with_name(f"{TUTORIAL.stem}.ru.yaml")


@pytest.fixture(autouse=True)
def english():
    yield
    i18n.set_language("en")


@pytest.fixture
def copied(tmp_path) -> Path:
    """The default scenario, its tutorial and the tutorial's Russian companion, in tmp_path;
    returns the companion's path."""
    shutil.copy(DEFAULT_SCENARIO, tmp_path / DEFAULT_SCENARIO.name)
    (tmp_path / "tutorials").mkdir()
    shutil.copy(TUTORIAL, tmp_path / "tutorials" / TUTORIAL.name)
    shutil.copy(COMPANION, tmp_path / "tutorials" / COMPANION.name)
    return tmp_path / "tutorials" / COMPANION.name


def _check(*paths) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = run_check([str(p) for p in paths], out, io.StringIO())
    return status, out.getvalue().splitlines()


def test_the_shipped_companion_carries_every_text_of_the_tutorial():
    """Every key, its `en` the tutorial's English exactly, and `check` finds nothing."""
    english = english_texts(load_tutorial(TUTORIAL, SC, "en"))
    status, out = _check(COMPANION)
    assert status == 0 and out == [f"{COMPANION}: ok (translation of {TUTORIAL.name})"], out
    assert len(english) > 20 and is_tutorial_companion(COMPANION)


def test_the_coach_speaks_russian_under_set_language_ru():
    english = load_tutorial(TUTORIAL, SC, "en")
    i18n.set_language("ru")
    russian = load_tutorial(TUTORIAL, SC)
    assert russian.welcome.startswith("Добро пожаловать") and "наставник" in russian.farewell
    for en, ru in zip(english.steps, russian.steps, strict=True):
        assert (ru.id, ru.suggest, ru.odds, ru.conditions) == (en.id, en.suggest, en.odds,
                                                                en.conditions)
        assert ru.title != en.title and re.search("[а-яё]", ru.text)
        assert (ru.try_ is None) == (en.try_ is None)
    assert english_texts(russian).keys() == english_texts(english).keys()


def test_a_stale_or_missing_text_falls_back_to_english(copied):
    path = copied.with_name(TUTORIAL.name)
    english = load_tutorial(path, SC, "en")
    text = copied.read_text(encoding="utf-8")
    old = english.steps[0].title
    assert f"    en: {old}\n" in text
    text = text.replace(f"    en: {old}\n", "    en: An older heading\n", 1)  # stale
    start = text.index("  farewell:\n")
    copied.write_text(text[:start], encoding="utf-8")  # the farewell is missing
    i18n.set_language("ru")
    tutorial = load_tutorial(path, SC)
    assert tutorial.steps[0].title == old and tutorial.farewell == english.farewell
    assert tutorial.steps[1].title != english.steps[1].title  # the rest stays Russian
    assert tutorial.welcome != english.welcome


def test_check_reports_a_missing_key_of_a_tutorial_companion_with_its_line(copied):
    lines = copied.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line == "  steps.talks.try:\n")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    copied.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    next_line = start + 1  # where the entry after the dropped one now sits: it belongs there
    for checked in (copied, copied.parent.parent / DEFAULT_SCENARIO.name):
        status, out = _check(checked)
        assert status == 0, out  # a warning: the text shows in English
        missing = [line for line in out if "[translation-missing]" in line]
        assert len(missing) == 1 and "steps.talks.try" in missing[0], out
        assert missing[0].startswith(f"{copied}:{next_line}:3: warning: ")
        assert "translate" not in missing[0]  # no command writes a tutorial's companion
        assert not any("has errors" in line or "missing required key" in line for line in out)


def test_a_tutorial_companion_is_known_by_its_keys_outside_the_tutorials_folder(copied, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(copied.with_name(TUTORIAL.name), other / "guide.yaml")
    shutil.copy(copied, other / "guide.ru.yaml")
    assert is_tutorial_companion(other / "guide.ru.yaml")
    assert not is_tutorial_companion(DEFAULT_SCENARIO.with_name("missile-defence-2011.ru.yaml"))


def test_tutorial_texts_lists_each_step_field_by_key():
    data = {"welcome": "Hi", "steps": [{"id": "a", "title": "T", "text": "X", "try": "Y"},
                                       {"id": "b", "title": "U", "text": "Z"}], "farewell": "Bye"}
    assert list(tutorial_texts(data)) == ["welcome", "steps.a.title", "steps.a.text",
                                          "steps.a.try", "steps.b.title", "steps.b.text",
                                          "farewell"]


def test_the_hint_carries_the_menu_numbers_in_russian():
    """The reminder comes from the turn service's items, not from parsing English words."""
    i18n.set_language("ru")
    tutorial = load_tutorial(TUTORIAL, SC)
    session = tutorial_session(tutorial, SC)
    step = tutorial.steps[0]
    items = suggested_items(session, step, tutorial.role)
    numbers = [turn(session, tutorial.role).find(a).number for a in
               (i.action for i in items)]
    assert numbers and suggestion_hint(items) == "Совет наставника: " + " ".join(map(str, numbers))


def test_the_text_mode_guided_game_in_russian_shows_the_hint_with_its_numbers(monkeypatch,
                                                                              tmp_path):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    i18n.set_language("ru")
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--tutorial"])
    run_text(args, Console(io.StringIO("\n\n\n"), out, interactive=False))
    text = out.getvalue()
    assert "--- Наставник: Шкалы ---" in text
    typed = re.findall(r"  введите (\d+): ", text)
    assert typed and f"Совет наставника: {' '.join(typed)}\n" in text
