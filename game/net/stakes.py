"""What the new-scenario mechanics put at stake, as data for the hosted pages.

The numbers and the sentences come from `game.words.stakes`, which the text mode and the
window use too, so every front end says the same. `demand_rows` lists the standing public
demands with the audience cost of backing down now: public, since a demand is made in
public and its cost follows only from public moves, so the board shows it too.
What one team's own orders put at stake (a legal instrument's ratification odds at the
team's exact support, private to that team and never on the board, or the audience cost
of backing down) comes with its menu from the turn service, `game.session.turns`.
"""

from __future__ import annotations

from game import words
from game.model.state import GameState
from game.rules import CompiledScenario
from game.words.stakes import backing_down, standing_demands

__all__ = ["backing_down", "demand_rows"]


def demand_rows(state: GameState, game: CompiledScenario) -> list[dict]:
    """Each standing public demand, in scenario order: [{"role", "name", "cost" (support
    points lost by backing down now), "label"}]; the page words them with the same
    messages as `game.words.stakes.demand_line`."""
    sc = game.scenario
    return [{"role": words.role_name(sc, role), "name": demand.name, "cost": cost,
             "label": sc.role(role).domestic_label}
            for role, demand, cost in standing_demands(state, game)]
