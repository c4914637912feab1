"""Lint actions and demands: what they name exists, and no action contradicts itself."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.lint.context import Lint
from game.engine.problems import Path, Problem


def check_action_refs(ctx: Lint) -> Iterator[Problem]:
    """Actions name roles, milestones, demands and actions that exist."""
    for i, a in enumerate(ctx.scenario.actions):
        p: Path = ("actions", i)
        for j, role in enumerate(a.roles):
            yield from ctx.unknown(p + ("roles", j), "role", role, ctx.roles)
            if role in a.roles[:j]:
                yield ctx.problem(p + ("roles", j), f"role '{role}' is listed twice")
        if a.establishes:
            yield from ctx.unknown(p + ("establishes",), "milestone", a.establishes,
                                   ctx.milestones)
        for key in ("operating", "not_operating"):
            for j, m in enumerate(getattr(a.requires, key)):
                yield from ctx.unknown(p + ("requires", key, j), "milestone", m, ctx.milestones)
        for key in ("makes_demand", "drops_demand", "satisfies_demand"):
            if getattr(a, key):
                yield from ctx.unknown(p + (key,), "demand", getattr(a, key), ctx.demands)
        if a.requires.demand_standing:
            yield from ctx.unknown(p + ("requires", "demand_standing"), "demand",
                                   a.requires.demand_standing, ctx.demands)
        for j, b in enumerate(a.commitment.broken_by if a.commitment else []):
            yield from ctx.unknown(p + ("commitment", "broken_by", j), "action", b, ctx.actions)


def check_action_sense(ctx: Lint) -> Iterator[Problem]:
    """An action does not make and drop one demand, and only offers get answers."""
    for i, a in enumerate(ctx.scenario.actions):
        if a.makes_demand and a.makes_demand == a.drops_demand:
            yield ctx.problem(("actions", i, "drops_demand"),
                              f"action '{a.id}' both makes and drops demand '{a.makes_demand}'")
        for key in ("on_accept", "on_decline"):
            if getattr(a, key) and not a.offer:
                yield ctx.problem(("actions", i, key),
                                  f"{key} never happens: action '{a.id}' is not an offer "
                                  "(set offer: true, or move these to effects)", key=True)
        ops = set(a.requires.operating) & set(a.requires.not_operating)
        for m in sorted(ops):
            yield ctx.problem(("actions", i, "requires"),
                              f"action '{a.id}' needs milestone '{m}' both operating and not "
                              "operating, so it can never be taken", key=True)


def check_demand_refs(ctx: Lint) -> Iterator[Problem]:
    """Demands name actions that exist, and some action makes each demand."""
    made = {a.makes_demand for a in ctx.scenario.actions}
    for i, d in enumerate(ctx.scenario.demands):
        for j, b in enumerate(d.backed_down_by):
            yield from ctx.unknown(("demands", i, "backed_down_by", j), "action", b, ctx.actions)
        if d.id not in made:
            yield ctx.problem(("demands", i), f"no action makes demand '{d.id}'; add an action "
                                              f"with `makes_demand: {d.id}`")
