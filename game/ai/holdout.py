"""The holdout: stands by its public demand until trust and insight are high enough.

It plays like a reciprocator (a small opening step, then each partner's last move
returned), but while its own public demand stands it joins no joint undertaking on the
track (transparency is still welcome) and takes no step that would count as backing
down from the demand, and declines such offers. It sets the demand aside only when it
holds a written commitment from a partner, trusts that partner enough, and can see the
partner clearly: the fog over the partner's domestic support has narrowed to
`insight_width` points or less, which only that partner's transparency measures bring
about. Even then its hawks at home must come round: each round the conditions hold, a
seeded chance that grows with trust decides (see `consent`). A partner who breaks a
commitment to it makes it raise the demand again. This is the position of a delegation
that wants a guarantee in writing but can be brought to accept practical cooperation by
openness and assurances.
"""

from __future__ import annotations

from game.ai.bargain import Own, Plan, Style, bargain
from game.ai.reciprocator import Reciprocator
from game.ai.traits import partners
from game.model.actions import Action
from game.model.results import Reason, ReasonKind, Status
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.talks_tables import TalkTables
from game.rules.view import PlayerView

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
ACTIVE, KEPT, BROKEN = Status.ACTIVE, Status.KEPT, Status.BROKEN


class Holdout(Reciprocator):
    """Holds its demand until a partner's commitment, trust and insight make dropping it safe."""

    name = "holdout"
    #: In the talks: asks for the guarantee first and comes down late.
    STYLE = Style(firmness=2.0, margin=2, trust_needed=45, distrust_premium=4, jitter=2)
    ANSWERS_BROKEN_WORD = False

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        scenario = game.scenario
        self.trust_at = 60 + self.shift  # trust in the committed partner needed to set it aside
        self.insight_width = 14 - self.shift // 2  # widest fog it accepts over that partner
        self.first_consent, self.most_consent = 10 - self.shift, 40 - self.shift
        self.back_down = {d.id: frozenset(d.backed_down_by) for d in scenario.demands}
        self.joint = frozenset(a.id for a in scenario.actions
                               if a.establishes and a.family == "cooperation")
        # In the talks: trust in the guarantor it needs to set the demand aside for a
        # written assurance (lower than for the public climb-down: a package is reciprocal).
        # Once it has that trust the decision is made: no roll, as its words promise.
        self.talk_trust = 40 + self.shift
        # Points more it asks of a package with the written assurance than of one with the
        # guarantee: what it gives up it wants back on the other issues.
        self.talk_compensation = 5
        self._central_choice: tuple | None = None

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        step, why = self.home_step(view, legal, rng)
        if step:
            return step, why
        if self._standing(view) and not view.orders:
            pick, why = self._set_aside(view, legal, rng)
            if pick:
                return pick, why
        else:
            pick, why = self._renew(view, legal)
            if pick:
                return pick, why
        return super().choose(view, legal, rng)

    def friendly_moves(self, view, legal, partner, welcome):
        """As for every persona, less any step that would back down from a standing demand."""
        moves = super().friendly_moves(view, legal, partner, welcome)
        barred = self._barred(view)
        return [a for a in moves if a.action_id not in barred] if barred else moves

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        refuse = self.backs_down(view, offer)
        if refuse:
            return False, refuse
        if offer.action.action_id in self._barred(view):
            r = offer.action.role
            return False, Reason(ReasonKind.DECLINES_JOINT,
                                 (self._demand_id(view), r, self.trust_in(view, r)))
        return super().respond(view, offer, rng)

    # --- the talks: the demand and the package --------------------------------------

    def bargain(self, view: PlayerView, tables: TalkTables, own: Own, left: int,
                rng: Rng) -> Plan:
        """While its demand stands it proposes and accepts only packages with the guarantee,
        or, once it trusts the guarantor `talk_trust` or more, packages with the written
        assurance worth `talk_compensation` more to it than it asks of a package with the
        guarantee (never more than the best such package is worth): the conditions it states
        with each message while it holds out, and the whole of its decision (no chance in
        it). A decline answers the package declined: the option it cannot accept and the
        change that would do (see `game.ai.bargain.why_declines`)."""
        central = self._central(tables, view.role)
        standing = self._standing(view)
        if central is None or not standing:
            return bargain(view, tables, own, self.style, left, rng)
        issue, guarantee, written, guarantor = central
        k = tables.issues.index(issue)
        packages = tables.packages
        trust = self.trust_in(view, guarantor)
        ready = trust >= self.talk_trust

        def gate(i: int) -> int | None:
            option = packages[i][k][1]
            if option == guarantee:
                return 0
            return self.talk_compensation if ready and option in written else None

        plan = bargain(view, tables, own, self.style, left, rng, gate)
        move = plan.move
        if move is None or move.kind in ("withdraw", "decline"):
            return plan
        demand = self._demand_id(view)
        terms = move.terms or next((m.terms for m in view.talks if m.id == move.ref), ())
        chosen = dict(terms).get(issue)
        if chosen in written:
            why = (guarantor, demand, issue, chosen, trust, self.talk_trust)
            return Plan(move, Reason(ReasonKind.TALK_SETS_ASIDE, why))
        why = (guarantor, demand, issue, written[0], trust, self.talk_trust)
        return Plan(move, Reason(ReasonKind.TALK_HOLDS_DEMAND, why))

    def _central(self, tables: TalkTables, me: str) -> tuple | None:
        """(issue, guarantee option, written options, guarantor) of the talks' central
        choice: the option another role must ratify (the guarantee our demand asks for),
        and the options of the same issue that bind that role to a commitment in writing
        without ratification. None if the talks have no such choice."""
        if self._central_choice is None or self._central_choice[0] != me:
            found: tuple = ()
            promises = self.t.promises
            for issue in tables.spec.issues:
                for option in issue.options:
                    rat = option.ratification
                    if rat is None or rat.role == me:
                        continue
                    written = tuple(o.id for o in issue.options if o.ratification is None and any(
                        t.role == rat.role and set(t.do) & promises for t in o.terms))
                    if written and not found:
                        found = (issue.id, option.id, written, rat.role)
            self._central_choice = (me, found)
        return self._central_choice[1] or None

    # --- the demand -----------------------------------------------------------------

    def _standing(self, view: PlayerView) -> set[str]:
        """Ids of our own demands that stand."""
        return {d for role, d in view.demands if role == view.role}

    def _barred(self, view: PlayerView) -> frozenset[str]:
        """While a demand of ours stands: every joint undertaking on the track (no cooperation
        without the guarantee; transparency is still welcome), and anything else that would
        count as backing down from it."""
        standing = self._standing(view)
        if not standing:
            return frozenset()
        return self.joint.union(*(self.back_down[d] for d in standing))

    def _set_aside(self, view: PlayerView, legal: list[Action],
                   rng: Rng) -> tuple[Action | None, Reason | None]:
        """The order that drops our demand, if a partner has earned it and the hawks at home
        can be won over this round (a seeded chance that grows with trust); else none."""
        drops = [a for a in legal if a.action_id in self.t.drops]
        if not drops:
            return None, None
        for p in self._committed(view):
            trust, width = self.trust_in(view, p), self._fog(view, p)
            if trust >= self.trust_at and width <= self.insight_width:
                chance = self.consent(trust)
                if not rng.percent(chance):
                    return None, None
                return drops[0], Reason(ReasonKind.SETS_ASIDE,
                                        (p, trust, self.trust_at, width, chance))
        return None, None

    def consent(self, trust: int) -> int:
        """Percent chance, per round, that the hawks at home accept setting the demand aside
        once the conditions hold: higher the more the partner is trusted."""
        return min(self.most_consent, self.first_consent + 3 * (trust - self.trust_at))

    def _demand_id(self, view: PlayerView) -> str:
        """Our own standing demand (the first in scenario order)."""
        standing = self._standing(view)
        return next(d.id for d in self.t.scenario.demands if d.id in standing)

    def _committed(self, view: PlayerView) -> list[str]:
        """Partners whose commitment to us is running or kept, in scenario order."""
        me = view.role
        given = {c.actor for c in view.commitments
                 if c.recipient == me and c.status in (ACTIVE, KEPT)}
        return [p for p in partners(self.t, me) if p in given]

    def _fog(self, view: PlayerView, partner: str) -> int:
        low, high = view.support[partner]
        return high - low

    def _renew(self, view: PlayerView, legal: list[Action]) -> tuple[Action | None, Reason | None]:
        """Raise the demand again at a partner who broke a commitment to us."""
        me = view.role
        last = view.round - 1
        broke = {c.actor for c in view.commitments
                 if c.recipient == me and c.status == BROKEN and c.ended == last}
        for a in legal:
            if a.action_id in self.t.demands and a.target in broke:
                demand = self.t.spec[a.action_id].makes_demand
                return a, Reason(ReasonKind.DEMANDS_AGAIN,
                                 (a.target, demand, self.trust_in(view, a.target)))
        return None, None
