"""Scripted delegations for the strategy tests: fixed plans, not personas.

A `Script` plays a priority list: each pick it takes the first entry that is legal and
not yet drafted this round. An entry is an action id, or `action@target` for an action
aimed at a role or milestone. Its answers to offers follow one rule for every offer.
Scripts see only what a persona sees (the view and the legal list). In the talks a
script says nothing unless given a `talk` plan: packages ({issue: option}) it proposes
to every other party, the first in round 1, the next in each later round (the last one
again once the plan runs out), accepting a proposal only if it is one of its packages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.ai.bargain import Plan
from game.model.actions import Action, Talk
from game.model.results import Reason, ReasonKind
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

    def __init__(self, name: str, plan: Sequence[str], answer: Answer = accept_all,
                 talk: Sequence[dict[str, str]] = ()) -> None:
        self.name = name
        self.plan = tuple(plan)
        self.answer = answer
        self.talk = tuple(talk)

    def bargain(self, view: PlayerView, tables, own, left: int, rng: Rng) -> Plan:
        """The talk plan: accept a proposal that is one of its packages, decline others,
        and propose this round's package once a round."""
        wait = Plan(None, Reason(ReasonKind.TALK_WAITS))
        if not self.talk or left <= 0:
            return wait
        me = view.role
        mine = [tuple((i, p[i]) for i in tables.issues) for p in self.talk]
        for m in view.talks:
            if (m.round == view.round and m.kind in ("propose", "counter") and me in m.to
                    and not _answered(view, m.id, me)):
                kind = "accept" if m.terms in mine else "decline"
                return Plan(Talk(me, kind, m.id), Reason(ReasonKind.TALK_WAITS))
        if any(m.round == view.round and m.sender == me and m.kind == "propose"
               for m in view.talks):
            return wait
        terms = mine[min(view.round - 1, len(mine) - 1)]
        if any(io in view.rejected for io in terms):
            return wait
        others = tuple(r for r in tables.parties if r != me)
        return Plan(Talk(me, "propose", 0, others, terms), Reason(ReasonKind.TALK_WAITS))

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


def _answered(view: PlayerView, ref: int, me: str) -> bool:
    """Whether `me` has answered proposal `ref`, or it was closed (countered, declined,
    withdrawn)."""
    return any(m.ref == ref and (m.sender == me or m.kind in ("decline", "withdraw", "counter"))
               for m in view.talks)


def _entry(action: Action) -> str:
    return f"{action.action_id}@{action.target}" if action.target else action.action_id
