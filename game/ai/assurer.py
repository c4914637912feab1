"""The assurer: a reciprocator that answers a demand it cannot meet with what it can give.

When a partner stands by a public demand that only a ratified instrument of ours would
meet, and ratification has little chance at our current support, it gives that partner
the written commitment it can make without ratification instead, and keeps up its
transparency toward the partner so that the partner can see for itself. Otherwise it
plays as a reciprocator: GRIT to open, then each partner's last move returned. This is
the position of a delegation that offers an assurance at the highest level and maximum
openness, because a treaty would not pass at home.
"""

from __future__ import annotations

from game.ai.bargain import Own, Plan, Stakes, Style, aspiration, bargain
from game.ai.persona import best_of
from game.ai.reciprocator import Reciprocator
from game.ai.traits import aimed
from game.model.actions import Action
from game.model.results import Reason, ReasonKind
from game.rules.compiled import CompiledScenario
from game.rules.rng import Rng
from game.rules.talks_tables import TalkTables
from game.rules.view import PlayerView


class Assurer(Reciprocator):
    """Offers a written assurance and openness to a partner demanding a guarantee."""

    name = "assurer"
    #: In the talks: concedes steadily; weighs a treaty by its odds at home.
    STYLE = Style(firmness=1.4, margin=1, trust_needed=35, distrust_premium=3, jitter=2)
    ANSWERS_BROKEN_WORD = False

    def __init__(self, game: CompiledScenario, temperament: str = "steady") -> None:
        super().__init__(game, temperament)
        scenario = game.scenario
        self.hopeless = 50 - self.shift  # ratification odds (percent) below which it won't try
        # Demand id -> the ratified actions that would meet it.
        self.meets: dict[str, frozenset[str]] = {}
        for a in scenario.actions:
            if a.satisfies_demand and a.ratification:
                self.meets[a.satisfies_demand] = self.meets.get(a.satisfies_demand,
                                                                frozenset()) | {a.id}
        self.open_steps = frozenset(a.id for a in scenario.actions
                                    if a.family == "transparency" and a.concession)

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        step, why = self.home_step(view, legal, rng)
        if step:
            return step, why
        for p, demand in self._demanding(view):
            pick, why = self._answer(view, legal, p, demand, rng)
            if pick:
                return pick, why
        return super().choose(view, legal, rng)

    def bargain(self, view: PlayerView, tables: TalkTables, own: Own, left: int,
                rng: Rng) -> Plan:
        """Bargains in its style, weighing the guarantee by its odds at home (see
        `game.ai.bargain`); when it turns down or counters a package with an option its own
        legislature would have to ratify, or proposes while a partner's demand for one
        stands, it says so: it offers the assurance in writing (`instead`, the option it
        puts in its place, never empty) instead, and names what would change its mind:
        support at its height, if that would make a package with the guarantee worth what
        it asks now (`talk_written_instead`), else nothing (`talk_no_treaty`). A decline
        says so only when the guarantee is what it cannot accept; otherwise it names the
        option it cannot accept (`game.ai.bargain.why_declines`)."""
        plan = bargain(view, tables, own, self.style, left, rng)
        move = plan.move
        if move is None or move.kind not in ("propose", "counter", "decline"):
            return plan
        asked = next((m for m in view.talks if m.id == move.ref), None) if move.ref else None
        risky = self._own_vote(tables, view.role)
        if move.kind == "decline":
            kind, args = plan.reason
            if kind != ReasonKind.TALK_DECLINES_OPTION or (args[1], args[2]) not in risky:
                return plan
            return Plan(move, self._instead(view, tables, own, asked.sender, args[1], args[2],
                                            args[3]))
        for issue, option in (asked.terms if asked is not None else ()):
            if (issue, option) in risky:
                instead = dict(move.terms).get(issue, "")
                if instead != option:
                    return Plan(move, self._instead(view, tables, own, asked.sender, issue,
                                                    option, instead))
        if move.kind == "propose" and self._demanding(view):
            partner = self._demanding(view)[0][0]
            for issue, option in risky:
                instead = dict(move.terms).get(issue, "")
                if instead != option:
                    return Plan(move, self._instead(view, tables, own, partner, issue, option,
                                                    instead))
        return plan

    def _instead(self, view: PlayerView, tables: TalkTables, own: Own, partner: str,
                 issue: str, option: str, instead: str) -> Reason:
        """Why it offers `instead` (or, if "", the option of `issue` it values most among
        those needing no vote of its own) rather than `option`, which its legislature would
        have to ratify: would support at its height make a package with `option` worth
        what it asks now?"""
        st = own.stakes if own.stakes is not None else Stakes(tables, view.role)
        if not instead:
            mine = {o for i, o in self._own_vote(tables, view.role) if i == issue}
            instead = max((o for o in tables.options[issue] if o not in mine),
                          key=lambda o: st.weight[(issue, o)])
        ask = aspiration(view, tables, own, self.style)
        at_height = st.worth(own.walk_away, 100)[0]
        could = any(at_height[i] >= ask for i, p in enumerate(st.packages)
                    if (issue, option) in p)
        kind = ReasonKind.TALK_WRITTEN_INSTEAD if could else ReasonKind.TALK_NO_TREATY
        return Reason(kind, (partner, issue, option, instead, self.band(view)))

    def _own_vote(self, tables: TalkTables, me: str) -> list[tuple[str, str]]:
        """(issue, option) of the talks that our own legislature would have to ratify."""
        return [(i, o) for i in tables.issues for o in tables.options[i]
                if (r := tables.option(i, o).ratification) is not None and r.role == me]

    def _demanding(self, view: PlayerView) -> list[tuple[str, str]]:
        """(partner, demand id) for each standing demand only our ratified steps would meet."""
        return [(role, d) for role, d in sorted(view.demands)
                if role != view.role and d in self.meets and not self._hostile(view, role)]

    def _hostile(self, view: PlayerView, role: str) -> bool:
        mood = self.mood(view).get(role)
        return bool(mood and mood.hostile)

    def _answer(self, view: PlayerView, legal: list[Action], partner: str, demand: str,
                rng: Rng) -> tuple[Action | None, Reason | None]:
        """A written commitment to `partner` in place of the guarantee, or more openness."""
        odds, trust = self._odds(view, demand), self.trust_in(view, partner)
        promises = [a for a in legal if a.action_id in self.t.promises and a.target == partner]
        if promises and odds < self.hopeless:
            return promises[0], Reason(ReasonKind.WRITTEN_INSTEAD, (partner, trust))
        if aimed(self.t, view.orders, partner) and len(view.orders) > 1:
            return None, None
        drafted = {(a.action_id, a.target) for a in view.orders}
        steps = [a for a in legal if a.action_id in self.open_steps
                 and partner in self.t.responders(a) and (a.action_id, a.target) not in drafted]
        pick = best_of(steps, self.t.warmth[view.role], rng)
        if pick:
            return pick, Reason(ReasonKind.OPENNESS, (partner, trust, view.tension))
        return None, None

    def _odds(self, view: PlayerView, demand: str) -> int:
        """The best ratification odds, in percent, among our steps that would meet `demand`."""
        support = view.own_support()
        return max(self.spec_of(a).ratification.chance(support) for a in self.meets[demand])

    def spec_of(self, action_id: str):
        """The scenario's spec of an action id."""
        return self.t.spec[action_id]
