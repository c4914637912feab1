"""The one place meters change: every change is clamped to 0-100 and written to the ledger."""

from __future__ import annotations

from game.model.state import GameState, LedgerEntry


def change(state: GameState, meter: str, amount: int, cause: str, source: str,
           actor: str | None, note: str) -> int:
    """Change one meter of a state being built, record it, and return the actual change."""
    before = state.meter(meter)
    after = min(100, max(0, before + amount))
    if after == before:
        return 0
    _store(state, meter, after)
    state.ledger.append(LedgerEntry(state.round, meter, before, after, after - before,
                                    cause, source, actor, note))
    if meter == "tension" and after >= 100:
        state.breakdown = True
    return after - before


def _store(state: GameState, meter: str, value: int) -> None:
    kind, _, rest = meter.partition(".")
    if kind == "tension":
        state.tension = value
    elif kind == "trust":
        a, _, b = rest.partition(".")
        state.trust[(a, b)] = value
    elif kind == "support":
        state.support[rest] = value
    elif kind == "progress":
        state.progress[rest] = value
    else:
        raise KeyError(meter)


def round_entries(state: GameState, round_no: int) -> list[LedgerEntry]:
    """The ledger entries made in one round."""
    return [e for e in state.ledger if e.round == round_no]


def group_by_cause(entries: list[LedgerEntry]) -> list[tuple[str, list[LedgerEntry]]]:
    """Entries grouped by (cause, source, actor), in the order each group first appears."""
    groups: dict[tuple[str, str, str | None], list[LedgerEntry]] = {}
    for e in entries:
        groups.setdefault((e.cause, e.source, e.actor), []).append(e)
    return [(_group_title(k), v) for k, v in groups.items()]


def _group_title(key: tuple[str, str, str | None]) -> str:
    cause, source, actor = key
    return f"{cause}: {source}" + (f" ({actor})" if actor and actor not in source else "")
