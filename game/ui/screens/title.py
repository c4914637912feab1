"""The title screen: New game, Continue, Settings, Quit."""

from __future__ import annotations

from game.ui.base import Widget
from game.ui.screens.common import PageScene
from game.ui.widgets import ChoiceList, Label, Spacer

TAGLINE = ("A teaching game of arms-control diplomacy: three delegations trade transparency, "
           "assurances and cooperation offers over missile defence in Europe.")


class TitleScene(PageScene):
    """The first screen."""

    heading = "Détente"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.saved: tuple[bool, str] | None = None  # checked just after the first frame

    def next_tick(self) -> float | None:
        return 0.0 if self.saved is None else None

    def update(self, dt: float) -> bool:
        """Look for an autosave once the title is on screen (it imports the engine)."""
        if self.saved is not None or self.app.frames == 0:
            return False
        self.saved = self.app.services.can_continue()
        self.invalidate()
        return True

    def body(self) -> list[Widget]:
        can_continue, why_not = self.saved or (False, "Looking for a saved game…")
        items = [
            ("New game", "Choose a scenario, the teams and who plays them", self.new_game, True),
            ("Continue", "Resume the last autosaved game" if can_continue else why_not,
             self.continue_game, can_continue),
            ("Settings", "UI scale, high contrast, timer, window", self.settings, True),
            ("Quit", "Close the window", self.quit, True),
        ]
        return [Label(TAGLINE, "large", False, "screen"), Spacer(8),
                ChoiceList("menu", items, key_prefix="title")]

    def new_game(self) -> None:
        """Open the New game screen."""
        self.app.stack.push(self.app.services.new_game_scene(self.app))

    def continue_game(self) -> None:
        """Resume the last autosave."""
        scene = self.app.services.continue_scene(self.app)
        if scene is not None:
            self.app.stack.push(scene)

    def settings(self) -> None:
        """Open the Settings screen."""
        from game.ui.screens.settings_screen import SettingsScene
        self.app.stack.push(SettingsScene(self.app))

    def quit(self) -> None:
        """Close the window."""
        self.app.running = False

    def back(self) -> None:
        """Esc on the title screen does nothing: quitting needs the Quit button."""
