"""Which orders a role may give, and why any other order is illegal."""

from __future__ import annotations

from collections.abc import Sequence

from game.model.actions import Action, IllegalAction
from game.model.scenario import ActionSpec, Scenario
from game.model.state import GameState
from game.rules.index import Index, index


def points_left(scenario: Scenario, chosen: Sequence[Action]) -> int:
    """Action points still unspent after the chosen orders."""
    actions = index(scenario).actions
    return scenario.rules.points_per_round - sum(actions[a.action_id].cost for a in chosen)


def legal_actions(state: GameState, scenario: Scenario, role: str,
                  chosen: Sequence[Action] = ()) -> list[Action]:
    """Every order `role` may add to `chosen` this round, in scenario order."""
    if state.phase != "orders" or role in state.orders or role not in state.support:
        return []
    ix = index(scenario)
    left = points_left(scenario, chosen)
    if left <= 0:  # every action costs at least 1; the AI asks once more after spending all
        return []
    taken = {(a.action_id, a.target) for a in chosen}
    # The other roles are the same targets for every role-aimed action: list them once,
    # since this function runs for every AI pick in the simulator.
    others = [r for r in ix.roles if r != role]
    out: list[Action] = []
    ms = state.milestones
    for spec, always_open, fixed, made, proposal in _role_table(ix, role):
        if spec.cost > left:
            continue
        if fixed is not None:  # always open, no commitment, targets that never change
            if proposal is not None:  # a plain milestone proposal: only the track can block it
                mid, requires, needed = proposal
                if ms[mid] == "operating" or state.progress[mid] < needed:
                    continue
                if requires and not all([ms[p] == "operating" for p in requires]):
                    continue
            out.extend([a for a in fixed if (a.action_id, a.target) not in taken] if taken else fixed)
            continue
        if not always_open and _blocked(state, ix, spec, role, chosen):
            continue
        aimed = spec.target
        for target in (others if aimed == "role" else _NO_TARGET if aimed == "none"
                       else targets(state, ix, spec, role)):
            if (taken and (spec.id, target) in taken) or (
                    spec.commitment is not None and _target_blocked(state, spec, role, target)):
                continue
            action = made.get(target)
            if action is None:
                action = made[target] = Action(role, spec.id, target)
            out.append(action)
    return out


_NO_TARGET = (None,)
_TABLES: dict[int, tuple[Index, dict[str, tuple]]] = {}


def _role_table(ix: Index, role: str) -> tuple[tuple, ...]:
    """Per role, each action with whether it can never be blocked, its Action values if
    they never change (always open, no commitment, aimed at a role or at nothing), and a
    store for the others.

    Actions are small frozen values, so one object per (role, action, target) is shared
    by every call; building them afresh was a large share of the simulator's time.
    """
    hit = _TABLES.get(id(ix))
    if hit is None or hit[0] is not ix:
        hit = _TABLES[id(ix)] = (ix, {})
    table = hit[1].get(role)
    if table is None:
        table = hit[1][role] = tuple(_row(ix, spec, role) for spec in ix.role_actions[role])
    return table


def _row(ix: Index, spec: ActionSpec, role: str) -> tuple:
    always_open = _always_open(spec)
    fixed = proposal = None
    if always_open and spec.commitment is None and spec.target in ("role", "none"):
        aims = [r for r in ix.roles if r != role] if spec.target == "role" else [None]
        fixed = tuple(Action(role, spec.id, t) for t in aims)
    elif _plain_proposal(spec) and role in ix.milestones[spec.establishes].parties:
        # The same checks as _proposal_blocked, minus the party test, which is fixed per role.
        m = ix.milestones[spec.establishes]
        fixed, proposal = (Action(role, spec.id, None),), (m.id, tuple(m.requires), m.progress_needed)
    return spec, always_open, fixed, {}, proposal


def _plain_proposal(spec: ActionSpec) -> bool:
    """A milestone proposal with no other requirement: `_blocked` only asks the track."""
    req = spec.requires
    return (bool(spec.establishes) and spec.target == "none" and spec.commitment is None
            and req.min_support is None and not req.operating and not req.not_operating
            and req.demand_standing is None and req.max_uses is None and not spec.makes_demand)


def _role_specs(ix: Index, role: str) -> frozenset[int]:
    """The identities of the specs open to a role (the table keeps the specs alive)."""
    hit = _SPECS.get(id(ix))
    if hit is None or hit[0] is not ix:
        hit = _SPECS[id(ix)] = (ix, {})
    found = hit[1].get(role)
    if found is None:
        found = hit[1][role] = frozenset(id(s) for s in ix.role_actions[role])
    return found


_SPECS: dict[int, tuple[Index, dict[str, frozenset[int]]]] = {}


def _always_open(spec: ActionSpec) -> bool:
    """True when `_blocked` can never find a reason to refuse this action."""
    req = spec.requires
    return (req.min_support is None and not req.operating and not req.not_operating
            and req.demand_standing is None and req.max_uses is None
            and not spec.makes_demand and not spec.establishes)


def check_action(state: GameState, scenario: Scenario, action: Action,
                 chosen: Sequence[Action] = ()) -> None:
    """Raise IllegalAction, with the reason, unless `action` may be added to `chosen`."""
    ix = index(scenario)
    spec = ix.actions.get(action.action_id)
    if spec is None:
        raise IllegalAction(f"unknown action {action.action_id!r}")
    if action.role not in ix.roles:
        raise IllegalAction(f"unknown role {action.role!r}")
    # Identity, not ==: pydantic's field-by-field __eq__ was a hot spot in every move check.
    if id(spec) not in _role_specs(ix, action.role):
        raise IllegalAction(f"{action.role} cannot take {spec.id}")
    if spec.cost > points_left(scenario, chosen):
        raise IllegalAction(f"{action.text()} costs {spec.cost}, more than the points left")
    reason = _blocked(state, ix, spec, action.role, chosen)
    if reason:
        raise IllegalAction(f"{action.text()}: {reason}")
    if action.target not in targets(state, ix, spec, action.role):
        raise IllegalAction(f"{action.text()}: not a valid target")
    if (spec.id, action.target) in {(a.action_id, a.target) for a in chosen}:
        raise IllegalAction(f"{action.text()}: already ordered this round")
    if _target_blocked(state, spec, action.role, action.target):
        raise IllegalAction(f"{action.text()}: that commitment is already in force")


def targets(state: GameState, ix: Index, spec: ActionSpec, role: str) -> list[str | None]:
    """The possible targets of an action for a role."""
    if spec.target == "role":
        return [r for r in ix.roles if r != role]
    if spec.target == "milestone":
        return [m for m, s in state.milestones.items()
                if s == "operating" and role in ix.milestones[m].parties]
    return [None]


def _blocked(state: GameState, ix: Index, spec: ActionSpec, role: str,
             chosen: Sequence[Action]) -> str | None:
    """Why the action is not open to this role now, or None if it is."""
    req = spec.requires
    if req.min_support is not None and state.support[role] < req.min_support:
        return f"needs domestic support {req.min_support}, has {state.support[role]}"
    ms = state.milestones
    for m in req.operating:
        if ms.get(m) != "operating":
            return f"needs {m} operating"
    for m in req.not_operating:
        if ms.get(m) == "operating":
            return f"not possible while {m} is operating"
    if req.demand_standing and (role, req.demand_standing) not in state.demands:
        return f"only while standing by the demand {req.demand_standing}"
    if spec.makes_demand and (role, spec.makes_demand) in state.demands:
        return "that demand is already standing"
    if req.max_uses is not None:
        used = sum(n for (r, a, _), n in state.uses.items() if r == role and a == spec.id)
        if used + sum(1 for a in chosen if a.action_id == spec.id) >= req.max_uses:
            return f"may be taken only {req.max_uses} time(s)"
    return _proposal_blocked(state, ix, spec, role) if spec.establishes else None


def _proposal_blocked(state: GameState, ix: Index, spec: ActionSpec, role: str) -> str | None:
    m = ix.milestones[spec.establishes]
    if role not in m.parties:
        return f"{role} is not a party to {m.id}"
    if state.milestones[m.id] == "operating":
        return f"{m.id} is already operating"
    for pre in m.requires:
        if state.milestones[pre] != "operating":
            return f"{m.id} needs {pre} operating first"
    if state.progress[m.id] < m.progress_needed:
        return f"{m.id} needs progress {m.progress_needed}, has {state.progress[m.id]}"
    return None


def _target_blocked(state: GameState, spec: ActionSpec, role: str, target: str | None) -> bool:
    """True if this would repeat a commitment already in force toward the same target."""
    if spec.commitment is None:
        return False
    return any(c.action_id == spec.id and c.actor == role and c.recipient == target
               and c.status == "active" for c in state.commitments)
