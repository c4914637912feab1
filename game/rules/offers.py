"""Offers: orders that their targets must accept or decline before the round resolves."""

from __future__ import annotations

from dataclasses import dataclass

from game.model.actions import Action
from game.model.scenario import ActionSpec
from game.model.state import GameState
from game.rules.compiled import CompiledScenario


@dataclass(frozen=True, slots=True)
class Offer:
    """An offer made this round: its key (the action's text), the action and who answers it."""

    key: str
    action: Action
    spec: ActionSpec
    responders: tuple[str, ...]

    def to_dict(self) -> dict:
        """JSON-ready: {"key", "action", "responders"}."""
        return {"key": self.key, "action": self.action.text(), "responders": list(self.responders)}


def responders_of(game: CompiledScenario, spec: ActionSpec, action: Action) -> tuple[str, ...]:
    """The roles who must answer an offer: a proposal's other parties, else its target."""
    if spec.establishes:
        m = game.milestones[game.milestone_index[spec.establishes]]
        return tuple(p for p in m.parties if p != action.role)
    return (action.target,) if action.target else ()


def offers(state: GameState, game: CompiledScenario) -> list[Offer]:
    """Every offer in this round's orders, in role order then order given."""
    found = []
    for role in game.roles:
        for action in state.orders.get(role, ()):
            spec = game.action(action.action_id)
            if spec.offer:
                found.append(Offer(action.text(), action, spec, responders_of(game, spec, action)))
    return found


def offers_to(state: GameState, game: CompiledScenario, role: str) -> list[Offer]:
    """The offers `role` must answer this round."""
    return [o for o in offers(state, game) if role in o.responders]


def awaiting_response(state: GameState, game: CompiledScenario) -> list[str]:
    """Roles, in scenario order, who still owe answers to offers."""
    owed = {r for o in offers(state, game) for r in o.responders}
    return [r for r in game.roles if r in owed and r not in state.responses]
