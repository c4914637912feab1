"""Rebuilding a game from a save, and verifying that a replay reproduces it exactly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.saves import SaveError, SaveFile, read_save, scenario_hash, state_digest
from game.engine.session import Note, Seat, Session
from game.model.actions import IllegalAction, move_from_text
from game.model.scenario import Scenario


def session_from_save(record: SaveFile, scenario: Scenario, source: Path | str) -> Session:
    """Rebuild the session a save describes; raise SaveError if it does not fit the scenario."""
    if record.scenario_id != scenario.id:
        raise SaveError(f"{source}: saved for scenario {record.scenario_id!r}, "
                        f"but the scenario given is {scenario.id!r}")
    seats = {r: Seat(s.human, s.persona) for r, s in record.seats.items()}
    notes = [Note(n.round, n.role, n.text) for n in record.notes]
    try:
        return Session.from_log(scenario, record.seed, seats,
                                [move_from_text(m) for m in record.moves], record.rounds, notes,
                                record.scenario_path)
    except (IllegalAction, ValueError, KeyError) as exc:
        raise SaveError(f"{source}: the saved moves do not replay on this scenario ({exc})") from None


@dataclass(frozen=True)
class Verdict:
    """The result of verifying a replay."""

    ok: bool
    message: str


def verify(path: Path, scenario: Scenario) -> Verdict:
    """Re-run a replay file and compare every ledger entry and the final state with it."""
    record = read_save(path)
    if record.scenario_hash != scenario_hash(scenario):
        return Verdict(False, f"{path}: the scenario has changed since this game was played "
                              f"(hash {record.scenario_hash[:12]} recorded, "
                              f"{scenario_hash(scenario)[:12]} now)")
    session = session_from_save(record, scenario, path)
    replayed = [e.text() for e in session.state.ledger]
    for i, (old, new) in enumerate(zip(record.ledger, replayed, strict=False)):
        if old != new:
            rnd = session.state.ledger[i].round
            return Verdict(False, f"diverges at ledger entry {i + 1} (round {rnd}):\n"
                                  f"  recorded: {old}\n  replayed: {new}")
    if len(record.ledger) != len(replayed):
        first_extra = min(len(record.ledger), len(replayed)) + 1
        return Verdict(False, f"ledger length differs: {len(record.ledger)} recorded, "
                              f"{len(replayed)} replayed (first extra entry {first_extra})")
    if record.state_digest != state_digest(session):
        return Verdict(False, "the ledger matches but the final state differs "
                              f"(round {record.round}/{session.state.round}, "
                              f"phase {record.phase}/{session.state.phase})")
    result = session.outcome()
    ending = f", ending: {result.ending_name}" if result else f", stopped in round {session.state.round}"
    return Verdict(True, f"verified: {len(record.moves)} moves and {len(replayed)} ledger entries "
                         f"reproduced exactly{ending}")
