"""Lint endings: each gives points to every role, and none hides behind earlier endings.

Endings are read in file order and the first that holds wins, so an ending can only
be reached in a state where it holds and every earlier ending fails; the solver looks
for such a state.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint, closest, hint, unknown_message
from game.authoring.lint.satisfiable import known_refs, situation
from game.authoring.lint.solver import possible, terms, why_not
from game.authoring.problems import Problem
from game.model.scenario import Condition
from game.words import _


def check_ending_points(ctx: Lint) -> Iterator[Problem]:
    """Each ending gives points to every role and to roles only."""
    order = ctx.scenario.role_ids
    for i, end in enumerate(ctx.scenario.endings):
        for role in end.points:
            if role not in ctx.roles:
                close = closest(role, ctx.roles)
                yield ctx.problem(("endings", i, "points", role),
                                  unknown_message("role", role) + hint(role, ctx.roles),
                                  "unknown-role", key=True, cause=f"role:{role}",
                                  resembles=("role", role, close) if close else None)
        missing = [r for r in order if r not in end.points]
        if missing:
            yield ctx.problem(("endings", i, "points"),
                              _("ending '{ending}' gives no points to {roles}; give every role "
                                "a number, even 0").format(ending=end.id, roles=", ".join(missing)),
                              "ending-points", key=True)


def check_endings_reachable(ctx: Lint) -> Iterator[Problem]:
    """No ending sits behind earlier ones that hold whenever it does."""
    s = ctx.scenario
    sit = situation(ctx, at_end=True)
    earlier: list[list] = []
    for i, end in enumerate(s.endings):
        if not known_refs(ctx, end.when):
            earlier.append([])
            continue
        mine = [t for t in terms(end.when, s) if why_not(t, sit) is None]
        if mine and not any(possible(t, earlier, sit) for t in mine):
            names = [s.endings[k].id for k in _pre_empting(mine, earlier, sit)]
            yield ctx.problem(("endings", i), _hidden(end.id, names), "ending-hidden")
        earlier.append([t for t in terms(end.when, s)])


def _hidden(ending: str, names: list[str]) -> str:
    if len(names) == 1:
        return _("ending '{ending}' can never be reached: whenever it holds, an earlier ending "
                 "({earlier}) holds first; move it above that ending or narrow that ending's "
                 "conditions").format(ending=ending, earlier=names[0])
    return _("ending '{ending}' can never be reached: whenever it holds, earlier endings "
             "({earlier}) together hold first; move it above them or narrow their conditions"
             ).format(ending=ending, earlier=", ".join(names))


def _pre_empting(mine: list, earlier: list[list], sit) -> list[int]:  # noqa: ANN001
    """Indexes of a smallest set of earlier endings that still hide this one: each is left
    out in turn, latest first, and stays out if the rest still hold whenever this ending
    does (so of two that both hide it, the one that holds first is named)."""
    keep = [k for k, ts in enumerate(earlier) if ts]
    for k in reversed(keep[:]):
        trial = [j for j in keep if j != k]
        if not any(possible(t, [earlier[j] for j in trial], sit) for t in mine):
            keep = trial
    return keep


def always(cond: Condition, breakdown: bool | None = None) -> bool:
    """True if the condition tests nothing (with this breakdown value, if given)."""
    own = (cond.operating, cond.not_operating, cond.trust, cond.support,
           cond.commitments_kept, cond.commitments_broken)
    spans = (cond.tension, cond.round, cond.operating_count)
    if any(own) or any(s is not None and (s.min, s.max) != (None, None) for s in spans):
        return False
    if cond.breakdown is not None and cond.breakdown != breakdown:
        return False
    return not cond.any_of or any(always(c, breakdown) for c in cond.any_of)
