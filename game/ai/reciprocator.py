"""The reciprocator: GRIT to open, then tit-for-tat with each partner separately.

It opens with one small unilateral concession toward each partner (Osgood's GRIT),
then mirrors what each partner did to it last round: a concession or an accepted
offer earns a concession back (a milestone proposal when every party behaved), a
hostile move earns one measured reply in kind, and silence is met with a further
small step only while trust stays above its forgiveness threshold.
"""

from __future__ import annotations

from game.ai.bargain import Style
from game.ai.persona import Persona, best, best_of
from game.ai.traits import aimed, partners
from game.model.actions import Action
from game.model.results import Reason, ReasonKind, Status
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
BROKEN = Status.BROKEN


class Reciprocator(Persona):
    """Opens with a small step, then returns what each partner gave it last round."""

    name = "reciprocator"
    #: In the talks: a fair bargainer: concedes steadily, asks a little more of those it trusts little.
    STYLE = Style(firmness=1.2, margin=1, trust_needed=40, distrust_premium=3)
    #: A partner that moved against us: our demand comes back at it if we had set it aside;
    #: if it broke its word to us and we cannot, we step back from the newest arrangement
    #: we share with it. (The holdout and
    #: the assurer, built on this persona, answer a broken word in their own ways.)
    ANSWERS_BROKEN_WORD = True

    def __init__(self, game: CompiledScenario, temperament: str = "steady", grit: bool = True) -> None:
        super().__init__(game, temperament)
        self.grit = grit  # False: wait in the first round instead (the control in the tests)
        self.forgive = 35 + self.shift
        self.accept_at = 20 + self.shift

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        kept, why = self.keep_terms(view, legal)
        if kept:
            return kept, why
        step, why = self.home_step(view, legal, rng)
        if step:
            return step, why
        if not view.records:
            return self._opening(view, legal, rng)
        moods = self.mood(view)
        broke = self.breakers(view) if self.ANSWERS_BROKEN_WORD else ()
        order = sorted(partners(self.t, view.role), key=lambda r: not moods[r].hostile)
        for p in order:
            if aimed(self.t, view.orders, p):
                continue
            m, trust = moods[p], self.trust_in(view, p)
            if m.hostile:
                if self.ANSWERS_BROKEN_WORD:
                    step, why = self.renew_demand(view, legal, [p])
                    if step is not None and p not in broke:  # answers the move itself
                        why = Reason(ReasonKind.ANSWERS_WITH_DEMAND,
                                     (p, m.hit[0], why.args[1], trust))
                    elif step is None and p in broke:
                        step, why = self.walk_out_of(view, legal, [p])
                    if step:
                        return step, why
                pick = best(self.pressure_on(view, legal, p, moods), lambda a: 0, rng)
                if pick:
                    broke = self._broken_by(view, p)
                    if broke:
                        return pick, Reason(ReasonKind.ANSWERS_BREACH, (p, m.hit[0], broke, trust))
                    return pick, Reason(ReasonKind.ANSWERS_IN_KIND, (p, m.hit[0], trust))
                continue
            # Silence earns a further step only if our last one was not left unanswered.
            if m.friendly or (trust >= self.forgive and not m.conceded_to_it):
                moves = self.friendly_moves(view, legal, p, lambda r: not moods[r].hostile)
                pick = best_of(moves, self.t.warmth[view.role], rng)
                if pick:
                    if m.gave:
                        return pick, Reason(ReasonKind.RETURNS_GIFT, (p, m.gave[0], trust))
                    kind = ReasonKind.RETURNS_FAVOUR if m.accepted else ReasonKind.DOOR_OPEN
                    return pick, Reason(kind, (p, trust))
        return None, Reason(ReasonKind.WAITS_FOR_MOVE, (view.tension,))

    def _opening(self, view: PlayerView, legal: list[Action],
                 rng: Rng) -> tuple[Action | None, Reason]:
        if not self.grit:
            return None, Reason(ReasonKind.WAITS_FIRST, (view.tension,))
        me, trust = view.role, view.trust
        for p in sorted(partners(self.t, me), key=lambda r: trust[(me, r)]):
            if aimed(self.t, view.orders, p):
                continue
            small = [a for a in self.friendly_moves(view, legal, p, lambda r: False)
                     if a.action_id in self.t.cheap and a.action_id not in self.t.offers]
            pick = best_of(small, self.t.gains[me], rng)
            if pick:
                return pick, Reason(ReasonKind.OPENS_GRIT,
                                    (p, self.trust_in(view, p), view.tension))
        return None, Reason(ReasonKind.OPENING_DONE, (view.tension,))

    def _broken_by(self, view: PlayerView, partner: str) -> str | None:
        """The action id of a commitment `partner` broke toward us last round, if any."""
        last = view.records[-1].round if view.records else None
        return next((c.action_id for c in view.commitments if c.actor == partner
                     and c.recipient == view.role and c.status == BROKEN
                     and c.ended == last), None)

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        moods = self.mood(view)
        involved = [r for r in (offer.action.role, *offer.responders) if r != view.role]
        for r in involved:
            if moods[r].hostile:
                return False, Reason(ReasonKind.DECLINES_HOSTILE,
                                     (r, moods[r].hit[0], self.trust_in(view, r)))
        for r in involved:
            if self.trust_in(view, r) < self.accept_at:
                return False, Reason(ReasonKind.DECLINES,
                                     (r, self.trust_in(view, r), self.accept_at))
        r = offer.action.role
        return True, Reason(ReasonKind.ACCEPTS_QUIET,
                            (r, self.trust_in(view, r), int(not view.records)))
