"""Starting a game from a scenario and a seed."""

from __future__ import annotations

from game.model.scenario import Scenario
from game.model.state import GameState
from game.rules.events import start_round


def new_game(scenario: Scenario, seed: int, rounds: int | None = None) -> GameState:
    """A new game in round 1, its opening event already applied."""
    if rounds is not None and not 1 <= rounds <= 40:
        raise ValueError(f"rounds must be between 1 and 40, not {rounds}")
    roles = scenario.role_ids
    r = scenario.rules
    trust = {(a, b): r.default_trust for a in roles for b in roles if a != b}
    for t in r.start_trust:
        trust[(t.from_, t.to)] = t.value
    state = GameState(
        scenario_id=scenario.id,
        seed=seed,
        rounds=rounds or scenario.rounds,
        round=1,
        phase="orders",
        tension=r.start_tension,
        trust=trust,
        support={role.id: role.start_support for role in scenario.roles},
        milestones={m.id: "inactive" for m in scenario.milestones},
        progress={m.id: 0 for m in scenario.milestones},
        transparency={(a, b): 0 for a in roles for b in roles if a != b},
        demands=frozenset((d.role, d.demand) for d in scenario.start_demands),
    )
    start_round(state, scenario)
    return state
