"""The tension dial: a half circle from 0 to 100 in four bands, a needle, the value and
the band's name in words. Its colours come from the theme (`bands`), so the
high-contrast theme draws it in greys that reach 3:1 on black."""

from __future__ import annotations

import math

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, draw_text, mark
from game.words import _, band_name

BAND_EDGES = (0, 25, 50, 75, 100)


class TensionDial(Cell):
    """A half-dial from 0 to 100 in four bands, a needle, the value and the band name."""

    def heading(self) -> str:
        move = self.b.highlight.get("tension")
        return _("Tension {before} → {after}").format(before=move[0], after=move[1]) if move \
            else _("Tension")

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        v, th = self.b.view, ui.theme
        value = f"{v.tension} · {band_name(v.band)}"
        text_h = int(box.height * 0.34)
        tick_px = max(8, min(ui.m.u(14), box.height // 9))
        r = max(8, min(box.width // 2 - 2 * tick_px, box.height - text_h - tick_px))
        cx, cy = box.centerx, box.y + tick_px + r
        thick = max(6, r // 3)
        for i, colour in enumerate(th.bands or th.series[:4]):
            _arc(surface, (cx, cy), r, thick, BAND_EDGES[i], BAND_EDGES[i + 1], colour,
                 th.colour("border"))
        move = self.b.highlight.get("tension")
        if move:
            _needle(surface, (cx, cy), r - thick // 2, move[0], th.colour("border"),
                    max(2, r // 20))
        width = max(3, r // 10)  # ringed in the panel colour: it shows on every band
        _needle(surface, (cx, cy), r - 2, v.tension, th.style("panel").bg, width + 4)
        _needle(surface, (cx, cy), r - 4, v.tension, th.colour("text"), width)
        pygame.draw.circle(surface, th.colour("text"), (cx, cy), max(3, r // 9))
        for edge in BAND_EDGES:
            a = math.pi * (1 - edge / 100)
            x, y = cx + (r + tick_px) * math.cos(a), cy - (r + tick_px * 0.6) * math.sin(a)
            draw_text(surface, ui, str(edge), tick_px, th.style("panel_muted").fg, (x, y), "center")
        room = pygame.Rect(box.x, cy + max(3, r // 9) + 2, box.width, box.bottom - cy - r // 9 - 2)
        px = ui.fit_px([value], room.width, room.height, ui.m.u(40), display=True)
        rect = draw_text(surface, ui, value, px, th.style("panel").fg, room.center, "center",
                     display=True)
        if move:
            mark(surface, ui, rect)

    def lines(self) -> list[str]:
        v = self.b.view
        return [_("Tension {value} of 100: {band} (calm < 25 ≤ wary < 50 ≤ strained < 75 ≤ "
                  "crisis)").format(value=v.tension, band=band_name(v.band))]


def _arc_points(centre, r: float, start: float, end: float, steps: int = 16):
    cx, cy = centre
    return [(cx + r * math.cos(math.pi * (1 - (start + (end - start) * k / steps) / 100)),
             cy - r * math.sin(math.pi * (1 - (start + (end - start) * k / steps) / 100)))
            for k in range(steps + 1)]


def _arc(surface, centre, r: int, thick: int, start: int, end: int, colour, edge) -> None:
    """A band of the dial from value `start` to `end`, as a filled ring segment."""
    outer = _arc_points(centre, r, start, end)
    inner = _arc_points(centre, r - thick, end, start)
    pygame.draw.polygon(surface, colour, outer + inner)
    pygame.draw.polygon(surface, edge, outer + inner, 2)


def _needle(surface, centre, length: float, value: int, colour, width: int) -> None:
    a = math.pi * (1 - max(0, min(100, value)) / 100)
    tip = (centre[0] + length * math.cos(a), centre[1] - length * math.sin(a))
    pygame.draw.line(surface, colour, centre, tip, width)
