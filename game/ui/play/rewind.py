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


def board_at(view, start, round_no: int, shown: int):
    """The board part-way through reading round `round_no`'s ledger: `view` (the game as
    it is now) with every part as it stood after the first `shown` visible entries.

    Meters are read back from the entries (`view_at`). What the ledger does not carry as
    a value changes at the entry that goes with it: a commitment made, kept or broken, a
    milestone starting to operate or suspended; without such an entry, at the end of the
    reading. Until then those parts, the fog ranges and the game's phase are as in
    `start`, the view as the round's talks began (None: unknown, as after a resume; the
    meters are still read back)."""
    out = view_at(view, round_no, shown)
    if start is None:
        return out
    entries = view.ledger(round_no)
    support = {r: out.support[r] if _exact(start, view, r) else start.support[r]
               for r in view.support}
    return out.replace(phase=start.phase, support=support,
                       commitments=_commitments_at(start, view, entries, shown),
                       milestones=_milestones_at(start, view, entries, shown))


def _exact(start, view, role: str) -> bool:
    """True when this view sees `role`'s support exactly (then its entries move it)."""
    return start.support[role][0] == start.support[role][1] and \
        view.support[role][0] == view.support[role][1]


def _commitments_at(start, view, entries, shown: int) -> tuple:
    before = {c.key: c for c in start.commitments}
    out = []
    for c in view.commitments:
        old = before.get(c.key)
        if old == c or _revealed(_commitment_entry(c, old, entries), entries, shown):
            out.append(c)
        elif old is not None:
            out.append(old)
    return tuple(out)


def _commitment_entry(c, old, entries) -> int | None:
    """The index of the entry that goes with a commitment's change this round."""
    action = c.key.split("#")[0]
    if old is None:  # made this round: once its action's entries are read
        found = [i for i, e in enumerate(entries) if e.source == action and e.cause != "commitment"]
        return found[-1] if found else None
    trust = f"trust.{c.recipient}.{c.actor}"
    kept = c.status == "kept"
    return next((i for i, e in enumerate(entries) if e.cause == "commitment" and e.meter == trust
                 and (e.source == action) == kept), None)


def _milestones_at(start, view, entries, shown: int):
    out = dict(view.milestones)
    for m, status in view.milestones.items():
        was = start.milestones.get(m, status)
        if was != status and not _revealed(_milestone_entry(m, status, entries), entries, shown):
            out[m] = was
    return out


def _milestone_entry(m: str, status: str, entries) -> int | None:
    """The index of the entry that goes with a milestone starting to operate (its own
    effects) or being suspended (the withdrawal's effects)."""
    if status == "operating":
        return next((i for i, e in enumerate(entries) if e.cause == "milestone" and e.source == m),
                    None)
    return next((i for i, e in enumerate(entries) if e.cause == "milestone" and e.actor), None)


def _revealed(index: int | None, entries, shown: int) -> bool:
    """True once the entry at `index` has been read (no entry: at the end of the reading)."""
    return shown >= (len(entries) if index is None else index + 1)
