"""Effects compiled into meter rows: which meters an effect changes, in a fixed context.

A scenario's effects speak in relative role words (`actor`, `target`, `responder`,
`parties`, `others`, `all`). For every order a role could give, every answer to it,
every event and every milestone, who those words mean is known when the scenario is
compiled, so `compile_effects` turns each effect into `Change` rows once: one row per
meter it touches, in the order the effect names them. `game.rules.effects` applies rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from game.model.scenario import Effect, MilestoneSpec
from game.rules.tables import Change


class Where(NamedTuple):
    """Who the relative role words mean in one context (None or () where a word means no one)."""

    actor: str | None = None
    target: str | None = None
    responder: str | None = None
    parties: tuple[str, ...] = ()


def resolve_roles(ref: str, where: Where, roles: tuple[str, ...]) -> tuple[str, ...]:
    """The role ids a role word stands for in this context."""
    if ref == "actor":
        return (where.actor,) if where.actor else ()
    if ref == "target":
        return (where.target,) if where.target else ()
    if ref == "responder":
        return (where.responder,) if where.responder else ()
    if ref == "parties":
        return where.parties
    if ref == "others":
        return tuple(r for r in roles if r != where.actor)
    if ref == "all":
        return roles
    return (ref,) if ref in roles else ()


def compile_effects(effects: list[Effect], where: Where, roles: tuple[str, ...],
                    meters: Mapping[str, int],
                    milestones: Mapping[str, MilestoneSpec]) -> tuple[Change, ...]:
    """The rows `effects` amount to in context `where` (`meters`: ledger name -> index)."""
    rows: list[Change] = []
    for e in effects:
        kind, amount = e.kind, e.amount
        if kind == "tension":
            rows.append(Change(meters["tension"], amount, False, None))
        elif kind == "support":
            rows += [Change(meters[f"support.{r}"], amount, False, None)
                     for r in resolve_roles(e.who, where, roles)]
        elif kind == "progress":
            rows += _progress(e, where, roles, meters, milestones[e.milestone])
        else:  # trust or transparency: each `who` toward each `toward`
            toward = resolve_roles(e.toward, where, roles)
            rows += [Change(meters[f"{kind}.{a}.{b}"], amount, kind == "trust" and amount > 0, None)
                     for a in resolve_roles(e.who, where, roles) for b in toward if a != b]
    return tuple(rows)


def _progress(e: Effect, where: Where, roles: tuple[str, ...], meters: Mapping[str, int],
              m: MilestoneSpec) -> list[Change]:
    """Progress only counts toward agreeing a milestone, so it stops at what is needed."""
    if not between_parties(m, where, roles):
        return []
    return [Change(meters[f"progress.{m.id}"], e.amount, False, m.progress_needed)]


def between_parties(m: MilestoneSpec, where: Where, roles: tuple[str, ...]) -> bool:
    """True if progress toward `m` counts in this context: every role the step is between
    (its actor, and its responder or target) is a party to the milestone. A step between
    others builds nothing of theirs; an event's progress always counts."""
    other = where.responder or where.target
    return ((where.actor is None or where.actor in m.parties)
            and (other is None or other not in roles or other in m.parties))
