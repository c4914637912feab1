"""The cooperative: an unconditional concession-maker.

It proposes the next step on the cooperation track whenever it can, otherwise makes
the warmest concession toward the partner it trusts least, and accepts every offer.
Among concessions it favours the costliest at home, never presses and never minds its
home front, which is what makes it exploitable.
"""

from __future__ import annotations

from game.ai.bargain import Style
from game.ai.persona import Persona, best
from game.ai.traits import aimed, partners
from game.model.actions import Action
from game.model.results import Reason, ReasonKind
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Cooperative(Persona):
    """Concedes every round and accepts every offer, whatever the others do."""

    name = "cooperative"
    #: In the talks: concedes early and asks no premium of anyone.
    STYLE = Style(firmness=0.6, margin=0, trust_needed=0, distrust_premium=0, jitter=2)

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        kept, why = self.keep_terms(view, legal)
        if kept:
            return kept, why
        me, moods, trust = view.role, self.mood(view), view.trust
        # Its own orders last round, by what and at whom.
        last = {(a.action_id, a.target) for a in view.records[-1].orders
                if a.role == me} if view.records else set()
        generosity = self.t.generosity[me]
        for p in sorted(partners(self.t, me), key=lambda r: trust[(me, r)]):
            if aimed(self.t, view.orders, p):
                continue
            moves = self.friendly_moves(view, legal, p, lambda r: True)
            # It varies its gestures: the one it made last round counts for a little less.
            pick = best(moves, lambda a: generosity[a.action_id]
                        - 0.5 * ((a.action_id, a.target) in last), rng)
            if pick:
                spec, hit, held = self.spec(pick), moods[p].hit, trust[(me, p)]
                how = "track" if spec.establishes else "offer" if spec.offer else "step"
                if hit:
                    return pick, Reason(ReasonKind.GIVES_DESPITE,
                                        (p, how, hit[0], held, view.tension))
                return pick, Reason(ReasonKind.GIVES, (p, how, held, view.tension))
        return None, Reason(ReasonKind.NOTHING_LEFT, (view.tension,))

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        r = offer.action.role
        hit, trust = self.mood(view)[r].hit, self.trust_in(view, r)
        if hit:
            return True, Reason(ReasonKind.ACCEPTS_DESPITE, (r, hit[0], trust))
        return True, Reason(ReasonKind.ACCEPTS_FREELY, (r, trust))
