"""Offers: orders that their targets must accept or decline before the round resolves."""

from __future__ import annotations

from dataclasses import dataclass

from game.model.actions import Action
from game.model.scenario import ActionSpec, Scenario
from game.model.state import GameState
from game.rules.index import Index, index


@dataclass(frozen=True, slots=True)
class Offer:
    """An offer made this round: its key (the action's text), the action and who answers it."""

    key: str
    action: Action
    spec: ActionSpec
    responders: tuple[str, ...]


def responders_of(ix: Index, spec: ActionSpec, action: Action) -> tuple[str, ...]:
    """The roles who must answer an offer."""
    if spec.establishes:
        return tuple(p for p in ix.milestones[spec.establishes].parties if p != action.role)
    return (action.target,) if action.target else ()


def offers(state: GameState, scenario: Scenario) -> list[Offer]:
    """Every offer in this round's orders, in role order then order given."""
    return list(_round_offers(state, scenario)[0])


#: The orders last asked about (a copy), with their offers and the offers due per role.
_LAST: list = [None, None, None]


def _round_offers(state: GameState, scenario: Scenario) -> tuple[tuple[Offer, ...], dict]:
    """The round's offers and a per-role memo of `offers_to`, reused while the orders are
    equal: every view, answer and phase check asks again with the same orders. Compared
    by value (the tuples hold the same Action objects, so this is quick), never by id."""
    ix = index(scenario)
    if _LAST[0] is not ix or _LAST[1] != state.orders:
        _LAST[:] = ix, dict(state.orders), (_find_offers(state, ix), {})
    return _LAST[2]


def _find_offers(state: GameState, ix: Index) -> tuple[Offer, ...]:
    known = _offer_table(ix)
    out = []
    for role in ix.roles:
        for action in state.orders.get(role, ()):
            hit = known.get(id(action))
            if hit is None or hit[0] is not action:
                spec = ix.actions[action.action_id]
                hit = known[id(action)] = (action, Offer(action.text(), action, spec,
                                                         responders_of(ix, spec, action))
                                           if spec.offer else None)
            offer = hit[1]
            if offer is not None:
                out.append(offer)
    return tuple(out)


_TABLES: dict[int, tuple[Index, dict[int, tuple[Action, Offer | None]]]] = {}


def _offer_table(ix: Index) -> dict[int, tuple[Action, Offer | None]]:
    """id(action) -> (the action, its Offer or None), per scenario index.

    An offer depends only on its action and the scenario, and `offers` runs several
    times per round (every answer and every view checks it), so each is built once.
    Keyed by identity, with the action kept alive alongside so its id is never reused:
    the orders hold the same Action objects all round, and hashing them was a hot spot.
    """
    hit = _TABLES.get(id(ix))
    if hit is None or hit[0] is not ix:
        hit = _TABLES[id(ix)] = (ix, {})
    if len(hit[1]) > 100_000:  # actions parsed afresh (replays, saves) would otherwise pile up
        hit[1].clear()
    return hit[1]


def offers_to(state: GameState, scenario: Scenario, role: str) -> list[Offer]:
    """The offers `role` must answer this round."""
    found, due = _round_offers(state, scenario)
    mine = due.get(role)
    if mine is None:
        mine = due[role] = tuple(o for o in found if role in o.responders)
    return list(mine)


def awaiting_response(state: GameState, scenario: Scenario) -> list[str]:
    """Roles, in scenario order, who still owe answers to offers."""
    found, due = _round_offers(state, scenario)
    owed = due.get(None)  # None never names a role, so it can hold everyone who owes
    if owed is None:
        owed = due[None] = frozenset(r for o in found for r in o.responders)
    return [r for r in index(scenario).roles if r in owed and r not in state.responses]
