"""The hardliner: demands first, presses partners it distrusts, accepts little.

It makes any public demand open to it, presses each partner whose trust sits below
its threshold (while tension is under its ceiling; pressure on it is always answered),
looks after its home front, and
accepts an offer only from a partner it trusts well, never one that would make it
back down from its own demand. Temperament moves both thresholds and the ceiling.
"""

from __future__ import annotations

from game.ai.persona import Persona, best
from game.ai.traits import aimed, partners
from game.model.actions import Action
from game.model.scenario import Scenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Hardliner(Persona):
    """Presses the partners it distrusts and makes the demands it can."""

    name = "hardliner"

    def __init__(self, scenario: Scenario, temperament: str = "steady") -> None:
        super().__init__(scenario, temperament)
        self.press_below = 40 + self.shift
        self.accept_at = 55 + self.shift
        self.ceiling = 90 + self.shift

    def choose(self, view: PlayerView, legal: list[Action], rng: Rng) -> tuple[Action | None, str]:
        me = view.role
        rivals = sorted(partners(self.t, me), key=lambda r: self.trust_in(view, r))
        demands = [a for a in legal if a.action_id in self.t.demands
                   and (a.target is None or a.target == rivals[0])]
        if demands and not any(a.action_id in self.t.demands for a in view.orders):
            return demands[0], f"insists in public: trust in {self.t.name(rivals[0])} " \
                               f"{self.trust_in(view, rivals[0])}, {self.support_line(view)}"
        moods = self.mood(view)
        for p in rivals:
            trust, hit = self.trust_in(view, p), moods[p].hit
            if aimed(self.t, view.orders, p):
                continue
            # It never lets pressure go unanswered, whatever the tension.
            if not hit and (trust >= self.press_below or view.tension >= self.ceiling):
                continue
            pick = best(self.pressure_on(view, legal, p), lambda a: 0, rng)
            if pick:
                cause = (f"answers {self.t.name(p)}'s '{hit[0]}'" if hit
                         else f"trust {trust} < {self.press_below}")
                return pick, f"presses {self.t.name(p)}: {cause}, tension {view.tension}"
        pick = self.home_move(view, legal, rng)
        if pick:
            return pick, f"works its home front: {self.support_line(view)}"
        return None, f"holds its position: tension {view.tension}"

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, str]:
        what, r = self.offer_from(offer), offer.action.role
        demand = self.backs_down(view, offer)
        if demand:
            return False, f"declines {what}: it will not back down from {demand}"
        trust = self.trust_in(view, r)
        if trust < self.accept_at:
            return False, f"declines {what}: trust in {self.t.name(r)} {trust} < {self.accept_at}"
        return True, f"accepts {what}: trust in {self.t.name(r)} {trust} >= {self.accept_at}"
