"""Scenario summaries hold in a game of any length and when resumed in any round."""

import re
from pathlib import Path

import pytest

from game.authoring.companion import is_companion
from game.authoring.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
NUMBERS = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                                          if not is_companion(p)), ids=lambda p: p.name)
def test_a_summary_states_no_number_of_rounds(path):
    """The round counter shows how many rounds a game has: a summary saying `Ten rounds
    remain` is wrong in a 4-round game and in a game resumed at round 5."""
    summary = " ".join(load_scenario(path).summary.split())
    assert not re.search(rf"\b({NUMBERS})\s+(more\s+)?rounds?\b", summary, re.IGNORECASE), summary


def test_the_golden_copy_of_the_default_scenario_is_the_shipped_one():
    """The golden replay of the default scenario is played on the scenario as shipped."""
    name = "missile-defence-2011.yaml"
    assert (ROOT / "tests/golden" / name).read_bytes() == (ROOT / "scenarios" / name).read_bytes()
