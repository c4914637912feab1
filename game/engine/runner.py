"""A lean headless runner: play one whole game with an AI policy in every seat.

The simulator and the behaviour tests call this thousands of times, so it does no
logging, keeps no reasoning lines and builds nothing the outcome does not need.
"""

from __future__ import annotations

from game.ai.policy import Policy, draft_orders, draft_responses
from game.model.scenario import Scenario
from game.model.state import GameState, Outcome
from game.rules import apply_action, awaiting_response, new_game, outcome, resolve_round


def play_game(scenario: Scenario, seed: int, policies: dict[str, Policy],
              rounds: int | None = None) -> tuple[GameState, Outcome]:
    """Play a game to its end with `policies` (role -> policy); return the final state and outcome."""
    state = new_game(scenario, seed, rounds)
    roles = scenario.role_ids
    while state.phase != "over":
        state = play_round(state, scenario, policies, roles)
    return state, outcome(state, scenario)


def play_round(state: GameState, scenario: Scenario, policies: dict[str, Policy],
               roles: tuple[str, ...]) -> GameState:
    """Take one round from orders through resolution."""
    for role in roles:
        state = apply_action(state, scenario, draft_orders(policies[role], state, scenario, role))
    if state.phase == "responses":
        for role in awaiting_response(state, scenario):
            state = apply_action(state, scenario,
                                 draft_responses(policies[role], state, scenario, role))
    state, _ = resolve_round(state, scenario)
    return state
