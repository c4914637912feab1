"""The balance lab's files: every output path checked before a game is played, never the
scenario or a YAML file, all written or none, written before the summary is printed and
named on stderr; the scenario loaded as `check` loads it; plurals and a quiet redirect."""

from __future__ import annotations

import argparse
import io
import os
import shutil
from pathlib import Path

import pytest

from game.authoring.check import check_one
from game.lab import simulate
from tests.ai.conftest import DEFAULT

SMALL = ("--games", "4", "--personas", "reciprocator", "--workers", "1")


def _run(*argv: str, quiet: bool = True, out=None, err=None) -> tuple[int, str, str]:  # noqa: ANN001
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    out, err = out or io.StringIO(), err or io.StringIO()
    code = simulate.run(parser.parse_args([*argv, *(("--quiet",) if quiet else ())]),
                        out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    copy = tmp_path / "x.yaml"
    shutil.copy(DEFAULT, copy)
    return copy


def _no_games(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make playing a game fail the test: a refusal must come before any game."""
    def refuse(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("a game was played before the output paths were checked")
    monkeypatch.setattr(simulate, "play_all", refuse)


@pytest.mark.parametrize("option", ["--html", "--json", "--csv", "--games-csv"])
def test_the_scenario_itself_is_never_an_output(scenario, monkeypatch, option):
    """`simulate x.yaml --html x.yaml` refuses before playing and leaves x.yaml intact."""
    _no_games(monkeypatch)
    before = scenario.read_bytes()
    code, out, err = _run(str(scenario), *SMALL, option, str(scenario))
    assert code == 2 and out == "" and "that is the scenario file" in err
    assert err.count("\n") == 1 and scenario.read_bytes() == before


def test_the_scenario_by_another_name_is_refused_too(scenario, monkeypatch):
    """A relative path or a hard link to the scenario is still the scenario."""
    _no_games(monkeypatch)
    link = scenario.parent / "same.json"
    os.link(scenario, link)
    code, _, err = _run(str(scenario), *SMALL, "--json", str(link))
    assert code == 2 and "that is the scenario file" in err


def test_no_output_goes_to_a_yaml_file(scenario, monkeypatch, tmp_path):
    """Another scenario file, or a new .yml name, is never written over."""
    _no_games(monkeypatch)
    other = tmp_path / "other.yml"
    code, _, err = _run(str(scenario), *SMALL, "--csv", str(other))
    assert code == 2 and ".yaml file" in err and "report.csv" in err and not other.exists()


def test_two_outputs_to_the_same_file_are_refused(scenario, monkeypatch, tmp_path):
    """--csv and --games-csv naming one file would make one overwrite the other."""
    _no_games(monkeypatch)
    same = tmp_path / "r.csv"
    code, _, err = _run(str(scenario), *SMALL, "--csv", str(same), "--games-csv",
                        str(tmp_path / "." / "r.csv"))
    assert code == 2 and "--games-csv" in err and "--csv writes that file too" in err


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing" / "r.json", "there is no folder"),
    (lambda d: d, "that is a folder"),
    (lambda d: (os.mkfifo(d / "pipe"), d / "pipe")[1], "not a regular file"),
])
def test_bad_output_paths_are_refused_before_any_game(scenario, monkeypatch, tmp_path, make,
                                                      words):
    """A missing folder, a folder, or a FIFO (which would block) is refused up front,
    and the other outputs are not written."""
    _no_games(monkeypatch)
    good = tmp_path / "good.json"
    code, out, err = _run(str(scenario), *SMALL, "--json", str(good), "--html",
                          str(make(tmp_path)))
    assert code == 2 and out == "" and words in err and "--html" in err
    assert not good.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_that_cannot_be_written_is_refused_up_front(scenario, monkeypatch, tmp_path):
    _no_games(monkeypatch)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = _run(str(scenario), *SMALL, "--json", str(locked / "r.json"))
    finally:
        locked.chmod(0o700)
    assert code == 2 and "permission denied" in err


def test_outputs_are_all_written_or_none(scenario, tmp_path, monkeypatch):
    """If one file fails to write, the others keep their old content and no temporary stays."""
    old = tmp_path / "r.json"
    old.write_text("old", encoding="utf-8")
    real = simulate.write_all.__globals__["_write_temp"]

    def failing(path: Path, data: bytes, mode: int) -> str:
        if path.suffix == ".html":
            raise OSError(28, "No space left on device", str(path))
        return real(path, data, mode)
    monkeypatch.setitem(simulate.write_all.__globals__, "_write_temp", failing)
    code, out, err = _run(str(scenario), *SMALL, "--json", str(old), "--html",
                          str(tmp_path / "r.html"))
    assert code == 2 and out == "" and "the disk is full" in err and "r.html" in err
    assert "no report file was written" in err
    assert old.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "x.yaml"]


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def getvalue(self) -> str:
        return ""


def test_files_are_written_before_the_summary_and_named_on_stderr(scenario, tmp_path):
    """A closed stdout cannot lose the files: they exist before the first line is printed."""
    json_path, html_path = tmp_path / "r.json", tmp_path / "r.html"
    code, _, err = _run(str(scenario), *SMALL, "--json", str(json_path), "--html",
                        str(html_path), out=_ClosedPipe())
    assert code == 0 and "Traceback" not in err
    assert json_path.stat().st_size and html_path.stat().st_size
    code, _, err = _run(str(scenario), *SMALL, "--json", str(json_path))
    assert code == 0 and f"simulate: wrote {json_path}" in err


@pytest.mark.parametrize("make", [
    lambda d: d / "missing.yaml",
    lambda d: d,
    lambda d: Path("/dev/zero"),
])
def test_the_scenario_is_loaded_as_check_loads_it(tmp_path, make):
    """A missing file, a folder and a device each get check's own one-line reason."""
    path = make(tmp_path)
    code, out, err = _run(str(path), *SMALL)
    _, found = check_one(str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err == f"simulate: error: {found[0].text()}\n"
    assert "no scenario file" not in err


def test_a_redirected_stderr_gets_no_progress_bar(scenario):
    """Without a terminal the progress bar's redraws would pile up in a log file."""
    code, _, err = _run(str(scenario), *SMALL, quiet=False)
    assert code == 0 and "\r" not in err and "games" not in err and "[#" not in err


def test_one_game_is_singular(scenario):
    code, out, _ = _run(str(scenario), "--games", "1", "--personas", "reciprocator",
                        "--workers", "1", "--detail")
    assert code == 0 and "1 game over 1 assignment of personas" in out
    assert "1 games" not in out and "1 assignments" not in out


def test_html_legends_read_as_sentences(scenario, tmp_path):
    html = tmp_path / "r.html"
    assert _run(str(scenario), *SMALL, "--html", str(html))[0] == 0
    text = html.read_text(encoding="utf-8")
    assert "(last:" not in text and " % of games" not in text
    assert "Mean tension: " in text and " percent of games" in text


def test_the_default_seats_personas_play_in_the_lab(scenario):
    """--personas takes the personas scenarios name for their seats, and baseline."""
    code, out, err = _run(str(scenario), "--games", "4", "--workers", "1", "--personas",
                          "assurer,holdout,alliance,baseline")
    assert code == 0 and "error" not in err and "assurer" in out and "holdout" in out


def test_json_reports_how_often_each_option_needing_ratification_was_proposed_and_passed(tmp_path):
    """`talks_ratification` in the JSON: for every option of the talks with a ratification
    (in the default case the legal guarantee), the games it was proposed in and their share,
    and of those the games it was in force at the end and their share; the summary says so."""
    import json

    data = tmp_path / "r.json"
    code, out, _ = _run(str(DEFAULT), "--games", "6", "--personas", "reciprocator,hardliner",
                        "--workers", "1", "--json", str(data), quiet=False)
    figures = json.loads(data.read_text(encoding="utf-8"))
    legal = figures["talks_ratification"]["assurance=legal"]
    assert code == 0 and list(figures["talks_ratification"]) == ["assurance=legal"]
    assert set(legal) == {"proposed", "proposed_share", "ratified", "ratified_share"}
    assert 0 < legal["proposed"] <= 6 and legal["proposed_share"] == legal["proposed"] / 6
    assert 0 <= legal["ratified_share"] <= 1 and legal["ratified"] <= legal["proposed"]
    assert "Needs ratification: assurance=legal proposed in" in out
