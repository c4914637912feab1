"""The reciprocator: GRIT to open, then tit-for-tat with each partner separately.

It opens with one small unilateral concession toward each partner (Osgood's GRIT),
then mirrors what each partner did to it last round: a concession or an accepted
offer earns a concession back (a milestone proposal when every party behaved), a
hostile move earns one measured reply in kind, and silence is met with a further
small step only while trust stays above its forgiveness threshold.
"""

from __future__ import annotations

from game.ai.persona import Persona, best, best_of
from game.ai.traits import aimed, partners
from game.model.actions import Action
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Reciprocator(Persona):
    """Opens with a small step, then returns what each partner gave it last round."""

    name = "reciprocator"

    def __init__(self, game: CompiledScenario, temperament: str = "steady", grit: bool = True) -> None:
        super().__init__(game, temperament)
        self.grit = grit  # False: wait in the first round instead (the control in the tests)
        self.forgive = 35 + self.shift
        self.accept_at = 20 + self.shift

    def choose(self, view: PlayerView, legal: list[Action], rng: Rng) -> tuple[Action | None, str]:
        step, why = self.home_step(view, legal, rng)
        if step:
            return step, why
        if not view.records:
            return self._opening(view, legal, rng)
        moods = self.mood(view)
        order = sorted(partners(self.t, view.role), key=lambda r: not moods[r].hostile)
        for p in order:
            if aimed(self.t, view.orders, p):
                continue
            m, name, trust = moods[p], self.t.name(p), self.trust_in(view, p)
            if m.hostile:
                pick = best(self.pressure_on(view, legal, p, moods), lambda a: 0, rng)
                if pick:
                    broke = self._broken_by(view, p)
                    if broke:
                        return pick, (f"answers in kind: {name}'s '{m.hit[0]}' broke its {broke}, "
                                      f"trust in {name} {trust}")
                    return pick, f"answers {name}'s '{m.hit[0]}' in kind: trust in {name} {trust}"
                continue
            # Silence earns a further step only if our last one was not left unanswered.
            if m.friendly or (trust >= self.forgive and not m.conceded_to_it):
                moves = self.friendly_moves(view, legal, p, lambda r: not moods[r].hostile)
                pick = best_of(moves, self.t.warmth[view.role], rng)
                if pick:
                    why = (f"returns {name}'s '{m.gave[0]}'" if m.gave
                           else f"returns the favour: {name} accepted our offer last round" if m.accepted
                           else f"keeps the door open to {name} after a quiet round")
                    return pick, f"{why}: trust in {name} {trust}"
        return None, f"waits for a move to answer: tension {view.tension}"

    def _opening(self, view: PlayerView, legal: list[Action], rng: Rng) -> tuple[Action | None, str]:
        if not self.grit:
            return None, f"waits for the others to move first: tension {view.tension}"
        me, trust = view.role, view.trust
        for p in sorted(partners(self.t, me), key=lambda r: trust[(me, r)]):
            if aimed(self.t, view.orders, p):
                continue
            small = [a for a in self.friendly_moves(view, legal, p, lambda r: False)
                     if a.action_id in self.t.cheap and a.action_id not in self.t.offers]
            pick = best_of(small, self.t.gains[me], rng)
            if pick:
                name = self.t.name(p)
                return pick, (f"opens with a small step toward {name} and waits to see it "
                              f"returned (GRIT): trust in {name} {self.trust_in(view, p)}, "
                              f"tension {view.tension}")
        return None, f"has made its opening steps: tension {view.tension}"

    def _broken_by(self, view: PlayerView, partner: str) -> str | None:
        """The name of a commitment `partner` broke toward us last round, if any."""
        last = view.records[-1].round if view.records else None
        return next((c.name for c in view.commitments if c.actor == partner and c.recipient == view.role
                     and c.status == "broken" and c.ended == last), None)

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, str]:
        moods, what = self.mood(view), self.offer_from(offer)
        involved = [r for r in (offer.action.role, *offer.responders) if r != view.role]
        for r in involved:
            if moods[r].hostile:
                return False, (f"declines {what}: {self.t.name(r)} moved against us last round "
                               f"('{moods[r].hit[0]}'), {self.trust_line(view, r)}")
        for r in involved:
            if self.trust_in(view, r) < self.accept_at:
                return False, (f"declines {what}: trust in {self.t.name(r)} "
                               f"{self.trust_in(view, r)} < {self.accept_at}")
        r = offer.action.role
        quiet = "no hostile move last round" if view.records else "no hostile move so far"
        return True, f"accepts {what}: {quiet}, {self.trust_line(view, r)}"
