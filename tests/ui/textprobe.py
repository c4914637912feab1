"""Measure what a screen draws: every line of text, how large it is and where it lands.

`probe(app)` draws the top screen onto a `RecordingSurface`, which keeps, for each blit
of a text surface the window rendered (see `game.ui.context.TEXT_INFO`), the text, its
face and pixel size, its rect, its ink and the clip in force. `problems(app)` checks a
shared screen against what the back row of a classroom needs: every visible text at
least `least_ink` tall (ink from ascender to descender, and capitals), whole inside the
window unless a scrolling page shows part of it, no two texts overlapping, and every
text of the board inside its own cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.base import walk
from game.ui.context import TEXT_INFO, ink_heights, least_ink


@dataclass(frozen=True)
class TextBlit:
    """One line of text as drawn: where, how large, and the clip it was drawn under."""

    text: str
    face: str
    px: int
    rect: pygame.Rect
    ink: pygame.Rect
    clip: pygame.Rect

    @property
    def visible(self) -> pygame.Rect:
        """The part of the ink that shows (zero-sized when clipped away)."""
        return self.ink.clip(self.clip)


class RecordingSurface(pygame.Surface):
    """A surface that remembers every text blit."""

    def __init__(self, size) -> None:
        super().__init__(size)
        self.texts: list[TextBlit] = []

    def blit(self, source, dest, area=None, special_flags=0):
        rect = super().blit(source, dest, area, special_flags)
        info = TEXT_INFO.get(source)
        if info is not None and info[0].strip():
            at = dest.topleft if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
            box = pygame.Rect(at, source.get_size())
            ink = source.get_bounding_rect().move(at)
            self.texts.append(TextBlit(info[0], info[1], info[2], box, ink, self.get_clip()))
        return rect


def probe(app) -> list[TextBlit]:
    """Draw the top screen and return its text, as drawn."""
    surface = RecordingSurface(app.surface.get_size())
    app.stack.top.draw(surface)
    return surface.texts


def tall_enough(app, t: TextBlit) -> bool:
    """True when the face at this size reaches the least ink height and cap height."""
    full, cap = least_ink(app.ui.scale)
    ink, caps = ink_heights(str(app.ui.theme.fonts[t.face]), t.px)
    return ink >= full and caps >= cap


def problems(app) -> list[str]:
    """What a shared screen does wrong for the back row, one line each (empty: nothing)."""
    from game.ui.play.board.cell import Cell
    window = app.surface.get_rect()
    texts = [t for t in probe(app) if t.visible.width and t.visible.height]
    out = [f"too small ({t.face} {t.px}px): {t.text!r}" for t in texts if not tall_enough(app, t)]
    for t in texts:
        scrolled = t.clip != window  # a scrolling page may show part of a line at its edge
        if not window.contains(t.ink) and not scrolled:
            out.append(f"outside the window: {t.text!r} at {t.ink}")
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if a.visible.colliderect(b.visible):
                out.append(f"overlap: {a.text!r} at {a.visible} and {b.text!r} at {b.visible}")
    root = app.stack.top.ensure_root()
    cells = [w for w in walk(root) if isinstance(w, Cell)]
    for cell in cells:
        if not window.contains(cell.rect):
            out.append(f"cell outside the window: {type(cell).__name__}")
        for t in texts:
            if cell.rect.collidepoint(t.ink.center) and not cell.rect.contains(t.ink):
                out.append(f"leaves its cell {type(cell).__name__}: {t.text!r}")
    for i, a in enumerate(cells):
        for b in cells[i + 1:]:
            if a.rect.colliderect(b.rect):
                out.append(f"cells overlap: {type(a).__name__} and {type(b).__name__}")
    return out


def smallest(app) -> tuple[int, int, str]:
    """(ink height, cap height, text) of the smallest visible text on the top screen."""
    texts = [t for t in probe(app) if t.visible.width and t.visible.height]
    sized = [(*ink_heights(str(app.ui.theme.fonts[t.face]), t.px), t.text) for t in texts]
    return min(sized) if sized else (0, 0, "")
