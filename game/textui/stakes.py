"""What an order puts at stake right now, shown beside it before a team spends points:
a legal instrument's ratification odds, and the audience cost of backing down."""

from __future__ import annotations

from game.model.actions import Action
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.demands import audience_cost, ratification_odds
from game.words import _


def stakes(state: GameState, game: CompiledScenario, action: Action) -> str:
    """One short clause, or "" when the order puts nothing special at stake."""
    scenario = game.scenario
    spec = game.action(action.action_id)
    label = scenario.role(action.role).domestic_label
    odds = ratification_odds(state, game, action)
    if odds is not None:
        return _("ratification odds now {odds}% at {label} {support}").format(
            odds=odds, label=label, support=state.support[action.role])
    demand = _dropped(state, scenario, spec.drops_demand, action.role)
    if demand is not None:
        return _("backing down now costs {cost} {label}").format(
            cost=audience_cost(state, demand, action.role), label=label)
    return ""


def demand_lines(state: GameState, game: CompiledScenario) -> list[str]:
    """Each standing public demand, with what backing down from it would cost now."""
    scenario = game.scenario
    lines = []
    for role in scenario.roles:
        for demand in scenario.demands:
            if (role.id, demand.id) in state.demands:
                cost = audience_cost(state, demand, role.id)
                lines.append(_("  {role} stands by its demand for {name} (backing down now costs "
                               "{cost} {label})").format(role=role.name, name=demand.name,
                                                         cost=cost, label=role.domestic_label))
    return lines


def _dropped(state: GameState, scenario, demand_id: str | None, role: str):
    if not demand_id or (role, demand_id) not in state.demands:
        return None
    return next(d for d in scenario.demands if d.id == demand_id)
