"""Requirements that read the round, the target's demands and the commitments a role
has received: each check is one small function returning the reason an order is closed
(or None), so the legality code calls them without knowing what they test.
"""

from __future__ import annotations

from game.model.scenario import ActionSpec
from game.model.state import GameState


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
        return f"needs {role} to hold a commitment made by {req.received_commitment} first"
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
