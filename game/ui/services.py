"""What the window needs from the engine: scenarios, personas, sessions and the autosave.

This adapter is the one place in the UI that calls into `game.engine` to create or
resume a game. It hands the screens sessions and one-line errors, never scenes: which
screen shows a session is the screens' business. The engine is imported when first
needed, after the first frame is on screen.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.ai import PERSONAS
from game.authoring.check import run_check
from game.authoring.scenarios import DEFAULT_SCENARIO, list_scenarios, load_for_play
from game.session.library import GameLibrary
from game.session.saves import SaveError, data_dir
from game.session.session import Seat, Session
from game.words import _
from game.words.personas import persona_blurb

if TYPE_CHECKING:
    from game.session.session import Session


@dataclass(frozen=True)
class ScenarioChoice:
    """A scenario file as offered on the New game screen; `origin` says where it was
    found, `error` is `main.py check`'s report when the file cannot be played."""

    path: Path
    title: str
    scenario: object | None
    error: str = ""
    origin: str = "bundled"


@dataclass(frozen=True)
class SavedGame:
    """A game that Continue can resume: its file, a title line naming the game, a line
    of details, and the talks timer it was played with (None: not recorded)."""

    path: Path
    title: str
    description: str
    timer_minutes: int | None = None
    finished: bool = False


def user_scenario_dir() -> Path:
    """The user's own scenarios folder: `scenarios` in the data directory."""
    return data_dir() / "scenarios"


def scenario_files(extra: Path | None = None) -> list[tuple[Path, str]]:
    """Every scenario file to offer, with where it was found: `extra` (from the command
    line) first, then scenarios/, then the user's scenarios folder."""
    found = [(extra, _("from the command line"))] if extra is not None else []
    found += [(p, _("bundled")) for p in list_scenarios()]
    folder = user_scenario_dir()
    if folder.is_dir():
        found += [(p, _("your scenarios folder")) for p in list_scenarios(folder)]
    seen: set[Path] = set()
    return [(p, o) for p, o in found if not (p.resolve() in seen or seen.add(p.resolve()))]


def default_scenario() -> Path:
    """The scenario New game offers first."""
    return DEFAULT_SCENARIO


def load_scenario(path: Path):
    """Load and check one scenario (raises ValueError with a readable message)."""
    return load_for_play(path)


def check_report(path: Path) -> str:
    """What `python main.py check FILE` prints for this file, word for word."""
    out = io.StringIO()
    run_check([str(path)], out=out, err=out)
    return out.getvalue().rstrip("\n")


def scenario_choices(extra: Path | None = None) -> list[ScenarioChoice]:
    """Every scenario file with its title, or `main.py check`'s report if it cannot be
    played."""
    out = []
    for path, origin in scenario_files(extra):
        try:
            sc = load_scenario(path)
            out.append(ScenarioChoice(path, sc.title, sc, origin=origin))
        except Exception:  # any broken file is listed with check's report, never fatal
            out.append(ScenarioChoice(path, path.name, None, check_report(path), origin))
    return out


def personas() -> dict[str, str]:
    """AI persona names and their one-line descriptions, as the engine offers them (the
    names are ids; screens show `game.words.personas.persona_label` instead)."""
    return {name: persona_blurb(name) for name in PERSONAS}


def fresh_seed() -> int:
    """A new random seed for a new game (shown on screen so a class can replay it)."""
    return secrets.randbelow(1_000_000)


class Services:
    """Start and resume games for the screens, through the engine's library of games
    (one save file per game), and say in one line when a save failed.

    `save_error` is "" while the game in play saves, else the library's one line on
    the last failure; the game screens show it, and nothing claims a game is saved
    while it is set.
    """

    def __init__(self) -> None:
        self._library = None
        self._hook = None  # the save file of the game in play (a GameFile)

    @property
    def library(self):
        """The library of saved games (opened on first use, after the first frame)."""
        if self._library is None:
            self._library = GameLibrary(program="window")
        return self._library

    @property
    def save_error(self) -> str:
        """One line if the last save of the game in play failed, else ""."""
        error = getattr(self._hook, "error", None)
        return str(error) if error is not None else ""

    def saved_games(self) -> tuple[list[SavedGame], str]:
        """The games in progress, newest first, then the finished ones (to read their
        ending and export the debrief); or [] and why there are none."""
        try:
            games = [*self.library.unfinished(), *self.library.finished()]
        except (OSError, SaveError) as exc:
            return [], _("Saved games cannot be listed: {why}").format(why=exc)
        if not games:
            why = self.library.problems[0] if self.library.problems else _("No saved game yet")
            return [], why
        return [_listed(g) for g in games], ""

    def start(self, scenario, path: Path, seed: int, seats: dict[str, str], rounds: int,
              timer_minutes: int = 0) -> Session:
        """A new session, saved at once in a file of its own (with its seats, rounds, seed
        and talks timer), so Continue lists it from its first screen on, and saved again
        after every move; `seats` maps each role to "human" or an AI persona name. A save
        that fails is held in `save_error`; the game goes on."""
        made = {r: Seat(True) if s == "human" else Seat(False, s) for r, s in seats.items()}
        session = Session(scenario, seed, made, rounds, str(path))
        self._hook = self.library.attach(session, timer_seconds=timer_minutes * 60,
                                         on_error=_held)
        session.save()
        return session

    def resume(self, saved: SavedGame) -> Session:
        """The saved session, saving into its own file again (raises ValueError with a
        readable reason)."""
        session = self.library.resume(saved.path, on_error=_held)
        self._hook = session.on_save
        return session


def _held(failure) -> None:
    """A failed save: the game goes on; its file keeps the error, which the screens show."""


def _listed(game) -> SavedGame:
    """A library entry as the Continue screen lists it."""
    state = _("finished") if game.finished else _("round {round} of {rounds}").format(
        round=game.round, rounds=game.rounds)
    started = game.started.strftime("%Y-%m-%d %H:%M")
    details = _("started {when} UTC, seed {seed}").format(when=started, seed=game.seed)
    if game.notice:
        details += f"; {game.notice}"
    minutes = None if game.timer_seconds is None else game.timer_seconds // 60
    return SavedGame(game.path, _("{title}, {state}").format(title=game.scenario_name,
                                                              state=state),
                     details, minutes, game.finished)
