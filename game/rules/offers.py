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
    ix = index(scenario)
    out = []
    for role in ix.roles:
        for action in state.orders.get(role, ()):
            spec = ix.actions[action.action_id]
            if spec.offer:
                out.append(Offer(action.text(), action, spec, responders_of(ix, spec, action)))
    return out


def offers_to(state: GameState, scenario: Scenario, role: str) -> list[Offer]:
    """The offers `role` must answer this round."""
    return [o for o in offers(state, scenario) if role in o.responders]


def awaiting_response(state: GameState, scenario: Scenario) -> list[str]:
    """Roles, in scenario order, who still owe answers to offers."""
    owed = {r for o in offers(state, scenario) for r in o.responders}
    return [r for r in index(scenario).roles if r in owed and r not in state.responses]
