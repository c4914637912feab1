"""Containers: Column, Row, Split, Centre, Panel, ScrollView and Spacer.

Containers give each child the height it measures, so wrapped text is never cut;
when a screen holds more than fits, a ScrollView scrolls it (the focused widget is
always scrolled into view) instead of squeezing it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.base import Widget, walk
from game.ui.context import Ui
from game.ui.layout import split_columns


class Spacer(Widget):
    """Empty vertical space of `units` base pixels."""

    def __init__(self, units: float = 8) -> None:
        super().__init__()
        self.units = units

    def measure(self, ui: Ui, width: int) -> int:
        return ui.m.u(self.units)


class Column(Widget):
    """Children stacked top to bottom with a gap between them."""

    def __init__(self, children: Sequence[Widget], gap: str = "gap", key: str | None = None):
        super().__init__(key)
        self.items = [c for c in children if c is not None]
        self.gap = gap

    def children(self) -> Sequence[Widget]:
        return self.items

    def measure(self, ui: Ui, width: int) -> int:
        gaps = ui.m.px(self.gap) * max(0, len(self.items) - 1)
        return sum(c.measure(ui, width) for c in self.items) + gaps

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        super().place(ui, rect)
        y = rect.y
        for child in self.items:
            h = child.measure(ui, rect.width)
            child.place(ui, pygame.Rect(rect.x, y, rect.width, h))
            y += h + ui.m.px(self.gap)

    def draw_tree(self, surface, ui: Ui, focus: Widget | None) -> None:
        self.draw(surface, ui, self is focus)
        for child in self.items:
            if child.clip is None or child.rect.colliderect(child.clip):
                child.draw_tree(surface, ui, focus)


class Row(Column):
    """Children side by side; widths > 1 are base units, <= 1 are shares of the rest."""

    def __init__(self, children: Sequence[Widget], widths: Sequence[float] | None = None,
                 gap: str = "gap", key: str | None = None):
        super().__init__(children, gap, key)
        self.widths = list(widths or [1] * len(self.items))

    def _columns(self, ui: Ui, rect: pygame.Rect) -> list[pygame.Rect]:
        widths = [ui.m.u(w) if w > 1 else w for w in self.widths]
        return split_columns(rect, widths, ui.m.px(self.gap))

    def measure(self, ui: Ui, width: int) -> int:
        cols = self._columns(ui, pygame.Rect(0, 0, width, 1))
        return max((c.measure(ui, r.width) for c, r in zip(self.items, cols, strict=True)),
                   default=0)

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        Widget.place(self, ui, rect)
        for child, col in zip(self.items, self._columns(ui, rect), strict=True):
            child.place(ui, col)


class Centre(Widget):
    """Its child, centred vertically in the rect when it is shorter (a title screen's
    menu on a projector sits in the middle, not at the top)."""

    def __init__(self, child: Widget, key: str | None = None):
        super().__init__(key)
        self.child = child

    def children(self) -> Sequence[Widget]:
        return (self.child,)

    def measure(self, ui: Ui, width: int) -> int:
        return self.child.measure(ui, width)

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        super().place(ui, rect)
        h = min(rect.height, self.child.measure(ui, rect.width))
        self.child.place(ui, pygame.Rect(rect.x, rect.y + (rect.height - h) // 2, rect.width, h))

    def draw_tree(self, surface, ui: Ui, focus: Widget | None) -> None:
        self.child.draw_tree(surface, ui, focus)


class Split(Column):
    """Children stacked top to bottom, each given a fixed share of the height (a child
    that needs more scrolls inside its own ScrollView; nothing is squeezed)."""

    def __init__(self, children: Sequence[Widget], shares: Sequence[float],
                 gap: str = "gap", key: str | None = None):
        super().__init__(children, gap, key)
        self.shares = list(shares)

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        Widget.place(self, ui, rect)
        gap = ui.m.px(self.gap)
        free = rect.height - gap * (len(self.items) - 1)
        y = rect.y
        for child, share in zip(self.items, self.shares, strict=True):
            h = int(free * share / sum(self.shares))
            child.place(ui, pygame.Rect(rect.x, y, rect.width, h))
            y += h + gap


class Panel(Column):
    """A Column on a filled, bordered background in the `panel` style."""

    def __init__(self, children: Sequence[Widget], style: str = "panel", key: str | None = None,
                 gap: str = "gap"):
        super().__init__(children, gap, key)
        self.style = style

    def measure(self, ui: Ui, width: int) -> int:
        pad = ui.m.px("pad")
        return super().measure(ui, width - 2 * pad) + 2 * pad

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        pad = ui.m.px("pad")
        super().place(ui, rect.inflate(-2 * pad, -2 * pad))
        self.rect = pygame.Rect(rect)

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        m = ui.m
        pygame.draw.rect(surface, ui.theme.style(self.style).bg, self.rect,
                         border_radius=m.px("border") * 2)
        pygame.draw.rect(surface, ui.theme.colour("border"), self.rect, max(1, m.px("border") // 2),
                         border_radius=m.px("border") * 2)


class ScrollView(Widget):
    """Shows a child taller than itself, scrolled by `offset`; a bar shows the position."""

    def __init__(self, child: Widget, key: str = "scroll") -> None:
        super().__init__(key)
        self.child = child
        self.offset = 0
        self.content_h = 0

    def children(self) -> Sequence[Widget]:
        return (self.child,)

    def measure(self, ui: Ui, width: int) -> int:
        return self.child.measure(ui, width - self._bar(ui))

    def _bar(self, ui: Ui) -> int:
        return ui.m.px("scrollbar_w") + ui.m.px("gap")

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        super().place(ui, rect)
        width = rect.width - self._bar(ui)
        self.content_h = self.child.measure(ui, width)
        self.offset = max(0, min(self.offset, self.content_h - rect.height))
        self.child.place(ui, pygame.Rect(rect.x, rect.y - self.offset, width, self.content_h))
        clip = rect if self.clip is None else rect.clip(self.clip)
        for w in walk(self.child):
            w.clip = clip

    def scroll(self, pixels: int) -> bool:
        """Scroll by `pixels` (positive: down); True if the view moved."""
        old = self.offset
        self.offset = max(0, min(self.offset + pixels, self.content_h - self.rect.height))
        if self.offset != old and self.ui is not None:
            self.place(self.ui, self.rect)
        return self.offset != old

    def ensure_visible(self, widget: Widget) -> bool:
        """Scroll so that `widget` (a descendant) is in view."""
        r = widget.rect.inflate(0, 2 * self.ui.m.px("ring")) if self.ui else widget.rect
        if r.top < self.rect.top or r.height > self.rect.height:
            return self.scroll(r.top - self.rect.top)
        if r.bottom > self.rect.bottom:
            return self.scroll(r.bottom - self.rect.bottom)
        return False

    def draw_tree(self, surface, ui: Ui, focus: Widget | None) -> None:
        old = surface.get_clip()
        surface.set_clip(self.rect if self.clip is None else self.rect.clip(self.clip))
        self.child.draw_tree(surface, ui, focus)
        surface.set_clip(old)
        if self.content_h > self.rect.height:
            self._draw_bar(surface, ui)

    def _draw_bar(self, surface, ui: Ui) -> None:
        bar_w = ui.m.px("scrollbar_w")
        track = pygame.Rect(self.rect.right - bar_w, self.rect.y, bar_w, self.rect.height)
        pygame.draw.rect(surface, ui.theme.colour("track"), track)
        h = max(bar_w * 2, track.height * self.rect.height // max(1, self.content_h))
        room = max(1, self.content_h - self.rect.height)
        y = track.y + (track.height - h) * self.offset // room
        pygame.draw.rect(surface, ui.theme.colour("text"), (track.x, y, bar_w, h))


class Fit(Widget):
    """Its child drawn at the largest UI scale, from the window's down to `floor`, at which
    the `essential` widgets (by default the whole child) fit in the rect unscrolled.

    A page on a projector keeps its text as large as the room allows, and what must be
    read from the back row (an event card, a scoreboard) is never below the fold: the
    text shrinks first, and only what is not essential is left to scroll. `floor` is a
    UI scale at which the smallest text still meets the shared screens' least size
    (`Ui.fit_floor`). `essential` are items of one Column inside the child, measured with
    that Column's gap.
    """

    STEP = 0.05

    def __init__(self, child: Widget, floor: float, essential: Sequence[Widget] = (),
                 column: Column | None = None, key: str | None = None) -> None:
        super().__init__(key)
        self.child, self.floor = child, floor
        self.essential, self.column = list(essential), column
        self.inner: Ui | None = None

    def children(self) -> Sequence[Widget]:
        return (self.child,)

    def need(self, ui: Ui, width: int) -> int:
        """Height the essential part needs at `width`."""
        if not self.essential:
            return self.child.measure(ui, width)
        inner = width - (ui.m.px("scrollbar_w") + ui.m.px("gap")
                         if isinstance(self.child, ScrollView) else 0)
        gap = ui.m.px(self.column.gap if self.column else "gap")
        return sum(w.measure(ui, inner) for w in self.essential) + gap * (len(self.essential) - 1)

    def scale_for(self, ui: Ui, width: int, height: int) -> float:
        """The largest scale, in steps of STEP from the window's, at which it all fits."""
        scale = ui.scale
        while scale > self.floor and self.need(ui.at_scale(scale), width) > height:
            scale = max(self.floor, scale - self.STEP)
        return scale

    def measure(self, ui: Ui, width: int) -> int:
        return self.child.measure(ui.at_scale(self.floor), width)

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        super().place(ui, rect)
        self.inner = ui.at_scale(self.scale_for(ui, rect.width, rect.height))
        self.child.place(self.inner, rect)

    def draw_tree(self, surface, ui: Ui, focus: Widget | None) -> None:
        self.child.draw_tree(surface, self.inner or ui, focus)


class Dock(Widget):
    """A main child above a `foot` that is always in view: the foot gets the height it
    measures (at most `most` of the rect; a Fit foot shrinks its text to that) and the
    main child, usually a scrolling page, the rest. A guide's card stays beside the
    page it talks about while the page scrolls."""

    def __init__(self, main: Widget, foot: Widget, most: float = 0.6, key: str | None = None):
        super().__init__(key)
        self.main, self.foot, self.most = main, foot, most

    def children(self) -> Sequence[Widget]:
        return (self.main, self.foot)

    def measure(self, ui: Ui, width: int) -> int:
        return self.main.measure(ui, width) + self.foot.measure(ui, width) + ui.m.px("pad")

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        super().place(ui, rect)
        want = self.foot.child.measure(ui, rect.width) if isinstance(self.foot, Fit) else \
            self.foot.measure(ui, rect.width)
        foot_h = min(want, int(rect.height * self.most))
        gap = ui.m.px("pad")
        self.main.place(ui, pygame.Rect(rect.x, rect.y, rect.width, rect.height - foot_h - gap))
        self.foot.place(ui, pygame.Rect(rect.x, rect.bottom - foot_h, rect.width, foot_h))

    def draw_tree(self, surface, ui: Ui, focus: Widget | None) -> None:
        self.main.draw_tree(surface, ui, focus)
        self.foot.draw_tree(surface, ui, focus)
