"""A view's meters as they stood part-way through a round, read back from its ledger.

The results screen reveals a round's ledger one entry at a time, and must show the
state at the end of that round even though the game has already moved on (the next
round's event may have changed tension). Both come from the entries the view may see:
each entry knows its meter's value before and after it.
"""

from __future__ import annotations

from game.model.state import tension_band


def meters_at(view, round_no: int, shown: int | None = None) -> dict[str, int]:
    """meter -> value after the first `shown` visible entries of round `round_no` (None:
    all of them), for every meter that moved since then; other meters are as in `view`."""
    entries = view.ledger(round_no)
    later = [e for e in view.ledger() if e.round > round_no]
    undone = [] if shown is None else entries[shown:]
    values: dict[str, int] = {}
    for entry in reversed([*undone, *later]):
        values[entry.meter] = entry.before  # the earliest undone entry is applied last
    return values


def view_at(view, round_no: int, shown: int | None = None):
    """A copy of `view` with its meters as they stood after the first `shown` visible
    entries of round `round_no` (None: at the end of that round), and its round number."""
    values = meters_at(view, round_no, shown)
    tension = values.get("tension", view.tension)
    trust = {(a, b): values.get(f"trust.{a}.{b}", v) for (a, b), v in view.trust.items()}
    progress = {m: values.get(f"progress.{m}", v) for m, v in view.progress.items()}
    support = {}
    for role, (low, high) in view.support.items():
        shift = values.get(f"support.{role}", low) - low if low == high else 0
        support[role] = (low + shift, high + shift)
    return view.replace(round=round_no, tension=tension, band=tension_band(tension), trust=trust,
                        progress=progress, support=support)
