"""Apply a scenario's effects, resolving relative role words in their context."""

from __future__ import annotations

from typing import NamedTuple

from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.ledger import change
from game.rules.tables import Fx


class Context(NamedTuple):
    """Who the relative words in an effect mean, and what to record as the cause."""

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


def apply_effects(state: GameState, game: CompiledScenario, effects: tuple[Fx, ...],
                  ctx: Context) -> None:
    """Apply each effect to a state being built, writing the ledger."""
    for fx in effects:
        _APPLY[fx.kind](state, game, fx, ctx)


def _tension(state: GameState, game: CompiledScenario, fx: Fx, ctx: Context) -> None:
    """Tension changes by the amount."""
    change(state, game, 0, fx.amount, ctx.cause, ctx.source, ctx.actor, ctx.note)


def _support(state: GameState, game: CompiledScenario, fx: Fx, ctx: Context) -> None:
    """The domestic support of each role `who` names changes by the amount."""
    for r in resolve_roles(fx.who, ctx, game.roles):
        change(state, game, game.support_meter[r], fx.amount, ctx.cause, ctx.source, ctx.actor,
               ctx.note)


def _progress(state: GameState, game: CompiledScenario, fx: Fx, ctx: Context) -> None:
    """Progress only counts toward agreeing a milestone, so it stops at what is needed."""
    m = fx.milestone
    if not between_parties(game, m, ctx):
        return
    room = game.milestones[game.milestone_index[m]].progress_needed - state.progress[m]
    change(state, game, game.progress_meter[m], min(fx.amount, room), ctx.cause, ctx.source,
           ctx.actor, ctx.note)


def between_parties(game: CompiledScenario, milestone: str, ctx: Context) -> bool:
    """True if progress toward `milestone` counts in this context: every role the step is
    between (its actor, and its responder or target) is a party to the milestone. A step
    between others builds nothing of theirs; an event's progress always counts."""
    parties = game.milestones[game.milestone_index[milestone]].parties
    other = ctx.responder or ctx.target
    return ((ctx.actor is None or ctx.actor in parties)
            and (other is None or other not in game.roles or other in parties))


def _trust(state: GameState, game: CompiledScenario, fx: Fx, ctx: Context) -> None:
    """Trust of each `who` in each `toward` changes; gains are scaled by the context's
    percent (trust is slow to build, and repeats earn less)."""
    amount = fx.amount if fx.amount <= 0 else (fx.amount * ctx.gain_percent + 50) // 100
    _pairwise(state, game, game.trust_meter, fx, ctx, amount)


def _transparency(state: GameState, game: CompiledScenario, fx: Fx, ctx: Context) -> None:
    """Each `who` counts the amount of transparency measures toward each `toward`."""
    _pairwise(state, game, game.transparency_meter, fx, ctx, fx.amount)


def _pairwise(state: GameState, game: CompiledScenario, meters, fx: Fx, ctx: Context,
              amount: int) -> None:
    toward = resolve_roles(fx.toward, ctx, game.roles)
    for a in resolve_roles(fx.who, ctx, game.roles):
        for b in toward:
            if a != b:
                change(state, game, meters[(a, b)], amount, ctx.cause, ctx.source, ctx.actor,
                       ctx.note)


_APPLY = {"tension": _tension, "support": _support, "progress": _progress, "trust": _trust,
          "transparency": _transparency}
