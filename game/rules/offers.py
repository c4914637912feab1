"""Offers: orders that their targets must accept or decline before the round resolves."""

from __future__ import annotations

from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.tables import Offer

__all__ = ["Offer", "awaiting_response", "offers", "offers_to"]


def offers(state: GameState, game: CompiledScenario) -> list[Offer]:
    """Every offer in this round's orders, in role order then order given."""
    known = game.candidate_of
    return [offer for role in game.roles for action in state.orders.get(role, ())
            if (offer := known[action].offer) is not None]


def offers_to(state: GameState, game: CompiledScenario, role: str) -> list[Offer]:
    """The offers `role` must answer this round."""
    return [o for o in offers(state, game) if role in o.responders]


def awaiting_response(state: GameState, game: CompiledScenario) -> list[str]:
    """Roles, in scenario order, who still owe answers to offers."""
    owed = {r for o in offers(state, game) for r in o.responders}
    return [r for r in game.roles if r in owed and r not in state.responses]
