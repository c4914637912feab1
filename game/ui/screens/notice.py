"""A screen with a message and a Back button."""

from __future__ import annotations

from game.ui.base import Widget
from game.ui.screens.common import PageScene
from game.ui.widgets import Button, Label
from game.words import _


class NoticeScene(PageScene):
    """Shows one message; Enter or Esc goes back."""

    def __init__(self, app, heading: str, text: str) -> None:
        super().__init__(app)
        self.heading, self.text = heading, text

    def body(self) -> list[Widget]:
        return [Label(self.text, "large"), Button(_("Back"), self.back, key="notice:back")]
