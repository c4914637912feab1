"""The legalist: insists on guarantees before it cooperates.

It makes any public demand open to it and offers binding guarantees (ratified ones
when ratification has a chance, otherwise a written commitment) to partners who demand
them. It cooperates with, and accepts offers from, a partner only when that partner
has given it a commitment and its own demand no longer stands, or when trust is high
enough: higher for a costly, binding step such as a joint centre than for a small one.
A kept commitment persuades it to set a standing demand aside.
"""

from __future__ import annotations

from game.ai.persona import Persona, best, best_of
from game.ai.traits import aimed, busy, partners
from game.model.actions import Action
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Legalist(Persona):
    """Wants it in writing: demands, guarantees and commitments come before cooperation."""

    name = "legalist"

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        self.trust_at = 55 + self.shift

    def choose(self, view: PlayerView, legal: list[Action], rng: Rng) -> tuple[Action | None, str]:
        step, why = self.home_step(view, legal, rng)
        if step:
            return step, why
        taken = busy(self.t, view.orders)
        me, fresh = view.role, [a for a in legal if a.target not in taken] if taken else legal
        kept = self._kept(view)
        demands = [a for a in fresh if a.action_id in self.t.demands] if not kept else []
        pick = best(demands, lambda a: -self.trust_in(view, a.target) if a.target else 0, rng)
        if pick:
            whom = f" from {self.t.name(pick.target)}" if pick.target else ""
            demand = self._demand(self.spec(pick).makes_demand)
            return pick, (f"insists on {demand}{whom} before it cooperates: "
                          f"{self.support_line(view)}, tension {view.tension}")
        for a in fresh if kept else ():
            if a.action_id in self.t.drops:
                return a, (f"drops its demand now that {self.t.name(kept[0])} has kept a "
                           f"commitment: {self.trust_line(view, kept[0])}")
        guarantees = self.t.guarantees
        for a in fresh if view.demands else ():
            wanted = guarantees.get(a.action_id)
            if wanted and (a.target, wanted) in view.demands:
                chance = self.spec(a).ratification.chance(view.own_support())
                if chance > 0:
                    return a, (f"offers {self.t.name(a.target)} what it demands, "
                               f"{self._demand(wanted)}: ratification has a chance, "
                               f"{self.support_line(view)}")
        # Written commitments go where they reassure: to a partner that does not yet trust us.
        promises = [a for a in fresh if a.action_id in self.t.promises
                    and view.trust[(a.target, me)] < self.trust_at]
        pick = best(promises, lambda a: -self.trust_in(view, a.target), rng)
        if pick:
            return pick, (f"puts a commitment to {self.t.name(pick.target)} in writing: "
                          f"{self.their_trust_line(view, pick.target)} < {self.trust_at}")
        ready, big, responders = self._readiness(view), self.t.big, self.t.responders
        for p in partners(self.t, me):
            if aimed(self.t, view.orders, p) or not ready[p, False]:
                continue
            moves = [a for a in self.friendly_moves(view, legal, p, lambda r: True)
                     if all(ready[r, a.action_id in big] for r in responders(a))]
            pick = best_of(moves, self.t.warmth[me], rng)
            if pick:
                return pick, (f"cooperates with {self.t.name(p)}: "
                              f"{self._why_ready(view, p, self._big(pick))}")
        waiting = self._own_demand(view)
        return None, (f"waits for {waiting or 'commitments in writing'} before it cooperates: "
                      f"tension {view.tension}")

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, str]:
        what = self.offer_from(offer)
        demand = self.backs_down(view, offer)
        if demand:
            return False, f"declines {what}: our demand for {demand} still stands"
        big = self._big(offer.action)
        for r in (offer.action.role, *offer.responders):
            if r != view.role and not self._ready(view, r, big):
                name, short = self.t.name(r), f"{self.trust_line(view, r)} < {self._needed(big)}"
                also = "" if r == offer.action.role else f"it would bind us to {name} too, "
                if self._standing(view) and self._commitment_from(view, r, "active", "kept"):
                    own = self._own_demand(view)
                    why = f"a written pledge from {name} does not meet our demand for {own}"
                elif self._standing(view):
                    why = f"our demand for {self._own_demand(view)} still stands"
                else:
                    why = f"no commitment in writing from {name}"
                return False, f"declines {what}: {also}{why}, and {short}"
        return True, f"accepts {what}: {self._why_ready(view, offer.action.role, big)}"

    def _kept(self, view: PlayerView) -> list[str]:
        """Partners who have kept a commitment to us, in scenario order."""
        me = view.role
        kept = {c.actor for c in view.commitments if c.recipient == me and c.status == "kept"}
        return [p for p in partners(self.t, me) if p in kept] if kept else []

    def _readiness(self, view: PlayerView) -> dict[tuple[str, bool], bool]:
        """(partner, big step?) -> whether we are ready to cooperate, for every partner."""
        me, trust = view.role, view.trust
        # A written pledge stands in for trust only once our own demand is off the table.
        pledged = () if self._standing(view) else {
            c.actor for c in view.commitments if c.recipient == me and c.status in ("active", "kept")}
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

    def _demand(self, demand_id: str) -> str:
        """A demand's name as the scenario words it."""
        return next((d.name for d in self.t.scenario.demands if d.id == demand_id), demand_id)

    def _own_demand(self, view: PlayerView) -> str | None:
        """The name of our own standing demand ("a legal guarantee that ..."), if any."""
        ours = {d for role, d in view.demands if role == view.role}
        return next((d.name for d in self.t.scenario.demands if d.id in ours), None)

    def _ready(self, view: PlayerView, partner: str, big: bool) -> bool:
        if self.trust_in(view, partner) >= self._needed(big):
            return True
        return not self._standing(view) and self._commitment_from(view, partner, "active", "kept")

    def _why_ready(self, view: PlayerView, partner: str, big: bool) -> str:
        trust = self.trust_in(view, partner)
        if trust >= self._needed(big):
            return f"trust in {self.t.name(partner)} {trust} >= {self._needed(big)}"
        name = self.t.name(partner)
        return f"{name} has given us a commitment in writing, {self.trust_line(view, partner)}"
