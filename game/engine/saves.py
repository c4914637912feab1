"""Saves and replays: one versioned JSON format, written atomically, validated on load.

A save holds the scenario id and hash, the seed, the seats and the move log, plus the
ledger as text so that a replay can say exactly where a re-run diverges. The autosave
of the game in progress and the replay of a finished game use the same format.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.engine.atomic import write_atomic
from game.model.actions import BadMoveText, move_from_text
from game.model.scenario import Scenario

SAVE_FORMAT = "detente-save"
SAVE_VERSION = 1


class SaveError(ValueError):
    """A save or replay file that cannot be used; the message says why and what to do."""


class SeatRecord(BaseModel):
    """Who played a role."""

    model_config = ConfigDict(extra="forbid")
    human: bool = Field(description="True for a human team.")
    persona: str = Field(description="The AI persona (ignored for humans).")


class NoteRecord(BaseModel):
    """One line of AI reasoning."""

    model_config = ConfigDict(extra="forbid")
    round: int = Field(ge=1, description="The round it belongs to.")
    role: str = Field(description="The AI delegation.")
    text: str = Field(description="The reasoning line.")


class SaveFile(BaseModel):
    """The on-disk form of a game: enough to rebuild and to verify it exactly."""

    model_config = ConfigDict(extra="forbid")
    format: Literal["detente-save"] = Field(description="Always detente-save.")
    version: Literal[1] = Field(description="The save format version.")
    scenario_id: str = Field(description="Id of the scenario played.")
    scenario_hash: str = Field(description="sha256 of the scenario's validated content.")
    scenario_path: str | None = Field(None, description="Where the scenario file was loaded from.")
    seed: int = Field(description="The game's seed.")
    rounds: int = Field(ge=1, le=40, description="Rounds in this game.")
    seats: dict[str, SeatRecord] = Field(description="Who played each role.")
    moves: list[str] = Field(description="Every move, in order, in its text form.")
    notes: list[NoteRecord] = Field(default_factory=list, description="AI reasoning lines.")
    round: int = Field(description="The round reached (informative).")
    phase: str = Field(description="The phase reached (informative).")
    ledger: list[str] = Field(description="Every ledger entry as text, for verification.")
    state_digest: str = Field(description="sha256 of the final state's public summary.")
    saved_at: str = Field(description="When the file was written (UTC, informative).")


def data_dir() -> Path:
    """Where saves and replays live: DETENTE_DATA_DIR, or the user data directory."""
    override = os.environ.get("DETENTE_DATA_DIR")
    return Path(override) if override else Path(user_data_dir("detente", appauthor=False))


def autosave_path() -> Path:
    """The autosave of the game in progress."""
    return data_dir() / "autosave.json"


def replay_dir() -> Path:
    """Where finished games are kept as replays."""
    return data_dir() / "replays"


def scenario_hash(scenario: Scenario) -> str:
    """A hash of the scenario's content, independent of comments and layout."""
    return hashlib.sha256(scenario.model_dump_json(by_alias=True).encode()).hexdigest()


def state_digest(session) -> str:
    """A hash of everything a replay must reproduce: ledger, meters, milestones, phase."""
    st = session.state
    summary = [st.round, st.phase, st.tension, sorted(st.trust.items()), sorted(st.support.items()),
               sorted(st.milestones.items()), [e.text() for e in st.ledger],
               [(c.key, c.status) for c in st.commitments]]
    return hashlib.sha256(json.dumps(summary, default=str).encode()).hexdigest()


def to_record(session) -> SaveFile:
    """The save record of a session."""
    return SaveFile(
        format=SAVE_FORMAT, version=SAVE_VERSION, scenario_id=session.scenario.id,
        scenario_hash=scenario_hash(session.scenario), scenario_path=session.scenario_path,
        seed=session.seed, rounds=session.rounds,
        seats={r: SeatRecord(human=s.human, persona=s.persona) for r, s in session.seats.items()},
        moves=[m.text() for m in session.log],
        notes=[NoteRecord(round=n.round, role=n.role, text=n.text) for n in session.notes],
        round=session.state.round, phase=session.state.phase,
        ledger=[e.text() for e in session.state.ledger], state_digest=state_digest(session),
        saved_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )


def save_session(session, path: Path) -> Path:
    """Write a session to `path` atomically and return the path."""
    write_atomic(path, to_record(session).model_dump_json(indent=1))
    return path


def read_save(path: Path) -> SaveFile:
    """Read and validate a save file; raise SaveError saying what is wrong and what to do."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(f"{path}: no such file") from None
    except OSError as exc:
        raise SaveError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SaveError(f"{path}: not a Détente save (it is not valid JSON: {exc}); "
                        "the file was left untouched") from None
    if isinstance(data, dict) and data.get("format") == SAVE_FORMAT and data.get("version") != 1:
        raise SaveError(f"{path}: save format version {data.get('version')!r} is not supported "
                        f"by this version of the game, which reads version {SAVE_VERSION}")
    try:
        record = SaveFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "<root>"
        raise SaveError(f"{path}: not a valid Détente save ({where}: {first['msg']}); "
                        "the file was left untouched") from None
    _check_moves(path, record)
    return record


def _check_moves(path: Path, record: SaveFile) -> None:
    for i, text in enumerate(record.moves):
        try:
            move_from_text(text)
        except BadMoveText as exc:
            raise SaveError(f"{path}: move {i + 1} is damaged ({exc})") from None


def finished_replay_path(session) -> Path:
    """A new file name for the replay of a finished game."""
    # Named by content, so the same game always lands in the same file.
    digest = hashlib.sha256("\n".join(m.text() for m in session.log).encode()).hexdigest()[:10]
    return replay_dir() / f"{session.scenario.id}-seed{session.seed}-{digest}.json"
