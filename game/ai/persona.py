"""The common ground of the personas: temperament, the home-front guard and tie-breaking.

A persona subclass writes `choose(view, legal, rng)` and `respond(view, offer, rng)`;
this base adds what they all share. Temperament shifts a persona's thresholds: a
"soft" delegation trusts sooner and presses later, a "hard" one the reverse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from game.ai.traits import Mood, Traits, moods
from game.model.actions import Action
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView

#: Temperament -> how many trust points it moves a persona's thresholds (hard is warier).
TEMPERAMENTS: dict[str, int] = {"soft": -10, "steady": 0, "hard": 10}

#: How a delegation describes its own domestic support in public: (below, word), lowest first.
#: Reasoning lines are shown to every team, so they never quote the exact value.
HOME_WORDS = ((30, "low"), (50, "shaky"), (70, "steady"), (90, "firm"), (101, "at its height"))


class Persona:
    """Base for the personas; subclasses set `name`, `choose` and `respond`."""

    name = "persona"

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        if temperament not in TEMPERAMENTS:
            raise KeyError(f"unknown temperament {temperament!r}; choose from "
                           f"{', '.join(TEMPERAMENTS)}")
        self.t: Traits = Traits(game)
        self.temperament = temperament
        self.shift = TEMPERAMENTS[temperament]

    def choose(self, view: PlayerView, legal: list[Action], rng: Rng) -> tuple[Action | None, str]:
        """The next order (None ends the orders) and one line of reasoning."""
        raise NotImplementedError

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, str]:
        """Accept or decline an offer, with one line of reasoning."""
        raise NotImplementedError

    # --- shared helpers -----------------------------------------------------------

    def trust_in(self, view: PlayerView, role: str) -> int:
        """How far this delegation trusts `role`."""
        return view.trust[(view.role, role)]

    def support_line(self, view: PlayerView) -> str:
        """'Senate support: shaky': our own support in plain words, for reasoning lines,
        which every team reads (never the exact value)."""
        value = view.own_support()
        word = next(w for below, w in HOME_WORDS if value < below)
        return f"{self.t.domestic[view.role]}: {word}"

    def trust_line(self, view: PlayerView, role: str) -> str:
        """'trust in Moscow 36': how far we trust `role`, for reasoning lines."""
        return f"trust in {self.t.name(role)} {view.trust[(view.role, role)]}"

    def their_trust_line(self, view: PlayerView, role: str) -> str:
        """"Moscow's trust in Washington 26": how far `role` trusts us, for reasoning lines."""
        return f"{self.t.name(role)}'s trust in {self.t.name(view.role)} {view.trust[(role, view.role)]}"

    def home_step(self, view: PlayerView, legal: list[Action], rng: Rng,
                  margin: int = 0) -> tuple[Action | None, str]:
        """A home-front move if support sits below the persona's objectives (plus margin)."""
        me, floor = view.role, self.t.floor[view.role] + margin
        if view.support[me][0] >= floor:
            return None, ""
        home = self.t.home
        if any(a.action_id in home for a in view.orders):
            return None, ""
        pick = self.home_move(view, legal, rng)
        return pick, f"shores up the home front: {self.support_line(view)}"

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

    def offer_from(self, offer: Offer) -> str:
        """"Moscow's offer 'Propose joint exercises'", for reasoning lines."""
        return f"{self.t.name(offer.action.role)}'s offer '{offer.spec.name}'"

    def backs_down(self, view: PlayerView, offer: Offer) -> str | None:
        """The name of our own standing demand that accepting this offer would abandon."""
        for demand in self.t.scenario.demands:
            if (view.role, demand.id) in view.demands and offer.spec.id in demand.backed_down_by:
                return f"{demand.name} (backing down costs {demand.audience_cost} support)"
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
