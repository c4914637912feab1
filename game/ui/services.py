"""What the window needs from the rest of the game, found at run time.

The UI is built before and beside the engine; this adapter is the one place that
knows whether `game.engine.session` is there and how to start or resume a game.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import Scene


def engine_available() -> tuple[bool, str]:
    """(True, "") if the game engine can be imported, else (False, why)."""
    try:
        importlib.import_module("game.engine.session")
    except ImportError as exc:
        return False, f"the game engine is not installed yet ({exc.name})"
    return True, ""


class Services:
    """Start and resume games for the screens."""

    def can_continue(self) -> tuple[bool, str]:
        """Whether there is an autosave to continue, and if not, why not."""
        ok, why = engine_available()
        if not ok:
            return False, f"Not available: {why}"
        return False, "No saved game yet"

    def new_game_scene(self, app: App) -> Scene:
        """The New game screen."""
        from game.ui.screens.notice import NoticeScene
        ok, why = engine_available()
        return NoticeScene(app, "New game", f"Cannot start a game: {why}.")

    def continue_scene(self, app: App) -> Scene | None:
        """A scene resuming the last autosave, or None."""
        return None
