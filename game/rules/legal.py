"""Which orders a role may give, decided in one place.

`_reason(state, game, role, candidate, chosen)` says why one order may not be added to
a draft, or None if it may. Listing the legal orders and checking given orders are two
uses of it. An order is refused if the state closes it (the requirement rules of
`game.rules.requirements`) or if the draft does: points left, no repeats, usage limits.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.model.actions import Action, IllegalAction
from game.model.state import GameState
from game.rules.compiled import Candidate, CompiledScenario
from game.rules.requirements import times_taken


def points_left(game: CompiledScenario, chosen: Sequence[Action]) -> int:
    """Action points still unspent after the chosen orders."""
    return game.points - sum(game.action(a.action_id).cost for a in chosen)


def legal_actions(state: GameState, game: CompiledScenario, role: str,
                  chosen: Sequence[Action] = ()) -> list[Action]:
    """Every order `role` may add to `chosen` this round, in scenario order."""
    if not _giving_orders(state, game, role):
        return []
    r = game.role_index[role]
    return [c.action for c in game.candidates[r] if _reason(state, game, role, c, chosen) is None]


def check_orders(state: GameState, game: CompiledScenario, role: str,
                 actions: Sequence[Action]) -> None:
    """Raise IllegalAction, with the first reason, unless `actions` are valid orders for `role`:
    each must be legal after the ones given before it."""
    for i, action in enumerate(actions):
        why = why_illegal(state, game, action, actions[:i])
        if why:
            raise IllegalAction(why)


def why_illegal(state: GameState, game: CompiledScenario, action: Action,
                chosen: Sequence[Action] = ()) -> str | None:
    """Why `action` may not be added to `chosen`, or None if it may."""
    role = action.role
    if role not in game.role_index:
        return f"unknown role {role!r}"
    if action.action_id not in game.action_index:
        return f"unknown action {action.action_id!r}"
    if not _giving_orders(state, game, role):
        return f"{role} cannot give orders now"
    cand = game.candidate_of[game.role_index[role]].get(action)
    if cand is None:
        spec = game.action(action.action_id)
        if spec.roles and role not in spec.roles:
            return f"{role} cannot take {spec.id}"
        return f"{action.text()}: not a valid target"
    why = _reason(state, game, role, cand, chosen)
    return f"{action.text()}: {why}" if why else None


def check_action(state: GameState, game: CompiledScenario, action: Action,
                 chosen: Sequence[Action] = ()) -> None:
    """Raise IllegalAction, with the reason, unless `action` may be added to `chosen`."""
    why = why_illegal(state, game, action, chosen)
    if why:
        raise IllegalAction(why)


def _giving_orders(state: GameState, game: CompiledScenario, role: str) -> bool:
    """A role gives orders once a round, in the orders phase."""
    return state.phase == "orders" and role not in state.orders and role in game.role_index


def _reason(state: GameState, game: CompiledScenario, role: str, cand: Candidate,
            chosen: Sequence[Action]) -> str | None:
    """Why this order may not be added to `chosen`: the state closes it or the draft does."""
    for rule in cand.rules:
        why = rule(state, game, role, cand)
        if why:
            return why
    return _draft_reason(state, game, role, cand, chosen)


def _draft_reason(state: GameState, game: CompiledScenario, role: str, cand: Candidate,
                  chosen: Sequence[Action]) -> str | None:
    """Why the draft leaves no room for the order: too few points, a repeat, or its last use."""
    spec = cand.row.spec
    if spec.cost > points_left(game, chosen):
        return f"costs {spec.cost}, more than the points left"
    if cand.action in chosen:
        return "already ordered this round"
    limit = spec.requires.max_uses
    if limit is not None:
        drafted = sum(1 for a in chosen if a.action_id == spec.id)
        if times_taken(state, role, spec.id) + drafted >= limit:
            return f"may be taken only {limit} time(s)"
    return None
