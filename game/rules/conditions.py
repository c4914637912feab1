"""Evaluate scenario conditions (for events, objectives and endings) against a state."""

from __future__ import annotations

from game.model.results import Status, Track
from game.model.scenario import Condition
from game.model.state import GameState

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
KEPT, BROKEN = Status.KEPT, Status.BROKEN
OPERATING = Track.OPERATING


def holds(cond: Condition, state: GameState, self_role: str | None = None) -> bool:
    """True when every part of the condition holds; `self` means `self_role`."""
    if cond.tension and not cond.tension.holds(state.tension):
        return False
    if cond.round and not cond.round.holds(state.round):
        return False
    if cond.breakdown is not None and cond.breakdown != state.breakdown:
        return False
    ms = state.milestones
    if cond.operating_count and not cond.operating_count.holds(
            sum(1 for s in ms.values() if s == OPERATING)):
        return False
    if any(ms.get(m) != OPERATING for m in cond.operating):
        return False
    if any(ms.get(m) == OPERATING for m in cond.not_operating):
        return False
    if not _role_tests(cond, state, self_role):
        return False
    return not cond.any_of or any(holds(c, state, self_role) for c in cond.any_of)


def _role_tests(cond: Condition, state: GameState, self_role: str | None) -> bool:
    def who(ref: str) -> str:
        return self_role if ref == "self" and self_role else ref

    for t in cond.trust:
        if not t.holds(state.trust[(who(t.from_), who(t.to))]):
            return False
    for s in cond.support:
        if not s.holds(state.support[who(s.role)]):
            return False
    for c in cond.commitments_kept:
        if not c.holds(count_commitments(state, who(c.role), KEPT)):
            return False
    for c in cond.commitments_broken:
        if not c.holds(count_commitments(state, who(c.role), BROKEN)):
            return False
    return True


def count_commitments(state: GameState, role: str, status: Status) -> int:
    """How many commitments a role made that ended with this status."""
    return sum(1 for c in state.commitments if c.actor == role and c.status == status)
