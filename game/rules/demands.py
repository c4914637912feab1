"""What backing down from a public demand costs now, and a legal instrument's odds.

Both are pure functions of the state, so every front end can show them before a team
spends points: the audience cost a demand carries at this moment (relieved by insight
and by commitments the demander holds), and the chance that an action's ratification
passes at the actor's current domestic support.
"""

from __future__ import annotations

from game.model.actions import Action
from game.model.scenario import DemandSpec
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.requirements import holds_commitment


def audience_cost(state: GameState, demand: DemandSpec, role: str) -> int:
    """Support points `role` loses if it backs down from `demand` now.

    The scenario's `audience_cost`, less `insight_relief` per transparency measure any other
    role has directed at `role`, less `commitment_relief` for each commitment of the listed
    actions that `role` holds (running or kept); never below `min_audience_cost`.
    """
    relief = demand.insight_relief * insight(state, role) if demand.insight_relief else 0
    for action_id, points in demand.commitment_relief.items():
        if holds_commitment(state, role, action_id):
            relief += points
    return max(demand.min_audience_cost, min(demand.audience_cost, demand.audience_cost - relief))


def insight(state: GameState, role: str) -> int:
    """Transparency measures the other roles have directed at `role` in all (0 or more)."""
    return sum(n for (_, toward), n in state.transparency.items() if toward == role)


def ratification_odds(state: GameState, game: CompiledScenario, action: Action) -> int | None:
    """The chance, in whole percent (0-100), that `action`'s ratification would pass if it
    resolved now at its actor's current domestic support; None if it needs no ratification.

    Raises KeyError for an unknown action id or role."""
    spec = game.action(action.action_id)
    if spec.ratification is None:
        return None
    return spec.ratification.chance(state.support[action.role])
