"""Playing a scripted strategy over 50 fixed seeds against the scenario's default seats."""

from __future__ import annotations

from game.ai import make_policy, seat_persona
from game.rules.rng import derive_seed
from game.session.runner import play_game

SEEDS = 50
BASE_SEED = 2011


def play(scenario, scripts: dict, purpose: str):
    """Play 50 seeded games: each role follows its script (a zero-argument factory), or
    the scenario's default seat. Returns a list of (final state, outcome)."""
    out = []
    for g in range(SEEDS):
        policies = {r: scripts[r]() if r in scripts else make_policy(seat_persona(scenario, r),
                                                                     scenario)
                    for r in scenario.role_ids}
        out.append(play_game(scenario, derive_seed(BASE_SEED, g, purpose), policies))
    return out


def share(results, *endings) -> float:
    """The share of games, 0.0-1.0, that ended in one of `endings`."""
    return sum(1 for _, o in results if o.ending in endings) / len(results)


def mean_score(results, role: str) -> float:
    """A role's mean total score over the games."""
    return sum(o.total(role) for _, o in results) / len(results)
