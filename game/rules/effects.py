"""Apply a scenario's effects, compiled into meter rows (see `game.rules.effect_rows`)."""

from __future__ import annotations

from game.model.results import Cause, Detail
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.ledger import change
from game.rules.tables import Change

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.



def apply_changes(state: GameState, game: CompiledScenario, rows: tuple[Change, ...], cause: Cause,
                  source: str, actor: str | None, detail: Detail,
                  gain_percent: int = 100) -> None:
    """Apply each row to a state being built, writing the ledger with this cause.

    A trust gain is scaled by `gain_percent` (trust is slow to build, and repeats earn
    less); progress stops at what its milestone needs."""
    for meter, amount, scaled, cap in rows:
        if scaled:
            amount = (amount * gain_percent + 50) // 100
        if cap is not None:
            amount = min(amount, cap - state.meters[meter])
        change(state, game, meter, amount, cause, source, actor, detail)
