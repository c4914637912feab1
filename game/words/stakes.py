"""What an order puts at stake, in the same words on every front end.

Two kinds of line, from `game.rules.ratification_odds` and `game.rules.audience_cost`:

- `stake_line(state, game, action)`: beside one team's own order, a legal instrument's
  ratification odds at that team's exact domestic support, and the audience cost the order
  brings if it backs down from a demand the team stands by. PRIVATE to the acting team
  (it names the team's exact support): never put it on a shared screen.
- `accept_line(state, game, role, action_id)`: the same audience cost beside an offer the
  team must answer, when accepting it would back down from the team's demand.
- `demand_lines(state, game)`: each standing public demand with the audience cost of
  backing down from it now. PUBLIC: a demand is made in public, and its cost follows only
  from the scenario, the transparency measures taken toward the demander and the
  commitments it holds, all of which every team sees in the revealed rounds.

The text mode, the window and the hosted pages all call these, so the words match.
"""

from __future__ import annotations

from game.model.actions import Action
from game.model.scenario import DemandSpec
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.demands import audience_cost, ratification_odds
from game.words.i18n import N_, _
from game.words.names import role_name

ODDS = N_("Ratification odds now {odds}%, with your support at home ({support_label}) at "
          "{support}.")
BACKING_DOWN = N_("Backing down now costs you {backing_down} points of support at home "
                  "({support_label}).")
DEMAND = N_("{role} stands by its demand for {name}.")
DEMAND_COST = N_(" Backing down now costs {cost} points of support at home ({label}).")


def backing_down(state: GameState, game: CompiledScenario, role: str, action_id: str) -> int | None:
    """Support points `role` would lose now for backing down from its standing demands by
    taking (or accepting) `action_id`: the summed audience cost of each demand the action
    drops or that lists it in `backed_down_by`; None if it backs down from none.

    Raises KeyError for an unknown action id."""
    sc = game.scenario
    spec = game.action(action_id)
    dropped = [d for d in sc.demands if (role, d.id) in state.demands
               and (d.id == spec.drops_demand or action_id in d.backed_down_by)]
    return sum(audience_cost(state, d, role) for d in dropped) if dropped else None


def stake_line(state: GameState, game: CompiledScenario, action: Action) -> str:
    """One or two sentences for the acting team's own menu, or "" when the order puts
    nothing special at stake. Private: it names the actor's exact support."""
    label = game.scenario.role(action.role).domestic_label
    parts = []
    odds = ratification_odds(state, game, action)
    if odds is not None:
        parts.append(_(ODDS).format(odds=odds, support_label=label,
                                    support=state.support[action.role]))
    cost = backing_down(state, game, action.role, action.action_id)
    if cost is not None:
        parts.append(_(BACKING_DOWN).format(backing_down=cost, support_label=label))
    return " ".join(parts)


def accept_line(state: GameState, game: CompiledScenario, role: str, action_id: str) -> str:
    """Beside an offer `role` must answer: what accepting it would cost in backing down from
    `role`'s standing demands, or "" if it backs down from none. Private to `role`."""
    cost = backing_down(state, game, role, action_id)
    if cost is None:
        return ""
    return _(BACKING_DOWN).format(backing_down=cost,
                                  support_label=game.scenario.role(role).domestic_label)


def standing_demands(state: GameState, game: CompiledScenario) -> list[tuple[str, DemandSpec, int]]:
    """The standing public demands in scenario order, as (role id, demand, audience cost of
    backing down now in support points). Public facts only."""
    sc = game.scenario
    return [(role.id, demand, audience_cost(state, demand, role.id))
            for role in sc.roles for demand in sc.demands if (role.id, demand.id) in state.demands]


def demand_line(game: CompiledScenario, role: str, demand: DemandSpec, cost: int) -> str:
    """'Moscow stands by its demand for a legal guarantee. Backing down now costs ...'."""
    sc = game.scenario
    return _(DEMAND).format(role=role_name(sc, role), name=demand.name) + _(DEMAND_COST).format(
        cost=cost, label=sc.role(role).domestic_label)


def demand_lines(state: GameState, game: CompiledScenario) -> list[str]:
    """One line per standing public demand (see `demand_line`); [] when none stands."""
    return [demand_line(game, role, demand, cost)
            for role, demand, cost in standing_demands(state, game)]
