"""Scripted delegations for the strategy tests: fixed plans, not personas.

A `Script` plays a priority list: each pick it takes the first entry that is legal and
not yet drafted this round. An entry is an action id, or `action@target` for an action
aimed at a role or milestone. Its answers to offers follow one rule for every offer.
Scripts see only what a persona sees (the view and the legal list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.model.actions import Action
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView

Answer = Callable[[PlayerView, Offer], bool]


def accept_all(view: PlayerView, offer: Offer) -> bool:
    """Accept every offer."""
    return True


def decline_all(view: PlayerView, offer: Offer) -> bool:
    """Decline every offer."""
    return False


def decline_backing_down(back_downs: frozenset[str]) -> Answer:
    """Accept every offer except those that would count as backing down from a demand
    (`back_downs`: the action ids the scenario's demands list in `backed_down_by`)."""
    def answer(view: PlayerView, offer: Offer) -> bool:
        return offer.spec.id not in back_downs
    return answer


class Script:
    """A fixed plan: a priority list of orders and one rule for answering offers."""

    def __init__(self, name: str, plan: Sequence[str], answer: Answer = accept_all) -> None:
        self.name = name
        self.plan = tuple(plan)
        self.answer = answer

    def choose(self, view: PlayerView, legal: list[Action], rng: Rng) -> tuple[Action | None, str]:
        drafted = {(a.action_id, a.target) for a in view.orders}
        by_entry = {_entry(a): a for a in legal if (a.action_id, a.target) not in drafted}
        for entry in self.plan:
            if entry in by_entry:
                return by_entry[entry], f"plan: {entry} (round {view.round})"
        return None, f"plan: nothing left (round {view.round})"

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, str]:
        ok = self.answer(view, offer)
        return ok, f"plan: {'accepts' if ok else 'declines'} (round {view.round})"


def _entry(action: Action) -> str:
    return f"{action.action_id}@{action.target}" if action.target else action.action_id
