"""The tension dial: a half circle from 0 to 100 in four bands, a needle, the value and
the band's name in words. Its colours come from the theme (`bands`), so the
high-contrast theme draws it in greys that reach 3:1 on black.

Forms: the dial with its scale figures; the dial alone; the value and band in words.
"""

from __future__ import annotations

import math

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, Plan, mark
from game.words import _, band_name

BAND_EDGES = (0, 25, 50, 75, 100)


class TensionDial(Cell):
    """A half-dial from 0 to 100 in four bands, a needle, the value and the band name."""

    def headings(self) -> list[str]:
        move = self.b.highlight.get("tension")
        if move:
            return [_("Tension {before} → {after}").format(before=move[0], after=move[1]),
                    _("Tension")]
        return [_("Tension")]

    def value_text(self) -> str:
        v = self.b.view
        return f"{v.tension} · {band_name(v.band)}"

    def forms(self):
        return [lambda ui, box: self._dial(ui, box, True),
                lambda ui, box: self._dial(ui, box, False), self._words]

    def _value(self, ui: Ui, plan: Plan, room: pygame.Rect) -> pygame.Rect | None:
        """The value and band in words, as large as fit `room`; None if they cannot."""
        text = self.value_text()
        least = self.least(ui, display=True)
        px = ui.fit_px([text], room.width, room.height, ui.m.u(40), display=True, least=least)
        rect = plan.text(text, px, ui.theme.style("panel").fg, room.center, "center", display=True)
        return rect

    def _dial(self, ui: Ui, box: pygame.Rect, figures: bool) -> Plan:
        plan = Plan(ui, box)
        th, v = ui.theme, self.b.view
        value_px = self.least(ui, display=True)
        text_h = max(ui.font_for(self.value_text(), value_px, display=True).get_height(),
                     int(box.height * 0.3))
        tick_px = self.least(ui)
        tick_w = ui.font_px(tick_px).size("100")[0] if figures else 0
        tick_h = ui.font_px(tick_px).get_height() if figures else 0
        r = min((box.width - 2 * tick_w - ui.m.u(8)) // 2, box.height - text_h - tick_h - 4)
        if r < max(12, tick_px):
            plan.solids.append(box.inflate(2, 2))  # too small: refuse this form
            return plan
        cx, cy = box.centerx, box.y + tick_h + 2 + r
        thick = max(6, r // 3)
        move = self.b.highlight.get("tension")

        def dial(surface) -> None:
            for i, colour in enumerate(th.bands or th.series[:4]):
                _arc(surface, (cx, cy), r, thick, BAND_EDGES[i], BAND_EDGES[i + 1], colour,
                     th.colour("border"))
            if move:
                _needle(surface, (cx, cy), r - thick // 2, move[0], th.colour("border"),
                        max(2, r // 20))
            width = max(3, r // 10)  # ringed in the panel colour: it shows on every band
            _needle(surface, (cx, cy), r - 2, v.tension, th.style("panel").bg, width + 4)
            _needle(surface, (cx, cy), r - 4, v.tension, th.colour("text"), width)
            pygame.draw.circle(surface, th.colour("text"), (cx, cy), max(3, r // 9))

        plan.draw(dial)
        if figures:
            muted = th.style("panel_muted").fg
            for edge in BAND_EDGES:
                a = math.pi * (1 - edge / 100)
                x = cx + (r + 4 + tick_w / 2) * math.cos(a)
                y = cy - (r + 2 + tick_h / 2) * math.sin(a)
                plan.text(str(edge), tick_px, muted, (x, y), "center")
        room = pygame.Rect(box.x, cy + max(3, r // 9) + 2, box.width,
                           box.bottom - cy - max(3, r // 9) - 2)
        if figures:  # the 0 and 100 sit level with the hub: the value goes below them
            room.top = max(room.top, cy + tick_h // 2 + 2)
            room.height = box.bottom - room.top
        if room.height < ui.font_for(self.value_text(), value_px, display=True).get_height():
            plan.solids.append(box.inflate(2, 2))
            return plan
        rect = self._value(ui, plan, room)
        if move and rect is not None:
            plan.draw(lambda s: mark(s, ui, rect, self.rect))
        return plan

    def _words(self, ui: Ui, box: pygame.Rect) -> Plan:
        """The value large, the band's name under it."""
        plan = Plan(ui, box)
        v = self.b.view
        top = pygame.Rect(box.x, box.y, box.width, box.height * 3 // 5)
        least = self.least(ui, display=True)
        px = ui.fit_px([str(v.tension)], top.width, top.height, ui.m.u(60), display=True,
                       least=least)
        rect = plan.text(str(v.tension), px, ui.theme.style("panel").fg, top.center, "center",
                         display=True)
        rest = pygame.Rect(box.x, top.bottom, box.width, box.bottom - top.bottom)
        name = band_name(v.band)
        px = ui.fit_px([name], rest.width, rest.height, ui.m.u(30), display=True, least=least)
        plan.text(name, px, ui.theme.style("panel_accent").fg, rest.center, "center", display=True)
        if self.b.highlight.get("tension"):
            plan.draw(lambda s: mark(s, ui, rect, self.rect))
        plan.px = least  # words alone only when no dial fits
        return plan

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
