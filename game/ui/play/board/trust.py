"""The trust diagram: each delegation's emblem on a circle, and for each ordered pair a
thick arrow A → B in A's colour carrying how far A trusts B, with the same values in
words beside it when they can be read."""

from __future__ import annotations

import math

import pygame

from game.ui.context import Ui
from game.ui.identity import draw_emblem
from game.ui.play.board.cell import Cell, draw_text, mark
from game.ui.theme import RGB
from game.words import _


class TrustDiagram(Cell):
    """Delegations as emblems on a circle; an arrow A → B for how far A trusts B."""

    def heading(self) -> str:
        return _("Trust (A → B: how far A trusts B)")

    def pairs(self) -> list[tuple[str, str, int]]:
        order = list(self.who)
        return sorted(((a, b, v) for (a, b), v in self.b.view.trust.items()),
                      key=lambda p: (order.index(p[0]), order.index(p[1])))

    def pair_text(self, a: str, b: str, value: int) -> str:
        move = self.b.highlight.get(f"trust.{a}.{b}")
        shown = f"{move[0]} → {move[1]}" if move else str(value)
        return f"{self.who[a].glyph} {self.who[a].name} → {self.who[b].name} {shown}"

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        """The diagram, and beside it the same values in words when they can be read
        (at least `LEGEND_MIN` base pixels high); otherwise each number rides on its
        own arrow, ringed in the truster's colour, and that is the label."""
        split = int(box.width * 0.5)
        legend = pygame.Rect(box.x + split + ui.m.u(6), box.y, box.width - split - ui.m.u(6),
                             box.height)
        texts = [self.pair_text(a, b, v) for a, b, v in self.pairs()]
        if ui.fit_px(texts, legend.width, legend.height, ui.m.u(20), bold=True) >= \
                ui.m.u(self.LEGEND_MIN):
            self._diagram(surface, ui, pygame.Rect(box.x, box.y, split, box.height))
            self._legend(surface, ui, legend)
        else:
            self._diagram(surface, ui, box)

    LEGEND_MIN = 13

    def _radius(self, box: pygame.Rect) -> int:
        return max(9, min(box.width // 13, box.height // 8))

    def _nodes(self, ui: Ui, box: pygame.Rect) -> dict[str, tuple[int, int]]:
        """Node centres: two delegations side by side, three in a triangle, four at the
        corners, more on an ellipse; stretched to fill the box."""
        roles = list(self.who)
        n = len(roles)
        r = self._radius(box)
        name_h = self._name_px(ui, box)
        inner = pygame.Rect(box.x + r * 2, box.y + r + name_h, box.width - 4 * r,
                            box.height - 2 * r - 2 * name_h)
        start = {2: math.pi, 4: -3 * math.pi / 4}.get(n, -math.pi / 2)
        angles = [start + 2 * math.pi * i / n for i in range(n)]
        xs = [round(math.cos(a), 6) for a in angles]
        ys = [round(math.sin(a), 6) for a in angles]

        def spread(v: float, values: list[float]) -> float:
            span = max(values) - min(values)
            return (v - min(values)) / span if span else 0.5

        return {role: (int(inner.x + inner.width * spread(x, xs)),
                       int(inner.y + inner.height * spread(y, ys)))
                for role, x, y in zip(roles, xs, ys, strict=True)}

    def _name_px(self, ui: Ui, box: pygame.Rect) -> int:
        return max(9, min(ui.m.u(18), int(self._radius(box) * 0.8)))

    def _diagram(self, surface, ui: Ui, box: pygame.Rect) -> None:
        nodes = self._nodes(ui, box)
        r = self._radius(box)
        chip_px = max(10, min(ui.m.u(20), int(r * 0.8)))
        for a, b, value in self.pairs():
            move = self.b.highlight.get(f"trust.{a}.{b}")
            label = f"{move[0]} → {move[1]}" if move else str(value)
            self._arrow(surface, ui, nodes[a], nodes[b], r, label, self.who[a].colour, chip_px,
                        move is not None)
        longest = max((d.name for d in self.who.values()), key=len)
        name_px = ui.fit_px([longest], int(box.width * 0.45), box.height,
                            self._name_px(ui, box), display=True)
        for role, (x, y) in nodes.items():
            d = self.who[role]
            draw_emblem(surface, d.emblem, (x, y), r, d.colour, ui.theme.colour("text"))
            above = y < box.centery
            img = ui.render_px(d.name, name_px, ui.theme.style("panel").fg, display=True)
            spot = img.get_rect(midbottom=(x, y - r - 1)) if above else \
                img.get_rect(midtop=(x, y + r + 1))
            surface.blit(img, spot.clamp(box))  # a long name stays inside the cell

    def _arrow(self, surface, ui: Ui, start, end, r: int, label: str, colour: RGB,
               chip_px: int, moving: bool) -> None:
        """A thick arrow in the truster's colour, its number riding on it near the
        truster; a moving one has a halo and a chip in the warning style, before → after."""
        (x1, y1), (x2, y2) = start, end
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        off = max(5, r * 0.55)
        nx, ny = -uy * off, ux * off
        trim = r * 1.3
        p1 = (x1 + ux * trim + nx, y1 + uy * trim + ny)
        p2 = (x2 - ux * trim + nx, y2 - uy * trim + ny)
        width = max(4, r // 3)
        if moving:
            pygame.draw.line(surface, ui.theme.colour("focus"), p1, p2, width + 12)
        pygame.draw.line(surface, colour, p1, p2, width)
        head = width * 2.4
        left = (p2[0] - ux * head - uy * head / 1.6, p2[1] - uy * head + ux * head / 1.6)
        right = (p2[0] - ux * head + uy * head / 1.6, p2[1] - uy * head - ux * head / 1.6)
        pygame.draw.polygon(surface, colour, [(p2[0] + ux * 2, p2[1] + uy * 2), left, right])
        # The number rides on its own arrow, near the truster, in a chip ringed in its colour.
        cx, cy = p1[0] + (p2[0] - p1[0]) * 0.3, p1[1] + (p2[1] - p1[1]) * 0.3
        style = ui.theme.style("warning" if moving else "panel")
        img = ui.render_px(label, chip_px, style.fg, bold=True)
        box = img.get_rect(center=(int(cx), int(cy))).inflate(chip_px // 2 + 4, 2)
        pygame.draw.rect(surface, style.bg, box, border_radius=chip_px // 3)
        pygame.draw.rect(surface, colour, box, max(2, width // 2), border_radius=chip_px // 3)
        surface.blit(img, img.get_rect(center=box.center))

    def _legend(self, surface, ui: Ui, box: pygame.Rect) -> None:
        texts = [self.pair_text(a, b, v) for a, b, v in self.pairs()]
        px = ui.fit_px(texts, box.width, box.height, ui.m.u(20), bold=True)
        step = ui.font_px(px, bold=True).get_linesize()
        y = box.y + max(0, (box.height - step * len(texts)) // 2)
        for (a, b, _value), text in zip(self.pairs(), texts, strict=True):
            rect = draw_text(surface, ui, text, px, ui.theme.style("panel").fg, (box.x, y), bold=True)
            d = self.who[a]
            pygame.draw.line(surface, d.colour, (box.x, rect.bottom - 1),
                             (box.x + rect.width, rect.bottom - 1), max(2, px // 8))
            if f"trust.{a}.{b}" in self.b.highlight:
                mark(surface, ui, rect)
            y += step

    def lines(self) -> list[str]:
        return [self.pair_text(a, b, v) for a, b, v in self.pairs()]
