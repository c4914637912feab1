"""The opportunist: pockets unreciprocated concessions and mends fences only when it must.

When a partner conceded to it last round, it takes the gain and gives nothing back:
it works its home front and, once those moves are spent, presses the conceding partner
while tension is low and that partner's trust in it can take the blow. With its home
support already full it simply sits on the gain. When no one is conceding it makes one
cheap step to lure them back. It accepts every offer that does
not make it back down from a demand of its own.
"""

from __future__ import annotations

from game.ai.bargain import Style
from game.ai.persona import Persona, best, best_of
from game.ai.traits import Mood, aimed, partners
from game.model.actions import Action
from game.model.results import Reason, ReasonKind
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Opportunist(Persona):
    """Takes what is offered, gives pressure or home-front moves back."""

    name = "opportunist"
    #: In the talks: never opens; waits for offers and takes a good one when it comes.
    STYLE = Style(firmness=2.0, margin=2, trust_needed=30, distrust_premium=2, proposes=False, jitter=3)

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        self.cap = 60 + self.shift  # presses only while tension is below this
        self.cushion = 50 - self.shift  # ... and the partner's trust in it is at least this

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        kept, why = self.keep_terms(view, legal)
        if kept:
            return kept, why
        step, why = self.home_step(view, legal, rng)
        if step:
            return step, why
        broke = self.breakers(view)
        if broke:  # a broken word frees it: the popular demand returns, the arrangement goes
            step, why = self.renew_demand(view, legal, broke)
            if step is None:
                step, why = self.walk_out_of(view, legal, broke)
            if step:
                return step, why
        me, moods = view.role, self.mood(view)
        soft = [p for p in partners(self.t, me) if moods[p].gave and not moods[p].hostile]
        if soft:
            return self._exploit(view, legal, rng, soft, moods)
        if any(self.t.conceded(a) for a in view.orders):  # one bait a round is enough
            if self.full_house(view):
                return None, Reason(ReasonKind.SPENDS_NOTHING, (self.band(view),))
            pick = self.home_move(view, legal, rng)
            return pick, Reason(ReasonKind.REST_HOME, (self.band(view),))
        for p in sorted(partners(self.t, me), key=lambda r: view.trust[(r, me)]):
            if aimed(self.t, view.orders, p):
                continue
            cheap = [a for a in self.friendly_moves(view, legal, p, lambda r: True)
                     if a.action_id in self.t.cheap and a.action_id not in self.t.proposals]
            pick = best_of(cheap, self.t.gains[me], rng)
            if pick:
                hit, theirs = moods[p].hit, self.their_trust(view, p)
                if hit:
                    return pick, Reason(ReasonKind.BAITS_DESPITE, (p, hit[0], theirs))
                return pick, Reason(ReasonKind.BAITS, (p, theirs))
        return None, Reason(ReasonKind.WAITS_FOR_CONCESSION, (self.band(view),))

    def _exploit(self, view: PlayerView, legal: list[Action], rng: Rng, soft: list[str],
                 moods: dict[str, Mood]) -> tuple[Action | None, Reason]:
        giver, gift = soft[0], moods[soft[0]].gave[0]
        if self.full_house(view):  # nothing left to win at home, and it presses no harder
            return None, Reason(ReasonKind.KEEPS_GIFT, (giver, gift, self.band(view)))
        # Home-front gains first: they cost nothing abroad. Pressure only when none is left.
        pick = self.home_move(view, legal, rng)
        if pick:
            if any(self.is_home(a) for a in view.orders):
                return pick, Reason(ReasonKind.REST_HOME_TOO, (self.band(view),))
            return pick, Reason(ReasonKind.POCKETS, (giver, gift, self.band(view)))
        for p in soft:
            # It presses only a partner whose trust in it can take the blow.
            if (view.tension < self.cap and view.trust[(p, view.role)] >= self.cushion
                    and not aimed(self.t, view.orders, p)):
                pick = best(self.pressure_on(view, legal, p, moods), lambda a: 0, rng)
                if pick:
                    return pick, Reason(ReasonKind.PRESSES_CONCEDER,
                                        (p, self.their_trust(view, p), view.tension))
        return None, Reason(ReasonKind.KEEPS_GIVEN, (view.tension,))

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        refuse = self.backs_down(view, offer)
        if refuse:
            return False, refuse
        r = offer.action.role
        return True, Reason(ReasonKind.TAKES, (r, self.trust_in(view, r)))
