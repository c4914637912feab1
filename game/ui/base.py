"""The widget base class and the helpers every widget shares.

See `widgets.py` for the protocol every widget follows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pygame

from game.ui.context import Ui

MARKER = "▶"


class Widget:
    """Base class: a rect, an optional key (stable across rebuilds) and the widget protocol."""

    focusable = False

    def __init__(self, key: str | None = None) -> None:
        self.key = key
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.clip: pygame.Rect | None = None
        self.ui: Ui | None = None

    def children(self) -> Sequence[Widget]:
        """Child widgets, in focus order."""
        return ()

    def measure(self, ui: Ui, width: int) -> int:
        """Height needed at `width`."""
        return 0

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        """Take the rect the container gives."""
        self.ui = ui
        self.rect = pygame.Rect(rect)

    def draw(self, surface: pygame.Surface, ui: Ui, focused: bool) -> None:
        """Draw the widget."""

    def draw_tree(self, surface: pygame.Surface, ui: Ui, focus: Widget | None) -> None:
        """Draw this widget and its children; containers override this."""
        self.draw(surface, ui, self is focus)

    def activate(self) -> bool:
        """Enter/Space or a click: do the widget's action."""
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        """A key pressed while focused, before focus navigation sees it."""
        return False

    def on_click(self, pos: tuple[int, int]) -> bool:
        """A left click inside the widget."""
        return self.activate()

    def hit(self, pos: tuple[int, int]) -> bool:
        """True if `pos` is on the visible part of the widget."""
        return self.rect.collidepoint(pos) and (self.clip is None or self.clip.collidepoint(pos))

    def overflow(self) -> bool:
        """True if rendered text is larger than the rect."""
        return False

    def texts(self) -> list[str]:
        """The text this widget shows (tests use it to check what a screen reveals)."""
        return []


def walk(widget: Widget) -> Iterator[Widget]:
    """The widget and all its descendants, depth first in focus order."""
    yield widget
    for child in widget.children():
        yield from walk(child)


def draw_lines(surface, ui: Ui, lines, size: str, bold: bool, colour, x: int, y: int,
               width: int | None = None, align: str = "left") -> int:
    """Draw wrapped lines; returns the y below them."""
    step = ui.font(size, bold, "".join(lines)).get_linesize()
    for line in lines:
        img = ui.render(line, size, bold, colour)
        dx = 0 if width is None or align == "left" else (width - img.get_width()) // 2
        surface.blit(img, (x + dx, y))
        y += step
    return y
