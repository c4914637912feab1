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

from game.words import _

if TYPE_CHECKING:
    from game.engine.session import Session


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


def user_scenario_dir() -> Path:
    """The user's own scenarios folder: `scenarios` in the data directory."""
    from game.engine.saves import data_dir
    return data_dir() / "scenarios"


def scenario_files(extra: Path | None = None) -> list[tuple[Path, str]]:
    """Every scenario file to offer, with where it was found: `extra` (from the command
    line) first, then scenarios/, then the user's scenarios folder."""
    from game.engine.scenarios import list_scenarios
    found = [(extra, _("from the command line"))] if extra is not None else []
    found += [(p, _("bundled")) for p in list_scenarios()]
    folder = user_scenario_dir()
    if folder.is_dir():
        found += [(p, _("your scenarios folder")) for p in list_scenarios(folder)]
    seen: set[Path] = set()
    return [(p, o) for p, o in found if not (p.resolve() in seen or seen.add(p.resolve()))]


def default_scenario() -> Path:
    """The scenario New game offers first."""
    from game.engine.scenarios import DEFAULT_SCENARIO
    return DEFAULT_SCENARIO


def load_scenario(path: Path):
    """Load and check one scenario (raises ValueError with a readable message)."""
    from game.engine.scenarios import load_for_play
    return load_for_play(path)


def check_report(path: Path) -> str:
    """What `python main.py check FILE` prints for this file, word for word."""
    from game.engine.check import run_check
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
    """AI persona names and their one-line descriptions, as the engine offers them."""
    from game.ai import PERSONA_BLURBS, PERSONAS
    return {name: PERSONA_BLURBS.get(name, "") for name in PERSONAS}


def fresh_seed() -> int:
    """A new random seed for a new game (shown on screen so a class can replay it)."""
    return secrets.randbelow(1_000_000)


def _scenario_title(path: str | None, scenario_id: str) -> str:
    """The title of the scenario a save was played on (its id if it cannot be read)."""
    from game.engine.scenarios import locate
    try:
        return load_scenario(locate(path, scenario_id)).title
    except (OSError, ValueError):
        return scenario_id


class Services:
    """Start and resume games for the screens, and keep the last save failure.

    `save_error` is "" while every autosave succeeds, else one line saying the last
    one failed and why; the game screens show it, and nothing claims a game is saved
    while it is set.
    """

    def __init__(self) -> None:
        self.save_error = ""

    def _autosave(self, session: Session) -> None:
        from game.engine.saves import autosave_path, save_session
        try:
            save_session(session, autosave_path())
            self.save_error = ""
        except OSError as exc:
            self.save_error = _("The game is NOT saved: {path}: {why}").format(
                path=autosave_path(), why=exc.strerror or exc)

    def saved_games(self) -> tuple[list[SavedGame], str]:
        """The games Continue can resume, newest first, or [] and why there are none."""
        from game.engine.saves import autosave_path, read_save
        path = autosave_path()
        if not path.exists():
            return [], _("No saved game yet")
        try:
            record = read_save(path)
        except ValueError as exc:
            return [], _("The saved game cannot be resumed: {why}").format(why=exc)
        state = _("finished") if record.phase == "over" else _("round {round} of {rounds}").format(
            round=record.round, rounds=record.rounds)
        title = _scenario_title(record.scenario_path, record.scenario_id)
        when = record.saved_at.replace("T", " ").rstrip("Z")
        return [SavedGame(path, _("{title}, {state}").format(title=title, state=state),
                          _("seed {seed}, saved {when} UTC").format(seed=record.seed, when=when))
                ], ""

    def start(self, scenario, path: Path, seed: int, seats: dict[str, str],
              rounds: int) -> Session:
        """A new session that autosaves after every move; `seats` maps each role to
        "human" or an AI persona name."""
        from game.engine.session import Seat, Session
        made = {r: Seat(True) if s == "human" else Seat(False, s) for r, s in seats.items()}
        session = Session(scenario, seed, made, rounds, str(path), on_save=self._autosave)
        return session

    def resume(self, saved: SavedGame) -> Session:
        """The saved session (raises ValueError with a readable reason)."""
        from game.engine.replay import session_from_save
        from game.engine.saves import read_save
        from game.engine.scenarios import locate
        record = read_save(saved.path)
        scenario = load_scenario(locate(record.scenario_path, record.scenario_id))
        session = session_from_save(record, scenario, saved.path)
        session.on_save = self._autosave
        return session
