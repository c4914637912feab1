"""What the new-scenario mechanics put at stake, as data for the hosted pages.

`demand_rows` lists the standing public demands with the audience cost of backing down
now: public, since a demand is made in public and its cost follows only from public moves,
so the board shows it too. `action_stakes` is for one team's own menu: a legal
instrument's ratification odds at the team's exact support (private to that team, never
on the board), or the audience cost an order that backs down from a demand would bring.
"""

from __future__ import annotations

from game import words
from game.model.actions import Action
from game.model.state import GameState
from game.rules import CompiledScenario, audience_cost, ratification_odds


def demand_rows(state: GameState, game: CompiledScenario) -> list[dict]:
    """Each standing public demand, in scenario order:
    [{"role", "name", "cost" (support points lost by backing down now), "label"}]."""
    sc = game.scenario
    return [{"role": words.role_name(sc, role.id), "name": demand.name,
             "cost": audience_cost(state, demand, role.id), "label": role.domestic_label}
            for role in sc.roles for demand in sc.demands if (role.id, demand.id) in state.demands]


def action_stakes(state: GameState, game: CompiledScenario, action: Action) -> dict:
    """For the acting team's own menu only: {"odds": percent or None, "support": the team's
    exact support when odds are given, else None, "backing_down": support points lost by
    taking it now or None, "support_label": the support meter's name}."""
    odds = ratification_odds(state, game, action)
    return {"odds": odds, "support": state.support[action.role] if odds is not None else None,
            "backing_down": backing_down(state, game, action.role, action.action_id),
            "support_label": game.scenario.role(action.role).domestic_label}


def backing_down(state: GameState, game: CompiledScenario, role: str, action_id: str) -> int | None:
    """Support points `role` would lose now for backing down from its standing demands by
    taking (or accepting) `action_id`; None if the action backs down from none of them."""
    sc = game.scenario
    spec = game.action(action_id)
    dropped = [d for d in sc.demands if (role, d.id) in state.demands
               and (d.id == spec.drops_demand or action_id in d.backed_down_by)]
    return sum(audience_cost(state, d, role) for d in dropped) if dropped else None
