"""The delegations' visual identity: a colour from the theme and an emblem shape each.

Both come from the position of a role in the scenario's role order (the first role gets
the theme's first delegation colour and the circle, and so on), never from role ids,
so every scenario gets distinct delegations. The emblem shape always goes with the
colour, and the name in words with both, so nothing depends on colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui.base import Widget
from game.ui.theme import RGB, Theme

EMBLEMS = ("circle", "square", "triangle", "diamond", "hexagon", "star", "plus", "cross")
GLYPHS = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆", "hexagon": "⬢",
          "star": "★", "plus": "✚", "cross": "✖"}


@dataclass(frozen=True)
class Delegation:
    """How one role looks everywhere: its name, colour and emblem."""

    role: str
    name: str
    colour: RGB
    emblem: str

    @property
    def glyph(self) -> str:
        """The emblem as a character, for text."""
        return GLYPHS[self.emblem]


def delegations(scenario, theme: Theme) -> dict[str, Delegation]:
    """role id -> Delegation, in the scenario's role order."""
    palette = theme.delegations or theme.series
    return {r.id: Delegation(r.id, r.name, palette[i % len(palette)], EMBLEMS[i % len(EMBLEMS)])
            for i, r in enumerate(scenario.roles)}


def _polygon(centre, r: float, sides: int, turn: float = -math.pi / 2) -> list[tuple[float, float]]:
    x, y = centre
    return [(x + r * math.cos(turn + 2 * math.pi * k / sides),
             y + r * math.sin(turn + 2 * math.pi * k / sides)) for k in range(sides)]


def _star(centre, r: float) -> list[tuple[float, float]]:
    outer, inner = _polygon(centre, r, 5), _polygon(centre, r * 0.45, 5, -math.pi / 2 + math.pi / 5)
    return [p for pair in zip(outer, inner, strict=True) for p in pair]


def emblem_points(shape: str, centre, r: float) -> list[tuple[float, float]] | None:
    """The outline of an emblem as a polygon (None for the circle)."""
    x, y = centre
    if shape == "circle":
        return None
    if shape == "square":
        s = r * 0.85
        return [(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)]
    if shape == "triangle":
        return _polygon(centre, r * 1.1, 3)
    if shape == "diamond":
        return _polygon(centre, r * 1.05, 4)
    if shape == "hexagon":
        return _polygon(centre, r, 6)
    if shape == "star":
        return _star(centre, r * 1.1)
    t = r * 0.35
    arm = [(-t, -r), (t, -r), (t, -t), (r, -t), (r, t), (t, t), (t, r), (-t, r), (-t, t), (-r, t),
           (-r, -t), (-t, -t)]
    turn = math.pi / 4 if shape == "cross" else 0.0
    c, s = math.cos(turn), math.sin(turn)
    return [(x + px * c - py * s, y + px * s + py * c) for px, py in arm]


def draw_emblem(surface: pygame.Surface, shape: str, centre, r: float, colour: RGB,
                outline: RGB | None = None, width: int = 0) -> None:
    """Draw an emblem filled in `colour`, with an optional outline (for dark fills)."""
    pts = emblem_points(shape, centre, r)
    c = (int(centre[0]), int(centre[1]))
    if pts is None:
        pygame.draw.circle(surface, colour, c, max(1, int(r)), width)
        if outline is not None:
            pygame.draw.circle(surface, outline, c, max(1, int(r)), max(1, int(r) // 6))
        return
    pygame.draw.polygon(surface, colour, pts, width)
    if outline is not None:
        pygame.draw.polygon(surface, outline, pts, max(1, int(r) // 6))


class Badge(Widget):
    """A delegation's emblem, large, with its name beside it (the hand-off screen)."""

    def __init__(self, delegation: Delegation, units: int = 64) -> None:
        super().__init__(key=f"badge:{delegation.role}")
        self.d, self.units = delegation, units

    def measure(self, ui, width: int) -> int:
        return ui.m.u(self.units)

    def draw(self, surface, ui, focused: bool) -> None:
        r = self.rect.height // 2 - 2
        centre = (self.rect.x + r + 2, self.rect.centery)
        draw_emblem(surface, self.d.emblem, centre, r, self.d.colour, ui.theme.colour("text"))
        room = self.rect.width - 2 * r - ui.m.u(12)
        px = ui.fit_px([self.d.name], room, self.rect.height, int(self.rect.height * 0.8),
                       display=True)
        img = ui.render_px(self.d.name, px, ui.theme.style("screen").fg, display=True)
        surface.blit(img, img.get_rect(midleft=(centre[0] + r + ui.m.u(12), centre[1])))

    def texts(self) -> list[str]:
        return [f"{self.d.glyph} {self.d.name}"]
