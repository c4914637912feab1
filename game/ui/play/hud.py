"""The HUD shown on every game screen, built from one `PlayerView`.

- the round counter and the talks timer;
- the tension gauge with its band name (words and numbers, not colour alone);
- the trust triangle: a node per role, a labelled arrow per ordered pair;
- the domestic bars with the fog ranges the viewing team sees;
- the cooperation track, and the commitments in force (public facts).
The HUD only reads the view: the public view on shared screens, a team's own view on
its private screens.
"""

from __future__ import annotations

import math

import pygame

from game.ui.base import Widget
from game.ui.context import Ui
from game.ui.widgets import Column, Label, Panel, notice

BAND_SCALE = "calm < 25 ≤ wary < 50 ≤ strained < 75 ≤ crisis"
STATUS = {"operating": ("✓", "operating"), "suspended": ("⏸", "suspended"),
          "inactive": ("○", "not yet agreed")}


class RangeBar(Widget):
    """A 0-100 bar: solid up to `low`, hatched from `low` to `high` (a fog range)."""

    def __init__(self, low: int, high: int, colour: str, ticks: tuple[int, ...] = ()) -> None:
        super().__init__()
        self.low, self.high, self.colour, self.ticks = low, high, colour, ticks

    def measure(self, ui: Ui, width: int) -> int:
        return ui.m.px("bar_h")

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        r, th = self.rect, ui.theme
        pygame.draw.rect(surface, th.colour("track"), r)
        fill = th.colour(self.colour)
        solid = r.width * self.low // 100
        pygame.draw.rect(surface, fill, (r.x, r.y, solid, r.height))
        if self.high > self.low:
            fog = pygame.Rect(r.x + solid, r.y, r.width * (self.high - self.low) // 100, r.height)
            step = ui.m.u(5)
            for x in range(fog.left, fog.right, step):
                pygame.draw.line(surface, fill, (x, fog.bottom - 1),
                                 (min(x + r.height, fog.right), fog.top), max(1, ui.m.u(1.5)))
            pygame.draw.rect(surface, fill, fog, max(1, ui.m.u(1)))
        for t in self.ticks:
            x = r.x + r.width * t // 100
            pygame.draw.line(surface, th.colour("text"), (x, r.y), (x, r.bottom - 1), ui.m.u(1))
        pygame.draw.rect(surface, th.colour("border"), r, max(1, ui.m.u(1)))


class TrustTriangle(Widget):
    """Roles as nodes on a circle; each ordered pair is an arrow labelled with its trust."""

    def __init__(self, names: dict[str, str], trust: dict[tuple[str, str], int]) -> None:
        super().__init__()
        self.names, self.trust = names, trust

    def measure(self, ui: Ui, width: int) -> int:
        return max(ui.m.u(140), min(int(width * 0.62), ui.m.u(220)))

    def _nodes(self, ui: Ui) -> dict[str, pygame.Rect]:
        """Label boxes of the nodes, placed on an ellipse inside the rect."""
        font = ui.font("small", True)
        pad = ui.m.u(4)
        boxes = {r: pygame.Rect(0, 0, font.size(n)[0] + 2 * pad, font.get_linesize() + pad)
                 for r, n in self.names.items()}
        roles = list(self.names)
        inner = self.rect.inflate(-max(b.width for b in boxes.values()), -2 * font.get_linesize())
        angles = [-math.pi / 2 + 2 * math.pi * i / len(roles) for i in range(len(roles))]
        if len(roles) == 2:
            angles = [math.pi, 0.0]
        unit = [(round(math.cos(a), 6), round(math.sin(a), 6)) for a in angles]
        # Stretch the polygon to fill the rect, so a triangle is not squeezed into the top.
        xs, ys = [p[0] for p in unit], [p[1] for p in unit]
        span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
        for role, (ux, uy) in zip(roles, unit, strict=True):
            fx = (ux - min(xs)) / span_x if max(xs) > min(xs) else 0.5
            fy = (uy - min(ys)) / span_y if max(ys) > min(ys) else 0.5
            boxes[role].center = (int(inner.left + fx * inner.width),
                                  int(inner.top + fy * inner.height))
        return boxes

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        boxes = self._nodes(ui)
        for (a, b), value in sorted(self.trust.items()):
            if a in boxes and b in boxes:
                self._arrow(surface, ui, boxes[a].center, boxes[b].center, value)
        for role, box in boxes.items():
            pygame.draw.rect(surface, ui.theme.style("panel").bg, box)
            pygame.draw.rect(surface, ui.theme.colour("border"), box, max(1, ui.m.u(1)))
            img = ui.render(self.names[role], "small", True, ui.theme.style("panel").fg)
            surface.blit(img, img.get_rect(center=box.center))

    def _arrow(self, surface, ui: Ui, start, end, value: int) -> None:
        """An arrow from the truster to the trusted, offset to one side, with a value chip."""
        (x1, y1), (x2, y2) = start, end
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        off = ui.m.u(7)
        nx, ny = -uy * off, ux * off
        trim = ui.m.u(34)
        p1 = (x1 + ux * trim + nx, y1 + uy * trim + ny)
        p2 = (x2 - ux * trim + nx, y2 - uy * trim + ny)
        colour = ui.theme.colour("sky_blue")
        pygame.draw.line(surface, colour, p1, p2, ui.m.u(2))
        head = ui.m.u(8)
        left = (p2[0] - ux * head - uy * head / 2, p2[1] - uy * head + ux * head / 2)
        right = (p2[0] - ux * head + uy * head / 2, p2[1] - uy * head - ux * head / 2)
        pygame.draw.polygon(surface, colour, [p2, left, right])
        style = ui.theme.style("chip_trust")
        img = ui.render(str(value), "small", True, style.fg)
        # The chip sits on its own arrow, near the truster, so each number has one arrow.
        cx, cy = p1[0] + (p2[0] - p1[0]) * 0.28, p1[1] + (p2[1] - p1[1]) * 0.28
        box = img.get_rect(center=(int(cx), int(cy))).inflate(ui.m.u(6), ui.m.u(2))
        pygame.draw.rect(surface, style.bg, box, border_radius=ui.m.u(3))
        surface.blit(img, img.get_rect(center=box.center))

    def overflow(self) -> bool:
        if self.ui is None:
            return False
        return any(not self.rect.contains(b) for b in self._nodes(self.ui).values())

    def texts(self) -> list[str]:
        return [f"{self.names[a]} → {self.names[b]}: {v}" for (a, b), v in self.trust.items()]


def _support_text(scenario, view, role: str) -> str:
    spec = scenario.role(role)
    low, high = view.support[role]
    value = f"{low}" if low == high else f"{low}–{high} (estimate)"
    return f"{spec.name} · {spec.domestic_label}: {value}"


def _milestone_text(view, ms) -> str:
    mark, word = STATUS.get(view.milestones.get(ms.id, "inactive"), ("○", "not yet agreed"))
    text = f"{mark} {ms.name}: {word}"
    if ms.progress_needed and view.milestones.get(ms.id) != "operating":
        text += f" (progress {min(view.progress.get(ms.id, 0), ms.progress_needed)}"
        text += f"/{ms.progress_needed})"
    return text


def hud_panels(view, scenario, timer_text: str, viewer: str) -> list[Widget]:
    """The HUD as a list of panels, for the side column or the bottom of a page."""
    names = {r.id: r.name for r in scenario.roles}
    head = Panel([
        Label(f"Round {view.round} of {view.rounds}" + (" · game over" if view.over else ""),
              "large", True, "panel_heading"),
        *([] if view.over else [notice(timer_text) if "time is up" in timer_text
                                else Label(timer_text, "body", True, "panel")]),
        Label(f"Seen as: {viewer}", "small", False, "panel_muted"),
    ])
    tension = Panel([
        Label(f"Tension {view.tension} of 100: {view.band}", "body", True, "panel"),
        RangeBar(view.tension, view.tension, "vermillion", (25, 50, 75)),
        Label(BAND_SCALE, "small", False, "panel_muted"),
    ])
    trust = Panel([
        Label("Trust: arrow A → B shows how far A trusts B; its number sits near A", "body",
              True, "panel"),
        TrustTriangle(names, view.trust),
    ])
    support: list[Widget] = [Label("Domestic support", "body", True, "panel")]
    for role in scenario.role_ids:
        low, high = view.support[role]
        support += [Label(_support_text(scenario, view, role), "small", False, "panel"),
                    RangeBar(low, high, "bluish_green")]
    coop: list[Widget] = [Label("Cooperation track", "body", True, "panel")]
    coop += [Label(_milestone_text(view, ms), "small", False, "panel") for ms in scenario.milestones]
    active = [c for c in view.commitments if c.status == "active"]
    promises: list[Widget] = [Label("Commitments in force", "body", True, "panel")]
    promises += [Label(f"{names.get(c.actor, c.actor)} → {names.get(c.recipient, c.recipient)}: "
                       f"{c.name} (runs to round {c.expires})", "small", False, "panel")
                 for c in active] or [Label("None.", "small", False, "panel_muted")]
    return [head, tension, trust, Panel(support), Panel(coop), Panel(promises)]


def hud_strip(view, timer_text: str) -> Widget:
    """A one-line summary for narrow windows, shown above the page."""
    last = "game over" if view.over else timer_text
    return Column([Label(f"Round {view.round}/{view.rounds} · Tension {view.tension} {view.band} · "
                         f"{last}", "small", True, "screen")])
