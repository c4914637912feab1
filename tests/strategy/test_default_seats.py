"""The default AI seats reproduce the 2011 impasse: figures over 100 seeded AI-only games.

With the scenario's default seats in every role, Moscow's demand for a legal guarantee
still stands at the start of round 3 in at least 90% of games, Game-changer comes in at
most 40% and Missed opportunity in at least 20%.
"""

from __future__ import annotations

from game.ai import make_policy, seat_persona
from game.rules import new_game, outcome
from game.rules.rng import derive_seed
from game.session.runner import play_round

GAMES = 100


def _default_games(scenario):
    """(demand standing at the start of round 3?, ending id) for each seeded game."""
    out = []
    for g in range(GAMES):
        policies = {r: make_policy(seat_persona(scenario, r), scenario) for r in scenario.role_ids}
        state = new_game(scenario, derive_seed(2011, g, "default-seats"))
        standing = None
        while state.phase != "over":
            if state.round == 3 and standing is None:
                standing = bool(_start_demands_standing(scenario, state))
            state = play_round(state, scenario, policies)
        out.append((bool(standing), outcome(state, scenario).ending))
    return out


def _start_demands_standing(scenario, state):
    """The scenario's opening demands that still stand in this state."""
    return [(d.role, d.demand) for d in scenario.scenario.start_demands
            if (d.role, d.demand) in state.demands]


def test_default_seats_meet_the_impasse(scenario):
    """Demand standing in round 3 >= 90%, Game-changer <= 40%, Missed opportunity >= 20%."""
    games = _default_games(scenario)
    assert sum(s for s, _ in games) >= 0.9 * GAMES
    assert sum(e == "game_changer" for _, e in games) <= 0.4 * GAMES
    assert sum(e == "missed_opportunity" for _, e in games) >= 0.2 * GAMES
