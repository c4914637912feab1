"""What the window needs from the engine: scenarios, personas, sessions and the autosave.

This adapter is the one place in the UI that calls into `game.engine` to create or
resume a game. It hands the screens sessions and one-line errors, never scenes: which
screen shows a session is the screens' business. The engine is imported when first
needed, after the first frame is on screen.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.session import Session


@dataclass(frozen=True)
class ScenarioChoice:
    """A scenario file as offered on the New game screen."""

    path: Path
    title: str
    scenario: object | None
    error: str = ""


@dataclass(frozen=True)
class SavedGame:
    """A game that Continue can resume: its file and a one-line description."""

    path: Path
    description: str


def scenario_files() -> list[Path]:
    """Every scenario file in scenarios/."""
    from game.engine.scenarios import list_scenarios
    return list_scenarios()


def load_scenario(path: Path):
    """Load and check one scenario (raises ValueError with a readable message)."""
    from game.engine.scenarios import load_for_play
    return load_for_play(path)


def scenario_choices() -> list[ScenarioChoice]:
    """Every scenario file with its title, or the reason it cannot be played."""
    out = []
    for path in scenario_files():
        try:
            sc = load_scenario(path)
            out.append(ScenarioChoice(path, sc.title, sc))
        except Exception as exc:  # any broken file is listed, never fatal
            out.append(ScenarioChoice(path, path.name, None, str(exc) or type(exc).__name__))
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
            self.save_error = (f"The game is NOT saved: {autosave_path()}: "
                               f"{exc.strerror or exc}")

    def saved_game(self) -> tuple[SavedGame | None, str]:
        """The game Continue would resume, or None and why there is none."""
        from game.engine.saves import autosave_path, read_save
        path = autosave_path()
        if not path.exists():
            return None, "No saved game yet"
        try:
            record = read_save(path)
        except ValueError as exc:
            return None, f"The saved game cannot be resumed: {exc}"
        state = "finished" if record.phase == "over" else f"round {record.round} of {record.rounds}"
        title = _scenario_title(record.scenario_path, record.scenario_id)
        return SavedGame(path, f"{title}, seed {record.seed}, {state}, saved "
                               f"{record.saved_at.replace('T', ' ').rstrip('Z')} UTC"), ""

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
