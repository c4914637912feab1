"""Starting a game from a compiled scenario and a seed."""

from __future__ import annotations

from game.model.results import Phase, Track
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.events import start_round


def new_game(game: CompiledScenario, seed: int, rounds: int | None = None) -> GameState:
    """A new game in round 1, its opening event already applied; ValueError if `rounds`
    is outside 1-40."""
    if rounds is not None and not 1 <= rounds <= 40:
        raise ValueError(f"rounds must be between 1 and 40, not {rounds}")
    scenario = game.scenario
    roles = game.roles
    state = GameState(
        scenario_id=scenario.id,
        seed=seed,
        rounds=rounds or scenario.rounds,
        round=1,
        phase=Phase.ORDERS,
        meters=list(game.start),
        layout=game.layout,
        milestones={m.id: Track.INACTIVE for m in scenario.milestones},
        demands=frozenset((d.role, d.demand) for d in scenario.start_demands),
        seen={v: [] for v in (*roles, None)},
    )
    start_round(state, game)
    return state

