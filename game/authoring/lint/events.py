"""Lint events: scripted ones fall inside the game, one per round, and conditional ones
can fire and are not always pre-empted by an earlier conditional event.

Event precedence at the start of a round: the first scripted event for the round, else
the first conditional event (in file order) whose condition holds, else a deck draw.
Events with `once: true` fire at most once.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.lint.satisfiable import known_refs, situation
from game.authoring.lint.solver import possible, terms, why_not
from game.authoring.problems import Problem
from game.words import _, ngettext


def check_events(ctx: Lint) -> Iterator[Problem]:
    """Scripted events fall inside the game; `when` is only on conditional events."""
    rounds = ctx.scenario.rounds
    for i, ev in enumerate(ctx.scenario.events):
        if ev.kind == "scripted" and ev.round is not None and ev.round > rounds:
            yield ctx.problem(("events", i, "round"),
                              ngettext("round {round} never comes: the game has {n} round",
                                       "round {round} never comes: the game has {n} rounds",
                                       rounds).format(round=ev.round, n=rounds),
                              "event-round-past")
        if ev.when is not None and ev.kind != "conditional":
            yield ctx.problem(("events", i, "when"), _("`when` is only read for conditional "
                                                       "events, and this one is {kind}")
                              .format(kind=ev.kind),
                              "event-when-ignored", key=True)


def check_event_rounds(ctx: Lint) -> Iterator[Problem]:
    """At most one scripted event per round: only the first one listed ever fires."""
    first: dict[int, str] = {}
    for i, ev in enumerate(ctx.scenario.events):
        if ev.kind != "scripted" or ev.round is None:
            continue
        if ev.round in first:
            yield ctx.problem(("events", i, "round"),
                              _("event '{event}' never fires: '{first}' is also scripted for "
                                "round {round} and comes first; move one of them to another round")
                              .format(event=ev.id, first=first[ev.round], round=ev.round),
                              "event-same-round")
        first.setdefault(ev.round, ev.id)


def check_events_hidden(ctx: Lint) -> Iterator[Problem]:
    """No conditional event is pre-empted for ever by an earlier repeatable one."""
    s = ctx.scenario
    sit = situation(ctx, at_end=False)
    blockers: list[tuple[str, list]] = []
    for i, ev in enumerate(s.events):
        if ev.kind != "conditional" or ev.when is None or not known_refs(ctx, ev.when):
            continue
        mine = [t for t in terms(ev.when, s) if why_not(t, sit) is None]
        if mine and blockers and not any(possible(t, [b for _, b in blockers], sit) for t in mine):
            names = ", ".join(n for n, _ in blockers)
            yield ctx.problem(("events", i, "when"),
                              _("event '{event}' never fires: whenever its condition holds, an "
                                "earlier conditional event that can fire again ({events}) comes "
                                "first; move it above them").format(event=ev.id, events=names),
                              "event-hidden", key=True)
        if not ev.once:
            blockers.append((ev.id, terms(ev.when, s)))
