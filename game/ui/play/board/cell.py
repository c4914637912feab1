"""The board's parts: what the board shows (`BoardState`), the cell every part is
drawn in (`Cell`: a panel with a title, text sized to its room), and drawing helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui.base import Widget
from game.ui.context import Ui
from game.ui.identity import Delegation


@dataclass
class BoardState:
    """What the board shows: a view, the scenario and the timer, plus moving meters."""

    view: object
    scenario: object
    clock: str = ""  # mm:ss, "" when there is no timer
    timer_state: str = "off"
    highlight: dict[str, tuple[int, int]] = field(default_factory=dict)


class Cell(Widget):
    """A panel of the board with a title; subclasses draw inside `inner`."""

    def __init__(self, board: BoardState, who: dict[str, Delegation]) -> None:
        super().__init__(key=f"board:{type(self).__name__}")
        self.b, self.who = board, who

    def pad(self, ui: Ui) -> int:
        return max(4, min(ui.m.px("pad"), self.rect.height // 12))

    shared_title_px = 0  # set by the Board: every cell's title in one size

    def own_title_px(self, ui: Ui) -> int:
        """The largest title size that fits this cell."""
        return ui.fit_px([self.heading()], self.rect.width - 2 * self.pad(ui),
                         max(10, self.rect.height // 6), ui.m.u(22), display=True)

    def title_px(self, ui: Ui) -> int:
        return min(self.shared_title_px or 999, self.own_title_px(ui))

    def heading(self) -> str:
        """The cell's title."""
        return ""

    def inner(self, ui: Ui) -> pygame.Rect:
        pad = self.pad(ui)
        top = ui.font_px(self.title_px(ui), display=True).get_linesize()
        return pygame.Rect(self.rect.x + pad, self.rect.y + pad + top,
                           self.rect.width - 2 * pad, self.rect.height - 2 * pad - top)

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        style = ui.theme.style("panel")
        radius = ui.m.px("border") * 2
        pygame.draw.rect(surface, style.bg, self.rect, border_radius=radius)
        pygame.draw.rect(surface, ui.theme.colour("border"), self.rect,
                         max(1, ui.m.px("border") // 2), border_radius=radius)
        pad = self.pad(ui)
        img = ui.render_px(self.heading(), self.title_px(ui), ui.theme.style("panel_heading").fg,
                           display=True)
        surface.blit(img, (self.rect.x + pad, self.rect.y + pad))
        self.draw_inside(surface, ui, self.inner(ui))

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        """Draw the cell's content in `box`."""

    def lines(self) -> list[str]:
        """The cell's content in words (what tests and screen readers get)."""
        return []

    def texts(self) -> list[str]:
        return [self.heading(), *self.lines()]


def draw_text(surface, ui: Ui, text: str, px: int, colour, pos, anchor: str = "topleft",
          bold: bool = False, display: bool = False) -> pygame.Rect:
    img = ui.render_px(text, px, colour, bold, display)
    rect = img.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
    surface.blit(img, rect)
    return rect


def mark(surface, ui: Ui, rect: pygame.Rect) -> None:
    """Outline a moving meter in the focus colour (its words say before → after too)."""
    pygame.draw.rect(surface, ui.theme.colour("focus"), rect.inflate(6, 6), max(2, ui.m.u(3)),
                     border_radius=ui.m.u(4))
