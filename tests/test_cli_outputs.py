"""A command with several output files writes them all or none (game.files.atomic.write_all).

`classdebrief --out X.html --csv Y.csv` whose CSV cannot be written leaves no new HTML
either, and an earlier debrief as it was; the lab's reports share the same writer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.cli.main import main
from game.files.atomic import WriteFailed, write_all
from game.session.saves import save_session
from game.session.session import Seat, Session
from tests.helpers import default_scenario


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> Path:
    sc = default_scenario()
    session = Session(sc, 7, {r: Seat(False, "reciprocator") for r in sc.role_ids})
    session.play_ai(one_round=True)
    path = tmp_path_factory.mktemp("games") / "table1.json"
    save_session(session, path)
    return path


def test_classdebrief_writes_neither_file_when_the_csv_cannot_be(saved, tmp_path, capsys,
                                                                  monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    out = tmp_path / "class.html"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        status = main(["classdebrief", str(saved), "--out", str(out), "--csv",
                       str(locked / "class.csv")])
    finally:
        locked.chmod(0o700)
    err = capsys.readouterr().err
    assert status == 2
    assert not out.exists(), "the HTML was written although the CSV could not be"
    assert len(err.splitlines()) == 1 and "class.csv" in err and "no file was written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked"]


def test_classdebrief_keeps_an_earlier_debrief_when_the_csv_fails(saved, tmp_path, capsys,
                                                                   monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    out, table = tmp_path / "class.html", tmp_path / "class.csv"
    assert main(["classdebrief", str(saved), "--out", str(out), "--csv", str(table)]) == 0
    before = out.read_bytes(), table.read_bytes()
    real = write_all.__globals__["_write_temp"]

    def full_disk(target: Path, data: bytes, mode: int) -> str:
        if target.suffix == ".csv":
            raise OSError(28, "No space left on device", str(target))
        return real(target, data, mode)

    monkeypatch.setitem(write_all.__globals__, "_write_temp", full_disk)
    assert main(["classdebrief", str(saved), "--out", str(out), "--csv", str(table),
                 "--full"]) == 2
    err = capsys.readouterr().err
    assert "the disk is full" in err and "no file was written" in err
    assert (out.read_bytes(), table.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class.csv", "class.html"]


def test_write_all_refuses_a_folder_before_writing_anything(tmp_path):
    first = tmp_path / "a.txt"
    with pytest.raises(WriteFailed, match="this is a folder"):
        write_all({first: "one", tmp_path: "two"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []
