"""The Continue screen: the games in progress, newest first; choosing one resumes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.base import Widget
from game.ui.screens.common import PageScene
from game.ui.widgets import Button, ChoiceList, Label
from game.words import _

if TYPE_CHECKING:
    from game.ui.services import SavedGame


class ContinueScene(PageScene):
    """Pick a saved game; it resumes with the talks timer it was played with."""

    @property
    def heading(self) -> str:
        return _("Continue a game")

    @property
    def subheading(self) -> str:
        return _("Games in progress, the most recent first; then finished games, whose "
                 "ending and debrief can still be read.")

    def __init__(self, app, games: list[SavedGame]) -> None:
        super().__init__(app)
        self.games = games

    def body(self) -> list[Widget]:
        items = [(g.title, self._detail(g), lambda g=g: self.resume(g), True)
                 for g in self.games]
        playing = sum(not g.finished for g in self.games)
        out: list[Widget] = []
        if playing:
            out += [Label(_("In progress"), "large", True, "heading"),
                    ChoiceList("games", items[:playing], key_prefix="continue")]
        if playing < len(items):
            out += [Label(_("Finished"), "large", True, "heading"),
                    ChoiceList("games", items[playing:], key_prefix="finished",
                               start=playing + 1)]
        return [*out, Button(_("Back"), self.back, key="continue:back")]

    def _detail(self, game: SavedGame) -> str:
        if game.timer_minutes is None:
            return game.description
        timer = _("no talks timer") if game.timer_minutes == 0 else \
            _("talks timer {m} min").format(m=game.timer_minutes)
        return f"{game.description}, {timer}"

    def resume(self, game: SavedGame) -> None:
        """Rebuild the game and open its next screen (a finished one opens on its End
        screen); a save that cannot be resumed is reported, never fatal."""
        try:
            session = self.app.services.resume(game)
        except Exception as exc:  # noqa: BLE001 - any damaged save is reported in words
            self.app.stack.push(self.app.screens.make(
                "notice", _("Continue"), _("The saved game cannot be resumed: {why}").format(
                    why=exc)))
            return
        minutes = game.timer_minutes if game.timer_minutes is not None else \
            self.app.settings.timer_minutes
        self.app.stack.replace(self.app.screens.make("game", session, minutes, True))
