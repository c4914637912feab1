"""Lint endings: each gives points to every role, and none hides behind an earlier
ending that always holds.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.lint.context import Lint, hint
from game.engine.problems import Problem
from game.model.scenario import Condition


def check_ending_points(ctx: Lint) -> Iterator[Problem]:
    """Each ending gives points to every role and to roles only."""
    order = ctx.scenario.role_ids
    for i, end in enumerate(ctx.scenario.endings):
        for role in end.points:
            if role not in ctx.roles:
                yield ctx.problem(("endings", i, "points", role),
                                  f"unknown role '{role}'" + hint(role, ctx.roles), key=True)
        missing = [r for r in order if r not in end.points]
        if missing:
            yield ctx.problem(("endings", i, "points"),
                              f"ending '{end.id}' gives no points to {', '.join(missing)}; "
                              "give every role a number, even 0", key=True)


def check_endings_reachable(ctx: Lint) -> Iterator[Problem]:
    """No ending sits behind an earlier one that always holds in its situation."""
    endings = ctx.scenario.endings
    for i, end in enumerate(endings):
        for earlier in endings[:i]:
            if always(earlier.when, end.when.breakdown):
                yield ctx.problem(("endings", i), f"ending '{end.id}' can never be reached: "
                                                  f"ending '{earlier.id}' comes first and "
                                                  "always holds; move it last")
                break


def always(cond: Condition, breakdown: bool | None = None) -> bool:
    """True if the condition holds in every state (with this breakdown value, if given)."""
    own = (cond.operating, cond.not_operating, cond.trust, cond.support,
           cond.commitments_kept, cond.commitments_broken)
    spans = (cond.tension, cond.round, cond.operating_count)
    if any(own) or any(s is not None and (s.min, s.max) != (None, None) for s in spans):
        return False
    if cond.breakdown is not None and cond.breakdown != breakdown:
        return False
    return not cond.any_of or any(always(c, breakdown) for c in cond.any_of)
