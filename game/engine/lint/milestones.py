"""Lint milestones: parties and prerequisites exist, form no cycle, and each milestone
can be established; `never_reason` says why one never can.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.lint.context import Lint
from game.engine.lint.walk import effects
from game.engine.problems import Problem


def check_milestone_refs(ctx: Lint) -> Iterator[Problem]:
    """Milestones name existing roles (each once) and existing prerequisites."""
    for i, m in enumerate(ctx.scenario.milestones):
        for j, role in enumerate(m.parties):
            yield from ctx.unknown(("milestones", i, "parties", j), "role", role, ctx.roles)
            if role in m.parties[:j]:
                yield ctx.problem(("milestones", i, "parties", j),
                                  f"party '{role}' is listed twice")
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
                              "prerequisites form a cycle: " + " -> ".join(cycle + [first]),
                              key=True)


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
    """Every milestone is proposed by some action and can get the progress it needs."""
    s = ctx.scenario
    offered = {a.establishes for a in s.actions}
    progressed = {e.milestone for _, e, _ in effects(s) if e.kind == "progress" and e.amount > 0}
    for i, m in enumerate(s.milestones):
        if m.id not in offered:
            yield ctx.problem(("milestones", i), f"no action establishes milestone '{m.id}'; "
                                                 f"add an offer with `establishes: {m.id}`")
        if m.progress_needed and m.id not in progressed:
            yield ctx.problem(("milestones", i, "progress_needed"),
                              f"milestone '{m.id}' needs {m.progress_needed} progress but no "
                              "effect adds progress to it")


def never_reason(ctx: Lint, milestone: str, seen: tuple[str, ...] = ()) -> str:
    """The root cause that keeps a milestone from ever operating, naming the milestone."""
    spec = next(m for m in ctx.scenario.milestones if m.id == milestone)
    if milestone in seen:
        return f"the prerequisites of '{milestone}' form a cycle"
    if not any(a.establishes == milestone for a in ctx.scenario.actions):
        return f"no action establishes '{milestone}'"
    blocked = [r for r in spec.requires if r in ctx.milestones and r not in ctx.establishable]
    if blocked:
        return never_reason(ctx, blocked[0], seen + (milestone,))
    return f"nothing adds the progress '{milestone}' needs"
