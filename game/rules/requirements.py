"""The scenario's limits on who may aim an action where, and its requirements that read
the round, the target's demands and the commitments a role has received.

Each check is one small function returning the reason an order is closed (or None),
so the legality code calls them without knowing what they test. They read only the
scenario's data: no role id appears here.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.model.scenario import ActionSpec
from game.model.state import GameState


def may_take(spec: ActionSpec, role: str) -> bool:
    """True if `role` may take the action at all: listed in `roles` (or none listed) and,
    when the action has `aims`, listed there as an acting role."""
    return (not spec.roles or role in spec.roles) and (not spec.aims or role in spec.aims)


def aim_targets(spec: ActionSpec, role: str, roles: Sequence[str]) -> list[str]:
    """The roles `role` may aim a role-targeted action at, in scenario order."""
    allowed = spec.aims.get(role) if spec.aims else None
    return [r for r in roles if r != role and (allowed is None or r in allowed)]


def has_new_requirements(spec: ActionSpec) -> bool:
    """True if the action has a requirement this module tests."""
    req = spec.requires
    return bool(req.from_round or req.target_demands or req.received_commitment)


def round_or_commitment_block(state: GameState, spec: ActionSpec, role: str) -> str | None:
    """Why the earliest round or a missing commitment keeps the action closed, or None."""
    req = spec.requires
    if req.from_round is not None and state.round < req.from_round:
        return f"not before round {req.from_round}"
    if req.received_commitment and not holds_commitment(state, role, req.received_commitment):
        return f"needs a commitment made by {req.received_commitment} to {role}"
    return None


def holds_commitment(state: GameState, role: str, action_id: str) -> bool:
    """True if `role` has received a commitment made by `action_id`, running or kept."""
    return any(c.recipient == role and c.action_id == action_id and c.status in ("active", "kept")
               for c in state.commitments)


def target_open(state: GameState, spec: ActionSpec, target: str | None) -> bool:
    """True unless the action needs its target to stand by a demand that it does not."""
    wanted = spec.requires.target_demands
    return not wanted or (target, wanted) in state.demands


def target_block(state: GameState, spec: ActionSpec, target: str | None) -> str | None:
    """Why this target is closed by `target_demands`, or None."""
    if target_open(state, spec, target):
        return None
    return f"only toward a delegation standing by the demand {spec.requires.target_demands}"
