"""The hardliner: demands first, presses partners it distrusts, accepts little.

It makes any public demand open to it, presses each partner whose trust sits below
its threshold (while tension, counting the pressure it has already ordered this round,
stays under its ceiling; pressure on it is always answered), plays to its home audience
until it is won over, and accepts an offer only from a partner it trusts
well, never one that would make it back down from its own demand. Temperament moves
both thresholds and the ceiling.
"""

from __future__ import annotations

from game.ai.bargain import Style
from game.ai.persona import Persona, best
from game.ai.traits import aimed, partners
from game.model.actions import Action
from game.model.results import Reason, ReasonKind
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Hardliner(Persona):
    """Presses the partners it distrusts and makes the demands it can."""

    name = "hardliner"
    #: In the talks: holds out to the last rounds and asks much more of those it distrusts.
    STYLE = Style(firmness=3.0, margin=3, trust_needed=55, distrust_premium=6, jitter=2)

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        self.press_below = 40 + self.shift
        self.accept_at = 55 + self.shift
        self.ceiling = 90 + self.shift
        self.content = 85  # home support at which its audience needs no more speeches
        self.treaty_odds = 5  # ratification odds (percent) at which it puts a treaty to a vote
        self.walk_at = 70 - self.shift  # tension at which a hostile move makes it leave the table

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        kept, why = self.keep_terms(view, legal)
        if kept:
            return kept, why
        me = view.role
        trust = view.trust
        rivals = sorted(partners(self.t, me), key=lambda r: trust[(me, r)])
        broke = self.breakers(view)
        if broke:  # a broken word: the demand comes back at whoever broke it
            step, why = self.renew_demand(view, legal, broke)
            if step:
                return step, why
        step, why = self.carry_treaty(view, legal)
        if step:
            return step, why
        demands = [a for a in legal if a.action_id in self.t.demands
                   and (a.target is None or a.target == rivals[0])]
        if demands and not any(a.action_id in self.t.demands for a in view.orders):
            return demands[0], Reason(ReasonKind.DEMANDS, (rivals[0], trust[(me, rivals[0])],
                                                           self.band(view)))
        moods = self.mood(view)
        # The tension once the pressure it has already ordered this round lands.
        heat = view.tension + sum(self.t.heat[a.action_id] for a in view.orders)
        held = None
        for p in rivals:
            trust, hit = self.trust_in(view, p), moods[p].hit
            if aimed(self.t, view.orders, p):
                continue
            if not hit and trust >= self.press_below:
                continue
            # It never lets pressure go unanswered, whatever the tension.
            if not hit and heat >= self.ceiling:
                held = held or p
                continue
            # A hostile move when tension is already high: it walks out of the talks.
            if hit and not view.orders and view.tension >= self.walk_at:
                walkout = next((a for a in legal if a.action_id in self.t.walkouts), None)
                if walkout:
                    return walkout, Reason(ReasonKind.SUSPENDS, (p, hit[0], view.tension))
            pick = best(self.pressure_on(view, legal, p, moods), lambda a: 0, rng)
            if pick:
                again = int(bool(view.orders))
                if hit:
                    return pick, Reason(ReasonKind.PRESSES_BACK, (p, again, hit[0], view.tension))
                return pick, Reason(ReasonKind.PRESSES,
                                    (p, again, trust, self.press_below, view.tension))
        if view.own_support() < self.content:
            pick = self.home_move(view, legal, rng)
            if pick:
                return pick, Reason(ReasonKind.HOME_AUDIENCE, (self.band(view),))
        if held:
            return None, Reason(ReasonKind.HOLDS_BACK, (held, heat, self.ceiling))
        least = self.trust_in(view, rivals[0])
        if least >= self.press_below:
            return None, Reason(ReasonKind.NO_ONE_TO_PRESS,
                                (rivals[0], least, self.press_below, view.tension))
        return None, Reason(ReasonKind.HOLDS, (view.tension, self.band(view)))

    def carry_treaty(self, view: PlayerView, legal: list[Action]) -> tuple[Action | None, Reason | None]:
        """Only a delegation its hawks trust can sell a treaty at home: with support firm
        enough to give ratification good odds (at least `treaty_odds` percent) it offers the
        ratified guarantee a partner demands, once a game, if that partner did not move
        against it last round."""
        guarantees = self.t.guarantees
        if not view.demands or not guarantees or view.orders:
            return None, None
        support = view.own_support()
        for a in legal:
            wanted = guarantees.get(a.action_id)
            if (not wanted or (a.target, wanted) not in view.demands
                    or self.spec(a).ratification.chance(support) < self.treaty_odds
                    or self.mood(view)[a.target].hostile):
                continue
            if any(o.action_id == a.action_id and o.role == view.role
                   for rec in view.records for o in rec.orders):
                return None, None  # it put one to a vote already
            return a, Reason(ReasonKind.CARRIES_TREATY, (a.target, wanted, self.band(view)))
        return None, None

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        r = offer.action.role
        refuse = self.backs_down(view, offer)
        if refuse:
            return False, refuse
        trust = self.trust_in(view, r)
        if trust < self.accept_at:
            return False, Reason(ReasonKind.DECLINES, (r, trust, self.accept_at))
        return True, Reason(ReasonKind.ACCEPTS, (r, trust, self.accept_at))
