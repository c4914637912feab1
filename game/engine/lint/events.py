"""Lint events: scripted ones fall inside the game, conditional ones can fire."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.lint.context import Lint
from game.engine.problems import Problem


def check_events(ctx: Lint) -> Iterator[Problem]:
    """Scripted events fall inside the game; conditional events can fire."""
    rounds = ctx.scenario.rounds
    for i, ev in enumerate(ctx.scenario.events):
        if ev.kind == "scripted" and ev.round is not None and ev.round > rounds:
            yield ctx.problem(("events", i, "round"), f"round {ev.round} never comes: the "
                                                      f"game has {rounds} rounds")
        if ev.when is not None and ev.when.breakdown:
            yield ctx.problem(("events", i, "when", "breakdown"),
                              "events happen only while the talks go on, so this never fires")
        if ev.when is not None and ev.kind != "conditional":
            yield ctx.problem(("events", i, "when"), f"`when` is only read for conditional "
                                                     f"events, and this one is {ev.kind}",
                              key=True)
