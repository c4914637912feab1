"""The common ground of the personas: temperament, the home-front guard and tie-breaking.

A persona subclass writes `choose(view, legal, rng)` and `respond(view, offer, rng)`;
this base adds what they all share. Temperament shifts a persona's thresholds: a
"soft" delegation trusts sooner and presses later, a "hard" one the reverse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from game.ai.bargain import DEFAULT_STYLE, Own, Plan, Style, bargain
from game.ai.traits import Mood, Traits, moods
from game.model.actions import Action
from game.model.results import Reason, ReasonKind, Status
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.talks_tables import TalkTables
from game.rules.view import PlayerView

BROKEN = Status.BROKEN

#: Temperament -> how many trust points it moves a persona's thresholds (hard is warier).
TEMPERAMENTS: dict[str, int] = {"soft": -10, "steady": 0, "hard": 10}

#: The bands a delegation's own domestic support is described by in public: band i holds
#: the values below HOME_BANDS[i] and at least HOME_BANDS[i - 1] (game.words names them:
#: low, shaky, steady, firm, at its height). Reasoning is shown to every team, so it gives
#: the band, never the exact value.
HOME_BANDS = (30, 50, 70, 90, 101)


def home_band(value: int) -> int:
    """The index in HOME_BANDS of the band `value` (0-100) falls in."""
    return next(i for i, below in enumerate(HOME_BANDS) if value < below)


class Persona:
    """Base for the personas; subclasses set `name`, `choose` and `respond`, and `STYLE`,
    how they bargain in the talks (see `game.ai.bargain.Style`); temperament moves the
    style's `trust_needed` as it moves the persona's other thresholds."""

    name = "persona"
    STYLE: Style = DEFAULT_STYLE

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        if temperament not in TEMPERAMENTS:
            raise KeyError(f"unknown temperament {temperament!r}; choose from "
                           f"{', '.join(TEMPERAMENTS)}")
        self.t: Traits = game.traits if game.traits is not None else Traits(game)
        self.temperament = temperament
        self.shift = TEMPERAMENTS[temperament]
        self.talk_terms = game.talks.terms if game.talks is not None else {}
        self.style = replace(self.STYLE,
                             trust_needed=max(0, self.STYLE.trust_needed + self.shift))

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        """The next order (None ends the orders) and the reason for it."""
        raise NotImplementedError

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        """Accept or decline an offer, and the reason."""
        raise NotImplementedError

    def bargain(self, view: PlayerView, tables: TalkTables, own: Own, left: int,
                rng: Rng) -> Plan:
        """One decision in the talks (see `game.ai.bargain.bargain`), in this persona's style."""
        return bargain(view, tables, own, self.style, left, rng)

    def keep_terms(self, view: PlayerView, legal: list[Action]) -> tuple[Action | None, Reason]:
        """An order that carries out a deed this delegation owes under the agreement in
        force (a term still running), or (None, a waiting reason)."""
        if not view.terms:
            return None, Reason(ReasonKind.TALK_WAITS)
        drafted = {(a.action_id, a.target) for a in view.orders}
        for r in view.terms:
            if r.status != "active" or r.role != view.role or not r.deed:
                continue
            spec = self.talk_terms.get(r.key)
            if spec is None:
                continue
            for a in legal:
                if (a.action_id in spec.do and (a.action_id, a.target) not in drafted
                        and a.target in (None, spec.toward)):
                    issue, option = r.key.split(".")[:2]
                    return a, Reason(ReasonKind.KEEPS_TERM, (spec.toward, issue, option))
        return None, Reason(ReasonKind.TALK_WAITS)

    # --- shared helpers -----------------------------------------------------------

    def breakers(self, view: PlayerView) -> list[str]:
        """Partners who broke their word to us last round: a commitment made to us, or a
        term of the agreement they owed us, in scenario order."""
        me, last = view.role, view.round - 1
        broke = {c.actor for c in view.commitments
                 if c.recipient == me and c.status == BROKEN and c.ended == last}
        broke.update(r.role for r in view.terms
                     if r.toward == me and r.status == BROKEN and r.ended == last)
        return [p for p in self.t.others[me] if p in broke] if broke else []

    def renew_demand(self, view: PlayerView, legal: list[Action],
                     broke: list[str]) -> tuple[Action | None, Reason | None]:
        """Our demand raised again at a partner in `broke` (who broke its word to us last
        round), if we set it aside before and may make it again."""
        demands = self.t.demands
        for a in legal:
            if a.action_id in demands and a.target in broke:
                return a, Reason(ReasonKind.DEMANDS_AGAIN, (
                    a.target, self.t.spec[a.action_id].makes_demand, self.trust_in(view, a.target)))
        return None, None

    def walk_out_of(self, view: PlayerView, legal: list[Action],
                    broke: list[str]) -> tuple[Action | None, Reason | None]:
        """A withdrawal from the newest operating arrangement we share with a partner in
        `broke` (who broke its word to us last round), or (None, None)."""
        withdrawals, parties = self.t.withdrawals, self.t.parties
        exits = [a for a in legal if a.action_id in withdrawals
                 and any(p in parties.get(a.target, ()) for p in broke)]
        if not exits:
            return None, None
        pick = exits[-1]  # the last in scenario order: the arrangement built last
        partner = next(p for p in broke if p in parties[pick.target])
        return pick, Reason(ReasonKind.WITHDRAWS, (partner, pick.target,
                                                   self.trust_in(view, partner)))

    def wait_openly(self, view: PlayerView, legal: list[Action]) -> Action | None:
        """The order that holds our position in the open (wait and see), if it is open and
        we have ordered nothing yet this round."""
        if view.orders:
            return None
        idle = self.t.idle
        return next((a for a in legal if a.action_id in idle), None)

    def trust_in(self, view: PlayerView, role: str) -> int:
        """How far this delegation trusts `role`."""
        return view.trust[(view.role, role)]

    def band(self, view: PlayerView) -> int:
        """Our own support as a band (see HOME_BANDS), for reasons, which every team reads
        (never the exact value)."""
        return home_band(view.own_support())

    def their_trust(self, view: PlayerView, role: str) -> int:
        """How far `role` trusts us."""
        return view.trust[(role, view.role)]

    def home_step(self, view: PlayerView, legal: list[Action], rng: Rng,
                  margin: int = 0) -> tuple[Action | None, Reason | None]:
        """A home-front move if support sits below the persona's objectives (plus margin)."""
        me, floor = view.role, self.t.floor[view.role] + margin
        if view.support[me][0] >= floor:
            return None, None
        home = self.t.home
        if any(a.action_id in home for a in view.orders):
            return None, None
        pick = self.home_move(view, legal, rng)
        return pick, Reason(ReasonKind.HOME_FRONT, (self.band(view),))

    def mood(self, view: PlayerView) -> dict[str, Mood]:
        """What each partner did to us last round, read from the view's public record."""
        return moods(self.t, view)

    def friendly_moves(self, view: PlayerView, legal: list[Action], partner: str,
                       welcome: Callable[[str], bool]) -> list[Action]:
        """Concessions toward `partner`; milestone proposals only if `welcome` holds for
        every other party."""
        me, proposals, spec, parties = view.role, self.t.proposals, self.t.spec, self.t.parties
        return [a for a in self.t.conceding(legal, partner) if a.action_id not in proposals
                or all(welcome(r) for r in parties[spec[a.action_id].establishes] if r != me)]

    def warmth(self, action: Action, role: str) -> float:
        """How much a concession does for the relationship, per point spent and support lost:
        milestones first, then offers, then unilateral steps."""
        return self.t.warmth[role][action.action_id]

    def pressure_on(self, view: PlayerView, legal: list[Action], partner: str,
                    moods: dict[str, Mood]) -> list[Action]:
        """Cheap pressure that hits `partner` and no partner who has not moved against us
        (`moods`: what each partner did to us last round, from `mood`)."""
        me, pressure, hostile = view.role, self.t.pressure, self.t.hostile
        spared = {r for r, m in moods.items() if not m.hit and r != partner and r != me}
        return [a for a in legal if a.action_id in pressure and partner in hostile(a)
                and not (spared & hostile(a))]

    def home_move(self, view: PlayerView, legal: list[Action], rng: Rng) -> Action | None:
        """The home-front action not yet ordered that gains this delegation most support."""
        home, gain = self.t.home, self.t.gains[view.role]
        # Drafted orders compared by key: == on the Action dataclass was a measurable cost.
        drafted = {(a.action_id, a.target) for a in view.orders}
        options = [a for a in legal if a.action_id in home and gain[a.action_id] > 0
                   and (a.action_id, a.target) not in drafted]
        return best_of(options, gain, rng)

    def full_house(self, view: PlayerView) -> bool:
        """Support already at its ceiling: a home-front move would win no one over."""
        return view.own_support() >= 100

    def is_home(self, action: Action) -> bool:
        """A home-front action."""
        return action.action_id in self.t.home

    def spec(self, action: Action):
        """The scenario's spec of an action."""
        return self.t.spec[action.action_id]

    def backs_down(self, view: PlayerView, offer: Offer) -> Reason | None:
        """Declining `offer` because accepting it would abandon our own standing demand,
        or None if it abandons none."""
        for demand in self.t.scenario.demands:
            if (view.role, demand.id) in view.demands and offer.spec.id in demand.backed_down_by:
                return Reason(ReasonKind.DECLINES_BACKING_DOWN, (demand.id, demand.audience_cost))
        return None


def best(options: Sequence[Action], score: Callable[[Action], float], rng: Rng) -> Action | None:
    """The highest-scoring option, ties broken by the seeded generator; None if no options."""
    if not options:
        return None
    if len(options) == 1:
        return options[0]
    scores = list(map(score, options))
    top = max(scores)
    if scores.count(top) == 1:
        return options[scores.index(top)]
    return rng.choice([a for a, s in zip(options, scores, strict=True) if s == top])


def best_of(options: Sequence[Action], scores: Mapping[str, float], rng: Rng) -> Action | None:
    """`best` scored by a table of action id -> score: the common case, without a call
    per option."""
    if len(options) < 2:
        return options[0] if options else None
    values = [scores[a.action_id] for a in options]
    top = max(values)
    if values.count(top) == 1:
        return options[values.index(top)]
    return rng.choice([a for a, s in zip(options, values, strict=True) if s == top])
