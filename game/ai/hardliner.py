"""The hardliner: demands first, presses partners it distrusts, accepts little.

It makes any public demand open to it, presses each partner whose trust sits below
its threshold (while tension, counting the pressure it has already ordered this round,
stays under its ceiling; pressure on it is always answered), plays to its home audience
until it is won over, and accepts an offer only from a partner it trusts
well, never one that would make it back down from its own demand. Temperament moves
both thresholds and the ceiling.
"""

from __future__ import annotations

from game.ai.persona import Persona, best
from game.ai.traits import aimed, partners
from game.model.actions import Action
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Hardliner(Persona):
    """Presses the partners it distrusts and makes the demands it can."""

    name = "hardliner"

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        self.press_below = 40 + self.shift
        self.accept_at = 55 + self.shift
        self.ceiling = 90 + self.shift
        self.content = 85  # home support at which its audience needs no more speeches

    def choose(self, view: PlayerView, legal: list[Action], rng: Rng) -> tuple[Action | None, str]:
        me = view.role
        trust = view.trust
        rivals = sorted(partners(self.t, me), key=lambda r: trust[(me, r)])
        demands = [a for a in legal if a.action_id in self.t.demands
                   and (a.target is None or a.target == rivals[0])]
        if demands and not any(a.action_id in self.t.demands for a in view.orders):
            return demands[0], (f"makes its demand of {self.t.name(rivals[0])} in public: "
                                f"{self.trust_line(view, rivals[0])}, {self.support_line(view)}")
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
            pick = best(self.pressure_on(view, legal, p, moods), lambda a: 0, rng)
            if pick:
                name = self.t.name(p)
                cause = (f"answers {name}'s '{hit[0]}'" if hit
                         else f"{self.trust_line(view, p)} < {self.press_below}")
                again = "keeps up the pressure on" if view.orders else "presses"
                return pick, f"{again} {name}: {cause}, tension {view.tension}"
        if view.own_support() < self.content:
            pick = self.home_move(view, legal, rng)
            if pick:
                return pick, f"plays to its home audience: {self.support_line(view)}"
        if held:
            return None, (f"holds back from pressing {self.t.name(held)}: tension {heat} is "
                          f"too close to a breakdown (ceiling {self.ceiling})")
        if self.trust_in(view, rivals[0]) >= self.press_below:
            return None, (f"holds its position, seeing no one to press: "
                          f"{self.trust_line(view, rivals[0])} >= {self.press_below}, tension {view.tension}")
        return None, f"holds its position: tension {view.tension}, {self.support_line(view)}"

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, str]:
        what, r = self.offer_from(offer), offer.action.role
        demand = self.backs_down(view, offer)
        if demand:
            return False, f"declines {what}: it will not back down from {demand}"
        trust = self.trust_in(view, r)
        if trust < self.accept_at:
            return False, f"declines {what}: {self.trust_line(view, r)} < {self.accept_at}"
        return True, f"accepts {what}: {self.trust_line(view, r)} >= {self.accept_at}"
