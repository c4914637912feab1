"""The balance lab command: deterministic whatever the workers, clear errors, same figures out."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest

from game.engine import simulate
from tests.ai.conftest import DEFAULT


def _run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    code = simulate.run(parser.parse_args([*argv, "--quiet"]), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_report_is_the_same_whatever_the_workers():
    """The same seed gives the same report on one worker or two."""
    args = (str(DEFAULT), "--games", "6", "--personas", "reciprocator,hardliner", "--seed", "5")
    one, two = _run(*args, "--workers", "1"), _run(*args, "--workers", "2")
    assert one[0] == two[0] == 0 and one[1] == two[1]
    assert "Flags:" in one[1] and "top finish" in one[1]


def test_assign_fixes_roles_and_others_range_over_personas():
    """--assign pins a role; the other roles take every persona in turn."""
    code, out, _ = _run(str(DEFAULT), "--games", "2", "--personas", "cooperative,hardliner",
                        "--assign", "moscow=legalist", "--workers", "1")
    assert code == 0 and out.count("moscow=legalist") == 4


@pytest.mark.parametrize("argv, message", [
    (("missing.yaml",), "no scenario file"),
    ((str(DEFAULT), "--personas", "saint"), "unknown persona 'saint'"),
    ((str(DEFAULT), "--assign", "atlantis=hardliner"), "unknown role 'atlantis'"),
    ((str(DEFAULT), "--assign", "moscow"), "give ROLE=PERSONA"),
    ((str(DEFAULT), "--games", "0"), "--games must be at least 1"),
])
def test_bad_input_is_one_line_and_status_2(argv, message):
    """Unknown personas or roles and missing files give one error line and exit 2."""
    code, out, err = _run(*argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_json_and_csv_hold_the_same_figures(tmp_path):
    """The JSON and CSV files carry the printed figures: per assignment and role."""
    j, c = tmp_path / "r.json", tmp_path / "r.csv"
    code, _, _ = _run(str(DEFAULT), "--games", "3", "--personas", "opportunist", "--workers", "1",
                      "--json", str(j), "--csv", str(c))
    data = json.loads(j.read_text())
    rows = list(csv.DictReader(c.open()))
    assert code == 0 and len(data["rows"]) == 1
    first = data["rows"][0]
    for row in rows[:3]:
        assert float(row["mean_score"]) == pytest.approx(first["mean_score"][row["role"]], abs=1e-3)
        assert float(row["top_share"]) == pytest.approx(first["top_share"][row["role"]], abs=1e-4)
