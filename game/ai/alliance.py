"""The alliance: keeps its members together and follows its partners into cooperation.

It guards its domestic support (cohesion) with a wider margin than other personas,
never presses a partner it trusts as an ally, and plays as a reciprocator toward the
rest: GRIT to open, then each partner's last move returned. It does not propose a step
on the track that a party could join only by backing down from a public demand it
still stands by: such an offer would be refused and only raise tension. With a point
to spare and nothing to answer, it consults at home.
"""

from __future__ import annotations

from game.ai.bargain import Style
from game.ai.reciprocator import Reciprocator
from game.model.actions import Action
from game.model.results import Reason, ReasonKind
from game.rules.compiled import CompiledScenario
from game.rules.rng import Rng
from game.rules.view import PlayerView


class Alliance(Reciprocator):
    """Cohesion first, no quarrels with allies, cooperation once every party can join."""

    name = "alliance"
    #: In the talks: concedes a little faster than its partners, to keep the talks alive.
    STYLE = Style(firmness=0.9, margin=1, trust_needed=40, distrust_premium=3)

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        scenario = game.scenario
        self.ally_at = 60 + self.shift  # trust at which a partner counts as an ally
        self.margin = 5
        self.back_down = {d.id: frozenset(d.backed_down_by) for d in scenario.demands}

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        step, why = self.home_step(view, legal, rng, self.margin)
        if step:
            return step, why
        allies = {p for p in self.t.others[view.role] if self.trust_in(view, p) >= self.ally_at}
        barred = self._barred(view)
        fit = [a for a in legal if not (allies & self.t.hostile(a)) and a.action_id not in barred]
        pick, why = super().choose(view, fit, rng)
        if pick or view.own_support() >= self.t.floor[view.role] + 15:
            return pick, why
        home = self.home_move(view, fit, rng)
        if home:
            return home, Reason(ReasonKind.KEEPS_TOGETHER, (self.band(view),))
        return pick, why

    def _barred(self, view: PlayerView) -> frozenset[str]:
        """Proposals some other party could join only by backing down from its demand."""
        out: set[str] = set()
        for role, d in view.demands:
            if role != view.role:
                out |= {a for a in self.back_down.get(d, ()) if a in self.t.proposals
                        and role in self.t.parties[self.t.spec[a].establishes]}
        return frozenset(out)
