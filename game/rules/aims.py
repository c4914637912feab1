"""Who may aim an action at whom: a scenario's `roles` and `aims` limits, read as data.

No role id appears here; the limits come from the scenario file.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.model.scenario import ActionSpec, Scenario


def may_take(spec: ActionSpec, role: str) -> bool:
    """True if `role` may take the action at all: listed in `roles` (or none listed) and,
    when the action has `aims`, listed there as an acting role."""
    return (not spec.roles or role in spec.roles) and (not spec.aims or role in spec.aims)


def aim_targets(spec: ActionSpec, role: str, roles: Sequence[str]) -> list[str]:
    """The roles `role` may aim a role-targeted action at, in scenario order."""
    allowed = spec.aims.get(role) if spec.aims else None
    return [r for r in roles if r != role and (allowed is None or r in allowed)]


def aims_of(spec: ActionSpec, role: str, scenario: Scenario) -> list[str | None]:
    """Every aim `role` could ever give the action, in scenario order: the roles it may be
    aimed at, the milestones the role is a party to, or [None] for an untargeted action."""
    if spec.target == "role":
        return aim_targets(spec, role, scenario.role_ids)
    if spec.target == "milestone":
        return [m.id for m in scenario.milestones if role in m.parties]
    return [None]
