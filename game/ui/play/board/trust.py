"""Trust: how far each delegation trusts each other one.

Forms, the fullest first:
- a diagram (two to four delegations): each emblem on a circle, and for each ordered
  pair a thick arrow A → B in A's colour carrying how far A trusts B, with the same
  values in words beside it when there is room;
- the diagram alone, each number riding on its arrow in a chip ringed in A's colour;
- a matrix (any number of delegations, and always from five on): a row per truster,
  a column per trusted, each headed by the delegation's emblem in its colour (and its
  name when there is room), the value in the cell.
A moving value is marked, with an arrow ▲ or ▼ for its direction; its words say
before → after.
"""

from __future__ import annotations

import math

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, Plan, emblem_step, line_height, mark
from game.ui.theme import RGB
from game.words import _

#: From this many delegations on, trust is shown as a matrix.
MATRIX_FROM = 5


class TrustDiagram(Cell):
    """Trust between the delegations: a diagram of arrows, or a matrix."""

    def headings(self) -> list[str]:
        if len(self.who) >= MATRIX_FROM:
            return [_("Trust (row → column: how far the row trusts the column)"),
                    _("Trust (row → column)"), _("Trust")]
        return [_("Trust (A → B: how far A trusts B)"), _("Trust (A → B)"), _("Trust")]

    def pairs(self) -> list[tuple[str, str, int]]:
        order = list(self.who)
        return sorted(((a, b, v) for (a, b), v in self.b.view.trust.items()),
                      key=lambda p: (order.index(p[0]), order.index(p[1])))

    def pair_text(self, a: str, b: str, value: int) -> str:
        move = self.b.highlight.get(f"trust.{a}.{b}")
        shown = f"{move[0]} → {move[1]}" if move else str(value)
        return f"{self.who[a].glyph} {self.who[a].name} → {self.who[b].name} {shown}"

    def chip(self, a: str, b: str, value: int) -> str:
        """The number on an arrow or in a cell: a moving one with its direction."""
        move = self.b.highlight.get(f"trust.{a}.{b}")
        if not move:
            return str(value)
        return f"{'▲' if move[1] > move[0] else '▼'}{move[1]}"

    def forms(self):
        out = []
        if len(self.who) < MATRIX_FROM:
            out += [self._with_legend, lambda ui, box: self._diagram(ui, box, box)]
        return out + [lambda ui, box: self._matrix(ui, box, True),
                      lambda ui, box: self._matrix(ui, box, False)]

    # the diagram ---------------------------------------------------------------------------
    def _with_legend(self, ui: Ui, box: pygame.Rect) -> Plan:
        """The diagram on the left, the values in words on the right."""
        split = int(box.width * 0.5)
        legend = pygame.Rect(box.x + split + ui.m.u(6), box.y, box.width - split - ui.m.u(6),
                             box.height)
        plan = self._diagram(ui, box, pygame.Rect(box.x, box.y, split, box.height))
        if plan.fits():
            self._legend(ui, plan, legend)
        return plan

    def _radius(self, ui: Ui, box: pygame.Rect) -> int:
        return max(9, min(box.width // 11, box.height // 7, ui.m.u(24)))

    def _nodes(self, box: pygame.Rect, r: int, name_h: int) -> dict[str, tuple[int, int]]:
        """Node centres: two side by side, three in a triangle, four at the corners;
        stretched to fill the box below and above the names."""
        roles = list(self.who)
        n = len(roles)
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

    def _diagram(self, ui: Ui, box: pygame.Rect, room: pygame.Rect) -> Plan:
        """The diagram in `room`, its numbers as large as fit without touching."""
        plan = Plan(ui, box)
        for chip_px in self.sizes(ui, 20, bold=True):
            plan = self._drawn(ui, box, room, chip_px)
            if plan.fits():
                break
        return plan

    def _drawn(self, ui: Ui, box: pygame.Rect, room: pygame.Rect, chip_px: int) -> Plan:
        plan = Plan(ui, box)
        r = self._radius(ui, room)
        name_px = self.least(ui, display=True)
        longest = max((d.name for d in self.who.values()), key=len)
        name_px = max(name_px, ui.fit_px([longest], int(room.width * 0.45), room.height,
                                         ui.m.u(18), display=True, least=name_px))
        name_h = max(ui.font_for(d.name, name_px, display=True).get_height()
                     for d in self.who.values())
        nodes = self._nodes(room, r, name_h)
        for a, b, value in self.pairs():
            self._arrow(plan, nodes[a], nodes[b], r, self.chip(a, b, value), self.who[a].colour,
                        chip_px, f"trust.{a}.{b}" in self.b.highlight)
        outline = ui.theme.colour("text")
        for role, (x, y) in nodes.items():
            d = self.who[role]
            plan.draw(emblem_step(d, (x, y), r, outline),
                      pygame.Rect(x - r, y - r, 2 * r, 2 * r))
            above = y < room.centery
            img = ui.render_px(d.name, name_px, ui.theme.style("panel").fg, display=True)
            spot = img.get_rect(midbottom=(x, y - r - 2)) if above else \
                img.get_rect(midtop=(x, y + r + 2))
            spot = spot.clamp(room)
            plan.text(d.name, name_px, ui.theme.style("panel").fg, spot.topleft, display=True)
        plan.px = chip_px  # the numbers are what the room reads
        return plan

    def _arrow(self, plan: Plan, start, end, r: int, label: str, colour: RGB, chip_px: int,
               moving: bool) -> None:
        """A thick arrow in the truster's colour, its number riding on it near the
        truster; a moving one has a halo and a chip in the warning style."""
        ui = plan.ui
        (x1, y1), (x2, y2) = start, end
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        off = max(5, r * 0.55)
        nx, ny = -uy * off, ux * off
        trim = r * 1.3
        p1 = (x1 + ux * trim + nx, y1 + uy * trim + ny)
        p2 = (x2 - ux * trim + nx, y2 - uy * trim + ny)
        width = max(4, r // 3)
        focus = ui.theme.colour("focus")

        def arrow(surface) -> None:
            if moving:
                pygame.draw.line(surface, focus, p1, p2, width + 12)
            pygame.draw.line(surface, colour, p1, p2, width)
            head = width * 2.4
            left = (p2[0] - ux * head - uy * head / 1.6, p2[1] - uy * head + ux * head / 1.6)
            right = (p2[0] - ux * head + uy * head / 1.6, p2[1] - uy * head - ux * head / 1.6)
            pygame.draw.polygon(surface, colour, [(p2[0] + ux * 2, p2[1] + uy * 2), left, right])

        plan.draw(arrow)
        cx, cy = p1[0] + (p2[0] - p1[0]) * 0.3, p1[1] + (p2[1] - p1[1]) * 0.3
        style = ui.theme.style("warning" if moving else "panel")
        img = ui.render_px(label, chip_px, style.fg, bold=True)
        box = img.get_rect(center=(int(cx), int(cy))).inflate(chip_px // 2 + 4, 2)
        ring = max(2, width // 2)

        def chip(surface) -> None:
            pygame.draw.rect(surface, style.bg, box, border_radius=chip_px // 3)
            pygame.draw.rect(surface, colour, box, ring, border_radius=chip_px // 3)

        plan.draw(chip, box)
        plan.text(label, chip_px, style.fg, box.center, "center", bold=True, solid=False)

    def _legend(self, ui: Ui, plan: Plan, box: pygame.Rect) -> None:
        texts = [self.pair_text(a, b, v) for a, b, v in self.pairs()]
        least = self.least(ui, bold=True)
        px = ui.fit_px(texts, box.width, box.height, ui.m.u(20), bold=True, least=least)
        if px < max(least, ui.m.u(13)):  # too small to read: the numbers on the arrows do
            plan.solids.append(plan.box.inflate(2, 2))
            return
        step = line_height(ui.font_px(px, bold=True))
        y = box.y + max(0, (box.height - step * len(texts)) // 2)
        for (a, b, _value), text in zip(self.pairs(), texts, strict=True):
            rect = plan.text(text, px, ui.theme.style("panel").fg, (box.x, y), bold=True)
            colour = self.who[a].colour
            plan.draw(lambda s, rect=rect, colour=colour: pygame.draw.line(
                s, colour, (rect.x, rect.bottom - 1), (rect.right, rect.bottom - 1),
                max(2, px // 8)))
            if f"trust.{a}.{b}" in self.b.highlight:
                plan.draw(lambda s, rect=rect: mark(s, ui, rect, self.rect))
            y += step

    # the matrix ----------------------------------------------------------------------------
    def _matrix(self, ui: Ui, box: pygame.Rect, names: bool) -> Plan:
        """A row per truster, a column per trusted; `names` beside the row emblems."""
        roles = list(self.who)
        for px in self.sizes(ui, 22, bold=True):
            plan = self._grid(ui, box, roles, px, names)
            if plan.fits():
                return plan
        return plan

    def _grid(self, ui: Ui, box: pygame.Rect, roles: list[str], px: int, names: bool) -> Plan:
        plan = Plan(ui, box)
        font = ui.font_px(px, bold=True)
        row_h = line_height(font) + ui.m.u(1)
        labels = {(a, b): self.chip(a, b, v) for a, b, v in self.pairs()}
        r = max(4, font.get_ascent() // 2)
        col_w = max([font.size(t)[0] for t in labels.values()] + [2 * r]) + ui.m.u(4)
        name_w = max(ui.font_for(self.who[x].name, px, display=True).size(self.who[x].name)[0]
                     for x in roles) + ui.m.u(6) if names else 0
        head_w = 2 * r + ui.m.u(6) + name_w
        spare = (box.width - head_w) // len(roles) - col_w  # room to spread the columns
        col_w += max(0, min(spare, col_w // 2))
        width, height = head_w + col_w * len(roles), row_h * (len(roles) + 1)
        x0 = box.x + max(0, (box.width - width) // 2)
        y0 = box.y + max(0, (box.height - height) // 2)
        outline, th = ui.theme.colour("text"), ui.theme
        rule = th.colour("border")
        plan.draw(lambda s: (
            pygame.draw.line(s, rule, (x0, y0 + row_h - 1), (x0 + width, y0 + row_h - 1), 1),
            pygame.draw.line(s, rule, (x0 + head_w - 2, y0), (x0 + head_w - 2, y0 + height), 1)))
        for j, b in enumerate(roles):
            cx = x0 + head_w + col_w * j + col_w // 2
            plan.draw(emblem_step(self.who[b], (cx, y0 + row_h // 2), r, outline),
                      pygame.Rect(cx - r, y0 + row_h // 2 - r, 2 * r, 2 * r))
        for i, a in enumerate(roles):
            y = y0 + row_h * (i + 1)
            d = self.who[a]
            plan.draw(emblem_step(d, (x0 + r, y + row_h // 2), r, outline),
                      pygame.Rect(x0, y + row_h // 2 - r, 2 * r, 2 * r))
            if names:
                plan.text(d.name, px, th.style("panel").fg, (x0 + 2 * r + ui.m.u(6), y + row_h // 2),
                          "midleft", display=True)
            for j, b in enumerate(roles):
                centre = (x0 + head_w + col_w * j + col_w // 2, y + row_h // 2)
                if a == b:
                    plan.text("–", px, th.style("panel_muted").fg, centre, "center", bold=True)
                    continue
                label = labels[(a, b)]
                moving = f"trust.{a}.{b}" in self.b.highlight
                style = th.style("warning" if moving else "panel")
                if moving:
                    cell = pygame.Rect(0, 0, col_w - 2, row_h - 2)
                    cell.center = centre
                    plan.draw(lambda s, cell=cell, bg=style.bg: pygame.draw.rect(s, bg, cell))
                plan.text(label, px, style.fg, centre, "center", bold=True)
        return plan

    def lines(self) -> list[str]:
        return [self.pair_text(a, b, v) for a, b, v in self.pairs()]
