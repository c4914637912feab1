"""A role's full menu of orders: every action and aim it could ever take, in a fixed order.

The text mode and the window number the same list, so an item keeps its number for the
whole game, whether or not it is open in a given round.
"""

from __future__ import annotations

from game.model.actions import Action
from game.model.scenario import Scenario
from game.rules.aims import aims_of, may_take


def full_menu(scenario: Scenario, role: str) -> list[Action]:
    """Every action `role` could ever order, in scenario order, each aim in role or milestone
    order: the same list, and so the same numbers, in every round of the game."""
    menu = []
    for spec in scenario.actions:
        if not may_take(spec, role):
            continue
        parties = next((m.parties for m in scenario.milestones if m.id == spec.establishes), ())
        if spec.establishes and role not in parties:
            continue  # never open to this role: not a party to what it would set up
        menu += [Action(role, spec.id, aim) for aim in aims_of(spec, role, scenario)]
    return menu
