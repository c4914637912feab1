"""`simulate --suggest`: changes to a scenario's numbers, tried on the same games, the best
shown as patches that keep the file as written; the results depend only on the seed."""

from __future__ import annotations

import argparse
import io
import subprocess
from pathlib import Path

import pytest

from game.authoring.loader import check_text, load_scenario_text
from game.lab import simulate, suggest
from tests.engine.test_loader import VALID, variant

COSTLY = variant("    family: pressure\n    cost: 1\n", "    family: pressure\n    cost: 2\n")


def _run(path: Path, *extra: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    args = parser.parse_args([str(path), "--games", "40", "--workers", "1", "--quiet",
                              "--suggest", "--suggest-games", "40", "--suggest-tries", "4", *extra])
    out, err = io.StringIO(), io.StringIO()
    return simulate.run(args, out=out, err=err), out.getvalue(), err.getvalue()


def test_splice_changes_one_number_and_keeps_the_rest():
    """A change rewrites only its number: comments, flow mappings and quotes stay as written."""
    _, source, _ = check_text(VALID, "s.yaml")
    change = suggest.Change(("rules", "start_trust", 0, "value"), 25, 35, "general")
    new = suggest.splice(VALID, source, change)
    before, after = VALID.splitlines(), new.splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("    - {from: north, to: south, value: 25}",
                        "    - {from: north, to: south, value: 35}")]
    assert new.startswith("# A minimal valid scenario")


def test_splice_refuses_a_path_without_that_number():
    """A change whose number is not where the map says is refused, never half-applied."""
    _, source, _ = check_text(VALID, "s.yaml")
    with pytest.raises(ValueError):
        suggest.splice(VALID, source, suggest.Change(("rules", "start_tension"), 41, 30, "x"))


def test_a_costly_pressure_step_gets_its_cost_lowered(tmp_path):
    """Personas never press with 2-point pressure; --suggest tries cost 1, which removes the
    flag, and shows it as a patch that `patch -p1` applies."""
    path = tmp_path / "s.yaml"
    path.write_text(COSTLY, encoding="utf-8")
    code, out, _ = _run(path)
    tail = out[out.index("Suggestions:"):]
    assert code == 0 and "actions[5].cost (criticise): 2 -> 1" in tail
    assert "gone: action 'criticise' (Public criticism) is never chosen" in tail


def test_patch_file_applies_and_passes_check(tmp_path):
    """--patch writes the best change; applied, the file passes check and differs in one line."""
    path, patch = tmp_path / "s.yaml", tmp_path / "best.patch"
    path.write_text(COSTLY, encoding="utf-8")
    code, _, err = _run(path, "--patch", str(patch))
    assert code == 0 and f"simulate: wrote {patch}" in err
    text = patch.read_text(encoding="utf-8")
    assert text.startswith("--- a/s.yaml\n+++ b/s.yaml\n")
    done = subprocess.run(["patch", "-p1", "-s"], input=text, text=True, capture_output=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    fixed = path.read_text(encoding="utf-8")
    assert load_scenario_text(fixed, "s.yaml").actions[5].cost == 1
    assert sum(a != b for a, b in zip(COSTLY.splitlines(), fixed.splitlines(), strict=True)) == 1


def test_suggestions_depend_only_on_the_seed(tmp_path):
    """One worker or two: the same changes, the same order, the same patches."""
    path = tmp_path / "s.yaml"
    path.write_text(COSTLY, encoding="utf-8")
    one = _run(path)[1]
    two = _run(path, "--workers", "2")[1]
    assert one == two and "Suggestions:" in one


@pytest.mark.parametrize("extra, message", [
    (("--patch", "x.patch"), "--patch writes the best change --suggest finds: add --suggest"),
    (("--suggest", "--suggest-tries", "0"), "--suggest-tries must be from 1 to 64"),
    (("--suggest", "--suggest-games", "0"), "--suggest-games must be from 1"),
    (("--assign", "north=hardliner", "--assign", "south=legalist"), "--assign is given 2 times"),
    (("--assign", "north=hardliner,north=legalist"), "--assign names north twice"),
])
def test_bad_suggest_options_are_one_line(tmp_path, extra, message):
    """Wrong --suggest, --patch or --assign options: one line, status 2, no game played."""
    path = tmp_path / "s.yaml"
    path.write_text(VALID, encoding="utf-8")
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    code = simulate.run(parser.parse_args([str(path), "--quiet", *extra]), out=out, err=err)
    assert code == 2 and out.getvalue() == "" and message in err.getvalue()
    assert err.getvalue().count("\n") == 1
