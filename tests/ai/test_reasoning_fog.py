"""AI reasoning lines are shown to every team, so they quote only public facts: never a
domestic-support value, not even the delegation's own."""

from __future__ import annotations

import re

import pytest

from game.ai import PERSONAS
from game.session.session import Seat, Session
from game.words import reasoning_line


def support_words(game) -> list[str]:
    """Words that name domestic support in this scenario: the labels and 'support' itself."""
    words = {"support", "home audience", "home front"}
    words |= {r.domestic_label.lower() for r in game.scenario.roles}
    return sorted(words)


def quotes_support_number(line: str, words: list[str]) -> bool:
    """True if a clause of the line names domestic support and gives a number."""
    for clause in re.split(r"[,;:]| and ", line.lower()):
        if any(w in clause for w in words) and re.search(r"\d", clause):
            return True
    return False


@pytest.mark.parametrize("scenario_name", ["default_scenario", "two_roles"])
def test_reasoning_never_quotes_a_support_value(scenario_name, request):
    """Over many AI games with every persona in every seat, no reasoning line gives a
    domestic-support number."""
    game = request.getfixturevalue(scenario_name)
    names = sorted(PERSONAS)
    words = support_words(game)
    lines = []
    for seed in range(12):
        seats = {r: Seat(False, names[(seed + i) % len(names)]) for i, r in enumerate(game.roles)}
        session = Session(game.scenario, seed, seats)
        session.play_ai()
        lines += [reasoning_line(game.scenario, n.role, n) for n in session.notes]
    assert len(lines) > 100
    assert [line for line in lines if quotes_support_number(line, words)] == []


def test_the_check_catches_a_support_number():
    """The scan itself flags a line that quotes support, and passes one in words."""
    words = ["senate support", "support"]
    assert quotes_support_number("plays to its home audience: Senate support 44 < 85", words)
    assert not quotes_support_number("plays to its home audience: Senate support: shaky", words)
    assert not quotes_support_number("presses Moscow: trust in Moscow 30 < 40, tension 41", words)
