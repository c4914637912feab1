"""A confirmation dialog: a question, "No, go back" (the default) and the action itself.

Every step that cannot be taken back by the room (undo a round, end the game, bring in an
event) asks here, on its own screen: the focus starts on "No, go back", and like every
game screen the dialog ignores keys for a moment after it appears, so neither a double
Enter nor a stray key can confirm it.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ui.base import Widget
from game.ui.screens.common import PageScene
from game.ui.widgets import Button, Label
from game.words import _


class ConfirmScene(PageScene):
    """Asks `question`; "No, go back" pops the dialog, `yes` pops it then runs `then()`."""

    SETTLE_S = 0.8

    def __init__(self, app, question: str, detail: str, yes: str,
                 then: Callable[[], None], no: str = "") -> None:
        super().__init__(app)
        self.heading, self.detail, self.yes, self.then = question, detail, yes, then
        self.no = no or _("No, go back")

    def body(self) -> list[Widget]:
        return [Label(self.detail, "large"),
                Button(self.no, self.back, key="confirm:no", detail=_("Enter, or Esc")),
                Button(self.yes, self.confirm, key="confirm:yes")]

    def confirm(self) -> None:
        """Close the dialog, then do what was asked."""
        self.app.stack.pop()
        self.then()
