"""The scenario library: every case in scenarios/ cites its sources, plays to an ending
with AI delegations in every seat, and models diplomacy, not weapons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.ai import make_policy
from game.authoring.companion import is_companion
from game.authoring.scenarios import load_for_play
from game.rules.compiled import compile_scenario
from game.session.runner import play_game

SCENARIOS = sorted(p for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml")
                   if not is_companion(p))
LIBRARY = [p for p in SCENARIOS if p.name != "missile-defence-2011.yaml"]

#: Words that would mean the game models weapons: interception, yields, distances, launchers.
WEAPONS_WORDS = re.compile(r"intercept|warhead|kiloton|megaton|\bkm\b|kilomet|launcher|torpedo|"
                           r"\bbomb|\bwarshot|firing range|\bcalibre|\bcaliber", re.IGNORECASE)


def test_the_library_has_cases_of_two_three_and_four_roles():
    """Authors and teachers get a 2-role, a 3-role and a 4-role case besides the default."""
    sizes = {len(load_for_play(p).roles) for p in LIBRARY}
    assert {2, 3, 4} <= sizes


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_scenario_lists_its_sources(path):
    """Each case is written from public facts, and says where they come from."""
    assert len(load_for_play(path).sources) >= 1


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_scenario_models_weapons(path):
    """No interception figures, yields, ranges or launchers anywhere in a scenario file."""
    hits = [line for line in path.read_text(encoding="utf-8").splitlines() if WEAPONS_WORDS.search(line)]
    assert hits == []


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_each_case_plays_to_an_ending_with_ai_seats(path):
    """Reciprocators in every seat finish the game with one of the scenario's endings."""
    scenario = load_for_play(path)
    game = compile_scenario(scenario)
    endings = {e.id for e in scenario.endings}
    for seed in (1, 2, 3):
        policies = {r: make_policy("reciprocator", game) for r in scenario.role_ids}
        state, outcome = play_game(game, seed, policies)
        assert state.over and outcome.ending in endings
