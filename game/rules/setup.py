"""Starting a game from a compiled scenario and a seed."""

from __future__ import annotations

from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.events import start_round
from game.rules.rng import derive_seed


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
        phase="orders",
        meters=list(game.start),
        layout=game.layout,
        milestones={m.id: "inactive" for m in scenario.milestones},
        demands=frozenset((d.role, d.demand) for d in scenario.start_demands),
        fog={(v, r): fog_offset(seed, v, r) for v in (*roles, None) for r in roles if v != r},
        seen={v: [] for v in (*roles, None)},
    )
    start_round(state, game)
    return state


def fog_offset(seed: int, viewer: str | None, role: str) -> float:
    """Where in `viewer`'s fog range `role`'s true support sits, 0.0-1.0 (viewer None: the
    public range): fixed for a game by its seed."""
    return (derive_seed(seed, 0, f"fog:{viewer or ''}:{role}") % 1000) / 1000
