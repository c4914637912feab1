"""Several games on one host: a class playing at tables, each table a game of its own.

A class of 24-30 plays at four to ten tables of three or four delegations. `Classroom`
holds the tables of one host. Each table is a `HostedGame` with its own seats, tokens,
join codes, talks timer and board (`/board/<table>`); join codes are distinct across the
whole class, so one join page serves every table. One facilitator PIN opens every table.

Files, in the host's folder (`host_dir()`):

    tables.json          the tables in order and the facilitator's PIN (mode 0600)
    table-1/game.json    table 1's game: an ordinary save, read by `replay` and the debrief
    table-1/seats.json   table 1's seats, tokens and codes (mode 0600)
    table-2/...

`host_table_saves()` lists the save of every table of the host, for a class debrief. A
host folder from before tables (`game.json` and `seats.json` in the folder itself)
becomes table 1 the next time the host starts.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from game.files.atomic import write_atomic
from game.net.hosted import HostedGame, NetError
from game.net.seats import HostSecrets, fresh_code, save_secrets
from game.session.saves import data_dir
from game.session.session import Session
from game.words import _

MAX_TABLES = 10
MANIFEST = "tables.json"


def host_dir() -> Path:
    """Where the hosted tables are saved: `<data dir>/host`."""
    return data_dir() / "host"


@dataclass(frozen=True)
class TableSpec:
    """What a new table plays. `scenario` is a file path (None: the default case), `seed`
    None for a random one, `rounds` None for the scenario's own, `seats` the
    `ROLE=device|hotseat|PERSONA` options (device for every role not named)."""

    scenario: str | None = None
    seed: int | None = None
    rounds: int | None = None
    seats: tuple[str, ...] = ()


class TableFiles(Protocol):
    """How a table's game is made and read back (the host command provides it)."""

    def new(self, spec: TableSpec, folder: Path) -> tuple[Session, HostSecrets]:
        """A new game saved in `folder`; ValueError (one line) for a bad spec."""

    def resume(self, folder: Path) -> tuple[Session, HostSecrets]:
        """The game saved in `folder`; ValueError (one line) if it cannot be read."""


@dataclass
class Table:
    """One table: its id ("1".."10"), its game, its folder, and `key`, a random name of this
    table's game that pages use to keep each game's links apart in a shared browser."""

    id: str
    game: HostedGame
    folder: Path | None
    key: str

    @property
    def label(self) -> str:
        """"Table 2"."""
        return _("Table {n}").format(n=self.id)


class Classroom:
    """Every table of one host, the facilitator's PIN, and the way to start more tables.

    `listeners` are called with a table's id whenever that table's game changes or a
    table is added. `folder` None keeps nothing on disk but the tables' own files (tests)."""

    def __init__(self, pin: str, join_url: str = "", folder: Path | None = None,
                 files: TableFiles | None = None,
                 on_finish: Callable[[Session], list[str]] | None = None) -> None:
        self.pin, self.join_url, self.folder, self.files = pin, join_url, folder, files
        self.on_finish = on_finish
        self.tables: dict[str, Table] = {}
        self.listeners: list[Callable[[str], None]] = []

    @classmethod
    def single(cls, game: HostedGame) -> Classroom:
        """A class of one table around an existing hosted game (its PIN and join address)."""
        room = cls(game.secrets.pin, game.join_url)
        room.adopt(game, None)
        return room

    # --- tables ----------------------------------------------------------------------
    def add(self, session: Session, found: HostSecrets, folder: Path, key: str | None = None,
            table_id: str | None = None) -> Table:
        """A table for a game opened from `folder`: it takes the class's PIN, and join codes
        no other table uses; its seats are saved again if either changed."""
        changed = found.pin != self.pin
        found.pin = self.pin
        taken = self.codes()
        for plan in found.seats.values():
            if plan.kind == "device" and plan.code in taken:
                plan.code = fresh_code(taken | {p.code for p in found.seats.values()})
                changed = True
        if changed:
            save_secrets(found, folder / "seats.json")
        game = HostedGame(session, found, folder / "seats.json", self.join_url,
                          on_finish=self.on_finish)
        return self.adopt(game, folder, key, table_id)

    def adopt(self, game: HostedGame, folder: Path | None, key: str | None = None,
              table_id: str | None = None) -> Table:
        """Seat an open hosted game at the next table (or at `table_id`)."""
        table_id = table_id or self._next_id()
        table = Table(table_id, game, folder, key or secrets.token_hex(4))
        self.tables[table_id] = table
        game.taken_codes = self.codes
        game.listeners.append(lambda: self._changed(table_id))
        self.save()
        self._changed(table_id)
        return table

    def start_table(self, spec: TableSpec) -> Table:
        """A new table playing `spec`, saved in its own folder; NetError, in words, if the
        class is full, nothing can be saved here, or the spec is bad."""
        if len(self.tables) >= MAX_TABLES:
            raise NetError(_("A host runs at most {n} tables.").format(n=MAX_TABLES))
        if self.files is None or self.folder is None:
            raise NetError(_("This host cannot start more tables."))
        table_id = self._next_id()
        folder = self.folder / f"table-{table_id}"
        try:
            session, found = self.files.new(spec, folder)
        except (ValueError, OSError) as exc:
            raise NetError(str(exc).split("\n")[0]) from None
        return self.add(session, found, folder, table_id=table_id)

    def table(self, table_id: object) -> Table:
        """The table with this id; NetError if there is none."""
        found = self.tables.get(table_id) if isinstance(table_id, str) else None
        if found is None:
            raise NetError(_("There is no such table."))
        return found

    def codes(self) -> set[str]:
        """Every join code in use at any table."""
        return {p.code for t in self.tables.values() for p in t.game.secrets.seats.values() if p.code}

    def _next_id(self) -> str:
        used = {int(t) for t in self.tables}
        return str(next(n for n in range(1, MAX_TABLES + 2) if n not in used))

    def _changed(self, table_id: str) -> None:
        for listener in list(self.listeners):
            listener(table_id)

    # --- who may do what ---------------------------------------------------------------
    def pin_ok(self, pin: object) -> bool:
        """True if `pin` is the facilitator's PIN (every table shares it)."""
        first = next(iter(self.tables.values()), None)
        return first is not None and first.game.secrets.pin_ok(pin)

    def check_pin(self, pin: object) -> None:
        """NetError unless `pin` is the facilitator's PIN."""
        if not self.pin_ok(pin):
            raise NetError(_("Wrong facilitator PIN. The PIN is printed in the host's terminal."))

    def join(self, code: object) -> str:
        """The token a join code leads to, at whichever table it belongs; NetError in words
        for a wrong code or a table whose joining is closed."""
        for table in self.tables.values():
            if table.game.secrets.token_for_code(code) is not None:
                return table.game.join(code)
        return self._any_open().join(code)  # raises: wrong code, or joining closed everywhere

    def seat_for_token(self, token: object) -> tuple[str, str]:
        """(table id, role) of a device token; NetError, in words, if it opens no seat."""
        for table in self.tables.values():
            role = table.game.secrets.role_for_token(token)
            if role is not None:
                return table.id, role
        self._any_open().role_for_token(token)  # raises with the right advice
        raise NetError(_("This team link is not valid for this game."))

    def _any_open(self) -> HostedGame:
        """A table with joining open, if any (its refusals tell a student to use a code)."""
        games = [t.game for t in self.tables.values()]
        return next((g for g in games if g.secrets.joining_open), games[0])

    # --- files -----------------------------------------------------------------------------
    def save(self) -> None:
        """Write `tables.json` (the tables in order and the PIN), readable only by this user."""
        if self.folder is None:
            return
        data = {"pin": self.pin, "tables": [{"id": t.id, "key": t.key} for t in self.tables.values()]}
        path = self.folder / MANIFEST
        write_atomic(path, json.dumps(data, indent=1))
        os.chmod(path, 0o600)

    def save_files(self) -> list[Path]:
        """Each table's save file, in table order."""
        return [t.folder / "game.json" for t in self.tables.values() if t.folder is not None]


def read_manifest(folder: Path) -> dict | None:
    """`tables.json` of a host folder as {"pin": str, "tables": [{"id", "key"}]}; None if
    there is none; ValueError (one line) if it is damaged."""
    path = folder / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        tables = [{"id": str(int(t["id"])), "key": str(t["key"])} for t in data["tables"]]
        pin = data["pin"]
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise ValueError(_("{path}: the list of tables cannot be read ({exc}); start a new class "
                           "with --new").format(path=path, exc=exc)) from None
    if not isinstance(pin, str) or not pin or not 0 < len(tables) <= MAX_TABLES:
        raise ValueError(_("{path}: the list of tables is damaged; start a new class with --new")
                         .format(path=path))
    return {"pin": pin, "tables": tables}


def adopt_single_game(folder: Path) -> bool:
    """Move a host folder's game from before tables (`game.json`, `seats.json`) to table 1;
    True if there was one to move."""
    game_file, seats_file = folder / "game.json", folder / "seats.json"
    if (folder / MANIFEST).exists() or not (game_file.exists() and seats_file.exists()):
        return False
    target = folder / "table-1"
    target.mkdir(parents=True, exist_ok=True)
    os.replace(game_file, target / "game.json")
    os.replace(seats_file, target / "seats.json")
    pin = json.loads((target / "seats.json").read_text(encoding="utf-8")).get("pin", "")
    path = folder / MANIFEST
    write_atomic(path, json.dumps({"pin": pin, "tables": [{"id": "1", "key": secrets.token_hex(4)}]}))
    os.chmod(path, 0o600)
    return True


def host_table_saves(folder: Path | None = None) -> list[tuple[str, Path]]:
    """The host's tables and their save files, in table order: [("1", .../table-1/game.json)].

    Reads `tables.json` of `folder` (default `host_dir()`); an empty list if the host has
    never run there. Raises ValueError (one line) if the list of tables is damaged."""
    folder = folder or host_dir()
    found = read_manifest(folder)
    if found is None:
        legacy = folder / "game.json"
        return [("1", legacy)] if legacy.exists() else []
    saves = [(t["id"], folder / f"table-{t['id']}" / "game.json") for t in found["tables"]]
    return [(table_id, path) for table_id, path in saves if path.exists()]
