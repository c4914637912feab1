"""Scenario translations in companion files: `check` locates their missing, extra, stale
and untranslated keys; `translate` writes one to fill in; play uses it; and characters
the window's fonts cannot draw are warned about."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from game.authoring.check import run_check
from game.authoring.companion import companion_path, is_companion
from game.authoring.glyphs import missing_glyphs
from game.authoring.scenarios import list_scenarios, load_for_play
from game.cli.main import main
from game.words import i18n

FIXTURE = Path(__file__).parent / "fixtures" / "valid.yaml"


@pytest.fixture()
def scenario(tmp_path) -> Path:
    path = tmp_path / "case.yaml"
    shutil.copy(FIXTURE, path)
    return path


@pytest.fixture(autouse=True)
def english():
    yield
    i18n.set_language("en")


def _check(*paths) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = run_check([str(p) for p in paths], out, io.StringIO())
    return status, out.getvalue().splitlines()


def _translate(scenario: Path, lang: str = "ru") -> Path:
    assert main(["translate", str(scenario), "--lang", lang]) == 0
    return companion_path(scenario, lang)


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_translate_writes_every_text_with_its_english(scenario, capsys):
    companion = _translate(scenario)
    assert companion.name == "case.ru.yaml" and is_companion(companion)
    text = companion.read_text()
    assert text.count("  ru: ''") > 3 and "language: ru" in text
    assert "texts" in capsys.readouterr().out
    status, lines = _check(scenario)
    assert status == 0
    empty = [line for line in lines if "[translation-empty]" in line]
    assert len(empty) == 1 and empty[0].startswith(f"{companion}:")


def test_check_locates_missing_extra_and_stale_keys(scenario):
    companion = _translate(scenario)
    text = companion.read_text()
    title = text.split("  title:\n    en: ", 1)[1].split("\n", 1)[0]
    text = text.replace(f"  title:\n    en: {title}\n    ru: ''",
                        "  title:\n    en: An older title\n    ru: Старое название")
    text += "  roles.nobody.name:\n    en: Nobody\n    ru: Никто\n"
    # drop one entry: the first after the title
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  ") and
                 not line.startswith("    ") and "title" not in line)
    dropped = lines[start].strip().rstrip(":")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    companion.write_text("\n".join(lines[:start] + lines[end:]) + "\n")
    following = lines[end].strip()  # the entry the dropped one belongs before
    status, out = _check(companion)
    assert status == 0, out  # warnings only
    stale = next(line for line in out if "[translation-stale]" in line)
    assert stale.startswith(f"{companion}:{_line_of(companion, 'An older title')}:9: warning: ")
    extra = next(line for line in out if "[translation-extra]" in line)
    assert extra.startswith(f"{companion}:{_line_of(companion, 'roles.nobody.name:')}:3: ")
    missing = next(line for line in out if "[translation-missing]" in line)
    assert missing.startswith(f"{companion}:{_line_of(companion, following)}:3: warning: "
                              f"texts.{dropped}: ")
    assert f" translate {scenario} --lang ru [" in missing
    assert "SCENARIO" not in missing
    assert out[-1] == f"{companion}: ok (translation of case.yaml); 4 warnings"


def test_a_missing_last_entry_is_placed_at_the_end_of_texts(scenario):
    companion = _translate(scenario)
    lines = companion.read_text().splitlines()
    keys = [i for i, line in enumerate(lines) if line.startswith("  ") and not line.startswith("    ")]
    dropped = lines[keys[-1]].strip().rstrip(":")
    companion.write_text("\n".join(lines[:keys[-1]]) + "\n")
    missing = next(line for line in _check(companion)[1] if "[translation-missing]" in line)
    assert missing.startswith(f"{companion}:{keys[-2] + 1}:3: warning: texts.{dropped}: ")


def test_a_companion_in_the_wrong_shape_is_an_error(scenario):
    companion_path(scenario, "ru").write_text("language: de\ntexts:\n  title: Titel\nnotes: x\n")
    status, out = _check(scenario)
    assert status == 2
    codes = [line.rsplit("[", 1)[1] for line in out if "[" in line]
    assert codes == ["translation-file]"] * 3
    assert out[0].startswith(f"{companion_path(scenario, 'ru')}:1:11: ")


def test_play_uses_the_companion_in_the_current_language(scenario):
    english = load_for_play(scenario)
    companion = _translate(scenario)
    text = companion.read_text().replace(f"    en: {english.title}\n    ru: ''",
                                         f"    en: {english.title}\n    ru: Учебный случай", 1)
    companion.write_text(text)
    assert load_for_play(scenario).title == english.title
    i18n.set_language("ru")
    assert load_for_play(scenario).title == "Учебный случай"
    assert load_for_play(scenario, translate=False).title == english.title
    companion.write_text(text.replace(f"en: {english.title}", "en: something older", 1))
    assert load_for_play(scenario).title == english.title, "a stale translation is not used"


def test_companions_are_not_scenarios_in_the_menus(scenario):
    _translate(scenario)
    assert list_scenarios(scenario.parent) == [scenario]


def test_characters_the_fonts_cannot_draw_are_warned_about(scenario):
    assert missing_glyphs("Москва, ירושלים, القاهرة") == []
    assert missing_glyphs("北京 and 北京 🛰") == ["北", "京", "🛰"]
    text = scenario.read_text()
    name = load_for_play(scenario).roles[0].name
    scenario.write_text(text.replace(f"name: {name}", "name: 北京代表团", 1))
    status, out = _check(scenario)
    assert status == 0
    warning = next(line for line in out if "[glyph-missing]" in line)
    line = _line_of(scenario, "北京代表团")
    assert warning.startswith(f"{scenario}:{line}:")
    assert "北 (U+5317)" in warning and "roles." in warning
    assert run_check([str(scenario)], io.StringIO(), io.StringIO(), strict=True) == 2


# --- `translate` over an earlier companion loses no translator's work. ---

def _updated(scenario: Path, capsys) -> tuple[Path, list[str]]:
    """Translate once, then edit the companion as a translator and a later scenario would:
    a translation of the summary, a stale title, one translated and one empty entry the
    scenario no longer has, and one entry gone; then translate again."""
    companion = _translate(scenario)
    capsys.readouterr()
    text = companion.read_text()
    title = text.split("  title:\n    en: ", 1)[1].split("\n", 1)[0]
    text = text.replace(f"  title:\n    en: {title}\n    ru: ''",
                        "  title:\n    en: An older title\n    ru: Старое название")
    text = text.replace("  roles.north.name:\n    en: North\n    ru: ''\n", "")
    text = text.replace("    ru: ''", "    ru: Сводка", 1)  # the summary, the first left empty
    text += ("  roles.nobody.name:\n    en: Nobody\n    ru: Никто\n"
             "  roles.gone.name:\n    en: Gone\n    ru: ''\n")
    companion.write_text(text)
    assert main(["translate", str(scenario), "--lang", "ru"]) == 0
    return companion, capsys.readouterr().out.splitlines()


def test_translate_again_keeps_every_translation_and_says_what_it_did(scenario, capsys):
    companion, out = _updated(scenario, capsys)
    text = companion.read_text()
    assert "ru: Сводка" in text
    assert "en: An older title\n    ru: Старое название" in text, "stale: kept with its old en"
    assert "# review: the English is now:" in text
    assert "  roles.nobody.name:\n    en: Nobody\n    ru: Никто" in text
    assert "roles.gone.name" not in text
    assert "  roles.north.name:\n    en: North\n    ru: ''" in text
    assert out[1:] == [
        "kept 1 current translation",
        "1 new text to translate: roles.north.name",
        "1 stale translation kept and marked for review (its English changed): title",
        "dropped 1 untranslated entry the scenario no longer has: roles.gone.name",
        "kept 1 translated entry the scenario no longer has, at the end of the file (move it "
        "to its new key or remove it): roles.nobody.name",
    ]
    status, lines = _check(companion)
    assert status == 0
    assert any("[translation-stale]" in line and "texts.title.en" in line for line in lines)
    assert any("[translation-extra]" in line and "roles.nobody.name" in line for line in lines)


@pytest.mark.parametrize("text, words", [
    ("language: de\ntexts:\n  title:\n    en: X\n    de: Y\n", "holds the de translation, not ru"),
    ("language: ru\ntexts:\n  title: Заголовок\n", "no translation in it is lost"),
])
def test_translate_refuses_a_companion_it_would_spoil(scenario, capsys, text, words):
    companion = companion_path(scenario, "ru")
    companion.write_text(text)
    assert main(["translate", str(scenario), "--lang", "ru"]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.splitlines()) == 1
    assert companion.read_text() == text
