"""The board: six cells in the rect it is given, wide (three rows) or tall (a side
column), never scrolled."""

from __future__ import annotations

import pygame

from game.ui.base import Widget
from game.ui.context import Ui
from game.ui.identity import delegations
from game.ui.play.board.cell import BoardState
from game.ui.play.board.clock import ClockCell
from game.ui.play.board.dial import TensionDial
from game.ui.play.board.support import SupportBars
from game.ui.play.board.track import Commitments, CoopTrack
from game.ui.play.board.trust import TrustDiagram


def _shares(total: int, shares, gap: int) -> list[int]:
    """Split `total` pixels into parts by `shares`, leaving `gap` between them."""
    free = total - gap * (len(shares) - 1)
    parts = [int(free * sh / sum(shares)) for sh in shares]
    parts[-1] = free - sum(parts[:-1])
    return parts


class Board(Widget):
    """The whole public state in the rect it is given, in six cells; never scrolls."""

    def __init__(self, state: BoardState, theme) -> None:
        super().__init__(key="board")
        who = delegations(state.scenario, theme)
        self.state = state
        self.cells = [ClockCell(state, who), TensionDial(state, who), TrustDiagram(state, who),
                      SupportBars(state, who), CoopTrack(state, who), Commitments(state, who)]

    def children(self):
        return self.cells

    def measure(self, ui: Ui, width: int) -> int:
        return ui.m.u(420)

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        """Wide: three rows (clock, tension and commitments; trust and support; the
        track). Tall (a side column): five rows, the clock beside the tension dial."""
        super().place(ui, rect)
        gap = ui.m.px("gap")
        clock, tension, trust, support, coop, promises = self.cells
        crowded = len(self.state.scenario.roles) >= 5  # trust and support need more room
        if rect.width >= rect.height * 0.9:
            heights = _shares(rect.height, (0.24, 0.52, 0.24) if crowded else (0.27, 0.45, 0.28),
                              gap)
            # A matrix of numbers needs less width than a diagram; names beside the bars more.
            middle = [(trust, 0.46), (support, 0.54)] if crowded else [(trust, 0.56),
                                                                        (support, 0.44)]
            rows = [[(clock, 0.3), (tension, 0.32), (promises, 0.38)], middle, [(coop, 1.0)]]
        else:
            heights = _shares(rect.height, (0.14, 0.34, 0.28, 0.13, 0.11) if crowded else
                              (0.19, 0.29, 0.21, 0.19, 0.12), gap)
            rows = [[(clock, 0.45), (tension, 0.55)], [(trust, 1.0)], [(support, 1.0)],
                    [(coop, 1.0)], [(promises, 1.0)]]
        y = rect.y
        for row, h in zip(rows, heights, strict=True):
            x = rect.x
            for (cell, _share), w in zip(row, _shares(rect.width, [sh for _c, sh in row], gap),
                                    strict=True):
                cell.place(ui, pygame.Rect(x, y, w, h))
                x += w + gap
            y += h + gap
        common = min(c.own_title_px(ui) for c in self.cells if c is not clock)
        for cell in self.cells:
            cell.shared_title_px = common

    def draw_tree(self, surface, ui: Ui, focus) -> None:
        for cell in self.cells:
            cell.draw(surface, ui, False)

    def texts(self) -> list[str]:
        return [t for c in self.cells for t in c.texts()]
