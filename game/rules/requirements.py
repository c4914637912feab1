"""The requirement rules: what must hold in the state before a role may order an action.

Each rule is one short function `rule(state, role, candidate) -> reason | None` that
reads only the state and the candidate order (never the draft of orders). `rules_for(spec)` lists the
rules an action's spec invokes; the compiled scenario stores that list with every order
a role could give, and `game.rules.legal` runs it.
"""

from __future__ import annotations

from collections.abc import Callable

from game.model.scenario import ActionSpec
from game.model.state import GameState
from game.rules.tables import Candidate


def enough_support(state: GameState, role: str, cand: Candidate) -> str | None:
    """An action with `min_support` needs at least that much domestic support."""
    need = cand.row.spec.requires.min_support
    if state.support[role] < need:
        return f"needs domestic support {need}, has {state.support[role]}"
    return None


def milestones_operating(state: GameState, role: str, cand: Candidate) -> str | None:
    """Every milestone the action `requires.operating` must be operating."""
    for m in cand.row.spec.requires.operating:
        if state.milestones[m] != "operating":
            return f"needs {m} operating"
    return None


def milestones_not_operating(state: GameState, role: str, cand: Candidate) -> str | None:
    """No milestone in `requires.not_operating` may be operating."""
    for m in cand.row.spec.requires.not_operating:
        if state.milestones[m] == "operating":
            return f"not possible while {m} is operating"
    return None


def own_demand_standing(state: GameState, role: str, cand: Candidate) -> str | None:
    """An action with `demand_standing` is open only while the role stands by that demand."""
    demand = cand.row.spec.requires.demand_standing
    if (role, demand) not in state.demands:
        return f"only while standing by the demand {demand}"
    return None


def demand_not_yet_made(state: GameState, role: str, cand: Candidate) -> str | None:
    """A role cannot make a public demand it already stands by."""
    if (role, cand.row.spec.makes_demand) in state.demands:
        return "that demand is already standing"
    return None


def uses_left(state: GameState, role: str, cand: Candidate) -> str | None:
    """An action with `max_uses` may be taken only that many times in a game."""
    limit = cand.row.limit
    if times_taken(state, role, cand.action.action_id) >= limit:
        return f"may be taken only {limit} time(s)"
    return None


def times_taken(state: GameState, role: str, action_id: str) -> int:
    """How many times `role` has taken an action in earlier rounds, at any target."""
    return sum(n for (r, a, _), n in state.uses.items() if r == role and a == action_id)


def proposal_ready(state: GameState, role: str, cand: Candidate) -> str | None:
    """A milestone may be proposed by its parties, once its prerequisites operate and its
    progress is complete, unless it is already operating."""
    m = cand.row.proposes
    if role not in m.parties:
        return f"{role} is not a party to {m.id}"
    if state.milestones[m.id] == "operating":
        return f"{m.id} is already operating"
    for pre in m.requires:
        if state.milestones[pre] != "operating":
            return f"{m.id} needs {pre} operating first"
    progress = state.meters[cand.row.progress_meter]
    if progress < m.progress_needed:
        return f"{m.id} needs progress {m.progress_needed}, has {progress}"
    return None


def target_operating(state: GameState, role: str, cand: Candidate) -> str | None:
    """An action aimed at a milestone needs that milestone operating."""
    if state.milestones[cand.action.target] != "operating":
        return "not a valid target"
    return None


def commitment_not_in_force(state: GameState, role: str, cand: Candidate) -> str | None:
    """A role cannot repeat a commitment it already has in force toward the same target."""
    action = cand.action
    for c in state.commitments:
        if (c.status == "active" and c.actor == role and c.action_id == action.action_id
                and c.recipient == action.target):
            return "that commitment is already in force"
    return None


def earliest_round(state: GameState, role: str, cand: Candidate) -> str | None:
    """An action with `from_round` is closed before that round."""
    first = cand.row.spec.requires.from_round
    if state.round < first:
        return f"not before round {first}"
    return None


def target_holds_demand(state: GameState, role: str, cand: Candidate) -> str | None:
    """An action with `target_demands` is open only toward a role standing by that demand."""
    demand = cand.row.spec.requires.target_demands
    if (cand.action.target, demand) not in state.demands:
        return f"only toward a delegation standing by the demand {demand}"
    return None


def commitment_received(state: GameState, role: str, cand: Candidate) -> str | None:
    """An action with `received_commitment` needs the role to hold a commitment made by that
    action, still running or kept."""
    needed = cand.row.spec.requires.received_commitment
    if not holds_commitment(state, role, needed):
        return f"needs {role} to hold a commitment made by {needed} first"
    return None


def holds_commitment(state: GameState, role: str, action_id: str) -> bool:
    """True if `role` has received a commitment made by `action_id`, running or kept."""
    return any(c.recipient == role and c.action_id == action_id and c.status in ("active", "kept")
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
