"""Apply a scenario's effect lists, resolving relative role words in their context."""

from __future__ import annotations

from typing import NamedTuple

from game.model.scenario import Effect
from game.model.state import GameState, progress_key, support_key, trust_key
from game.rules.index import Index
from game.rules.ledger import change


class Context(NamedTuple):
    """Who the relative words in an effect mean, and what to record as the cause.

    A named tuple: immutable, and far cheaper to build than a frozen dataclass, which
    matters because one is made for every action and answer resolved.
    """

    cause: str
    source: str
    actor: str | None
    note: str
    target: str | None = None
    responder: str | None = None
    parties: tuple[str, ...] = ()
    gain_percent: int = 100  # scales positive trust changes: slow to build, less for repeats


def resolve_roles(ref: str, ctx: Context, roles: tuple[str, ...]) -> tuple[str, ...]:
    """The role ids a role word stands for in this context."""
    if ref == "actor":
        return (ctx.actor,) if ctx.actor else ()
    if ref == "target":
        return (ctx.target,) if ctx.target else ()
    if ref == "responder":
        return (ctx.responder,) if ctx.responder else ()
    if ref == "parties":
        return ctx.parties
    if ref == "others":
        return tuple(r for r in roles if r != ctx.actor)
    if ref == "all":
        return roles
    return (ref,) if ref in roles else ()


def apply_effects(state: GameState, effects: list[Effect], ctx: Context, ix: Index) -> None:
    """Apply each effect to a state being built, writing the ledger."""
    roles = ix.roles
    for eff in effects:
        # Exactly one kind is set (validated); testing the fields directly is much faster
        # than the `kind` property, and this loop is the core of every resolution.
        if eff.tension is not None:
            change(state, "tension", eff.tension, ctx.cause, ctx.source, ctx.actor, ctx.note)
        elif eff.support is not None:
            for r in resolve_roles(eff.who, ctx, roles):
                change(state, support_key(r), eff.support, ctx.cause, ctx.source, ctx.actor,
                       ctx.note)
        elif eff.progress is not None:
            if not between_parties(ix, eff.milestone, ctx):
                continue
            # Progress only counts toward agreeing a milestone, so it stops at what is needed.
            room = ix.milestones[eff.milestone].progress_needed - state.progress[eff.milestone]
            change(state, progress_key(eff.milestone), min(eff.progress, room), ctx.cause,
                   ctx.source, ctx.actor, ctx.note)
        else:
            _apply_pairwise(state, eff, ctx, roles)


def between_parties(ix: Index, milestone: str, ctx: Context) -> bool:
    """True if progress toward `milestone` counts in this context: every role the step is
    between (its actor, and its responder or target) is a party to the milestone. A step
    between others builds nothing of theirs; an event's progress always counts."""
    parties = ix.milestones[milestone].parties
    other = ctx.responder or ctx.target
    return ((ctx.actor is None or ctx.actor in parties)
            and (other is None or other not in ix.roles or other in parties))


def _apply_pairwise(state: GameState, eff: Effect, ctx: Context, roles: tuple[str, ...]) -> None:
    is_trust = eff.trust is not None
    amount = eff.trust if is_trust else eff.transparency
    if is_trust and amount > 0:
        amount = (amount * ctx.gain_percent + 50) // 100
    toward = resolve_roles(eff.toward, ctx, roles)  # the same for every `a`: resolved once
    for a in resolve_roles(eff.who, ctx, roles):
        for b in toward:
            if a == b:
                continue
            if is_trust:
                change(state, trust_key(a, b), amount, ctx.cause, ctx.source, ctx.actor, ctx.note)
            else:
                state.transparency[(a, b)] = max(0, state.transparency.get((a, b), 0) + amount)
