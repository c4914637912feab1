"""Which orders a role may give, and why any other order is illegal.

Legality has two layers. What is *open* to a role depends only on the state: support,
the cooperation track, standing demands and commitments in force. Which open actions
may still be *added* to a draft depends only on the draft: points left, no repeats,
and usage limits. So the open list is computed once per role and footing (the simulator
asks several times per round, and the other roles' orders never change it) and every
draft narrows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.model.actions import Action, IllegalAction
from game.model.scenario import ActionSpec, Scenario
from game.model.state import GameState
from game.rules.aims import aim_targets
from game.rules.index import Index, index
from game.rules.prerequisites import (
    has_new_requirements,
    round_or_commitment_block,
    target_block,
    target_open,
)


def points_left(scenario: Scenario, chosen: Sequence[Action]) -> int:
    """Action points still unspent after the chosen orders."""
    actions = index(scenario).actions
    return scenario.rules.points_per_round - sum(actions[a.action_id].cost for a in chosen)


def legal_actions(state: GameState, scenario: Scenario, role: str,
                  chosen: Sequence[Action] = ()) -> list[Action]:
    """Every order `role` may add to `chosen` this round, in scenario order."""
    if state.phase != "orders" or role in state.orders or role not in state.support:
        return []
    opened = _open_entries(state, scenario, role)
    if not chosen:
        return [entry[0] for entry in opened]
    left = points_left(scenario, chosen)
    if left <= 0:  # every action costs at least one point
        return []
    taken = {(a.action_id, a.target) for a in chosen}
    return [action for action, cost, spec, key in opened if cost <= left and key not in taken
            and (spec is None or _within_uses(state, spec, role, chosen))]


#: The last open list per role, with the state it was computed for. The state is held,
#: so its id cannot be reused while the entry lives; states are never changed once made.
_OPEN: dict[tuple[int, str], tuple[GameState, tuple]] = {}


def _same_footing(a: GameState, b: GameState) -> bool:
    """True if everything openness reads is equal: the orders of other roles never matter.

    Moves that only give orders or answers share these containers with the state before
    (`GameState.shallow`), so the identity tests settle most calls without comparing."""
    return a is b or (a.round == b.round and _same(a.support, b.support) and _same(a.milestones, b.milestones)
                      and _same(a.progress, b.progress) and a.demands == b.demands
                      and a.commitments == b.commitments and _same(a.uses, b.uses))


def _same(x: dict, y: dict) -> bool:
    return x is y or x == y


def open_actions(state: GameState, scenario: Scenario, role: str) -> tuple[Action, ...]:
    """Every action open to `role` in this state before anything is drafted."""
    return tuple(entry[0] for entry in _open_entries(state, scenario, role))


def _open_entries(state: GameState, scenario: Scenario, role: str) -> tuple[tuple, ...]:
    """(action, cost, spec if it has a usage limit, (action id, target)) for every open action,
    cached per footing."""
    key = (id(scenario), role)
    hit = _OPEN.get(key)
    if hit is not None and _same_footing(hit[0], state):
        return hit[1]
    _OPEN[key] = (state, _find_open(state, index(scenario), role))
    return _OPEN[key][1]


def _find_open(state: GameState, ix: Index, role: str) -> tuple[tuple, ...]:
    """The open entries, worked out afresh: once a round per role."""
    found: list[tuple] = []
    in_force = None  # (action id, recipient) of the role's active commitments, found once
    for spec, fixed, entries, required in _rows(ix, role):
        if fixed:
            found.extend(entries)
        elif not ((required and _required(state, spec, role))  # the order _blocked tests in
                  or (spec.establishes and _proposal_blocked(state, ix, spec, role))):
            if entries is None:  # milestone targets depend on what is operating
                entries = _entries(spec, role, targets(state, ix, spec, role))
            if spec.requires.target_demands:
                entries = [e for e in entries if target_open(state, spec, e[0].target)]
            if spec.commitment is not None:  # as _target_blocked, for every target at once
                if in_force is None:
                    in_force = {(c.action_id, c.recipient) for c in state.commitments
                                if c.actor == role and c.status == "active"}
                entries = [e for e in entries if e[3] not in in_force]
            found.extend(entries)
    return tuple(found)


_ROWS: dict[tuple[int, str], tuple[Index, tuple]] = {}


def _rows(ix: Index, role: str) -> tuple[tuple[ActionSpec, bool, tuple | None, bool], ...]:
    """Per role, each action, whether nothing can ever block it, its entries made in
    advance unless its targets depend on the state (milestones), and whether it has
    requirements of its own: a miss of the open-list cache then only tests what can
    block, and builds nothing."""
    hit = _ROWS.get((id(ix), role))
    if hit is None or hit[0] is not ix:
        # A proposal of a milestone the role is no party to can never be open: left out.
        rows = tuple(_row(ix, spec, role) for spec in ix.role_actions[role]
                     if not spec.establishes or role in ix.milestones[spec.establishes].parties)
        hit = _ROWS[(id(ix), role)] = (ix, rows)
    return hit[1]


def _row(ix: Index, spec: ActionSpec, role: str) -> tuple[ActionSpec, bool, tuple | None, bool]:
    req = spec.requires
    fixed = not (req.min_support is not None or req.operating or req.not_operating
                 or req.max_uses or req.demand_standing or spec.makes_demand or spec.establishes
                 or spec.commitment is not None or spec.target == "milestone"
                 or has_new_requirements(spec))
    required = _has_requirements(spec)
    if spec.target == "milestone":
        return spec, fixed, None, required
    aims = aim_targets(spec, role, ix.roles) if spec.target == "role" else [None]
    # An action that can never be blocked has no usage limit to check (see `fixed`).
    return spec, fixed, (tuple((_interned(role, spec.id, t), spec.cost, None, (spec.id, t))
                               for t in aims) if fixed else _entries(spec, role, aims)), required


def _entries(spec: ActionSpec, role: str, aims: list[str | None]) -> tuple[tuple, ...]:
    """Open-list entries for an action aimed at each of `aims`."""
    limited = spec if spec.requires.max_uses is not None else None
    return tuple((_interned(role, spec.id, t), spec.cost, limited, (spec.id, t)) for t in aims)


_ACTIONS: dict[tuple[str, str, str | None], Action] = {}


def _interned(role: str, action_id: str, target: str | None) -> Action:
    """One shared Action per (role, action, target): they are frozen values, and callers
    such as the AI memoise by identity, which fresh copies every round would defeat."""
    key = (role, action_id, target)
    action = _ACTIONS.get(key)
    if action is None:
        action = _ACTIONS[key] = Action(role, action_id, target)
    return action


def check_orders(state: GameState, scenario: Scenario, role: str,
                 actions: Sequence[Action]) -> None:
    """Raise IllegalAction, with the first reason, unless `actions` are valid orders for `role`.

    One pass over the open list, spending points as it goes: the same test as checking
    each action against the ones before it, without asking again for every action."""
    opened = {key: (cost, spec) for _, cost, spec, key in _open_entries(state, scenario, role)}
    left = scenario.rules.points_per_round
    taken: set[tuple[str, str | None]] = set()
    for i, action in enumerate(actions):
        key = (action.action_id, action.target)
        found = opened.get(key) if action.role == role else None
        if (found is None or found[0] > left or key in taken
                or (found[1] is not None and not _within_uses(state, found[1], role, actions[:i]))):
            raise IllegalAction(why_illegal(state, scenario, action, actions[:i]))
        left -= found[0]
        taken.add(key)


def check_action(state: GameState, scenario: Scenario, action: Action,
                 chosen: Sequence[Action] = ()) -> None:
    """Raise IllegalAction, with the reason, unless `action` may be added to `chosen`."""
    legal = legal_actions(state, scenario, action.role, chosen)
    # Identity first: drafted orders are usually the very objects the legal list holds.
    if any(a is action for a in legal) or action in legal:
        return
    raise IllegalAction(why_illegal(state, scenario, action, chosen))


def why_illegal(state: GameState, scenario: Scenario, action: Action,
                chosen: Sequence[Action] = ()) -> str:
    """The reason an action may not be added to `chosen` (for messages, not for speed)."""
    ix = index(scenario)
    spec = ix.actions.get(action.action_id)
    if spec is None:
        return f"unknown action {action.action_id!r}"
    if action.role not in ix.roles:
        return f"unknown role {action.role!r}"
    if state.phase != "orders" or action.role in state.orders:
        return f"{action.role} cannot give orders now"
    if spec not in ix.role_actions[action.role]:
        return f"{action.role} cannot take {spec.id}"
    if spec.cost > points_left(scenario, chosen):
        return f"{action.text()} costs {spec.cost}, more than the points left"
    reason = _blocked(state, ix, spec, action.role) or (
        None if _within_uses(state, spec, action.role, chosen)
        else f"may be taken only {spec.requires.max_uses} time(s)")
    if reason:
        return f"{action.text()}: {reason}"
    if action.target not in targets(state, ix, spec, action.role):
        return f"{action.text()}: not a valid target"
    if target_block(state, spec, action.target):
        return f"{action.text()}: {target_block(state, spec, action.target)}"
    if (spec.id, action.target) in {(a.action_id, a.target) for a in chosen}:
        return f"{action.text()}: already ordered this round"
    return f"{action.text()}: that commitment is already in force"


def targets(state: GameState, ix: Index, spec: ActionSpec, role: str) -> list[str | None]:
    """The possible targets of an action for a role."""
    if spec.target == "role":
        return aim_targets(spec, role, ix.roles)
    if spec.target == "milestone":
        return [m for m, s in state.milestones.items()
                if s == "operating" and role in ix.milestones[m].parties]
    return [None]


def _within_uses(state: GameState, spec: ActionSpec, role: str, chosen: Sequence[Action]) -> bool:
    """True unless the action's lifetime limit is reached, counting the draft."""
    limit = spec.requires.max_uses
    if limit is None:
        return True
    used = sum(n for (r, a, _), n in state.uses.items() if r == role and a == spec.id)
    return used + sum(1 for a in chosen if a.action_id == spec.id) < limit


def _blocked(state: GameState, ix: Index, spec: ActionSpec, role: str) -> str | None:
    """Why the action is not open to this role in this state, or None if it is."""
    return _required(state, spec, role) or (
        _proposal_blocked(state, ix, spec, role) if spec.establishes else None)


def _has_requirements(spec: ActionSpec) -> bool:
    """False if `_required` can never find a reason for this action."""
    req = spec.requires
    return bool(req.min_support is not None or req.operating or req.not_operating
                or req.demand_standing or spec.makes_demand or req.max_uses is not None
                or req.from_round or req.received_commitment)


def _required(state: GameState, spec: ActionSpec, role: str) -> str | None:
    """Why the action's own requirements keep it closed, or None if they are met."""
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
    if req.max_uses is not None and not _within_uses(state, spec, role, ()):
        return f"may be taken only {req.max_uses} time(s)"
    return round_or_commitment_block(state, spec, role)


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
