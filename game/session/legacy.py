"""The ledger as version 1 and 2 saves wrote it: one fixed line of text per entry.

Saves before version 3 stored each ledger entry as a line such as
`trust.moscow.washington 26->28 (+2): action washington:brief_plans@moscow by washington:
Brief on programme plans`, with an English note, and hashed those lines into their state
digest. To verify such a save, the replayed entries are written in that fixed form again,
from their data and the scenario's names. It is a file format frozen in English, never
shown as prose: players read the ledger through `game.words`.
"""

from __future__ import annotations

from game.model.results import DetailKind, LedgerEntry
from game.model.scenario import Scenario


def legacy_line(scenario: Scenario, entry: LedgerEntry) -> str:
    """The line a version 1 or 2 save holds for `entry` (see the module docstring)."""
    who = f" by {entry.actor}" if entry.actor else ""
    return (f"{entry.meter} {entry.before}->{entry.after} ({entry.amount:+d}): "
            f"{entry.cause} {entry.source}{who}: {_note(scenario, entry)}")


def _note(sc: Scenario, entry: LedgerEntry) -> str:
    kind, args = entry.detail
    if kind in (DetailKind.NONE, DetailKind.REPEAT):
        if entry.cause == "event":
            return _event(sc, entry.source)
        name = sc.action(entry.source.partition(":")[2].partition("@")[0]).name
        return name + (f" (repeat {args[0]}: trust gains at {args[1]}%)" if args else "")
    if kind in (DetailKind.ACCEPTED, DetailKind.DECLINED):
        action = sc.action(entry.source.partition(":")[2].partition("@")[0])
        return f"{sc.role(args[0]).name} {kind}: {action.name}"
    return _NOTES[kind](sc, *args)


def _event(sc: Scenario, event_id: str) -> str:
    return next(e.title for e in sc.events if e.id == event_id)


def _milestone(sc: Scenario, milestone_id: str) -> str:
    return next(m.name for m in sc.milestones if m.id == milestone_id)


def _demand(sc: Scenario, demand_id: str) -> str:
    return next(d.name for d in sc.demands if d.id == demand_id)


def _eased(relief: int) -> str:
    return f" (eased by {relief} for insight and assurances received)" if relief else ""


_NOTES = {
    DetailKind.BROKE: lambda sc, a: f"broke: {sc.action(a).commitment.name}",
    DetailKind.KEPT: lambda sc, a: f"kept: {sc.action(a).commitment.name}",
    DetailKind.BACKED_DOWN: lambda sc, d, relief: (
        f"backed down from the public demand: {_demand(sc, d)}{_eased(relief)}"),
    DetailKind.DEMAND_MET: lambda sc, d: f"demand met: {_demand(sc, d)}",
    DetailKind.RATIFIED: lambda sc, ok: f"ratification {'passed' if ok else 'failed'}",
    DetailKind.OPERATING: lambda sc, m: f"{_milestone(sc, m)} is operating",
    DetailKind.SUSPENDED: lambda sc, m: f"{_milestone(sc, m)} suspended",
    DetailKind.GRIT: lambda sc, a, b: (f"{sc.role(a).name} and {sc.role(b).name} matched "
                                       "concessions this round (GRIT bonus)"),
    DetailKind.DRIFT: lambda sc, base: f"tension drifts toward {base}, set by the mean trust",
    DetailKind.BROUGHT_IN: lambda sc: "brought in by the facilitator",
}
