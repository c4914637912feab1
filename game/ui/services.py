"""What the window needs from the engine: scenarios, personas, sessions and the autosave.

This adapter is the one place in the UI that calls into `game.engine` to create or
resume a game, so the screens only ever see a `Session` and the views it gives.
"""

from __future__ import annotations

import importlib
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.session import Session
    from game.ui.app import App
    from game.ui.scene import Scene

ROOT = Path(__file__).resolve().parents[2]


def engine_available() -> tuple[bool, str]:
    """(True, "") if the game engine can be imported, else (False, why)."""
    try:
        importlib.import_module("game.engine.session")
        importlib.import_module("game.engine.saves")
    except ImportError as exc:
        return False, f"the game engine is not installed yet ({exc.name})"
    return True, ""


@dataclass(frozen=True)
class ScenarioChoice:
    """A scenario file as offered on the New game screen."""

    path: Path
    title: str
    scenario: object | None
    error: str = ""


def scenario_files() -> list[Path]:
    """Every scenario file in scenarios/."""
    try:
        from game.engine.scenarios import list_scenarios
        return list_scenarios()
    except ImportError:
        return sorted((ROOT / "scenarios").glob("*.yaml"))


def load_scenario(path: Path):
    """Load and validate one scenario (raises ValueError with a readable message)."""
    try:
        from game.engine.scenarios import load_for_play
        return load_for_play(path)
    except ImportError:
        return _load_plain(path)


def _load_plain(path: Path):
    """Fallback while the engine's loader is missing: YAML through the pydantic schema."""
    from ruamel.yaml import YAML

    from game.model.scenario import Scenario
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return Scenario.model_validate(data)


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


def _autosave(session: Session) -> None:
    from game.engine.saves import autosave_path, save_session
    try:
        save_session(session, autosave_path())
    except OSError:
        pass  # the game goes on; the facilitator panel shows where saves go


class Services:
    """Start and resume games for the screens."""

    def can_continue(self) -> tuple[bool, str]:
        """Whether there is an autosave to continue, and if not, why not."""
        ok, why = engine_available()
        if not ok:
            return False, f"Not available: {why}"
        from game.engine.saves import autosave_path
        path = autosave_path()
        if not path.exists():
            return False, "No saved game yet"
        return True, f"Resume the game saved in {path.name}"

    def start(self, scenario, path: Path, seed: int, seats: dict, rounds: int) -> Session:
        """A new session that autosaves after every move."""
        from game.engine.session import Session
        return Session(scenario, seed, seats, rounds, str(path), on_save=_autosave)

    def resume(self) -> Session:
        """The autosaved session (raises ValueError with a readable reason)."""
        from game.engine.replay import session_from_save
        from game.engine.saves import autosave_path, read_save
        from game.engine.scenarios import locate
        path = autosave_path()
        record = read_save(path)
        scenario = load_scenario(locate(record.scenario_path, record.scenario_id))
        session = session_from_save(record, scenario, path)
        session.on_save = _autosave
        return session

    def new_game_scene(self, app: App) -> Scene:
        """The New game screen (or a notice if the engine is missing)."""
        ok, why = engine_available()
        if not ok:
            from game.ui.screens.notice import NoticeScene
            return NoticeScene(app, "New game", f"Cannot start a game: {why}.")
        from game.ui.screens.new_game import NewGameScene
        return NewGameScene(app)

    def continue_scene(self, app: App) -> Scene | None:
        """The next screen of the autosaved game, or a notice saying why it cannot resume."""
        from game.ui.screens.notice import NoticeScene
        try:
            session = self.resume()
        except Exception as exc:  # a damaged save is reported, never fatal
            return NoticeScene(app, "Continue", f"The saved game cannot be resumed: {exc}")
        from game.ui.play.flow import GameFlow
        # A finished game opens on its End screen, so the debrief can still be read
        # and exported after the window was closed.
        return GameFlow(app, session, app.settings.timer_minutes, resumed=True).first_scene()
