"""The legalist: insists on guarantees before it cooperates.

It makes any public demand open to it and offers binding guarantees (ratified ones
when ratification has a chance, otherwise a written commitment) to partners who demand
them. It cooperates with, and accepts offers from, a partner only when that partner
has given it a commitment and its own demand no longer stands, or when trust is high
enough: higher for a costly, binding step such as a joint centre than for a small one.
A kept commitment persuades it to set a standing demand aside.
"""

from __future__ import annotations

from game.ai.bargain import Style
from game.ai.persona import Persona, best, best_of
from game.ai.traits import aimed, busy, partners
from game.model.actions import Action
from game.model.results import Reason, ReasonKind, Status
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
ACTIVE, KEPT, BROKEN = Status.ACTIVE, Status.KEPT, Status.BROKEN


class Legalist(Persona):
    """Wants it in writing: demands, guarantees and commitments come before cooperation."""

    name = "legalist"
    #: In the talks: concedes slowly and wants trust before it binds itself.
    STYLE = Style(firmness=1.6, margin=2, trust_needed=50, distrust_premium=4)

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        self.trust_at = 55 + self.shift

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        kept, why = self.keep_terms(view, legal)
        if kept:
            return kept, why
        step, why = self.home_step(view, legal, rng)
        if step:
            return step, why
        # A broken word voids what was built on it: the demand comes back, and the
        # arrangement shared with the partner who broke it is left.
        broke = self.breakers(view)
        if broke:
            step, why = self.renew_demand(view, legal, broke)
            if step is None:
                step, why = self.walk_out_of(view, legal, broke)
            if step:
                return step, why
        taken = busy(self.t, view.orders)
        me, fresh = view.role, [a for a in legal if a.target not in taken] if taken else legal
        kept = self._kept(view)
        demands = [a for a in fresh if a.action_id in self.t.demands] if not kept else []
        pick = best(demands, lambda a: -self.trust_in(view, a.target) if a.target else 0, rng)
        if pick:
            return pick, Reason(ReasonKind.INSISTS, (pick.target, self.spec(pick).makes_demand,
                                                     self.band(view), view.tension))
        for a in fresh if kept else ():
            if a.action_id in self.t.drops:
                return a, Reason(ReasonKind.DROPS_DEMAND, (kept[0], self.trust_in(view, kept[0])))
        guarantees = self.t.guarantees
        for a in fresh if view.demands else ():
            wanted = guarantees.get(a.action_id)
            if wanted and (a.target, wanted) in view.demands:
                chance = self.spec(a).ratification.chance(view.own_support())
                if chance > 0:
                    return a, Reason(ReasonKind.OFFERS_GUARANTEE, (a.target, wanted, self.band(view)))
        # Written commitments go where they reassure: to a partner that does not yet trust us.
        promises = [a for a in fresh if a.action_id in self.t.promises
                    and view.trust[(a.target, me)] < self.trust_at]
        pick = best(promises, lambda a: -self.trust_in(view, a.target), rng)
        if pick:
            return pick, Reason(ReasonKind.IN_WRITING, (pick.target,
                                                        self.their_trust(view, pick.target),
                                                        self.trust_at))
        ready, big, responders = self._readiness(view), self.t.big, self.t.responders
        for p in partners(self.t, me):
            if aimed(self.t, view.orders, p) or not ready[p, False]:
                continue
            moves = [a for a in self.friendly_moves(view, legal, p, lambda r: True)
                     if all(ready[r, a.action_id in big] for r in responders(a))]
            pick = best_of(moves, self.t.warmth[me], rng)
            if pick:
                return pick, self._why_ready(view, p, self._big(pick), answer=False)
        # With no demand of its own to wait for, nothing is worth its points: it says so in
        # the open once a round, then stops.
        idle = self.wait_openly(view, legal) if self._own_demand(view) is None else None
        if idle:
            return idle, Reason(ReasonKind.WAITS_AND_SEES, (view.tension,))
        return None, Reason(ReasonKind.WAITS_FOR_GUARANTEE, (self._own_demand(view), view.tension))

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        refuse = self.backs_down(view, offer)
        if refuse:
            return False, refuse
        big = self._big(offer.action)
        for r in (offer.action.role, *offer.responders):
            if r != view.role and not self._ready(view, r, big):
                if self._standing(view) and self._commitment_from(view, r, ACTIVE, KEPT):
                    why = "pledge"
                elif self._standing(view):
                    why = "demand"
                else:
                    why = "unwritten"
                return False, Reason(ReasonKind.DECLINES_UNREADY, (
                    r, why, self._own_demand(view), self.trust_in(view, r), self._needed(big),
                    int(r != offer.action.role)))
        return True, self._why_ready(view, offer.action.role, big, answer=True)

    def _kept(self, view: PlayerView) -> list[str]:
        """Partners who have kept a commitment to us and broken none, in scenario order."""
        me = view.role
        kept = {c.actor for c in view.commitments if c.recipient == me and c.status == KEPT}
        if kept:  # a partner that has broken its word to us once is not taken at it again
            kept -= {c.actor for c in view.commitments if c.recipient == me and c.status == BROKEN}
        return [p for p in partners(self.t, me) if p in kept] if kept else []

    def _readiness(self, view: PlayerView) -> dict[tuple[str, bool], bool]:
        """(partner, big step?) -> whether we are ready to cooperate, for every partner."""
        me, trust = view.role, view.trust
        # A written pledge stands in for trust only once our own demand is off the table.
        held = (ACTIVE, KEPT)
        pledged = () if self._standing(view) else {
            c.actor for c in view.commitments if c.recipient == me and c.status in held}
        return {(p, big): trust[(me, p)] >= self._needed(big) or p in pledged
                for p in partners(self.t, me) for big in (False, True)}

    def _big(self, action: Action) -> bool:
        """A costly step (a joint centre, say) is binding enough to need a guarantee."""
        return self.spec(action).cost >= 2

    def _needed(self, big: bool) -> int:
        return self.trust_at if big else self.trust_at - 15

    def _commitment_from(self, view: PlayerView, partner: str, *status: str) -> bool:
        return any(c.actor == partner and c.recipient == view.role and c.status in status
                   for c in view.commitments)

    def _standing(self, view: PlayerView) -> bool:
        return any(role == view.role for role, _ in view.demands)

    def _own_demand(self, view: PlayerView) -> str | None:
        """The id of our own standing demand, if any (the first in scenario order)."""
        ours = {d for role, d in view.demands if role == view.role}
        return next((d.id for d in self.t.scenario.demands if d.id in ours), None)

    def _ready(self, view: PlayerView, partner: str, big: bool) -> bool:
        if self.trust_in(view, partner) >= self._needed(big):
            return True
        return not self._standing(view) and self._commitment_from(view, partner, ACTIVE, KEPT)

    def _why_ready(self, view: PlayerView, partner: str, big: bool, answer: bool) -> Reason:
        """Why we cooperate with (or, answering, accept from) `partner`: trust, or its pledge."""
        trust = self.trust_in(view, partner)
        if trust >= self._needed(big):
            kind = ReasonKind.ACCEPTS if answer else ReasonKind.COOPERATES
            return Reason(kind, (partner, trust, self._needed(big)))
        kind = ReasonKind.ACCEPTS_PLEDGED if answer else ReasonKind.COOPERATES_PLEDGED
        return Reason(kind, (partner, trust))
