"""Lint milestones: parties and prerequisites exist, form no cycle, and each milestone
can be established; `never_reason` says why one never can.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.lint.reach import role_choice
from game.authoring.problems import Problem
from game.words import _, ngettext


def check_milestone_refs(ctx: Lint) -> Iterator[Problem]:
    """Milestones name existing roles (each once) and existing prerequisites."""
    for i, m in enumerate(ctx.scenario.milestones):
        for j, role in enumerate(m.parties):
            yield from ctx.unknown(("milestones", i, "parties", j), "role", role, ctx.roles)
            if role in m.parties[:j]:
                yield ctx.problem(("milestones", i, "parties", j),
                                  _("party '{role}' is listed twice").format(role=role),
                                  "listed-twice")
        for j, req in enumerate(m.requires):
            yield from ctx.unknown(("milestones", i, "requires", j), "milestone", req,
                                   ctx.milestones)


def check_milestone_cycles(ctx: Lint) -> Iterator[Problem]:
    """Milestone prerequisites form no cycle; each cycle is reported once."""
    requires = {m.id: [r for r in m.requires if r in ctx.milestones]
                for m in ctx.scenario.milestones}
    index = {m.id: i for i, m in enumerate(ctx.scenario.milestones)}
    reported: set[frozenset[str]] = set()
    for start in requires:
        cycle = _cycle_from(start, requires)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            first = cycle[0]
            yield ctx.problem(("milestones", index[first], "requires"),
                              _("prerequisites form a cycle: {cycle}")
                              .format(cycle=" -> ".join(cycle + [first])),
                              "milestone-cycle", key=True,
                              cause=" ".join(f"milestone:{m}" for m in cycle))


def _cycle_from(start: str, requires: dict[str, list[str]]) -> list[str] | None:
    """A cycle through `start`, as the list of milestones along it, or None."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in requires.get(node, []):
            if nxt == start:
                return trail
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, trail + [nxt]))
    return None


def check_milestones_reachable(ctx: Lint) -> Iterator[Problem]:
    """Every milestone can be proposed by one of its parties, get the progress it needs,
    and have its prerequisites operating; the root cause is reported once per milestone."""
    s = ctx.scenario
    for i, m in enumerate(s.milestones):
        if m.id in ctx.establishable:
            continue
        code, message, at = _root_cause(ctx, m.id)
        idle = [f"action:{a.id}" for a in s.actions
                if a.establishes == m.id and not ctx.reach.can_take(a.id)]
        yield ctx.problem(("milestones", i) + at, message, code,
                          cause=" ".join([never_causes(ctx, m.id), *idle]))


def _root_cause(ctx: Lint, milestone: str) -> tuple[str, str, tuple]:
    """(code, message, sub-path) of the first reason a milestone can never operate."""
    s = ctx.scenario
    spec = next(m for m in s.milestones if m.id == milestone)
    proposals = [a for a in s.actions if a.establishes == milestone]
    if not proposals:
        return ("milestone-no-proposal", _("no action proposes milestone '{milestone}'; add an "
                                           "offer with `establishes: {milestone}`")
                .format(milestone=milestone), ())
    if not any(role_choice(s, a) & set(spec.parties) for a in proposals):
        names = ", ".join(a.id for a in proposals)
        return ("milestone-non-party", _("milestone '{milestone}' can only be proposed by roles "
                                         "that are not its parties ({actions}); a proposal "
                                         "needs a party to make it: add a party to the "
                                         "action's `roles`")
                .format(milestone=milestone, actions=names), ("parties",))
    need, have = spec.progress_needed, ctx.reach.progress.get(milestone, 0)
    anyway = ctx.reach.progress_any.get(milestone, 0)
    if anyway < need:
        return ("progress-unreachable", _("milestone '{milestone}' needs {need} progress but "
                                          "at most {most} can ever be added; add progress "
                                          "effects to an action or lower progress_needed")
                .format(milestone=milestone, need=need, most=int(anyway)), ("progress_needed",))
    if have < need:
        rounds, points = ctx.scenario.rounds, ctx.scenario.rules.points_per_round
        return ("progress-too-slow", ngettext(
            "milestone '{milestone}' needs {need} progress, but in {rounds} round of {points} "
            "points at most {most} can be added before the last round in which it can be "
            "proposed; lower progress_needed, raise the progress effects or make them cheaper",
            "milestone '{milestone}' needs {need} progress, but in {rounds} rounds of {points} "
            "points at most {most} can be added before the last round in which it can be "
            "proposed; lower progress_needed, raise the progress effects or make them cheaper",
            rounds).format(milestone=milestone, need=need, rounds=rounds, points=points,
                           most=int(have)), ("progress_needed",))
    return "milestone-never", _("milestone '{milestone}' can never operate: {why}").format(
        milestone=milestone, why=never_reason(ctx, milestone)), ()


def root_milestone(ctx: Lint, milestone: str, seen: tuple[str, ...] = ()) -> str:
    """The milestone where the chain of prerequisites that keeps `milestone` from ever
    operating ends: the one whose own trouble is the root cause."""
    spec = next(m for m in ctx.scenario.milestones if m.id == milestone)
    blocked = [r for r in spec.requires if r in ctx.milestones and r not in ctx.establishable]
    if milestone in seen or not blocked:
        return milestone
    return root_milestone(ctx, blocked[0], seen + (milestone,))


def never_causes(ctx: Lint, milestone: str) -> str:
    """The cause keys of a milestone that can never operate: its own and its root's."""
    return f"milestone:{milestone} milestone:{root_milestone(ctx, milestone)}"


def never_reason(ctx: Lint, milestone: str, seen: tuple[str, ...] = ()) -> str:
    """The root cause that keeps a milestone from ever operating, naming the milestone."""
    s = ctx.scenario
    spec = next(m for m in s.milestones if m.id == milestone)
    if milestone in seen:
        return _("the prerequisites of '{milestone}' form a cycle").format(milestone=milestone)
    proposals = [a for a in s.actions if a.establishes == milestone]
    if not proposals:
        return _("no action proposes '{milestone}'").format(milestone=milestone)
    if not any(role_choice(s, a) & set(spec.parties) for a in proposals):
        return _("only non-parties can propose '{milestone}'").format(milestone=milestone)
    blocked = [r for r in spec.requires if r in ctx.milestones and r not in ctx.establishable]
    if blocked:
        return never_reason(ctx, blocked[0], seen + (milestone,))
    if not any(ctx.reach.can_take(a.id) for a in proposals):
        return _("no role can ever take an action that proposes '{milestone}'").format(
            milestone=milestone)
    if ctx.reach.progress_any.get(milestone, 0) >= spec.progress_needed:
        return _("'{milestone}' needs {need} progress, and less can be added in time to "
                 "propose it").format(milestone=milestone, need=spec.progress_needed)
    return _("'{milestone}' needs {need} progress, and less can ever be added").format(
        milestone=milestone, need=spec.progress_needed)
