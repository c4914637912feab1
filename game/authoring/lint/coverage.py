"""Lint ending coverage: some ending surely holds in every way a game can end.

The ways are sampled: the last round or a breakdown, crossed with tension and round
values on both sides of every span boundary the endings use, and with the sets of
milestones that can operate. Trust, support and commitment counts are left free, so an
ending that tests them never counts as sure.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from game.authoring.lint.context import Lint
from game.authoring.lint.walk import nested
from game.authoring.problems import Problem
from game.model.scenario import Condition, Span
from game.words import _


def check_endings_cover(ctx: Lint) -> Iterator[Problem]:
    """Some ending surely holds in every way a game can end: last round or breakdown."""
    for state in end_states(ctx):
        if not any(surely(e.when, state) for e in ctx.scenario.endings):
            yield ctx.problem(("endings",), state.uncovered(),
                              "endings-uncovered", key=True)
            return


@dataclass(frozen=True)
class EndState:
    """One way a game can end, as far as ending conditions can tell without meters."""

    breakdown: bool
    tension: int
    round: int
    operating: frozenset[str]

    def uncovered(self) -> str:
        """The message that no ending surely holds in this state."""
        if self.operating:
            ops = ", ".join(sorted(self.operating))
            if self.breakdown:
                return _("no ending surely holds when the talks break down in round {round} and "
                         "milestones operating: {milestones}; add a last ending with "
                         "`when: {{}}` as a catch-all").format(round=self.round, milestones=ops)
            return _("no ending surely holds when the last round ends with tension {tension} "
                     "and milestones operating: {milestones}; add a last ending with "
                     "`when: {{}}` as a catch-all").format(tension=self.tension, milestones=ops)
        if self.breakdown:
            return _("no ending surely holds when the talks break down in round {round} and "
                     "milestones operating: none; add a last ending with `when: {{}}` as a "
                     "catch-all").format(round=self.round)
        return _("no ending surely holds when the last round ends with tension {tension} and "
                 "milestones operating: none; add a last ending with `when: {{}}` as a "
                 "catch-all").format(tension=self.tension)


def end_states(ctx: Lint) -> Iterator[EndState]:
    """Sample end states: every span boundary crossed with every set of milestones."""
    spans = [c for e in ctx.scenario.endings for _, c in nested((), e.when)]
    tensions = _samples([c.tension for c in spans], 0, 99)
    rounds = _samples([c.round for c in spans], 1, ctx.scenario.rounds)
    for operating in _milestone_sets(ctx):
        for tension in tensions:
            yield EndState(False, tension, ctx.scenario.rounds, operating)
        for rnd in rounds:
            yield EndState(True, 100, rnd, operating)


def _samples(spans: list[Span | None], low: int, high: int) -> list[int]:
    """Values on both sides of every span boundary, within low..high."""
    values = {low, high}
    for span in spans:
        for end in (span.min, span.max) if span else ():
            if end is not None:
                values |= {end - 1, end, end + 1}
    return sorted(v for v in values if low <= v <= high)


def _milestone_sets(ctx: Lint) -> list[frozenset[str]]:
    """Every set of establishable milestones; only file-order prefixes when there are many."""
    ids = [m.id for m in ctx.scenario.milestones if m.id in ctx.establishable]
    if len(ids) > 10:
        return [frozenset(ids[:k]) for k in range(len(ids) + 1)]
    return [frozenset(c) for k in range(len(ids) + 1) for c in itertools.combinations(ids, k)]


def surely(cond: Condition, state: EndState) -> bool:
    """True if the condition holds in this state whatever the trust and support meters say."""
    if cond.trust or cond.support or cond.commitments_kept or cond.commitments_broken:
        return False
    if cond.breakdown is not None and cond.breakdown != state.breakdown:
        return False
    tests = ((cond.tension, state.tension), (cond.round, state.round),
             (cond.operating_count, len(state.operating)))
    if any(span is not None and not span.holds(value) for span, value in tests):
        return False
    if not set(cond.operating) <= state.operating or set(cond.not_operating) & state.operating:
        return False
    return not cond.any_of or any(surely(c, state) for c in cond.any_of)
