"""Lint conditions for sense: every condition of an event, objective or ending can hold
in some game, given the ranges of the meters and the milestones that can ever operate.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.lint.context import Lint
from game.engine.lint.milestones import never_reason
from game.engine.lint.walk import conditions, nested
from game.engine.problems import Path, Problem
from game.model.scenario import Condition, Span


def _span_problems(ctx: Lint, path: Path, span: Span | None, low: int,
                   high: int, what: str) -> Iterator[Problem]:
    """Problems if no value in low..high satisfies the span."""
    if span is None:
        return
    if span.min is not None and span.max is not None and span.min > span.max:
        yield ctx.problem(path, f"min {span.min} is above max {span.max}, so this never holds")
    elif span.min is not None and span.min > high:
        yield ctx.problem(path, f"{what} is at most {high}, so min {span.min} never holds")
    elif span.max is not None and span.max < low:
        yield ctx.problem(path, f"{what} is at least {low}, so max {span.max} never holds")


def unsatisfiable(ctx: Lint, path: Path, cond: Condition) -> Iterator[Problem]:
    """Why this condition (leaving its any_of aside) can never hold, if it cannot."""
    yield from _span_problems(ctx, path + ("tension",), cond.tension, 0, 100, "tension")
    yield from _span_problems(ctx, path + ("round",), cond.round, 1, ctx.scenario.rounds,
                              "the round")
    yield from _span_problems(ctx, path + ("operating_count",), cond.operating_count, 0,
                              len(ctx.establishable),
                              "the number of milestones that can ever operate")
    for key in ("trust", "support", "commitments_kept", "commitments_broken"):
        high = 100 if key in ("trust", "support") else 10_000
        for j, test in enumerate(getattr(cond, key)):
            yield from _span_problems(ctx, path + (key, j), test, 0, high, key)
    yield from _operating_problems(ctx, path, cond)


def _operating_problems(ctx: Lint, path: Path, cond: Condition) -> Iterator[Problem]:
    """Problems with the milestones a condition needs operating."""
    for j, m in enumerate(cond.operating):
        if m in ctx.milestones and m not in ctx.establishable:
            yield ctx.problem(path + ("operating", j), f"milestone '{m}' can never operate "
                                                       f"({never_reason(ctx, m)}), so this "
                                                       "never holds")
        if m in cond.not_operating:
            yield ctx.problem(path + ("operating", j), f"milestone '{m}' cannot be both "
                                                       "operating and not operating")
    count = cond.operating_count
    if count and count.max is not None and len(set(cond.operating)) > count.max:
        yield ctx.problem(path + ("operating_count",), f"{len(set(cond.operating))} milestones "
                          f"must operate, but operating_count allows at most {count.max}")


def check_conditions_satisfiable(ctx: Lint) -> Iterator[Problem]:
    """Every condition of an event, objective or ending can hold in some game."""
    for top, cond_, _ in conditions(ctx.scenario):
        for path, cond in nested(top, cond_):
            yield from unsatisfiable(ctx, path, cond)
