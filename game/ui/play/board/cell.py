"""The board's parts: what the board shows (`BoardState`), the cell every part is
drawn in (`Cell`: a panel with a title, text sized to its room), and `Plan`, a cell's
content laid out before it is drawn.

Every cell has forms, from the fullest to the most compact (a diagram, then a table;
names, then emblems). A cell lays out its fullest form at the largest text size its
room allows, never below the board's least size (`BoardState.ink_scale`, see
`Ui.least_px`); a plan whose text leaves the room or overlaps other text is refused,
and the next form is tried. So what does not fit is summarised, never cut or crossed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pygame

from game.ui.base import Widget
from game.ui.context import Ui
from game.ui.identity import Delegation, draw_emblem


@dataclass
class BoardState:
    """What the board shows: a view, the scenario and the timer, plus moving meters.

    `ink_scale` is the UI scale whose least text size the board keeps to (None: the
    window's own scale, as on the shared screens)."""

    view: object
    scenario: object
    clock: str = ""  # mm:ss, "" when there is no timer
    timer_state: str = "off"
    highlight: dict[str, tuple[int, int]] = field(default_factory=dict)
    ink_scale: float | None = None


class Plan:
    """A cell's content laid out in `box`: drawing steps, and the rects of its text and
    marks (`solids`), which must lie inside the box and never overlap one another."""

    def __init__(self, ui: Ui, box: pygame.Rect) -> None:
        self.ui, self.box = ui, pygame.Rect(box)
        self.steps: list[Callable[[pygame.Surface], None]] = []
        self.solids: list[pygame.Rect] = []
        self.px = 0  # the size of its main text: a form with much smaller text loses

    def text(self, text: str, px: int, colour, pos, anchor: str = "topleft", bold: bool = False,
             display: bool = False, solid: bool = True) -> pygame.Rect:
        """Place one line of text; returns its rect."""
        img = self.ui.render_px(text, px, colour, bold, display)
        rect = img.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
        self.steps.append(lambda surface, img=img, rect=rect: surface.blit(img, rect))
        if solid:
            self.solids.append(rect)
        self.px = max(self.px, px)
        return rect

    def draw(self, step: Callable[[pygame.Surface], None], solid: pygame.Rect | None = None) -> None:
        """A drawing step; `solid` is the rect it covers, if nothing may overlap it."""
        self.steps.append(step)
        if solid is not None:
            self.solids.append(pygame.Rect(solid))

    def fits(self) -> bool:
        """True when every solid lies inside the box and no two overlap."""
        if any(not self.box.contains(r) for r in self.solids):
            return False
        room = max(2, self.ui.m.u(3))  # side by side, two texts keep a space between them
        rects = [r.inflate(room, 0) for r in self.solids]
        return not any(rects[i].colliderect(rects[j]) for i in range(len(rects))
                       for j in range(i + 1, len(rects)))

    def paint(self, surface: pygame.Surface) -> None:
        """Draw every step, in order."""
        for step in self.steps:
            step(surface)


#: Laid-out plans by what they show (see Cell.plan).
_PLANS: dict[tuple, Plan] = {}


class Cell(Widget):
    """A panel of the board with a title; subclasses lay out their content in forms."""

    def __init__(self, board: BoardState, who: dict[str, Delegation]) -> None:
        super().__init__(key=f"board:{type(self).__name__}")
        self.b, self.who = board, who

    def least(self, ui: Ui, display: bool = False, bold: bool = False) -> int:
        """The least pixel size of this board's text in a face."""
        return ui.least_px(display, bold, scale=self.b.ink_scale)

    def pad(self, ui: Ui) -> int:
        return max(3, min(ui.m.u(7), self.rect.height // 12, self.rect.width // 20))

    shared_title_px = 0  # set by the Board: every cell's title in one size

    def own_title_px(self, ui: Ui) -> int:
        """The largest title size (from the least size up to a third above it) at which
        the shortest form of the title fits this cell."""
        least = self.least(ui, display=True)
        short = self.headings()[-1]
        return ui.fit_px([short], self.rect.width - 2 * self.pad(ui),
                         max(least, self.rect.height // 5), round(least * 4 / 3),
                         display=True, least=least)

    def title_px(self, ui: Ui) -> int:
        return min(self.shared_title_px or 999, self.own_title_px(ui))

    def heading(self) -> str:
        """The cell's title in full."""
        return self.headings()[0]

    def headings(self) -> list[str]:
        """The title's forms, the fullest first."""
        return [""]

    def shown_heading(self, ui: Ui) -> str:
        """The fullest form of the title that fits the cell at the title size."""
        room = self.rect.width - 2 * self.pad(ui)
        px = self.title_px(ui)
        for text in self.headings():
            if ui.font_for(text, px, display=True).size(text)[0] <= room:
                return text
        return self.headings()[-1]

    def inner(self, ui: Ui) -> pygame.Rect:
        pad = self.pad(ui)
        top = ui.font_for(self.shown_heading(ui), self.title_px(ui), display=True).get_height()
        return pygame.Rect(self.rect.x + pad, self.rect.y + pad + top + pad // 2,
                           self.rect.width - 2 * pad, self.rect.height - 2 * pad - top - pad // 2)

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        style = ui.theme.style("panel")
        radius = ui.m.px("border") * 2
        pygame.draw.rect(surface, style.bg, self.rect, border_radius=radius)
        pygame.draw.rect(surface, ui.theme.colour("border"), self.rect,
                         max(1, ui.m.px("border") // 2), border_radius=radius)
        pad = self.pad(ui)
        img = ui.render_px(self.shown_heading(ui), self.title_px(ui),
                           ui.theme.style("panel_heading").fg, display=True)
        surface.blit(img, (self.rect.x + pad, self.rect.y + pad))
        self.plan(ui, self.inner(ui)).paint(surface)

    #: A fuller form is kept while its text is at least this share of the largest text
    #: any form that fits would have: more words, but not much smaller ones.
    KEEP = 0.8

    def plan(self, ui: Ui, box: pygame.Rect) -> Plan:
        """The fullest of `forms` that fits `box` with text nearly as large as any other
        form of its group that fits (the groups are tried in turn), else the last one.
        A team's own board (its least size below the shared screens') that fits nothing
        tries again at the least size of scale 1.0. Plans are kept by what they show, so
        a redraw for a timer tick lays out only the clock again."""
        key = (type(self).__name__, tuple(self.rect), tuple(box), id(ui), ui.theme.name,
               ui.scale, self.b.ink_scale,
               self.title_px(ui), tuple(self.texts()), tuple(sorted(self.b.highlight.items())))
        plan = _PLANS.get(key)
        if plan is None:
            if len(_PLANS) > 96:
                _PLANS.clear()
            plan = _PLANS[key] = self._laid_out(ui, box)
        return plan

    def _laid_out(self, ui: Ui, box: pygame.Rect) -> Plan:
        plan = self._plan(ui, box)
        scale = self.b.ink_scale
        if not plan.fits() and scale is not None and scale > 1.0:
            self.b.ink_scale = 1.0
            try:
                plan = self._plan(ui, box)
            finally:
                self.b.ink_scale = scale
        return plan

    def _plan(self, ui: Ui, box: pygame.Rect) -> Plan:
        last = Plan(ui, box)
        for group in self._groups():
            fitting = []
            for form in group:
                last = form(ui, box)
                if last.fits():
                    fitting.append(last)
            if fitting:
                best = max(p.px for p in fitting)
                return next(p for p in fitting if p.px >= best * self.KEEP)
        return last

    def _groups(self) -> list[list[Callable[[Ui, pygame.Rect], Plan]]]:
        groups: list[list] = [[]]
        for form in self.forms():
            if form is None:
                groups.append([])
            else:
                groups[-1].append(form)
        return [g for g in groups if g]

    def forms(self) -> list[Callable[[Ui, pygame.Rect], Plan] | None]:
        """Ways to lay out the content, the fullest first; a None between them starts a
        group that is tried only when no form before it fits (a last resort)."""
        return []

    def lines(self) -> list[str]:
        """The cell's content in words (what tests and screen readers get)."""
        return []

    def texts(self) -> list[str]:
        return [self.heading(), *self.lines()]

    def sizes(self, ui: Ui, most: float, display: bool = False,
              bold: bool = False) -> Iterable[int]:
        """Text sizes to try, from `most` base units down to the least size."""
        least = self.least(ui, display, bold)
        top = max(least, ui.m.u(most))
        step = max(1, (top - least) // 8)
        px = top
        while px > least:
            yield px
            px -= step
        yield least


def line_height(font: pygame.font.Font) -> int:
    """The step from one line to the next: never less than a rendered line's height
    (League Spartan's line spacing is a pixel less than its glyphs)."""
    return max(font.get_linesize(), font.size("Hg")[1])


def wrap_words(text: str, font: pygame.font.Font, width: int) -> list[str] | None:
    """Lines of `text` no wider than `width`, broken only between words; None when a
    single word is wider than `width` (a word is never cut in two)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            if font.size(word)[0] > width:
                return None
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def draw_text(surface, ui: Ui, text: str, px: int, colour, pos, anchor: str = "topleft",
              bold: bool = False, display: bool = False) -> pygame.Rect:
    img = ui.render_px(text, px, colour, bold, display)
    rect = img.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
    surface.blit(img, rect)
    return rect


def mark(surface, ui: Ui, rect: pygame.Rect, inside: pygame.Rect | None = None) -> None:
    """Outline a moving meter in the focus colour (its words say before → after too),
    kept inside `inside` (the cell) when given."""
    ring = rect.inflate(6, 6)
    if inside is not None:
        ring = ring.clip(inside)
    pygame.draw.rect(surface, ui.theme.colour("focus"), ring, max(2, ui.m.u(3)),
                     border_radius=ui.m.u(4))


def emblem_step(d: Delegation, centre, r: float, outline) -> Callable[[pygame.Surface], None]:
    """A drawing step for a delegation's emblem."""
    return lambda surface: draw_emblem(surface, d.emblem, centre, r, d.colour, outline)
