"""The library of games: every game has its own save file, kept as a replay once it ends.

Files live in `data_dir()/games/` (`DETENTE_DATA_DIR` if set), one per game, named by
scenario, start time (UTC) and seed, for example
`missile-defence-2011_2026-11-30_081632_seed4711.json`. A new game never takes the name
of an existing file (a `-2` is added instead), so no game overwrites another. The file
is rewritten atomically after every move; when the game ends it is the game's replay,
for `python main.py replay FILE`. The autosave of version 0.1 (`autosave.json`) and its
`replays/` folder are still listed and can be continued; a continued 0.1 game moves
into `games/`, and its old file is renamed `autosave.json.migrated`.

For the front ends (the window and the text mode):

    lib = GameLibrary(program="text")     # or GameLibrary(root): removes interrupted writes;
                                          # `program` names this process to one refused a save
    lib.attach(session, timer_seconds=300, on_error=show)
        # session.on_save now writes the game's file after every move; a failed write
        # calls on_error(SaveFailed) once (again only if the reason changes) and the
        # game goes on. Without on_error, the SaveFailed is raised from the move.
    lib.save(session) -> Path             # save now (attaching if needed); raises SaveFailed
    lib.unfinished() -> list[SavedGame]   # games in progress, newest first
    lib.finished() -> list[SavedGame]     # finished games (replays), newest first
    lib.problems -> list[str]             # one line per file the last listing could not read
    lib.resume(path, on_error=show) -> Session   # rebuilt and attached, ready to play on
    lib.open(path, scenario=None) -> OpenedGame  # session, record and notice, not attached

One writer per save: a game being played holds the lock of its file (see
`game.files.locks`) until the process ends, so a second program that tries to continue
it (another text mode, a window, or a host on its own save) is refused in one line naming
the program in the way. A resumed save must prove itself (`saves.edited`): a file changed
after the game wrote it is refused in one line, and left as it is.

`SavedGame` fields: path, scenario_id, scenario_name, started (datetime, UTC), seed,
round, rounds, phase, finished, modified (datetime, UTC), timer_seconds (int or None),
seats (role -> "human" or "ai:persona"), scenario_changed (bool) and notice (the one
line to show when the scenario file on disk differs from the one played, else None).

A resumed game is always rebuilt with the scenario it was played with, which the save
keeps; `notice` says when the file on disk has changed since. `SaveFailed` is an
OSError whose message is one line; `resume` and `open` raise `SaveError` or
`ScenarioLoadError` (both ValueError) with one line naming the file and the fix.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from game.authoring.file_text import MAX_BYTES
from game.authoring.loader import ScenarioError, load_scenario_text
from game.authoring.scenarios import ScenarioLoadError
from game.files.atomic import WriteFailed, clean_stale_temps, create_new, move_new, write_atomic
from game.files.bounded import ReadRefused, read_regular
from game.files.locks import Holder, LockHeld, save_lock
from game.model.results import Phase
from game.model.scenario import Scenario
from game.session.replay import (
    scenario_drift,
    scenario_file,
    scenario_for,
    session_from_save,
    verified_session,
)
from game.session.saves import (
    SAVE_MODE,
    SaveError,
    SaveFile,
    ScenarioSource,
    data_dir,
    read_save,
    record_text,
    scenario_hash,
    to_record,
    utc_now,
)
from game.session.session import Session
from game.words import _

LEGACY_AUTOSAVE = "autosave.json"


class SaveFailed(OSError):
    """A save that could not be written; the message is one line, and the last good save is kept.

    `reason` is the cause alone (the file, what went wrong, the fix), for a shorter line."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class SavedGame:
    """One game in the library, as listed for a player to choose from."""

    path: Path
    scenario_id: str
    scenario_name: str
    started: datetime
    seed: int
    round: int
    rounds: int
    phase: str
    finished: bool
    modified: datetime
    timer_seconds: int | None
    seats: dict[str, str]
    notice: str | None

    @property
    def scenario_changed(self) -> bool:
        """True when the scenario file on disk is no longer the one this game was played with."""
        return self.notice is not None


@dataclass(frozen=True)
class OpenedGame:
    """A saved game rebuilt: the session, the record it came from, and a notice or None."""

    session: Session
    record: SaveFile
    notice: str | None


class GameFile:
    """One game's file in the library; as a Session's `on_save` hook it saves after every move."""

    def __init__(self, library: GameLibrary, started: str, path: Path | None = None,
                 timer_seconds: int | None = None, source: ScenarioSource | None = None,
                 on_error: Callable[[SaveFailed], None] | None = None,
                 retire: Path | None = None) -> None:
        self.library, self.started, self.path = library, started, path
        self.timer_seconds, self.source, self.on_error, self.retire = (
            timer_seconds, source, on_error, retire)
        self.saved: Path | None = path  # the last good save, if any
        self.error: SaveFailed | None = None

    def __call__(self, session: Session) -> None:
        """Save after a move; a failure goes to on_error (once per reason), or is raised."""
        try:
            self.write(session)
        except SaveFailed as exc:
            repeat = self.error is not None and str(self.error) == str(exc)
            self.error = exc
            if self.on_error is None:
                raise
            if not repeat:
                self.on_error(exc)

    def write(self, session: Session) -> Path:
        """Write the game's file now and return its path; raises SaveFailed."""
        try:
            text = record_text(to_record(session, self.started, self.timer_seconds, self.source))
            if self.path is None:
                self.path = self.library.create_file(self.file_name(session), text)
                self.library.lock(self.path)
            else:
                write_atomic(self.path, text, SAVE_MODE)
        except (WriteFailed, ValidationError) as exc:
            raise self._failed(exc) from None
        self.saved, self.error = self.path, None
        if self.retire is not None:
            self.retire = _retire(self.retire)
        return self.path

    def file_name(self, session: Session) -> str:
        """`<scenario id>_<YYYY-MM-DD_HHMMSS>_seed<seed>.json`, from the game's start."""
        stamp = _parse_time(self.started, datetime.now(UTC)).strftime("%Y-%m-%d_%H%M%S")
        safe_id = re.sub(r"[^A-Za-z0-9-]+", "-", session.scenario.id).strip("-")[:60] or "game"
        return f"{safe_id}_{stamp}_seed{session.seed}.json"

    def _failed(self, exc: Exception) -> SaveFailed:
        reason = str(exc) if isinstance(exc, WriteFailed) else \
            _("the game holds a value a save cannot record ({detail})").format(
                detail=str(exc).splitlines()[0])
        if self.saved is None:
            kept = _("nothing of this game has been saved yet")
        elif self.saved == self.path:
            kept = _("its last good save is kept")
        else:
            kept = _("its last good save, {path}, is kept").format(path=self.saved)
        return SaveFailed(_("Could not save the game: {reason}. The game goes on; {kept}.")
                          .format(reason=reason, kept=kept), reason)


class GameLibrary:
    """Every saved game under one folder (`data_dir()` unless another is given)."""

    def __init__(self, root: str | Path | None = None, program: str = "game") -> None:
        self.root = Path(root) if root is not None else data_dir()
        self.program = program
        self.games = self.root / "games"
        self.problems: list[str] = []
        for folder in (self.games, self.root, self.root / "replays"):
            clean_stale_temps(folder)

    # --- saving -----------------------------------------------------------------
    def attach(self, session: Session, *, timer_seconds: int | None = None,
               on_error: Callable[[SaveFailed], None] | None = None) -> GameFile:
        """Make `session` save itself into a new file of its own after every move.

        The window may change `timer_seconds` on the returned hook later; the next save
        records it."""
        started = utc_now()
        hook = GameFile(self, started, timer_seconds=timer_seconds,
                        source=_fingerprint(session.scenario_path, time.time()), on_error=on_error)
        session.on_save = hook
        return hook

    def save(self, session: Session) -> Path:
        """Save `session` now (attaching it first if it has no file yet); raises SaveFailed."""
        hook = session.on_save if isinstance(session.on_save, GameFile) else self.attach(session)
        return hook.write(session)

    def create_file(self, name: str, text: str) -> Path:
        """Write a new file in games/ under `name`, or `name-2`... if taken; never overwrites."""
        stem = name.removesuffix(".json")
        for n in range(1, 1000):
            path = self.games / (f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
            if create_new(path, text, SAVE_MODE):
                return path
        raise WriteFailed(self.games / name, _("a thousand games already have this name"),
                          _("move some of them elsewhere"))

    # --- listing ------------------------------------------------------------------
    def unfinished(self) -> list[SavedGame]:
        """Games still in progress, newest first."""
        return [g for g in self._all() if not g.finished]

    def finished(self) -> list[SavedGame]:
        """Finished games, kept as replays, newest first."""
        return [g for g in self._all() if g.finished]

    def _all(self) -> list[SavedGame]:
        self.problems = []
        found = []
        for path in self._files():
            try:
                found.append(self._entry(path, read_save(path)))
            except SaveError as exc:
                self.problems.append(str(exc))
        return sorted(found, key=lambda g: (g.modified, g.started), reverse=True)

    def _files(self) -> list[Path]:
        legacy = self.root / LEGACY_AUTOSAVE
        files = [legacy] if legacy.is_file() else []
        for folder in (self.games, self.root / "replays"):
            try:
                files += sorted(p for p in folder.glob("*.json") if p.is_file())
            except OSError:
                continue
        return files

    def _entry(self, path: Path, record: SaveFile) -> SavedGame:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        return SavedGame(
            path=path, scenario_id=record.scenario_id, scenario_name=record.scenario_name,
            started=_parse_time(record.started, modified), seed=record.seed, round=record.round,
            rounds=record.rounds, phase=record.phase, finished=record.phase == Phase.OVER,
            modified=modified, timer_seconds=record.timer_seconds,
            seats={r: "human" if s.human else f"ai:{s.persona}" for r, s in record.seats.items()},
            notice=scenario_drift(record) if record.scenario is not None else _legacy_notice(record))

    # --- resuming -------------------------------------------------------------------
    def open(self, path: str | Path, scenario: str | Path | None = None) -> OpenedGame:
        """Rebuild a saved game (not attached); raises SaveError or ScenarioLoadError."""
        path = Path(path)
        record = read_save(path)
        played_with, notice = scenario_for(record, path, scenario)
        if record.scenario is not None and (scenario is None
                                            or scenario_hash(played_with) == record.scenario_hash):
            return OpenedGame(verified_session(record, played_with, path), record, notice)
        return OpenedGame(session_from_save(record, played_with, path), record, notice)

    def resume(self, path: str | Path, *, on_error: Callable[[SaveFailed], None] | None = None,
               scenario: str | Path | None = None) -> Session:
        """Rebuild a saved game and attach it, so it saves into its own file as play goes on."""
        return self.continue_opened(self.open(path, scenario), Path(path), on_error)

    def continue_opened(self, opened: OpenedGame, path: Path,
                        on_error: Callable[[SaveFailed], None] | None = None) -> Session:
        """Attach an opened game so it saves as play goes on (a 0.1 game into a new file).

        Takes the save's lock first: SaveError in one line if another program has it."""
        record, session = opened.record, opened.session
        self.lock(path)
        legacy = record.scenario is None or path.name == LEGACY_AUTOSAVE
        session.on_save = GameFile(
            self, record.started or utc_now(), None if legacy else path, record.timer_seconds,
            record.scenario_source, on_error,
            retire=path if legacy and path.name == LEGACY_AUTOSAVE else None)
        return session


    def lock(self, path: Path) -> None:
        """Hold the lock of the save at `path` for this process; SaveError naming the
        program that holds it instead."""
        try:
            save_lock(path, self.program)
        except LockHeld as exc:
            raise SaveError(in_use(path, exc.holder)) from None


def in_use(path: Path, holder: Holder | None) -> str:
    """One line: the save at `path` is being played by another program, and what to do."""
    if holder is None:
        return _("{path} is being played by another Détente program; close the game there first, "
                 "or go on playing it there").format(path=path)
    if holder.program == "host":
        return _("{path} is the game of the Détente host on port {port} (process {pid}); play it "
                 "from the host's pages, or stop the host first").format(
            path=path, port=holder.port, pid=holder.pid)
    if holder.program == "window":
        return _("{path} is being played in the game window (process {pid}); close the game "
                 "there first, or go on playing it there").format(path=path, pid=holder.pid)
    return _("{path} is being played in a text mode (process {pid}); quit the game there first, "
             "or go on playing it there").format(path=path, pid=holder.pid)


def _fingerprint(scenario_path: str | None, since: float) -> ScenarioSource | None:
    """The scenario file's fingerprint, if it has not been changed since `since` (seconds)."""
    if not scenario_path:
        return None
    try:
        if os.stat(scenario_path).st_mtime > since:
            return None  # edited after loading: its bytes may not be the scenario played
        data = read_regular(scenario_path, MAX_BYTES, "scenario file")
    except (OSError, ReadRefused):
        return None
    return ScenarioSource(sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def _legacy_notice(record: SaveFile) -> str | None:
    """The notice for a 0.1 save, whose scenario is compared by content with the file now."""
    try:
        path = scenario_file(record)
        now: Scenario = load_scenario_text(read_regular(path, MAX_BYTES, "scenario file"),
                                           str(path), lint=False)
    except (ScenarioLoadError, ScenarioError, ReadRefused):
        return _("note: the scenario file of this game ({path}) is gone or unreadable").format(
            path=record.scenario_path)
    if scenario_hash(now) == record.scenario_hash:
        return None
    return _("note: {path} has changed since this game was saved").format(path=path)


def _parse_time(text: str, default: datetime) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return default
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _retire(path: Path) -> Path | None:
    """Rename a continued 0.1 autosave out of the way (never over another file).

    Returns None once done, else the path to try again after the next save."""
    for n in range(1, 100):
        target = path.with_name(path.name + (".migrated" if n == 1 else f".migrated-{n}"))
        try:
            if not move_new(path, target):
                continue
        except OSError:
            return None if not path.exists() else path
        return None
    return path
