"""The text mode shows what an order puts at stake before a team spends points on it:
the standing public demands with their current audience cost, a legal instrument's
ratification odds, and what setting a demand aside would cost now."""

from __future__ import annotations

import io

import pytest

from game.cli.main import build_parser
from game.textui.console import Console
from game.textui.main import run_text


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))


def _solo(role: str, keys: str) -> str:
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--seed", "5", "--human", role, "--rounds", "1"])
    assert run_text(args, Console(io.StringIO(keys), out, interactive=False)) == 0
    return out.getvalue()


def test_board_lists_the_standing_demand_and_its_cost():
    """The opening board shows Moscow's demand standing, and what backing down costs now."""
    text = _solo("moscow", "\ndone\ny\n")
    assert "Public demands:" in text
    assert "Moscow stands by its demand for a legal guarantee" in text
    assert "Backing down now costs 12 points of support at home (Security establishment)." in text


def test_guarantee_shows_its_ratification_odds_before_it_is_ordered():
    """Washington's menu gives the legal guarantee's odds at its current Senate support."""
    text = _solo("washington", "\ndone\ny\n")
    assert ("Offer a legal guarantee → Moscow  (Ratification odds now 0%, with your support at home "
            "(Senate support) at 56.)") in text


def test_setting_the_demand_aside_names_the_assurance_it_needs():
    """Before Moscow holds a written assurance, setting its demand aside is not available,
    and the menu says why and what it would cost."""
    text = _solo("moscow", "\ndone\ny\n")
    line = next(ln for ln in text.splitlines() if "set the demand aside" in ln and "[1 pt]" in ln)
    assert "'Written political assurance'" in line and "Backing down now costs you 12 points" in line
