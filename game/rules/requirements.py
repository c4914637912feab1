"""The requirement rules: what must hold in the state before a role may order an action.

Each rule is one short function `rule(state, role, candidate) -> Refusal | None` that
reads only the state and the candidate order (never the draft of orders). `rules_for(spec)` lists the
rules an action's spec invokes; the compiled scenario stores that list with every order
a role could give, and `game.rules.legal` runs it.
"""

from __future__ import annotations

from collections.abc import Callable

from game.model.results import Refusal, RefusalKind, Status, Track, refusal
from game.model.scenario import ActionSpec
from game.model.state import GameState
from game.rules.tables import Candidate

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
SUPPORT = RefusalKind.SUPPORT
NEEDS_OPERATING = RefusalKind.NEEDS_OPERATING
WHILE_OPERATING = RefusalKind.WHILE_OPERATING
OWN_DEMAND = RefusalKind.OWN_DEMAND
DEMAND_STANDING = RefusalKind.DEMAND_STANDING
USES = RefusalKind.USES
NOT_A_PARTY = RefusalKind.NOT_A_PARTY
ALREADY_OPERATING = RefusalKind.ALREADY_OPERATING
NEEDS_FIRST = RefusalKind.NEEDS_FIRST
PROGRESS = RefusalKind.PROGRESS
TARGET_NOT_OPERATING = RefusalKind.TARGET_NOT_OPERATING
IN_FORCE = RefusalKind.IN_FORCE
BEFORE_ROUND = RefusalKind.BEFORE_ROUND
TARGET_DEMAND = RefusalKind.TARGET_DEMAND
NEEDS_COMMITMENT = RefusalKind.NEEDS_COMMITMENT
ACTIVE, KEPT = Status.ACTIVE, Status.KEPT
OPERATING = Track.OPERATING


def enough_support(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """An action with `min_support` needs at least that much domestic support."""
    need = cand.row.spec.requires.min_support
    has = state.support[role]
    if has < need:
        return refusal(SUPPORT, need, has)
    return None


def milestones_operating(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """Every milestone the action `requires.operating` must be operating."""
    for m in cand.row.spec.requires.operating:
        if state.milestones[m] != OPERATING:
            return refusal(NEEDS_OPERATING, m)
    return None


def milestones_not_operating(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """No milestone in `requires.not_operating` may be operating."""
    for m in cand.row.spec.requires.not_operating:
        if state.milestones[m] == OPERATING:
            return refusal(WHILE_OPERATING, m)
    return None


def own_demand_standing(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """An action with `demand_standing` is open only while the role stands by that demand."""
    demand = cand.row.spec.requires.demand_standing
    if (role, demand) not in state.demands:
        return refusal(OWN_DEMAND, demand)
    return None


def demand_not_yet_made(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """A role cannot make a public demand it already stands by."""
    demand = cand.row.spec.makes_demand
    if (role, demand) in state.demands:
        return refusal(DEMAND_STANDING, demand)
    return None


def uses_left(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """An action with `max_uses` may be taken only that many times in a game."""
    limit = cand.row.limit
    if times_taken(state, role, cand.action.action_id) >= limit:
        return refusal(USES, limit)
    return None


def times_taken(state: GameState, role: str, action_id: str) -> int:
    """How many times `role` has taken an action in earlier rounds, at any target."""
    return sum(n for (r, a, _), n in state.uses.items() if r == role and a == action_id)


def proposal_ready(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """A milestone may be proposed by its parties, once its prerequisites operate and its
    progress is complete, unless it is already operating."""
    m = cand.row.proposes
    if role not in m.parties:
        return refusal(NOT_A_PARTY, role, m.id)
    if state.milestones[m.id] == OPERATING:
        return refusal(ALREADY_OPERATING, m.id)
    for pre in m.requires:
        if state.milestones[pre] != OPERATING:
            return refusal(NEEDS_FIRST, m.id, pre)
    progress = state.meters[cand.row.progress_meter]
    if progress < m.progress_needed:
        return refusal(PROGRESS, m.id, m.progress_needed, progress)
    return None


def target_operating(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """An action aimed at a milestone needs that milestone operating."""
    if state.milestones[cand.action.target] != OPERATING:
        return refusal(TARGET_NOT_OPERATING, cand.action.target)
    return None


def commitment_not_in_force(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """A role cannot repeat a commitment it already has in force toward the same target."""
    action = cand.action
    for c in state.commitments:
        if (c.status == ACTIVE and c.actor == role and c.action_id == action.action_id
                and c.recipient == action.target):
            return refusal(IN_FORCE, action.action_id, action.target)
    return None


def earliest_round(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """An action with `from_round` is closed before that round."""
    first = cand.row.spec.requires.from_round
    if state.round < first:
        return refusal(BEFORE_ROUND, first)
    return None


def target_holds_demand(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """An action with `target_demands` is open only toward a role standing by that demand."""
    demand = cand.row.spec.requires.target_demands
    if (cand.action.target, demand) not in state.demands:
        return refusal(TARGET_DEMAND, demand)
    return None


def commitment_received(state: GameState, role: str, cand: Candidate) -> Refusal | None:
    """An action with `received_commitment` needs the role to hold a commitment made by that
    action, still running or kept."""
    needed = cand.row.spec.requires.received_commitment
    if not holds_commitment(state, role, needed):
        return refusal(NEEDS_COMMITMENT, role, needed)
    return None


#: The statuses of a commitment its recipient still holds.
_HELD = (ACTIVE, KEPT)


def holds_commitment(state: GameState, role: str, action_id: str) -> bool:
    """True if `role` has received a commitment made by `action_id`, running or kept."""
    return any(c.recipient == role and c.action_id == action_id and c.status in _HELD
               for c in state.commitments)


def rules_for(spec: ActionSpec) -> tuple[Callable, ...]:
    """The requirement rules an action's spec invokes, in the order their reasons are given."""
    req = spec.requires
    wanted = (
        (req.min_support is not None, enough_support),
        (bool(req.operating), milestones_operating),
        (bool(req.not_operating), milestones_not_operating),
        (req.demand_standing is not None, own_demand_standing),
        (spec.makes_demand is not None, demand_not_yet_made),
        (req.max_uses is not None, uses_left),
        (spec.establishes is not None, proposal_ready),
        (spec.target == "milestone", target_operating),
        (spec.commitment is not None, commitment_not_in_force),
        (req.from_round is not None, earliest_round),
        (req.target_demands is not None, target_holds_demand),
        (req.received_commitment is not None, commitment_received),
    )
    return tuple(rule for applies, rule in wanted if applies)
