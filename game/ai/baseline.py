"""The baseline delegation: a plain, readable policy that reciprocates what it receives.

It offers a concession when its trust in a partner is at least middling, presses when
trust has collapsed, accepts offers from partners it trusts, and otherwise waits.
"""

from __future__ import annotations

from game.model.actions import Action
from game.model.results import Reason, ReasonKind
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer
from game.rules.rng import Rng
from game.rules.view import PlayerView

#: Families in the order this policy prefers them when trust allows.
_PREFERENCE = ("cooperation", "transparency", "assurance", "home_front")


class Baseline:
    """Cooperates with partners it trusts, presses those it does not."""

    name = "baseline"

    def __init__(self, game: CompiledScenario, accept_at: int = 30, press_below: int = 15) -> None:
        scenario = game.scenario
        self._families = {a.id: a.family for a in scenario.actions}
        self._concession = {a.id for a in scenario.actions if a.concession}
        self._demands = {a.id for a in scenario.actions if a.makes_demand}
        self.accept_at = accept_at
        self.press_below = press_below

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        """Prefer cooperation toward trusted partners; otherwise make the case at home."""
        me = view.role
        mean = _mean_trust(view, me)
        if mean < self.press_below:
            pressure = [a for a in legal if self._families[a.action_id] == "pressure"]
            if pressure:
                return rng.choice(pressure), Reason(ReasonKind.PRESSES_ALL,
                                                    (mean, self.press_below))
        for family in _PREFERENCE:
            options = [a for a in legal if self._families[a.action_id] == family
                       and a.action_id not in self._demands and self._welcome(view, a)]
            if options:
                pick = rng.choice(options)
                return pick, Reason(ReasonKind.FAMILY_STEP, (family, mean))
        return None, Reason(ReasonKind.NOTHING_WORTH, (mean,))

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        """Accept from partners trusted at least `accept_at`."""
        r = offer.action.role
        t = view.trust[(view.role, r)]
        if t >= self.accept_at:
            return True, Reason(ReasonKind.ACCEPTS, (r, t, self.accept_at))
        return False, Reason(ReasonKind.DECLINES, (r, t, self.accept_at))

    def _welcome(self, view: PlayerView, action: Action) -> bool:
        if self._families[action.action_id] == "home_front":
            return view.own_support() is not None and view.own_support() < 50
        if action.target and action.target in view.support and action.action_id in self._concession:
            return view.trust[(view.role, action.target)] >= self.accept_at - 5
        return True


def _mean_trust(view: PlayerView, me: str | None) -> int:
    values = [v for (a, _), v in view.trust.items() if a == me]
    return round(sum(values) / len(values)) if values else 0
