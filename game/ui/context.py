"""The drawing context shared by widgets: theme, metrics, fonts and text measurement.

`Ui` is rebuilt whenever the UI scale or the theme changes. Fonts come only from
assets/fonts (never the system), so the game looks the same everywhere and can
render é, ≤, ≥ and arrows. The display face (League Spartan, for headings, names and
big numbers) covers Latin text only; text with other characters is drawn in DejaVu.

The public board sizes its text to its room rather than to the named sizes: it asks
for a font in pixels (`font_px`) and for the largest size that fits (`fit_px`), never
below `least_px`, the least size a shared screen may show at this scale (`least_ink`).
A page that must fit its room is drawn with a Ui at a smaller scale (`at_scale`), no
smaller than `fit_floor`. Every text surface is noted in `TEXT_INFO`, so tests can
measure what a screen draws.
"""

from __future__ import annotations

import weakref
from functools import lru_cache

import pygame

from game.ui.layout import MIN_SCALE, Metrics
from game.ui.theme import Theme, load_theme
from game.words.script import is_rtl, script_of, visual_runs


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


#: Named sizes drawn in the display face (when it has the glyphs).
DISPLAY_SIZES = ("heading", "title")

#: Every text surface the window renders -> (text, face, px), so that a test can tell,
#: for each blit, what text it was and how large (see tests/ui/textprobe.py).
TEXT_INFO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def least_ink(scale: float) -> tuple[int, int]:
    """The smallest text the shared screens may show at a UI scale, in pixels: the ink
    from the top of a capital to the bottom of a descender ("Hgy"), and the height of a
    capital. 18 and 12 at scale 2.0 (a projector's back row), 12 and 8 at 1.0."""
    return max(12, round(9 * scale)), max(8, round(6 * scale))


@lru_cache(maxsize=512)
def ink_heights(path: str, px: int) -> tuple[int, int]:
    """(ink height of "Hgy", height of "H") of a font file at `px`, in pixels."""
    font = pygame.font.Font(path, px)
    full = font.render("Hgy", True, (255, 255, 255)).get_bounding_rect().height
    cap = font.render("H", True, (255, 255, 255)).get_bounding_rect().height
    return full, cap


class Ui:
    """Theme + metrics + fonts at one scale."""

    def __init__(self, theme: Theme | None = None, scale: float = 1.0) -> None:
        self.theme = theme or load_theme("default")
        self.m = Metrics(self.theme, scale)
        self._fonts: dict[tuple[str, bool, bool], pygame.font.Font] = {}
        self._px_fonts: dict[tuple[int, bool, bool], pygame.font.Font] = {}
        self._faces: dict[int, tuple[str, int]] = {}  # id(font) -> (face, px)
        self._scaled: dict[float, Ui] = {self.m.scale: self}
        self._least: dict[tuple[str, float], int] = {}
        if not pygame.font.get_init():
            pygame.font.init()

    def _open(self, face: str, px: int) -> pygame.font.Font:
        font = pygame.font.Font(str(self.theme.fonts[face]), px)
        self._faces[id(font)] = (face, px)
        return font

    def at_scale(self, scale: float) -> Ui:
        """A Ui with the same theme at another scale (kept, so its fonts are loaded once);
        a page that must fit its room is drawn with one (see containers.Fit)."""
        scale = round(scale, 3)
        if scale not in self._scaled:
            self._scaled[scale] = Ui(self.theme, scale)
        return self._scaled[scale]

    def least_px(self, display: bool = False, bold: bool = False, scale: float | None = None) -> int:
        """The smallest pixel size whose ink reaches `least_ink` at this scale (or at
        `scale`), in the face a text is drawn in."""
        face = "display" if display else "bold" if bold else "regular"
        key = (face, self.scale if scale is None else scale)
        if key not in self._least:
            full, cap = least_ink(key[1])
            path, px = str(self.theme.fonts[face]), 6
            while px < 200:
                ink, caps = ink_heights(path, px)
                if ink >= full and caps >= cap:
                    break
                px += 1
            self._least[key] = px
        return self._least[key]

    def fit_floor(self) -> float:
        """The smallest UI scale (not above this one) at which every named text size still
        reaches `least_px`: how far a page may shrink to fit (containers.Fit)."""
        smallest = min(self.theme.font_sizes.values())
        return min(self.scale, max(MIN_SCALE, self.least_px() / smallest))

    def face_of(self, font: pygame.font.Font) -> tuple[str, int]:
        """(face, px) of a font this Ui made."""
        return self._faces[id(font)]

    def text_surface(self, font: pygame.font.Font, text: str, colour) -> pygame.Surface:
        """`text` rendered in `font` (one the Ui made), remembered in TEXT_INFO."""
        img = render_line(font, text, colour)
        face, px = self._faces.get(id(font), ("?", font.get_height()))
        TEXT_INFO[img] = (text, face, px)
        return img

    @property
    def scale(self) -> float:
        """The UI scale."""
        return self.m.scale

    def font(self, size: str = "body", bold: bool = False,
             text: str | None = None) -> pygame.font.Font:
        """A font from assets/fonts at a named size. Headings (and larger) given their
        `text` use the display face when it has every glyph of that text."""
        display = text is not None and size in DISPLAY_SIZES and self.display_ok(text)
        key = (size, bold, display)
        if key not in self._fonts:
            face = "display" if display else "bold" if bold else "regular"
            self._fonts[key] = self._open(face, self.m.font_px(size))
        return self._fonts[key]

    def font_px(self, px: int, bold: bool = False, display: bool = False) -> pygame.font.Font:
        """A font `px` pixels high: DejaVu, or with `display` the display face."""
        key = (max(6, int(px)), bold or display, display)
        if key not in self._px_fonts:
            name = "display" if display else "bold" if bold else "regular"
            self._px_fonts[key] = self._open(name, key[0])
        return self._px_fonts[key]

    def display_ok(self, text: str) -> bool:
        """True if the display face has a glyph for every character of `text`."""
        return all(_latin(ch) for ch in text)

    def font_for(self, text: str, px: int, bold: bool = False,
                 display: bool = False) -> pygame.font.Font:
        """The font to draw `text` in: the display face if asked and it has the glyphs."""
        return self.font_px(px, bold or display, display and self.display_ok(text))

    def render_px(self, text: str, px: int, colour, bold: bool = False,
                  display: bool = False) -> pygame.Surface:
        """`text` rendered `px` pixels high (cached)."""
        return _render_px_cached(self, text, int(px), tuple(colour), bold, display)

    def fit_px(self, lines: list[str], width: int, height: int, most: int,
               bold: bool = False, display: bool = False, least: int = 8) -> int:
        """The largest pixel size <= `most` at which `lines` (one per line) fit in
        width x height; `least` if none does."""
        lo, hi = least, max(least, int(most))
        while lo < hi:
            mid = (lo + hi + 1) // 2
            fonts = [self.font_for(t, mid, bold, display) for t in lines]
            wide = max((f.size(t)[0] for f, t in zip(fonts, lines, strict=True)), default=0)
            tall = sum(f.get_linesize() for f in fonts)
            lo, hi = (mid, hi) if wide <= width and tall <= height else (lo, mid - 1)
        return lo

    def fit_wrapped(self, text: str, width: int, height: int, most: int,
                    least: int = 8) -> tuple[int, list[str]]:
        """The largest pixel size <= `most` at which `text`, wrapped to `width`, fits in
        `height`, and its lines at that size."""
        lo, hi = least, max(least, int(most))
        while lo < hi:
            mid = (lo + hi + 1) // 2
            font = self.font_px(mid)
            fits = len(wrap_text(text, font, width)) * font.get_linesize() <= height
            lo, hi = (mid, hi) if fits else (lo, mid - 1)
        return lo, wrap_text(text, self.font_px(lo), width)

    def wrap(self, text: str, size: str, bold: bool, width: int) -> list[str]:
        """Lines of `text` wrapped to `width` in the given font."""
        return _wrap_cached(self, text, size, bold, max(1, width))

    def text_height(self, text: str, size: str, bold: bool, width: int) -> int:
        """Height of `text` wrapped to `width`."""
        return len(self.wrap(text, size, bold, width)) * \
            self.font(size, bold, text).get_linesize()

    def render(self, text: str, size: str, bold: bool, colour) -> pygame.Surface:
        """A rendered line of text (cached)."""
        return _render_cached(self, text, size, bold, tuple(colour))


@lru_cache(maxsize=4096)
def _wrap_cached(ui: Ui, text: str, size: str, bold: bool, width: int) -> tuple[str, ...]:
    return tuple(wrap_text(text, ui.font(size, bold, text), width))


def _latin(ch: str) -> bool:
    """Characters the display face draws: Latin letters, digits and common punctuation."""
    return ord(ch) < 0x250 or ch in "–—‘’“”…"


@lru_cache(maxsize=2048)
def _render_px_cached(ui: Ui, text: str, px: int, colour, bold: bool, display: bool):
    return ui.text_surface(ui.font_for(text, px, bold, display), text, colour)


@lru_cache(maxsize=2048)
def _render_cached(ui: Ui, text: str, size: str, bold: bool, colour) -> pygame.Surface:
    return ui.text_surface(ui.font(size, bold, text), text, colour)


def render_line(font: pygame.font.Font, text: str, colour) -> pygame.Surface:
    """One line of text; right-to-left words (Arabic, Hebrew) shaped and ordered.

    SDL_ttf shapes one direction at a time, so a line holding right-to-left letters is
    cut into runs in drawing order (game.words.script.visual_runs); each right-to-left run
    is shaped with its script and direction, and the runs are drawn side by side."""
    if not is_rtl(text):
        return font.render(text, True, colour)
    pieces = []
    for run, rtl in visual_runs(text):
        if rtl:
            font.set_script(script_of(run))
            font.set_direction(pygame.DIRECTION_RTL)
        try:
            pieces.append(font.render(run, True, colour))
        finally:
            if rtl:
                font.set_script("Zyyy")
                font.set_direction(pygame.DIRECTION_LTR)
    out = pygame.Surface((sum(p.get_width() for p in pieces), font.get_height()), pygame.SRCALPHA)
    x = 0
    for piece in pieces:
        out.blit(piece, (x, 0))
        x += piece.get_width()
    return out

