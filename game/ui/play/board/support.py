"""Domestic support: a bar per delegation, solid to the low end of what this view
knows and hatched over the fog range, with the values in words.

Forms, the fullest first: a row per delegation with its emblem, name and the meter's
label over the bar; the same without the label; the name, the bar and the value on
one line; and, for a crowded board, the emblem, the bar and the value.
"""

from __future__ import annotations

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, Plan, emblem_step, mark
from game.ui.theme import RGB
from game.words import _


class SupportBars(Cell):
    """Each delegation's domestic support: a bar, hatched over the fog range."""

    def headings(self) -> list[str]:
        return [_("Domestic support"), _("Support")]

    def row_text(self, role: str) -> str:
        name, label, value = self._parts(role)
        return f"{self.who[role].glyph} {name} · {label}: {value}"

    def _parts(self, role: str) -> tuple[str, str, str]:
        spec = self.b.scenario.role(role)
        low, high = self.b.view.support[role]
        move = self.b.highlight.get(f"support.{role}")
        value = f"{move[0]} → {move[1]}" if move else str(low) if low == high else \
            f"{low}–{high}"
        return spec.name, spec.domestic_label, value

    def forms(self):
        return [lambda ui, box: self._sized(ui, box, self._stacked, True),
                lambda ui, box: self._sized(ui, box, self._stacked, False),
                lambda ui, box: self._sized(ui, box, self._inline, True),
                None,  # without the names only when no named form fits
                lambda ui, box: self._sized(ui, box, self._inline, False)]

    def _sized(self, ui: Ui, box: pygame.Rect, layout, full: bool) -> Plan:
        plan = Plan(ui, box)
        for px in self.sizes(ui, 22, bold=True):
            plan = layout(ui, box, px, full)
            if plan.fits():
                return plan
        return plan

    def _stacked(self, ui: Ui, box: pygame.Rect, px: int, label: bool) -> Plan:
        """Per delegation: emblem, name (and label) and value on a line, the bar below."""
        plan = Plan(ui, box)
        roles = list(self.who)
        font = ui.font_px(px, bold=True)
        line_h = font.get_height()
        room = box.height // max(1, len(roles))
        bar_h = max(6, min(ui.m.u(20), room - line_h - ui.m.u(8)))
        row_h = line_h + bar_h + ui.m.u(3)
        gap = (box.height - row_h * len(roles)) // max(1, len(roles))
        if gap < 0:
            plan.solids.append(box.inflate(2, 2))
            return plan
        for i, role in enumerate(roles):
            y = box.y + i * (row_h + gap)
            name, meter, value = self._parts(role)
            r = max(4, font.get_ascent() * 2 // 5)
            plan.draw(emblem_step(self.who[role], (box.x + r, y + line_h // 2), r,
                                  ui.theme.colour("text")),
                      pygame.Rect(box.x, y + line_h // 2 - r, 2 * r, 2 * r))
            left = f"{name} · {meter}" if label else name
            fg = ui.theme.style("panel").fg
            text = plan.text(left, px, fg, (box.x + 2 * r + ui.m.u(4), y), bold=True)
            num = plan.text(value, px, fg, (box.right, y), "topright", bold=True)
            bar = pygame.Rect(box.x, y + line_h + 1, box.width, bar_h)
            self._bar(plan, role, bar, text.union(num).union(bar))
        return plan

    def _inline(self, ui: Ui, box: pygame.Rect, px: int, names: bool) -> Plan:
        """Per delegation, one line: emblem, name, the bar, the value."""
        plan = Plan(ui, box)
        roles = list(self.who)
        font = ui.font_px(px, bold=True)
        line_h = font.get_height()
        gap = (box.height - line_h * len(roles)) // max(1, len(roles))
        if gap < 0:
            plan.solids.append(box.inflate(2, 2))
            return plan
        r = max(4, font.get_ascent() * 2 // 5)
        name_w = max(ui.font_px(px, bold=True).size(self.who[x].name)[0] for x in roles) \
            if names else 0
        value_w = max(font.size(self._parts(x)[2])[0] for x in roles)
        bar_x = box.x + 2 * r + ui.m.u(4) + name_w + ui.m.u(6)
        bar_w = box.right - value_w - ui.m.u(6) - bar_x
        if bar_w < ui.m.u(30):
            plan.solids.append(box.inflate(2, 2))
            return plan
        fg = ui.theme.style("panel").fg
        for i, role in enumerate(roles):
            y = box.y + gap // 2 + i * (line_h + gap)
            plan.draw(emblem_step(self.who[role], (box.x + r, y + line_h // 2), r,
                                  ui.theme.colour("text")),
                      pygame.Rect(box.x, y + line_h // 2 - r, 2 * r, 2 * r))
            text = pygame.Rect(box.x, y, 0, line_h)
            if names:
                text = plan.text(self.who[role].name, px, fg, (box.x + 2 * r + ui.m.u(4), y),
                                 bold=True)
            num = plan.text(self._parts(role)[2], px, fg, (box.right, y), "topright", bold=True)
            bar = pygame.Rect(bar_x, y + line_h // 4, bar_w, line_h // 2)
            self._bar(plan, role, bar, text.union(num).union(bar))
        return plan

    def _bar(self, plan: Plan, role: str, bar: pygame.Rect, whole: pygame.Rect) -> None:
        ui = plan.ui
        low, high = self.b.view.support[role]
        colour = self.who[role].colour
        plan.draw(lambda s: _range_bar(s, ui, bar, low, high, colour))
        if f"support.{role}" in self.b.highlight:
            plan.draw(lambda s: mark(s, ui, whole, self.rect))

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
