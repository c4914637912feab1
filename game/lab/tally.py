"""The lab's evidence summed over every game, the way the cause-finding reads it.

`Tally.build` adds up each game's `GameEvidence` (see `game.lab.evidence`): when each
action was open and what closed it, the answers to each kind of offer by the persona
that answered, the tension each persona's seat added, and the end of each game, so
`game.lab.causes` can say in scenario terms why a flag is raised.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.lab.evidence import Answered, Closure
from game.lab.readings import Ending
from game.model.scenario import Scenario
from game.rules.compiled import compile_scenario


@dataclass
class Offers:
    """Answers to offers summed over games: counts, trust at the time, and the extremes."""

    accepted: int = 0
    declined: int = 0
    trust_accepted: int = 0
    trust_declined: int = 0
    lowest_accepted: int = 101
    highest_declined: int = -1

    def add(self, a: Answered) -> None:
        """Add one game's answers."""
        self.accepted += a.accepted
        self.declined += a.declined
        self.trust_accepted += a.trust_accepted
        self.trust_declined += a.trust_declined
        self.lowest_accepted = min(self.lowest_accepted, a.lowest_accepted)
        self.highest_declined = max(self.highest_declined, a.highest_declined)

    @property
    def answers(self) -> int:
        """Answers in all."""
        return self.accepted + self.declined

    @property
    def declined_share(self) -> float:
        """Share of answers that declined, 0..1."""
        return self.declined / max(1, self.answers)

    @property
    def mean_declining(self) -> float:
        """Mean trust of the responder in the offerer when it declined."""
        return self.trust_declined / max(1, self.declined)


@dataclass
class Tally:
    """Evidence over every game of a run."""

    scenario: Scenario
    roles: tuple[str, ...]
    seats: list[tuple[str, ...]]  # per game: the persona in each role's seat
    endings: list[str]  # per game
    ends: list[Ending]
    open: list[int]  # per action: role-rounds in which it was open
    closed: list[Counter] = field(default_factory=list)  # per action: Closure -> role-rounds
    # (action, offerer, responder, responder's persona) -> answers
    offers: dict[tuple[str, str, str, str], Offers] = field(default_factory=dict)
    tension: dict[str, list[int]] = field(default_factory=dict)  # persona -> [added, seats]
    meter_index: dict[str, int] = field(default_factory=dict)
    evidence: bool = False  # True once some game brought evidence (made-up records bring none)

    @staticmethod
    def build(scenario: Scenario, assignments, games) -> Tally:  # noqa: ANN001
        """Sum the evidence of `games` (GameRecords) played under `assignments`."""
        roles, actions = scenario.role_ids, [a.id for a in scenario.actions]
        t = Tally(scenario, roles, [tuple(assignments[g.assignment]) for g in games],
                  [g.ending for g in games],
                  [Ending(g.tension[-1], g.rounds, frozenset(
                      m.id for i, m in enumerate(scenario.milestones)
                      if g.operating and g.operating[-1][i]), g.evidence) for g in games],
                  [0] * len(actions), [Counter() for _ in actions])
        t.meter_index = dict(compile_scenario(scenario).meter_index)
        for g, seats in zip(games, t.seats, strict=True):
            if g.evidence is not None:
                t._add(g.evidence, seats, actions)
                t.evidence = True
        return t

    def _add(self, ev, seats: tuple[str, ...], actions: list[str]) -> None:  # noqa: ANN001
        for i, n in enumerate(ev.open_rounds):
            self.open[i] += n
        for (i, why), n in ev.closed.items():
            self.closed[i][why] += n
        for (i, off, resp), answered in ev.answers.items():
            key = (actions[i], self.roles[off], self.roles[resp], seats[resp])
            self.offers.setdefault(key, Offers()).add(answered)
        for r, added in enumerate(ev.tension_added):
            slot = self.tension.setdefault(seats[r], [0, 0])
            slot[0] += added
            slot[1] += 1

    def meter(self, name: str) -> int:
        """The index of a meter by its ledger name in each game's final meters."""
        return self.meter_index[name]

    def slots(self, action: int) -> int:
        """Role-rounds in which a role that may take the action could have ordered it."""
        return self.open[action] + sum(self.closed[action].values())

    def closures(self, action: int) -> list[tuple[Closure, float]]:
        """Why the action was closed, most frequent first, as shares of its role-rounds."""
        n = max(1, self.slots(action))
        return [(why, count / n) for why, count in self.closed[action].most_common()]

    def answers_by(self, *, action: str | None = None, responder: str | None = None,
                   offerer: str | None = None) -> dict[tuple[str, str, str], Offers]:
        """(responder's persona, responder, offerer) -> answers, for the offers that match."""
        out: dict[tuple[str, str, str], Offers] = {}
        for (a, off, resp, persona), o in self.offers.items():
            if (action or a) == a and (responder or resp) == resp and (offerer or off) == off:
                slot = out.setdefault((persona, resp, off), Offers())
                slot.add(Answered(o.accepted, o.declined, o.trust_accepted, o.trust_declined,
                                  o.lowest_accepted, o.highest_declined))
        return out
