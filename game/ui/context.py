"""The drawing context shared by widgets: theme, metrics, fonts and text measurement.

`Ui` is rebuilt whenever the UI scale or the theme changes. Fonts come only from
assets/fonts (never the system), so the game looks the same everywhere and can
render é, ≤, ≥ and arrows.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.ui.layout import Metrics
from game.ui.theme import Theme, load_theme


def wrap_text(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Split text into lines no wider than `width`; over-long words are broken by character."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            while word and font.size(word)[0] > width:
                cut = _fit_chars(word, font, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _fit_chars(word: str, font: pygame.font.Font, width: int) -> int:
    """How many leading characters of `word` fit in `width` (at least one)."""
    n = 1
    while n < len(word) and font.size(word[: n + 1])[0] <= width:
        n += 1
    return n


class Ui:
    """Theme + metrics + fonts at one scale."""

    def __init__(self, theme: Theme | None = None, scale: float = 1.0) -> None:
        self.theme = theme or load_theme("default")
        self.m = Metrics(self.theme, scale)
        self._fonts: dict[tuple[str, bool], pygame.font.Font] = {}
        if not pygame.font.get_init():
            pygame.font.init()

    @property
    def scale(self) -> float:
        """The UI scale."""
        return self.m.scale

    def font(self, size: str = "body", bold: bool = False) -> pygame.font.Font:
        """A font from assets/fonts at a named size."""
        key = (size, bold)
        if key not in self._fonts:
            path = self.theme.fonts["bold" if bold else "regular"]
            self._fonts[key] = pygame.font.Font(str(path), self.m.font_px(size))
        return self._fonts[key]

    def wrap(self, text: str, size: str, bold: bool, width: int) -> list[str]:
        """Lines of `text` wrapped to `width` in the given font."""
        return _wrap_cached(self, text, size, bold, max(1, width))

    def text_height(self, text: str, size: str, bold: bool, width: int) -> int:
        """Height of `text` wrapped to `width`."""
        return len(self.wrap(text, size, bold, width)) * self.font(size, bold).get_linesize()

    def render(self, text: str, size: str, bold: bool, colour) -> pygame.Surface:
        """A rendered line of text (cached)."""
        return _render_cached(self, text, size, bold, tuple(colour))


@lru_cache(maxsize=4096)
def _wrap_cached(ui: Ui, text: str, size: str, bold: bool, width: int) -> tuple[str, ...]:
    return tuple(wrap_text(text, ui.font(size, bold), width))


@lru_cache(maxsize=2048)
def _render_cached(ui: Ui, text: str, size: str, bold: bool, colour) -> pygame.Surface:
    return ui.font(size, bold).render(text, True, colour)
