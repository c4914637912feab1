"""What the new-scenario mechanics put at stake, as data for the hosted pages.

The numbers and the sentences come from `game.words.stakes`, which the text mode and the
window use too, so every front end says the same. `demand_rows` lists the standing public
demands with the audience cost of backing down now: public, since a demand is made in
public and its cost follows only from public moves, so the board shows it too.
`action_stakes` is for one team's own menu: a legal instrument's ratification odds at the
team's exact support (private to that team, never on the board), or the audience cost an
order that backs down from a demand would bring.
"""

from __future__ import annotations

from game import words
from game.model.actions import Action
from game.model.state import GameState
from game.rules import CompiledScenario, ratification_odds
from game.words.stakes import backing_down, stake_line, standing_demands

__all__ = ["action_stakes", "backing_down", "demand_rows"]


def demand_rows(state: GameState, game: CompiledScenario) -> list[dict]:
    """Each standing public demand, in scenario order: [{"role", "name", "cost" (support
    points lost by backing down now), "label"}]; the page words them with the same
    messages as `game.words.stakes.demand_line`."""
    sc = game.scenario
    return [{"role": words.role_name(sc, role), "name": demand.name, "cost": cost,
             "label": sc.role(role).domestic_label}
            for role, demand, cost in standing_demands(state, game)]


def action_stakes(state: GameState, game: CompiledScenario, action: Action) -> dict:
    """For the acting team's own menu only: {"odds": percent or None, "support": the team's
    exact support when odds are given, else None, "backing_down": support points lost by
    taking it now or None, "support_label": the support meter's name, "stake": the shared
    sentence(s) saying all this, or ""}."""
    odds = ratification_odds(state, game, action)
    return {"odds": odds, "support": state.support[action.role] if odds is not None else None,
            "backing_down": backing_down(state, game, action.role, action.action_id),
            "support_label": game.scenario.role(action.role).domestic_label,
            "stake": stake_line(state, game, action)}
