"""Lint conditions for sense: every condition of an event, objective or ending can hold
in some game, given the ranges of the meters, the milestones that can ever operate and
their prerequisite graph, and the commitments each role can make and break.

Simple contradictions inside one test (`min` above `max`, a round past the last) are
reported at the test; the rest come from the solver, at the condition.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.lint.milestones import never_causes, never_reason
from game.authoring.lint.solver import Situation, holds_always, never
from game.authoring.lint.walk import conditions, nested
from game.authoring.problems import Path, Problem
from game.model.scenario import Condition, Span
from game.words import N_, _, ngettext

#: What a never-holding condition is called, by the list it sits in.
NEVER_CODES = {"events": "event-never", "roles": "objective-never", "endings": "ending-never"}


#: A test whose min lies above the highest value, and whose max lies below the lowest, by
#: the meter it tests.
_ABOVE = {
    "tension": N_("tension is at most {high}, so min {min} never holds"),
    "round": N_("the round is at most {high}, so min {min} never holds"),
    "operating_count": N_("the number of milestones that can ever operate is at most {high}, "
                          "so min {min} never holds"),
    "trust": N_("trust is at most {high}, so min {min} never holds"),
    "support": N_("support is at most {high}, so min {min} never holds"),
    "commitments_kept": N_("commitments_kept is at most {high}, so min {min} never holds"),
    "commitments_broken": N_("commitments_broken is at most {high}, so min {min} never holds"),
}
_BELOW = {
    "tension": N_("tension is at least {low}, so max {max} never holds"),
    "round": N_("the round is at least {low}, so max {max} never holds"),
    "operating_count": N_("the number of milestones that can ever operate is at least {low}, "
                          "so max {max} never holds"),
    "trust": N_("trust is at least {low}, so max {max} never holds"),
    "support": N_("support is at least {low}, so max {max} never holds"),
    "commitments_kept": N_("commitments_kept is at least {low}, so max {max} never holds"),
    "commitments_broken": N_("commitments_broken is at least {low}, so max {max} never holds"),
}


def _span_problems(ctx: Lint, path: Path, span: Span | None, low: int,
                   high: int, what: str, above_cause: str = "") -> Iterator[Problem]:
    """Problems if no value in low..high satisfies the span; `what` is the key it tests.
    `above_cause` is the cause of a min above the highest value."""
    if span is None:
        return
    code = "condition-never"
    if span.min is not None and span.max is not None and span.min > span.max:
        yield ctx.problem(path, _("min {min} is above max {max}, so this never holds")
                          .format(min=span.min, max=span.max), code)
    elif span.min is not None and span.min > high:
        yield ctx.problem(path, _(_ABOVE[what]).format(high=high, min=span.min), code,
                          cause=above_cause)
    elif span.max is not None and span.max < low:
        yield ctx.problem(path, _(_BELOW[what]).format(low=low, max=span.max), code)


def unsatisfiable(ctx: Lint, path: Path, cond: Condition) -> Iterator[Problem]:
    """Why this condition (leaving its any_of aside) can never hold, if it cannot."""
    yield from _span_problems(ctx, path + ("tension",), cond.tension, 0, 100, "tension")
    yield from _span_problems(ctx, path + ("round",), cond.round, 1, ctx.scenario.rounds,
                              "round")
    never = " ".join(never_causes(ctx, m) for m in sorted(ctx.milestones - ctx.establishable))
    yield from _span_problems(ctx, path + ("operating_count",), cond.operating_count, 0,
                              len(ctx.establishable), "operating_count", never)
    for key in ("trust", "support", "commitments_kept", "commitments_broken"):
        high = 100 if key in ("trust", "support") else 10_000
        for j, test in enumerate(getattr(cond, key)):
            yield from _span_problems(ctx, path + (key, j), test, 0, high, key)
    yield from _operating_problems(ctx, path, cond)


def _operating_problems(ctx: Lint, path: Path, cond: Condition) -> Iterator[Problem]:
    """Problems with the milestones a condition needs operating."""
    for j, m in enumerate(cond.operating):
        if m in ctx.milestones and m not in ctx.establishable:
            yield ctx.problem(path + ("operating", j), _("milestone '{milestone}' can never "
                                                         "operate ({why}), so this never holds")
                              .format(milestone=m, why=never_reason(ctx, m)), "milestone-never",
                              cause=never_causes(ctx, m))
        if m in cond.not_operating:
            yield ctx.problem(path + ("operating", j), _("milestone '{milestone}' cannot be both "
                                                         "operating and not operating")
                              .format(milestone=m),
                              "condition-never")
    count = cond.operating_count
    if count and count.max is not None and len(set(cond.operating)) > count.max:
        n = len(set(cond.operating))
        yield ctx.problem(path + ("operating_count",),
                          ngettext("{n} milestone must operate, but operating_count allows at "
                                   "most {max}",
                                   "{n} milestones must operate, but operating_count allows at "
                                   "most {max}", n).format(n=n, max=count.max),
                          "condition-never")


def check_conditions_satisfiable(ctx: Lint) -> Iterator[Problem]:
    """Every condition of an event, objective or ending can hold in some game."""
    for top, cond_, in_objective in conditions(ctx.scenario):
        local = [p for path, cond in nested(top, cond_) for p in unsatisfiable(ctx, path, cond)]
        if top[0] == "events" and cond_.breakdown:
            local.append(ctx.problem(top + ("breakdown",), _("events happen only while the "
                                                             "talks go on, so this never fires"),
                                     "event-never"))
        if local or not known_refs(ctx, cond_, in_objective):
            yield from local
            continue
        sit = situation(ctx, at_end=top[0] != "events")
        role = ctx.scenario.roles[top[1]].id if in_objective else None
        reason = never(cond_, sit, role)
        if reason:
            yield ctx.problem(top, _("this can never hold: {why}").format(why=reason),
                              NEVER_CODES[top[0]],
                              key=True, cause=_never_cause(ctx, reason))


def _never_cause(ctx: Lint, reason: str) -> str:
    """Cause keys of a condition that never holds: the milestone that can never operate,
    or the roles whose commitments all outlast the game."""
    milestone = getattr(reason, "milestone", "")
    if milestone:
        return never_causes(ctx, milestone)
    unkept = getattr(reason, "unkept", "")
    return f"kept:{unkept}" if unkept else ""


def check_objectives_matter(ctx: Lint) -> Iterator[Problem]:
    """No objective is met whatever anyone does (its points are then a gift)."""
    sit = situation(ctx, at_end=True)
    for r, role in enumerate(ctx.scenario.roles):
        for o, obj in enumerate(role.objectives):
            if obj.points and known_refs(ctx, obj.when, True) and \
                    holds_always(obj.when, sit, role.id):
                yield ctx.problem(("roles", r, "objectives", o, "when"),
                                  _("objective '{objective}' is met at the end of every game, "
                                    "whatever anyone does; test something the players can "
                                    "change").format(objective=obj.id),
                                  "objective-always", key=True)


def known_refs(ctx: Lint, cond: Condition, in_objective: bool = False) -> bool:
    """True if every role and milestone the condition names exists (else the unknown id
    is the problem, reported on its own, and the solver would only echo it)."""
    roles = ctx.roles | ({"self"} if in_objective else set())
    for _path, c in nested((), cond):
        refs = [t.from_ for t in c.trust] + [t.to for t in c.trust]
        refs += [t.role for key in ("support", "commitments_kept", "commitments_broken")
                 for t in getattr(c, key)]
        if any(r not in roles for r in refs):
            return False
        if any(m not in ctx.milestones for m in (*c.operating, *c.not_operating)):
            return False
    return True


def situation(ctx: Lint, *, at_end: bool) -> Situation:
    """The solver's view of this scenario at the end of a game or at the start of a round."""
    return Situation(ctx.scenario, ctx.reach, at_end)
