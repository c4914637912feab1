"""Rebuilding a game from a save, and verifying that a replay reproduces it exactly.

`scenario_for` picks the scenario a saved game is rebuilt with: the one kept in the
save (a version 2 save always has it), else the file on disk (a version 1 save), or
one given on the command line; it also words the notice to show when the scenario
file on disk is no longer the one the game was played with.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.ai import persona_problem
from game.authoring.file_text import MAX_BYTES
from game.authoring.loader import ScenarioError, load_scenario_text
from game.authoring.scenarios import load_for_play, locate
from game.files.bounded import ReadRefused, read_regular
from game.model.actions import IllegalAction, move_from_text
from game.model.results import Reason
from game.model.scenario import Scenario
from game.resources import bundled
from game.session.saves import (
    SaveError,
    SaveFile,
    digest_matches,
    edited,
    ledgers,
    read_save,
    scenario_hash,
)
from game.session.session import Note, Seat, Session
from game.words import _, ngettext, outcome_name, refusal_line


def session_from_save(record: SaveFile, scenario: Scenario, source: Path | str) -> Session:
    """Rebuild the session a save describes; raise SaveError if it does not fit the scenario."""
    _check_fit(record, scenario, source)
    seats = {r: Seat(s.human, s.persona) for r, s in record.seats.items()}
    notes = None if record.notes is None else [
        Note(n.round, n.role, n.action, Reason.from_data(n.reason),
             None if n.audience is None else tuple(n.audience)) for n in record.notes]
    try:
        return Session.from_log(scenario, record.seed, seats,
                                [move_from_text(m) for m in record.moves], record.rounds, notes,
                                record.scenario_path)
    except (IllegalAction, ValueError, KeyError, IndexError, TypeError) as exc:
        why = (refusal_line(scenario, exc.refusal, exc.action) if isinstance(exc, IllegalAction)
               else exc)
        raise SaveError(_("{path}: the saved moves do not replay on this scenario ({why}); the "
                          "file was left untouched").format(path=source, why=why)) from None


def verified_session(record: SaveFile, scenario: Scenario, source: Path | str) -> Session:
    """`session_from_save`, then the save's own proof (see `saves.edited`): SaveError in one
    line if the file was changed after the game wrote it. Only for the scenario the game
    was played with; a scenario given instead would make every check fail."""
    session = session_from_save(record, scenario, source)
    problem = edited(record, session)
    if problem:
        raise SaveError(_("{path}: this save is not what the game wrote ({problem}); it was left "
                          "untouched. See where with: python main.py replay {path}")
                        .format(path=source, problem=problem))
    return session


def rebuild(record: SaveFile, scenario: Scenario, source: Path | str,
            given: str | Path | None = None) -> Session:
    """The game a save describes, proved (`verified_session`) whenever it can be: always
    when it is rebuilt with the scenario kept in the save, or with a scenario `given`
    instead that is the same one. A 0.1 save (no scenario kept) or another scenario given
    on purpose is only replayed."""
    played = record.scenario is not None and (
        given is None or scenario_hash(scenario) == record.scenario_hash)
    return (verified_session if played else session_from_save)(record, scenario, source)


def _check_fit(record: SaveFile, scenario: Scenario, source: Path | str) -> None:
    """The save's seats, personas and notes must name this scenario's roles exactly."""
    if record.scenario_id != scenario.id:
        raise SaveError(_("{path}: saved for scenario {saved}, but the scenario given is "
                          "{given}").format(path=source, saved=repr(record.scenario_id),
                                            given=repr(scenario.id)))
    roles = set(scenario.role_ids)
    extra, missing = sorted(set(record.seats) - roles), sorted(roles - set(record.seats))
    if extra or missing:
        if extra:
            raise SaveError(ngettext(
                "{path}: the save is damaged: it has seats for roles the scenario does not "
                "have ({roles}); the file was left untouched",
                "{path}: the save is damaged: it has seats for roles the scenario does not "
                "have ({roles}); the file was left untouched", len(extra)).format(
                    path=source, roles=", ".join(extra)))
        raise SaveError(_("{path}: the save is damaged: it has no seat for {roles}; the file "
                          "was left untouched").format(path=source, roles=", ".join(missing)))
    for role, seat in record.seats.items():
        problem = None if seat.human else persona_problem(seat.persona)
        if problem:
            raise SaveError(_("{path}: the seat of {role} is damaged ({problem})").format(
                path=source, role=role, problem=problem))
    stray = sorted({n.role for n in record.notes or ()} - roles)
    if stray:
        raise SaveError(_("{path}: the save is damaged: it has notes for unknown roles "
                          "({roles})").format(path=source, roles=", ".join(stray)))


def scenario_for(record: SaveFile, source: Path | str,
                 override: str | Path | None = None) -> tuple[Scenario, str | None]:
    """The scenario to rebuild a saved game with, and a one-line notice or None.

    Raises SaveError, or ScenarioLoadError for a scenario file that cannot be loaded."""
    if override is not None:
        scenario = load_for_play(override)
        if scenario_hash(scenario) == record.scenario_hash:
            return scenario, None
        return scenario, _("note: {path} is not the scenario this game was played with; "
                           "using it as asked").format(path=override)
    if record.scenario is not None:
        return embedded_scenario(record, source), scenario_drift(record)
    path = scenario_file(record)
    scenario = load_for_play(path)
    if scenario_hash(scenario) == record.scenario_hash:
        return scenario, None
    return scenario, _("note: {path} has changed since this game was saved by version 0.1, "
                       "which kept no copy of it; the game is rebuilt with the file as it is "
                       "now").format(path=path)


def embedded_scenario(record: SaveFile, source: Path | str) -> Scenario:
    """The scenario kept in a save, validated again (SaveError if it is damaged)."""
    try:
        return Scenario.model_validate(record.scenario, by_alias=True, by_name=False)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "<root>"
        raise SaveError(_("{path}: the scenario kept in this save is damaged ({where}: "
                          "{problem}); the file was left untouched").format(
                              path=source, where=where, problem=first["msg"])) from None


def scenario_file(record: SaveFile) -> Path:
    """The scenario file a save names: its recorded path (also from the game's folder),
    else the bundled scenario with its id (ScenarioLoadError if there is none).

    A relative path such as `scenarios/x.yaml` names a bundled scenario, wherever the
    game is installed."""
    recorded = record.scenario_path
    shipped = bundled(recorded) if recorded and not Path(recorded).is_absolute() else None
    if shipped is not None and shipped.is_file():
        return shipped
    return locate(recorded, record.scenario_id)


def scenario_drift(record: SaveFile) -> str | None:
    """A one-line notice if the scenario file on disk is no longer the one played, else None."""
    if not record.scenario_path or record.scenario is None:
        return None
    path = record.scenario_path
    try:
        data = read_regular(path, MAX_BYTES, "scenario file")
    except ReadRefused:
        return _("note: the scenario file {path} is gone or unreadable; using the scenario "
                 "kept in the save").format(path=path)
    if record.scenario_source is not None:
        changed = hashlib.sha256(data).hexdigest() != record.scenario_source.sha256
    else:
        changed = _content_differs(data, path, record.scenario_hash)
    if not changed:
        return None
    return _("note: {path} has changed since this game was played; using the scenario as it "
             "was then (kept in the save)").format(path=path)


def _content_differs(data: bytes, path: str, recorded_hash: str) -> bool:
    try:
        return scenario_hash(load_scenario_text(data, path, lint=False)) != recorded_hash
    except ScenarioError:
        return True


@dataclass(frozen=True)
class Verdict:
    """The result of verifying a replay."""

    ok: bool
    message: str


def verify(path: Path, scenario: Scenario | None = None) -> Verdict:
    """Re-run a replay file and compare every ledger entry and the final state with it.

    Without `scenario`, the game is re-run with the scenario it was played with."""
    record = read_save(path)
    given = scenario is not None
    if scenario is None:
        scenario, _notice = scenario_for(record, path)
    return check_replay(record, scenario, path, given or record.scenario is None)


def check_replay(record: SaveFile, scenario: Scenario, path: Path | str,
                 compare_hash: bool) -> Verdict:
    """Re-run a read record with `scenario`; with `compare_hash`, first check it is the one played.

    The scenario kept in a save is the one played by definition, so it needs no hash check."""
    if compare_hash and record.scenario_hash != scenario_hash(scenario):
        return Verdict(False, _("{path}: the scenario has changed since this game was played "
                                "(hash {recorded} recorded, {now} now)").format(
                                    path=path, recorded=record.scenario_hash[:12],
                                    now=scenario_hash(scenario)[:12]))
    session = session_from_save(record, scenario, path)
    return compare(record, session)


def compare(record: SaveFile, session: Session) -> Verdict:
    """Whether a re-run session reproduces the record's ledger and final state exactly."""
    recorded, replayed = ledgers(record, session)
    for i, (old, new) in enumerate(zip(recorded, replayed, strict=False)):
        if old != new:
            rnd = session.state.ledger[i].round
            return Verdict(False, _("diverges at ledger entry {n} (round {round}):\n"
                                    "  recorded: {recorded}\n  replayed: {replayed}").format(
                                        n=i + 1, round=rnd, recorded=_shown(old),
                                        replayed=_shown(new)))
    if len(recorded) != len(replayed):
        first_extra = min(len(recorded), len(replayed)) + 1
        return Verdict(False, _("ledger length differs: {recorded} recorded, {replayed} "
                                "replayed (first extra entry {first})").format(
                                    recorded=len(recorded), replayed=len(replayed),
                                    first=first_extra))
    if not digest_matches(record, session):
        return Verdict(False, _("the ledger matches but the final state differs (round "
                                "{round}/{round_now}, phase {phase}/{phase_now})").format(
                                    round=record.round, round_now=session.state.round,
                                    phase=record.phase, phase_now=session.state.phase))
    problem = edited(record, session) if record.scenario is not None else None
    if problem:
        return Verdict(False, _("the moves reproduce the ledger, but the file is not what the "
                                "game wrote ({problem})").format(problem=problem))
    result = session.outcome()
    moves = ngettext("{n} move", "{n} moves", len(record.moves)).format(n=len(record.moves))
    entries = ngettext("{n} ledger entry", "{n} ledger entries", len(replayed)).format(
        n=len(replayed))
    if result:
        return Verdict(True, _("verified: {moves} and {entries} reproduced exactly, ending: "
                               "{ending}").format(moves=moves, entries=entries,
                                                 ending=outcome_name(session.scenario, result)))
    return Verdict(True, _("verified: {moves} and {entries} reproduced exactly, stopped in round "
                           "{round}").format(moves=moves, entries=entries,
                                             round=session.state.round))


def _shown(entry: list | str) -> str:
    """A recorded or replayed ledger entry as one line for a divergence report."""
    return entry if isinstance(entry, str) else json.dumps(entry, ensure_ascii=False)
