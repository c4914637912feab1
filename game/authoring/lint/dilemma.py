"""Lint the references of start demands, default seats, action aims, the requirements
that read demands and commitments, and demand relief: every id they name exists."""

from __future__ import annotations

from collections.abc import Iterator

from game.ai import persona_problem  # lint reads the persona names the engine offers
from game.authoring.lint.context import Lint
from game.authoring.problems import Problem
from game.rules.endings import STOPPED
from game.words import _


def check_dilemma_refs(ctx: Lint) -> Iterator[Problem]:
    """Start demands, default seats, aims, requirements and relief name things that exist,
    and no ending takes the id of the facilitator's ending."""
    yield from _reserved_ending(ctx)
    yield from _start_demands(ctx)
    yield from _default_seats(ctx)
    yield from _actions(ctx)
    yield from _relief(ctx)


def _reserved_ending(ctx: Lint) -> Iterator[Problem]:
    for i, e in enumerate(ctx.scenario.endings):
        if e.id == STOPPED:
            yield ctx.problem(("endings", i, "id"), _("the ending id '{id}' is the facilitator's "
                                                      "own ending; choose another id")
                              .format(id=STOPPED), "duplicate-id")


def _start_demands(ctx: Lint) -> Iterator[Problem]:
    for i, d in enumerate(ctx.scenario.start_demands):
        yield from ctx.unknown(("start_demands", i, "role"), "role", d.role, ctx.roles)
        yield from ctx.unknown(("start_demands", i, "demand"), "demand", d.demand, ctx.demands)


def _default_seats(ctx: Lint) -> Iterator[Problem]:
    for role, name in ctx.scenario.default_seats.items():
        yield from ctx.unknown(("default_seats",), "role", role, ctx.roles)
        problem = persona_problem(name)
        if problem:
            yield ctx.problem(("default_seats", role), _("default seat for '{role}': {problem}")
                              .format(role=role, problem=problem),
                              "default-seat")


def _actions(ctx: Lint) -> Iterator[Problem]:
    committing = {a.id for a in ctx.scenario.actions if a.commitment}
    for i, a in enumerate(ctx.scenario.actions):
        for actor, aimed in a.aims.items():
            yield from ctx.unknown(("actions", i, "aims"), "role", actor, ctx.roles)
            if a.roles and actor not in a.roles:
                yield ctx.problem(("actions", i, "aims"),
                                  _("aims lets '{role}' take '{action}', but roles leaves it out")
                                  .format(role=actor, action=a.id),
                                  "aims-outside-roles")
            for j, target in enumerate(aimed):
                yield from ctx.unknown(("actions", i, "aims", actor, j), "role", target, ctx.roles)
        req = a.requires
        if req.target_demands:
            yield from ctx.unknown(("actions", i, "requires", "target_demands"), "demand",
                                   req.target_demands, ctx.demands)
        if req.received_commitment:
            yield from ctx.unknown(("actions", i, "requires", "received_commitment"),
                                   "action with a commitment", req.received_commitment, committing)


def _relief(ctx: Lint) -> Iterator[Problem]:
    committing = {a.id for a in ctx.scenario.actions if a.commitment}
    for i, d in enumerate(ctx.scenario.demands):
        for action_id in d.commitment_relief:
            yield from ctx.unknown(("demands", i, "commitment_relief"), "action with a commitment",
                                   action_id, committing)
