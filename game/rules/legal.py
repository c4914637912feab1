"""Which orders a role may give, decided in one place.

An order is legal when the state leaves it open and the draft leaves room for it:

- *open*: the role is giving orders and every requirement rule the action invokes
  (`game.rules.requirements`) passes. This depends only on the state.
- *fits the draft*: enough points are left, it is not already drafted, and its
  lifetime usage limit is not reached counting the draft.

`_closed` and `_misfit` state those two halves, and `_reason` joins them; each gives a
`Refusal` (why, as data: see `game.model.results`) or None. Listing the
legal orders (`legal_actions`, or `open_orders` once a round and `fitting` per pick, as
the AI does) and checking given orders (`check_orders`, `why_illegal`) use only these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from game.model.actions import Action, IllegalAction
from game.model.results import Phase, Refusal, RefusalKind, refusal
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.requirements import times_taken
from game.rules.tables import Candidate

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
ORDERS = Phase.ORDERS
UNKNOWN_ROLE = RefusalKind.UNKNOWN_ROLE
UNKNOWN_ACTION = RefusalKind.UNKNOWN_ACTION
NOT_GIVING_ORDERS = RefusalKind.NOT_GIVING_ORDERS
CANNOT_TAKE = RefusalKind.CANNOT_TAKE
BAD_TARGET = RefusalKind.BAD_TARGET
COST = RefusalKind.COST
DRAFTED = RefusalKind.DRAFTED
USES = RefusalKind.USES


class Draft(NamedTuple):
    """The orders drafted so far this round, as the draft rules read them."""

    orders: tuple[Action, ...]
    left: int  # action points still unspent


def draft(game: CompiledScenario, chosen: Sequence[Action]) -> Draft:
    """The draft `chosen` amounts to."""
    return Draft(tuple(chosen), points_left(game, chosen))


def points_left(game: CompiledScenario, chosen: Sequence[Action]) -> int:
    """Action points still unspent after the chosen orders."""
    cost = game.cost
    return game.points - sum(cost[a.action_id] for a in chosen)


def legal_actions(state: GameState, game: CompiledScenario, role: str,
                  chosen: Sequence[Action] = ()) -> list[Action]:
    """Every order `role` may add to `chosen` this round, in scenario order."""
    return fitting(state, game, role, open_orders(state, game, role), chosen)


def open_orders(state: GameState, game: CompiledScenario, role: str) -> tuple[Candidate, ...]:
    """Every order the state leaves open to `role`, in scenario order (none if it is not
    giving orders). It stays the same all round: only the draft narrows it."""
    if not _giving_orders(state, game, role):
        return ()
    # An order whose action invokes no requirement rule is always open.
    return tuple(c for c in game.candidates[game.role_index[role]]
                 if not c.rules or _closed(state, role, c) is None)


def fitting(state: GameState, game: CompiledScenario, role: str,
            opened: Sequence[Candidate], chosen: Sequence[Action] = ()) -> list[Action]:
    """The orders among `opened` (from `open_orders`) that `chosen` leaves room for."""
    d = draft(game, chosen)
    if d.left < game.cheapest:  # no order fits: every one costs at least this much
        return []
    return [c.action for c in opened if _no_room(state, role, c, d) is None]


def check_orders(state: GameState, game: CompiledScenario, role: str,
                 actions: Sequence[Action]) -> None:
    """Raise IllegalAction, with the first refusal, unless `actions` are valid orders for
    `role`: each must be legal after the ones given before it."""
    for i, action in enumerate(actions):
        why = why_illegal(state, game, action, actions[:i])
        if why:
            raise IllegalAction(why, action)


def check_action(state: GameState, game: CompiledScenario, action: Action,
                 chosen: Sequence[Action] = ()) -> None:
    """Raise IllegalAction, with the refusal, unless `action` may be added to `chosen`."""
    why = why_illegal(state, game, action, chosen)
    if why:
        raise IllegalAction(why, action)


def why_illegal(state: GameState, game: CompiledScenario, action: Action,
                chosen: Sequence[Action] = ()) -> Refusal | None:
    """Why `action` may not be added to `chosen`, or None if it may."""
    role = action.role
    if role not in game.role_index:
        return Refusal(UNKNOWN_ROLE, (role,))  # any text a client sends: not cached
    if action.action_id not in game.action_index:
        return Refusal(UNKNOWN_ACTION, (action.action_id,))
    if not _giving_orders(state, game, role):
        return refusal(NOT_GIVING_ORDERS, role)
    cand = game.candidate_of.get(action)
    if cand is None:
        spec = game.action(action.action_id)
        if spec.roles and role not in spec.roles:
            return refusal(CANNOT_TAKE, role, spec.id)
        return Refusal(BAD_TARGET, (action.text(),))
    return _reason(state, game, role, cand, draft(game, chosen))


def _giving_orders(state: GameState, game: CompiledScenario, role: str) -> bool:
    """A role gives orders once a round, in the orders phase."""
    return state.phase == ORDERS and role not in state.orders and role in game.role_index


def _reason(state: GameState, game: CompiledScenario, role: str, cand: Candidate,
            d: Draft) -> Refusal | None:
    """Why this order may not be added to the draft: the state closes it or the draft does."""
    return _closed(state, role, cand) or _misfit(state, role, cand, d)


def _closed(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """The first requirement rule of the action that the state fails, or None."""
    for rule in cand.rules:
        why = rule(state, role, cand)
        if why:
            return why
    return None


def _misfit(state: GameState, role: str, cand: Candidate, d: Draft) -> Refusal | None:
    """Why the draft leaves no room for the order: too few points, a repeat, or its last use."""
    kind = _no_room(state, role, cand, d)
    if kind is None:
        return None
    row = cand.row
    args = (row.cost, d.left) if kind == COST else (cand.text,) if kind == DRAFTED else (row.limit,)
    return refusal(kind, *args)


def _no_room(state: GameState, role: str, cand: Candidate, d: Draft) -> RefusalKind | None:
    """The kind of `_misfit`'s refusal, or None: all that listing the legal orders needs,
    made without building a refusal for each of the many orders a draft shuts."""
    row = cand.row
    if row.cost > d.left:
        return COST
    if cand.action in d.orders:
        return DRAFTED
    if row.limit is not None:
        action_id = cand.action.action_id
        drafted = sum(1 for a in d.orders if a.action_id == action_id)
        if times_taken(state, role, action_id) + drafted >= row.limit:
            return USES
    return None
