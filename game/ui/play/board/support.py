"""Domestic support: a bar per delegation, solid to the low end of what this view
knows and hatched over the fog range, with the values in words."""

from __future__ import annotations

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, draw_text, mark
from game.ui.theme import RGB
from game.words import _


class SupportBars(Cell):
    """Each delegation's domestic support: a bar, hatched over the fog range."""

    def heading(self) -> str:
        return _("Domestic support")

    def row_text(self, role: str) -> str:
        name, label, value = self._parts(role)
        return f"{name} · {label}: {value}"

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        """Per delegation: its name and value on one line (with the meter's label when it
        fits), then the bar."""
        roles = list(self.who)
        row_h = box.height // max(1, len(roles))
        parts = [self._parts(r) for r in roles]
        gap = ui.m.u(8)
        widest = [f"{name}  {value}" for name, _label, value in parts]
        px = ui.fit_px(widest, box.width - gap, int(row_h * 0.5), ui.m.u(22), bold=True)
        font = ui.font_px(px, bold=True)
        for i, (role, (name, label, value)) in enumerate(zip(roles, parts, strict=True)):
            y = box.y + i * row_h
            full = f"{name} · {label}"
            left = full if font.size(f"{full}  {value}")[0] + gap <= box.width else name
            fg = ui.theme.style("panel").fg
            rect = draw_text(surface, ui, left, px, fg, (box.x, y), bold=True)
            rect = rect.union(draw_text(surface, ui, value, px, fg, (box.right, y), "topright",
                                    bold=True))
            bar = pygame.Rect(box.x, rect.bottom + 2, box.width,
                              max(6, min(row_h - rect.height - 8, ui.m.u(22))))
            low, high = self.b.view.support[role]
            _range_bar(surface, ui, bar, low, high, self.who[role].colour)
            if f"support.{role}" in self.b.highlight:
                mark(surface, ui, rect.union(bar))

    def _parts(self, role: str) -> tuple[str, str, str]:
        spec = self.b.scenario.role(role)
        low, high = self.b.view.support[role]
        move = self.b.highlight.get(f"support.{role}")
        value = f"{move[0]} → {move[1]}" if move else str(low) if low == high else \
            f"{low}–{high}"
        return f"{self.who[role].glyph} {spec.name}", spec.domestic_label, value

    def lines(self) -> list[str]:
        return [self.row_text(r) for r in self.who]


def _range_bar(surface, ui: Ui, r: pygame.Rect, low: int, high: int, colour: RGB) -> None:
    """Solid up to `low`, hatched from `low` to `high` (the fog), ticks at each quarter."""
    th = ui.theme
    pygame.draw.rect(surface, th.colour("track"), r)
    solid = r.width * low // 100
    pygame.draw.rect(surface, colour, (r.x, r.y, solid, r.height))
    if high > low:
        fog = pygame.Rect(r.x + solid, r.y, max(1, r.width * (high - low) // 100), r.height)
        clip = surface.get_clip()
        surface.set_clip(fog.clip(clip) if clip else fog)
        step = max(5, r.height // 2)
        for x in range(fog.left - r.height, fog.right, step):
            pygame.draw.line(surface, colour, (x, fog.bottom), (x + r.height, fog.top),
                             max(2, step // 3))
        surface.set_clip(clip)
        pygame.draw.rect(surface, colour, fog, 2)
    for t in (25, 50, 75):
        x = r.x + r.width * t // 100
        pygame.draw.line(surface, th.colour("bg"), (x, r.y), (x, r.bottom - 1), 1)
    pygame.draw.rect(surface, th.colour("border"), r, 1)
