"""Lint design slips that play but cannot be meant: effects in one list that cancel out,
a test written twice in one condition (or two objectives of a role testing the same),
and a commitment whose term outlasts the game, so it can never be kept.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.lint.walk import conditions, effects, nested
from game.authoring.problems import Path, Problem
from game.model.scenario import Condition, Effect
from game.words import _


def _meter(e: Effect) -> tuple:
    """Which meter an effect changes, as far as the effect itself says."""
    if e.kind == "tension":
        return ("tension",)
    if e.kind == "support":
        return ("support", e.who)
    if e.kind == "progress":
        return ("progress", e.milestone)
    return (e.kind, e.who, e.toward)


def check_effects_cancel(ctx: Lint) -> Iterator[Problem]:
    """No two or more effects of one list change one meter by amounts that add up to 0."""
    lists: dict[Path, list[tuple[int, Effect]]] = {}
    for path, e, _words in effects(ctx.scenario):
        lists.setdefault(path[:-1], []).append((path[-1], e))
    for where, items in lists.items():
        groups: dict[tuple, list[tuple[int, Effect]]] = {}
        for j, e in items:
            groups.setdefault(_meter(e), []).append((j, e))
        for group in groups.values():
            if len(group) < 2 or sum(e.amount for _, e in group) != 0 or group[0][1].amount == 0:
                continue
            first, last = group[0][0], group[-1][0]
            amounts = _(" and ").join(f"{e.amount:+d}" for _n, e in group)
            yield ctx.problem(where + (last,), _("this effect cancels {list}[{first}]: {amounts} "
                                                 "on the same {meter} meter add up to 0, so "
                                                 "together they change nothing; remove them or "
                                                 "change one amount")
                              .format(list=where[-1], first=first, amounts=amounts,
                                      meter=group[0][1].kind),
                              "effects-cancel")


#: The tests of a condition that name one meter each, by the key that says which.
_KEYED = {"trust": lambda t: (t.from_, t.to), "support": lambda t: t.role,
          "commitments_kept": lambda t: t.role, "commitments_broken": lambda t: t.role}


def check_conditions_twice(ctx: Lint) -> Iterator[Problem]:
    """No condition tests one thing twice, and no role has two objectives that test the same."""
    for top, cond_, _in_objective in conditions(ctx.scenario):
        for path, cond in nested(top, cond_):
            yield from _twice_in(ctx, path, cond)
    for r, role in enumerate(ctx.scenario.roles):
        for o, obj in enumerate(role.objectives):
            same = next((x for x in role.objectives[:o] if x.when == obj.when), None)
            if same is not None:
                yield ctx.problem(("roles", r, "objectives", o, "when"),
                                  _("objective '{objective}' tests exactly what objective "
                                    "'{same}' tests, so the role scores twice for one thing; "
                                    "merge them or test something else")
                                  .format(objective=obj.id, same=same.id),
                                  "condition-twice", key=True)


def _twice_in(ctx: Lint, path: Path, cond: Condition) -> Iterator[Problem]:
    for key in ("operating", "not_operating"):
        ids = getattr(cond, key)
        for j, m in enumerate(ids):
            if m in ids[:j]:
                yield ctx.problem(path + (key, j), _("milestone '{milestone}' is listed twice "
                                                     "in {key}; remove one")
                                  .format(milestone=m, key=key), "condition-twice")
    for key, which in _KEYED.items():
        tests = getattr(cond, key)
        for j, test in enumerate(tests):
            earlier = [k for k in range(j) if which(tests[k]) == which(test)]
            if earlier:
                yield ctx.problem(path + (key, j), _("{key}[{index}] already tests this; both "
                                                     "must hold, so write one test with the "
                                                     "range you mean")
                                  .format(key=key, index=earlier[0]),
                                  "condition-twice")
    for k, branch in enumerate(cond.any_of):
        if branch in cond.any_of[:k]:
            yield ctx.problem(path + ("any_of", k), _("this branch is the same as "
                                                      "any_of[{index}]; remove one")
                              .format(index=cond.any_of.index(branch)), "condition-twice")


def kept_in_time(ctx: Lint, action_id: str) -> bool:
    """True if a commitment the action makes can run its term out before the game ends."""
    a = next(x for x in ctx.scenario.actions if x.id == action_id)
    return (a.requires.from_round or 1) + a.commitment.term <= ctx.scenario.rounds


def check_commitment_terms(ctx: Lint) -> Iterator[Problem]:
    """A commitment's term ends before the last round does, so keeping it can count."""
    s = ctx.scenario
    for i, a in enumerate(s.actions):
        if not a.commitment or not ctx.reach.can_take(a.id) or kept_in_time(ctx, a.id):
            continue
        first = a.requires.from_round or 1
        latest = s.rounds - first
        fix = (_("shorten term to at most {latest}").format(latest=latest) if latest >= 1 else
               _("make it possible earlier (requires.from_round)"))
        yield ctx.problem(("actions", i, "commitment", "term"),
                          _("commitment '{commitment}' made in round {first} at the earliest "
                            "runs to the end of round {end}, after the last round ({rounds}): "
                            "it is never kept, so its keep_reward never applies and it never "
                            "counts for commitments_kept; {fix}")
                          .format(commitment=a.commitment.name, first=first,
                                  end=first + a.commitment.term, rounds=s.rounds, fix=fix),
                          "commitment-never-kept", key=True,
                          cause=" ".join(f"kept:{r}" for r in sorted(ctx.reach.takers[a.id])))
