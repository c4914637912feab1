"""The one place meters change: every change is clamped to 0-100 and written to the ledger."""

from __future__ import annotations

from game.model.state import GameState, LedgerEntry


def change(state: GameState, meter: str, amount: int, cause: str, source: str,
           actor: str | None, note: str) -> int:
    """Change one meter of a state being built, record it, and return the actual change."""
    # The engine's innermost call, so: one look-up for the parsed name, and plain
    # comparisons for the clamp (min/max calls cost more than the arithmetic).
    kind, key = _PARSED.get(meter) or _parse(meter)
    meters = None if kind == "tension" else getattr(state, kind)  # trust, support or progress
    before = state.tension if meters is None else meters[key]
    after = before + amount
    if after > 100:
        after = 100
    elif after < 0:
        after = 0
    if after == before:
        return 0
    if meters is None:
        state.tension = after
        if after >= 100:
            state.breakdown = True
    else:
        meters[key] = after
    state.ledger.append(LedgerEntry(state.round, meter, before, after, after - before,
                                    cause, source, actor, note))
    return after - before


_PARSED: dict[str, tuple[str, object]] = {}


def _parse(meter: str) -> tuple[str, object]:
    """(kind, key) for a meter name, parsed once per name: `change` is the engine's
    innermost call, and splitting the same few names again and again was a hot spot."""
    hit = _PARSED.get(meter)
    if hit is None:
        kind, _, rest = meter.partition(".")
        if kind == "trust":
            a, _, b = rest.partition(".")
            hit = (kind, (a, b))
        elif kind in ("support", "progress"):
            hit = (kind, rest)
        elif kind == "tension":
            hit = (kind, None)
        else:
            raise KeyError(meter)
        _PARSED[meter] = hit
    return hit


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
