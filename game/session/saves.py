"""The save file: one versioned JSON format for games in progress and finished replays.

A save holds everything needed to rebuild a game and to verify it: the scenario it was
played with (its full content, so a later edit of the scenario file never changes a
saved game), the seed, the seats, the move log and the AI reasoning, plus the ledger and
a digest of the final state so that a replay can say exactly where a re-run diverges. It
also records when the game began, the talks timer if the window ran one, and a
fingerprint of the scenario file as it was, to tell when that file has changed. The
ledger and the reasoning are kept as data (ids and numbers, see `game.model.results`),
never as sentences, so a game saved in one language replays and verifies in any other.

A hosted game's save also holds the submission keys of the moves it carries, written in
the same atomic write as the moves, so a page that sends a move again after a crash has
it applied exactly once. `digest` covers the whole record, and `edited` (the one check
that resume, debrief and replay share) says in one line when a save no longer is what
the game wrote. Saves are written readable by their owner only (mode 0600): a game in
progress holds exact support and orders not yet revealed.

Format history:
- version 1 (game 0.1): no embedded scenario, start time or timer.
- version 2: the ledger as English lines of text, the reasoning as English sentences.
- version 3 (this one): the ledger and the reasoning as data.
`read_save` migrates versions 1 and 2 to version 3 in memory. Their ledger lines are
kept as `legacy_ledger` and verified as they were written (see `game.session.legacy`);
their reasoning, English only, is not kept (`notes` None) but worked out again when
the game is rebuilt (see `game.session.replay.session_from_save`). A version 1 game is
rebuilt with the scenario file found on disk.

Reading is bounded (see `game.files.bounded`): a save is a regular file of at most
`SAVE_CAP` bytes with numbers and nesting within limits. Every problem is a `SaveError`
whose message is one line naming the file and what to do; the file is never changed.
Where games live and how they are named is `game.session.library`'s business.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Annotated, Any, Literal

from platformdirs import user_data_dir
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from game.files.atomic import write_atomic
from game.files.bounded import ReadRefused, read_json
from game.model.actions import BadMoveText, move_from_text
from game.model.results import LedgerEntry, Reason
from game.model.scenario import Scenario
from game.session.legacy import legacy_line
from game.words.i18n import _, ngettext

SAVE_FORMAT = "detente-save"
SAVE_VERSION = 3

#: Largest save read: an embedded scenario (at most 1 MB as YAML) plus a 40-round log.
SAVE_CAP = 8_000_000

#: Seeds are whole numbers that fit in 64 bits.
SEED_MIN, SEED_MAX = -(2 ** 63), 2 ** 63 - 1

Short = Annotated[str, StringConstraints(max_length=200)]
Line = Annotated[str, StringConstraints(max_length=4000)]
#: An arg of a ledger detail or a reason: an id, a whole number, or none.
Arg = Annotated[int, Field(ge=-(2 ** 31), le=2 ** 31)] | Short | None
#: `[kind, *args]` (see `game.model.results`).
Data = Annotated[list[Arg], Field(min_length=1, max_length=12)]
#: A ledger entry as `LedgerEntry.as_data()` gives it.
LedgerRow = tuple[int, Short, int, int, int, Short, Short, Short | None, Data]
Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]

#: Saves hold secrets of a game in progress: only their owner may read them.
SAVE_MODE = 0o600

#: The record's fields left out of its digest: the digest itself, and when it was written.
_UNDIGESTED = {"digest", "saved_at"}


class SaveError(ValueError):
    """A save or replay file that cannot be used; the message says why and what to do."""


class SeatRecord(BaseModel):
    """Who played a role."""

    model_config = ConfigDict(extra="forbid")
    human: bool = Field(description="True for a human team.")
    persona: Short = Field(description="The AI persona (ignored for humans).")


class NoteRecord(BaseModel):
    """One step of an AI delegation's reasoning, as data."""

    model_config = ConfigDict(extra="forbid")
    round: int = Field(ge=1, le=41, description="The round it belongs to.")
    role: Short = Field(description="The AI delegation.")
    action: Short | None = Field(description="The order it gave or the offer it answered, as "
                                             "action text; null for the choice to give none.")
    reason: Data = Field(description="Why, as [kind, *args] (game.model.results.ReasonKind).")
    audience: list[Short] | None = Field(
        None, max_length=32, description="Who may read it while the game runs (the sender and "
                                         "addressees of a private talk message); null: everyone.")


class TalkRecord(BaseModel):
    """One message of the talks (see `game.rules.talks`): what a replay of the moves gives."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    id: int = Field(ge=1, description="The message's number in the game, from 1.")
    round: int = Field(ge=1, le=41, description="The round it was sent in.")
    from_: Short = Field(alias="from", description="The delegation that sent it.")
    to: list[Short] = Field(max_length=32, description="The delegations it went to.")
    kind: Literal["propose", "counter", "accept", "decline", "withdraw"] = Field(
        description="propose, counter, accept, decline or withdraw.")
    terms: dict[Short, Short] = Field(
        max_length=32, description="The package proposed, issue -> option (empty for an answer).")
    ref: int = Field(0, ge=0, description="The proposal answered, countered or withdrawn (0: none).")


class ScenarioSource(BaseModel):
    """The scenario file as it was when the game began, to tell later whether it changed."""

    model_config = ConfigDict(extra="forbid")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the file's bytes.")
    size: int = Field(ge=0, le=SAVE_CAP, description="The file's size in bytes.")


class SaveFile(BaseModel):
    """The on-disk form of a game: enough to rebuild and to verify it exactly."""

    model_config = ConfigDict(extra="forbid")
    format: Literal["detente-save"] = Field(description="Always detente-save.")
    version: Literal[3] = Field(description="The save format version.")
    scenario_id: Short = Field(description="Id of the scenario played.")
    scenario_name: Line = Field(description="The scenario's title, for lists of games.")
    scenario_hash: Short = Field(description="sha256 of the scenario's validated content.")
    scenario_path: Annotated[str, StringConstraints(max_length=4096)] | None = Field(
        None, description="Where the scenario file was loaded from.")
    scenario: dict[str, Any] | None = Field(
        description="The scenario's full content as played (the scenario file's keys); "
                    "None only in a save migrated from version 1.")
    scenario_source: ScenarioSource | None = Field(
        None, description="Fingerprint of the scenario file when the game began, if known.")
    started: Short = Field(description="When the game began (UTC, ISO 8601).")
    timer_seconds: int | None = Field(None, ge=0, le=86_400,
                                      description="The talks timer per round, if one ran.")
    seed: int = Field(ge=SEED_MIN, le=SEED_MAX, description="The game's seed.")
    rounds: int = Field(ge=1, le=40, description="Rounds in this game.")
    seats: dict[Short, SeatRecord] = Field(max_length=32, description="Who played each role.")
    moves: list[Line] = Field(max_length=20_000, description="Every move, in order, as text.")
    notes: list[NoteRecord] | None = Field(
        max_length=50_000, description="AI reasoning, step by step; None only in a save "
                                       "migrated from version 1 or 2 (worked out again on rebuild).")
    talks: list[TalkRecord] = Field(
        default_factory=list, max_length=20_000,
        description="Every message of the talks, in order (informative: the moves give them).")
    round: int = Field(ge=0, le=41, description="The round reached (informative).")
    phase: Short = Field(description="The phase reached (informative).")
    ledger: list[LedgerRow] = Field(
        max_length=500_000, description="Every ledger entry as data: [round, meter, before, after, "
                                         "amount, cause, source, actor, [kind, *args]].")
    legacy_ledger: list[Line] | None = Field(
        None, max_length=500_000, description="Only in a save migrated from version 1 or 2: "
                                              "its ledger, one line of text per entry.")
    state_digest: Short = Field(description="sha256 of the final state's summary (for a save "
                                            "migrated from version 1 or 2, as it computed it).")
    submissions: dict[Key, Short] = Field(
        default_factory=dict, max_length=100_000,
        description="A hosted game's submission keys, each with the role whose move it carried.")
    digest: Short | None = Field(None, description="sha256 of every other field but saved_at; "
                                                   "None in saves written before it was kept.")
    saved_at: Short = Field(description="When the file was written (UTC, informative).")


def data_dir() -> Path:
    """Where saves and replays live: DETENTE_DATA_DIR, or the user data directory."""
    override = os.environ.get("DETENTE_DATA_DIR")
    return Path(override) if override else Path(user_data_dir("detente", appauthor=False))


def autosave_path() -> Path:
    """The single autosave of version 0.1, still read so its game can be continued."""
    return data_dir() / "autosave.json"


def replay_dir() -> Path:
    """Where version 0.1 kept finished games; still listed among the finished games."""
    return data_dir() / "replays"


def utc_now() -> str:
    """The current time as `YYYY-MM-DDTHH:MM:SSZ`."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


#: Scenario keys added after saves of version 3 were first written: left out of the hash
#: when a scenario does not use them, so earlier saves still match their scenario.
_LATER_KEYS = ("aftermath", "negotiation")


def scenario_hash(scenario: Scenario) -> str:
    """A hash of the scenario's content, independent of comments and layout."""
    unused = {k for k in _LATER_KEYS if getattr(scenario, k) is None}
    return hashlib.sha256(scenario.model_dump_json(by_alias=True, exclude=unused).encode()
                          ).hexdigest()


def scenario_content(scenario: Scenario) -> dict[str, Any]:
    """The scenario's full content, keyed as in a scenario file, ready for JSON."""
    return scenario.model_dump(mode="json", by_alias=True)


def state_digest(session) -> str:
    """A hash of everything a replay must reproduce: ledger, meters, milestones, phase.
    Data only (ids and numbers), so it is the same in every language."""
    return _digest(session, [e.as_data() for e in session.state.ledger])


def legacy_state_digest(session) -> str:
    """The digest versions 1 and 2 wrote: the same summary with the ledger as their lines."""
    return _digest(session, [legacy_line(session.scenario, e) for e in session.state.ledger])


def _digest(session, ledger: list) -> str:
    st = session.state
    summary = [st.round, st.phase, st.tension, sorted(st.trust.items()), sorted(st.support.items()),
               sorted(st.milestones.items()), ledger, [(c.key, c.status) for c in st.commitments]]
    return hashlib.sha256(json.dumps(summary, default=str).encode()).hexdigest()


def digest_matches(record: SaveFile, session) -> bool:
    """True if a re-run `session` ends in the final state `record` holds: the one check of a
    save's digest, in the form its version wrote."""
    legacy = record.legacy_ledger is not None
    return record.state_digest == (legacy_state_digest(session) if legacy else state_digest(session))


def ledgers(record: SaveFile, session) -> tuple[list, list]:
    """(recorded, replayed): the record's ledger and the re-run session's, entry by entry in
    the record's own form (data rows; for a save migrated from version 1 or 2, its lines)."""
    entries = session.state.ledger
    if record.legacy_ledger is not None:
        return record.legacy_ledger, [legacy_line(session.scenario, e) for e in entries]
    return [list(row) for row in record.ledger], [e.as_data() for e in entries]


def to_record(session, started: str | None = None, timer_seconds: int | None = None,
              source: ScenarioSource | None = None,
              submissions: dict[str, str] | None = None) -> SaveFile:
    """The save record of a session, with its digest (raises pydantic's ValidationError on
    impossible values)."""
    sc = session.scenario
    record = SaveFile(
        format=SAVE_FORMAT, version=SAVE_VERSION, scenario_id=sc.id, scenario_name=sc.title,
        scenario_hash=scenario_hash(sc), scenario_path=session.scenario_path,
        scenario=scenario_content(sc), scenario_source=source, started=started or utc_now(),
        timer_seconds=timer_seconds, seed=session.seed, rounds=session.rounds,
        seats={r: SeatRecord(human=s.human, persona=s.persona) for r, s in session.seats.items()},
        moves=[m.text() for m in session.log],
        notes=[NoteRecord(round=n.round, role=n.role, action=n.action, reason=n.reason.as_data(),
                          audience=None if n.audience is None else list(n.audience))
               for n in session.notes],
        talks=[TalkRecord.model_validate(m.as_data()) for m in session.state.talks],
        round=session.state.round, phase=session.state.phase,
        ledger=[e.as_data() for e in session.state.ledger], state_digest=state_digest(session),
        submissions=dict(submissions or {}), saved_at=utc_now(),
    )
    record.digest = content_digest(record)
    return record


def content_digest(record: SaveFile) -> str:
    """sha256 of the record's content (every field but `digest` and `saved_at`), as JSON
    with sorted keys, so it is the same however the file is laid out."""
    data = record.model_dump(mode="json", exclude=_UNDIGESTED, by_alias=True)
    # Fields added since version 3 was first written count only when they say something,
    # so the digests of earlier saves still hold.
    for note in data.get("notes") or ():
        if note.get("audience") is None:
            note.pop("audience", None)
    if not data.get("talks"):
        data.pop("talks", None)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def edited(record: SaveFile, session) -> str | None:
    """Why a save is not what the game wrote, in a few words, or None if it is.

    A save with a digest must match it: any change to any field (a scenario value, a
    ledger entry, a move, the state digest) shows, while a game whose rules have changed
    since the file was written still opens. A save written before the digest was kept is
    checked against `session`, the game rebuilt from its moves with the scenario it keeps:
    that scenario's hash, the ledger and the final state must match. This is the one place
    that knows how a save proves itself."""
    if record.digest is not None:
        if record.digest == content_digest(record):
            return None
        return _("it was changed after the game wrote it: its content does not match its "
                 "digest")
    if record.scenario is not None and scenario_hash(session.scenario) != record.scenario_hash:
        return _("the scenario kept in it is not the one the game was played with; it was "
                 "edited, or written by a version of the game with other rules")
    recorded, replayed = ledgers(record, session)
    wrong = [i for i, (old, new) in enumerate(zip(recorded, replayed, strict=False)) if old != new]
    if wrong:
        return _("ledger entry {n} is not what its moves give; it was edited, or written by a "
                 "version of the game with other rules").format(n=wrong[0] + 1)
    if len(recorded) != len(replayed):
        return ngettext("it has {n} ledger entry where its moves give {given}; it was edited, or "
                        "written by a version of the game with other rules",
                        "it has {n} ledger entries where its moves give {given}; it was edited, "
                        "or written by a version of the game with other rules",
                        len(recorded)).format(n=len(recorded), given=len(replayed))
    if not digest_matches(record, session):
        return _("its state digest is not the one its moves give; it was edited, or written by "
                 "a version of the game with other rules")
    return None


def record_text(record: SaveFile) -> str:
    """The exact text written for a record."""
    return record.model_dump_json(indent=1, by_alias=True) + "\n"


def save_session(session, path: Path, submissions: dict[str, str] | None = None) -> Path:
    """Write a session (and a hosted game's submission keys) to `path` atomically, readable
    by its owner only, and return the path (WriteFailed if it cannot)."""
    write_atomic(path, record_text(to_record(session, submissions=submissions)), SAVE_MODE)
    return path


def read_save(path: Path) -> SaveFile:
    """Read, migrate and validate a save file; raise SaveError saying what is wrong and what to do."""
    try:
        data = read_json(path, SAVE_CAP, "save")
    except ReadRefused as exc:
        raise SaveError(str(exc)) from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(_("{path}: not a valid Détente save (it has no \"format\": \"{format}\"); "
                          "the file was left untouched").format(path=path, format=SAVE_FORMAT))
    version = data.get("version")
    if version == 1:
        data = migrate_v1(data)
    if data.get("version") == 2:
        data = migrate_v2(data)
    elif version != SAVE_VERSION:
        raise SaveError(_("{path}: save format version {version} is not supported by this "
                          "version of the game, which reads versions 1 to {newest}; the file "
                          "was left untouched").format(path=path, version=str(version)[:20],
                                                       newest=SAVE_VERSION))
    try:
        record = SaveFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "<root>"
        raise SaveError(_("{path}: not a valid Détente save ({where}: {problem}); the file was "
                          "left untouched").format(path=path, where=where,
                                                   problem=first["msg"])) from None
    _check_moves(path, record)
    _check_data(path, record)
    return record


def migrate_v1(data: dict) -> dict:
    """A version 1 save (game 0.1) as version 2 data: no embedded scenario, no timer.

    Version 1 did not record when a game began; the time it was saved stands in."""
    out = dict(data)
    out.update(version=2, scenario=None, scenario_source=None, timer_seconds=None,
               scenario_name=data.get("scenario_id", ""), started=data.get("saved_at", ""))
    return out


def migrate_v2(data: dict) -> dict:
    """A version 2 save as version 3 data: its ledger lines kept as `legacy_ledger` (to
    verify it as written), its English reasoning dropped (`notes` None: worked out again
    when the game is rebuilt)."""
    out = dict(data)
    ledger = data.get("ledger")
    out.update(version=3, ledger=[], legacy_ledger=ledger, notes=None)
    return out


def _check_data(path: Path, record: SaveFile) -> None:
    """Every ledger row and reason must be of a known kind with its args."""
    try:
        for row in record.ledger:
            LedgerEntry.from_data(list(row))
        for note in record.notes or ():
            Reason.from_data(note.reason)
    except (ValueError, TypeError) as exc:
        raise SaveError(_("{path}: the save is damaged ({problem}); the file was left "
                          "untouched").format(path=path, problem=exc)) from None


def _check_moves(path: Path, record: SaveFile) -> None:
    for i, text in enumerate(record.moves):
        try:
            move_from_text(text)
        except BadMoveText as exc:
            raise SaveError(_("{path}: move {n} is damaged ({problem}); the file was left "
                              "untouched").format(path=path, n=i + 1, problem=exc)) from None


def finished_replay_path(session) -> Path:
    """A file in `replay_dir()` for the replay of a finished game kept outside the library
    (the network host's); named by content, so one game always lands in one file."""
    digest = hashlib.sha256("\n".join(m.text() for m in session.log).encode()).hexdigest()[:10]
    return replay_dir() / f"{session.scenario.id}-seed{session.seed}-{digest}.json"
