"""The one place meters change: every change is clamped and written to the ledger.

Every meter runs from 0 to its `high` in the compiled scenario: 100 for tension, trust,
support and progress; for transparency, the number of measures that make the fog as
narrow as it gets (see `game.rules.compiled.transparency_high`).
"""

from __future__ import annotations

from game.model.results import Cause, Detail
from game.model.state import GameState, LedgerEntry
from game.rules.compiled import CompiledScenario


def change(state: GameState, game: CompiledScenario, meter: int, amount: int, cause: Cause,
           source: str, actor: str | None, detail: Detail) -> int:
    """Change meter number `meter` of a state being built by `amount`, clamped; record the
    change in the ledger (with its cause, source, actor and detail: see
    `game.model.results`) and return the change actually made."""
    name, _, _, high, viewers = game.meters[meter]
    values = state.meters
    before = values[meter]
    after = max(0, min(high, before + amount))
    if after == before:
        return 0
    values[meter] = after
    if meter == 0:  # tension: a breakdown at the top of the scale
        state.breakdown = state.breakdown or after >= 100
    entry = LedgerEntry(state.round, name, before, after, after - before, cause, source, actor,
                        detail)
    state.ledger.append(entry)
    for viewer in viewers:
        state.seen[viewer].append(entry)
    return after - before
