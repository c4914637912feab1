"""Sizes from the UI scale: every pixel size is a base unit from the theme times the scale.

No other module writes pixel literals; it asks `Metrics` for a named size (`m.px("pad")`)
or scales a count of base units (`m.u(3)`). The scale runs from 1.0 to 2.0.
"""

from __future__ import annotations

import pygame

from game.ui.theme import Theme

MIN_SCALE = 1.0
MAX_SCALE = 2.0
BASE_SIZE = (1280, 720)


def clamp_scale(scale: float) -> float:
    """The scale limited to the supported range."""
    return max(MIN_SCALE, min(MAX_SCALE, float(scale)))


class Metrics:
    """Named sizes in pixels for one theme at one UI scale."""

    def __init__(self, theme: Theme, scale: float) -> None:
        self.theme = theme
        self.scale = clamp_scale(scale)

    def u(self, units: float) -> int:
        """A length of `units` base pixels at the current scale (at least 1)."""
        return max(1, round(units * self.scale))

    def px(self, name: str) -> int:
        """A named spacing size from the theme, scaled."""
        return self.u(self.theme.spacing[name])

    def font_px(self, size: str) -> int:
        """A named font size from the theme, scaled."""
        return self.u(self.theme.font_sizes[size])


def content_rect(m: Metrics, window: pygame.Rect, width_name: str = "content_w") -> pygame.Rect:
    """A centred column no wider than the theme's content width, inside the window margins."""
    margin = m.px("margin")
    width = min(window.width - 2 * margin, m.px(width_name))
    rect = pygame.Rect(0, margin, max(1, width), max(1, window.height - 2 * margin))
    rect.centerx = window.centerx
    return rect


def split_columns(rect: pygame.Rect, widths: list[float], gap: int) -> list[pygame.Rect]:
    """Split a rect into columns: widths > 1 are pixels, <= 1 are shares of what is left."""
    free = rect.width - gap * (len(widths) - 1) - sum(w for w in widths if w > 1)
    shares = sum(w for w in widths if w <= 1) or 1
    out, x = [], rect.x
    for w in widths:
        cw = int(w) if w > 1 else int(free * w / shares)
        out.append(pygame.Rect(x, rect.y, max(1, cw), rect.height))
        x += cw + gap
    return out


SCALE_STEP = 0.25
