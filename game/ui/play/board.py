"""The public board: the centrepiece of every shared screen, sized for a projector.

It fills the rect it is given and never scrolls: every cell sizes its text to its
room (`Ui.fit_px`), so the whole public state fits at any window size and UI scale.

- the round and a large talks countdown, with its state in words;
- a tension dial with the band's name;
- a trust diagram: thick arrows in the truster's colour, each carrying its number,
  and the same values in words beside it ("Moscow → Washington 26");
- domestic support bars with the fog range this view sees;
- the cooperation track as a path of milestones, each marked in words;
- the commitments in force.

It reads one `PlayerView` (the public one on shared screens). `highlight` names meters
that are moving right now (meter -> (before, after)); their cells mark them and say
before → after in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from game.ui.base import Widget
from game.ui.context import Ui, wrap_text
from game.ui.identity import Delegation, delegations, draw_emblem
from game.ui.play.text import milestone_name
from game.ui.theme import RGB
from game.words import N_, _, band_name

BANDS = ("calm", "wary", "strained", "crisis")
BAND_EDGES = (0, 25, 50, 75, 100)
TIMER_WORDS = {"running": N_("Talks under way"), "paused": N_("PAUSED"),
               "time is up": N_("TIME IS UP · the round goes on"),
               "talks over": N_("Talks are over"), "not started": N_("Talks not yet begun"),
               "off": N_("No talks timer")}


@dataclass
class BoardState:
    """What the board shows: a view, the scenario and the timer, plus moving meters."""

    view: object
    scenario: object
    clock: str = ""  # mm:ss, "" when there is no timer
    timer_state: str = "off"
    highlight: dict[str, tuple[int, int]] = field(default_factory=dict)


class Cell(Widget):
    """A panel of the board with a title; subclasses draw inside `inner`."""

    def __init__(self, board: BoardState, who: dict[str, Delegation]) -> None:
        super().__init__(key=f"board:{type(self).__name__}")
        self.b, self.who = board, who

    def pad(self, ui: Ui) -> int:
        return max(4, min(ui.m.px("pad"), self.rect.height // 12))

    shared_title_px = 0  # set by the Board: every cell's title in one size

    def own_title_px(self, ui: Ui) -> int:
        """The largest title size that fits this cell."""
        return ui.fit_px([self.heading()], self.rect.width - 2 * self.pad(ui),
                         max(10, self.rect.height // 6), ui.m.u(22), display=True)

    def title_px(self, ui: Ui) -> int:
        return min(self.shared_title_px or 999, self.own_title_px(ui))

    def heading(self) -> str:
        """The cell's title."""
        return ""

    def inner(self, ui: Ui) -> pygame.Rect:
        pad = self.pad(ui)
        top = ui.font_px(self.title_px(ui), display=True).get_linesize()
        return pygame.Rect(self.rect.x + pad, self.rect.y + pad + top,
                           self.rect.width - 2 * pad, self.rect.height - 2 * pad - top)

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        style = ui.theme.style("panel")
        radius = ui.m.px("border") * 2
        pygame.draw.rect(surface, style.bg, self.rect, border_radius=radius)
        pygame.draw.rect(surface, ui.theme.colour("border"), self.rect,
                         max(1, ui.m.px("border") // 2), border_radius=radius)
        pad = self.pad(ui)
        img = ui.render_px(self.heading(), self.title_px(ui), ui.theme.style("panel_heading").fg,
                           display=True)
        surface.blit(img, (self.rect.x + pad, self.rect.y + pad))
        self.draw_inside(surface, ui, self.inner(ui))

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        """Draw the cell's content in `box`."""

    def lines(self) -> list[str]:
        """The cell's content in words (what tests and screen readers get)."""
        return []

    def texts(self) -> list[str]:
        return [self.heading(), *self.lines()]


def _text(surface, ui: Ui, text: str, px: int, colour, pos, anchor: str = "topleft",
          bold: bool = False, display: bool = False) -> pygame.Rect:
    img = ui.render_px(text, px, colour, bold, display)
    rect = img.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
    surface.blit(img, rect)
    return rect


def _mark(surface, ui: Ui, rect: pygame.Rect) -> None:
    """Outline a moving meter in the focus colour (its words say before → after too)."""
    pygame.draw.rect(surface, ui.theme.colour("focus"), rect.inflate(6, 6), max(2, ui.m.u(3)),
                     border_radius=ui.m.u(4))


class ClockCell(Cell):
    """The round and the talks countdown, large, with the timer's state in words."""

    def heading(self) -> str:
        v = self.b.view
        text = _("Round {round} of {rounds}").format(round=v.round, rounds=v.rounds)
        return text + _(" · game over") if v.over else text

    def words(self) -> str:
        if self.b.view.over:
            return _("The game is over")
        return _(TIMER_WORDS.get(self.b.timer_state, self.b.timer_state))

    def _clock(self) -> str:
        """mm:ss, or "" when no countdown belongs on the board."""
        hidden = self.b.view.over or self.b.timer_state in ("off", "not started")
        return "" if hidden else self.b.clock

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        """The countdown in large figures (without one, the round number), and the
        timer's state in words below it."""
        words = self.words()
        big = self._clock() or _("Round {n}").format(n=self.b.view.round)
        big_h = int(box.height * 0.68)
        px = ui.fit_px([big], box.width, big_h, ui.m.u(140), display=True)
        colour = ui.theme.style("panel").fg
        if self.b.timer_state != "running" and self._clock():
            colour = ui.theme.style("panel_muted").fg
        _text(surface, ui, big, px, colour, (box.centerx, box.y + big_h // 2), "center",
              display=True)
        px = ui.fit_px([words], box.width, box.height - big_h, ui.m.u(26), bold=True)
        style = "warning" if self.b.timer_state in ("paused", "time is up") else "panel_accent"
        fg, bg = ui.theme.style(style).fg, ui.theme.style(style).bg
        img = ui.render_px(words, px, fg, bold=True)
        rect = img.get_rect(center=(box.centerx, box.y + big_h + (box.height - big_h) // 2))
        if style == "warning":
            pygame.draw.rect(surface, bg, rect.inflate(ui.m.u(8), ui.m.u(2)),
                             border_radius=ui.m.u(4))
        surface.blit(img, rect)

    def lines(self) -> list[str]:
        clock = self._clock()
        return [_("Talks timer {clock}: {state}").format(clock=clock, state=self.words())
                if clock else self.words()]


class TensionDial(Cell):
    """A half-dial from 0 to 100 in four bands, a needle, the value and the band name."""

    def heading(self) -> str:
        move = self.b.highlight.get("tension")
        return _("Tension {before} → {after}").format(before=move[0], after=move[1]) if move \
            else _("Tension")

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        v, th = self.b.view, ui.theme
        value = f"{v.tension} · {band_name(v.band)}"
        text_h = int(box.height * 0.34)
        tick_px = max(8, min(ui.m.u(14), box.height // 9))
        r = max(8, min(box.width // 2 - 2 * tick_px, box.height - text_h - tick_px))
        cx, cy = box.centerx, box.y + tick_px + r
        thick = max(6, r // 3)
        for i, colour in enumerate(th.bands or th.series[:4]):
            _arc(surface, (cx, cy), r, thick, BAND_EDGES[i], BAND_EDGES[i + 1], colour,
                 th.colour("border"))
        move = self.b.highlight.get("tension")
        if move:
            _needle(surface, (cx, cy), r - thick // 2, move[0], th.colour("border"),
                    max(2, r // 20))
        width = max(3, r // 10)  # ringed in the panel colour: it shows on every band
        _needle(surface, (cx, cy), r - 2, v.tension, th.style("panel").bg, width + 4)
        _needle(surface, (cx, cy), r - 4, v.tension, th.colour("text"), width)
        pygame.draw.circle(surface, th.colour("text"), (cx, cy), max(3, r // 9))
        for edge in BAND_EDGES:
            a = math.pi * (1 - edge / 100)
            x, y = cx + (r + tick_px) * math.cos(a), cy - (r + tick_px * 0.6) * math.sin(a)
            _text(surface, ui, str(edge), tick_px, th.style("panel_muted").fg, (x, y), "center")
        room = pygame.Rect(box.x, cy + max(3, r // 9) + 2, box.width, box.bottom - cy - r // 9 - 2)
        px = ui.fit_px([value], room.width, room.height, ui.m.u(40), display=True)
        rect = _text(surface, ui, value, px, th.style("panel").fg, room.center, "center",
                     display=True)
        if move:
            _mark(surface, ui, rect)

    def lines(self) -> list[str]:
        v = self.b.view
        return [_("Tension {value} of 100: {band} (calm < 25 ≤ wary < 50 ≤ strained < 75 ≤ "
                  "crisis)").format(value=v.tension, band=band_name(v.band))]


def _arc_points(centre, r: float, start: float, end: float, steps: int = 16):
    cx, cy = centre
    return [(cx + r * math.cos(math.pi * (1 - (start + (end - start) * k / steps) / 100)),
             cy - r * math.sin(math.pi * (1 - (start + (end - start) * k / steps) / 100)))
            for k in range(steps + 1)]


def _arc(surface, centre, r: int, thick: int, start: int, end: int, colour, edge) -> None:
    """A band of the dial from value `start` to `end`, as a filled ring segment."""
    outer = _arc_points(centre, r, start, end)
    inner = _arc_points(centre, r - thick, end, start)
    pygame.draw.polygon(surface, colour, outer + inner)
    pygame.draw.polygon(surface, edge, outer + inner, 2)


def _needle(surface, centre, length: float, value: int, colour, width: int) -> None:
    a = math.pi * (1 - max(0, min(100, value)) / 100)
    tip = (centre[0] + length * math.cos(a), centre[1] - length * math.sin(a))
    pygame.draw.line(surface, colour, centre, tip, width)


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
        roles = list(self.who)
        n = len(roles)
        r = self._radius(box)
        name_h = self._name_px(ui, box)
        inner = pygame.Rect(box.x + r * 2, box.y + r + name_h, box.width - 4 * r,
                            box.height - 2 * r - 2 * name_h)
        angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)] if n != 2 else \
            [math.pi, 0.0]
        xs, ys = [math.cos(a) for a in angles], [math.sin(a) for a in angles]
        span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
        return {role: (int(inner.x + inner.width * (x - min(xs)) / span_x),
                       int(inner.y + inner.height * (y - min(ys)) / span_y))
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
        name_px = self._name_px(ui, box)
        for role, (x, y) in nodes.items():
            d = self.who[role]
            draw_emblem(surface, d.emblem, (x, y), r, d.colour, ui.theme.colour("text"))
            above = y < box.centery
            spot = (x, y - r - 1) if above else (x, y + r + 1)
            _text(surface, ui, d.name, name_px, ui.theme.style("panel").fg, spot,
                  "midbottom" if above else "midtop", display=True)

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
            rect = _text(surface, ui, text, px, ui.theme.style("panel").fg, (box.x, y), bold=True)
            d = self.who[a]
            pygame.draw.line(surface, d.colour, (box.x, rect.bottom - 1),
                             (box.x + rect.width, rect.bottom - 1), max(2, px // 8))
            if f"trust.{a}.{b}" in self.b.highlight:
                _mark(surface, ui, rect)
            y += step

    def lines(self) -> list[str]:
        return [self.pair_text(a, b, v) for a, b, v in self.pairs()]


class SupportBars(Cell):
    """Each delegation's domestic support: a bar, hatched over the fog range."""

    def heading(self) -> str:
        return _("Domestic support")

    def row_text(self, role: str) -> str:
        name, label, value = self._parts(role)
        return f"{name} · {label}: {value}"

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        """Per delegation: its name and value on one line (with the meter's label when it
        fits), then the bar."""
        roles = list(self.who)
        row_h = box.height // max(1, len(roles))
        parts = [self._parts(r) for r in roles]
        gap = ui.m.u(8)
        widest = [f"{name}  {value}" for name, _label, value in parts]
        px = ui.fit_px(widest, box.width - gap, int(row_h * 0.5), ui.m.u(22), bold=True)
        font = ui.font_px(px, bold=True)
        for i, (role, (name, label, value)) in enumerate(zip(roles, parts, strict=True)):
            y = box.y + i * row_h
            full = f"{name} · {label}"
            left = full if font.size(f"{full}  {value}")[0] + gap <= box.width else name
            fg = ui.theme.style("panel").fg
            rect = _text(surface, ui, left, px, fg, (box.x, y), bold=True)
            rect = rect.union(_text(surface, ui, value, px, fg, (box.right, y), "topright",
                                    bold=True))
            bar = pygame.Rect(box.x, rect.bottom + 2, box.width,
                              max(6, min(row_h - rect.height - 8, ui.m.u(22))))
            low, high = self.b.view.support[role]
            _range_bar(surface, ui, bar, low, high, self.who[role].colour)
            if f"support.{role}" in self.b.highlight:
                _mark(surface, ui, rect.union(bar))

    def _parts(self, role: str) -> tuple[str, str, str]:
        spec = self.b.scenario.role(role)
        low, high = self.b.view.support[role]
        move = self.b.highlight.get(f"support.{role}")
        value = f"{move[0]} → {move[1]}" if move else str(low) if low == high else \
            f"{low}–{high}"
        return f"{self.who[role].glyph} {spec.name}", spec.domestic_label, value

    def lines(self) -> list[str]:
        return [self.row_text(r) for r in self.who]


def _range_bar(surface, ui: Ui, r: pygame.Rect, low: int, high: int, colour: RGB) -> None:
    """Solid up to `low`, hatched from `low` to `high` (the fog), ticks at each quarter."""
    th = ui.theme
    pygame.draw.rect(surface, th.colour("track"), r)
    solid = r.width * low // 100
    pygame.draw.rect(surface, colour, (r.x, r.y, solid, r.height))
    if high > low:
        fog = pygame.Rect(r.x + solid, r.y, max(1, r.width * (high - low) // 100), r.height)
        clip = surface.get_clip()
        surface.set_clip(fog.clip(clip) if clip else fog)
        step = max(5, r.height // 2)
        for x in range(fog.left - r.height, fog.right, step):
            pygame.draw.line(surface, colour, (x, fog.bottom), (x + r.height, fog.top),
                             max(2, step // 3))
        surface.set_clip(clip)
        pygame.draw.rect(surface, colour, fog, 2)
    for t in (25, 50, 75):
        x = r.x + r.width * t // 100
        pygame.draw.line(surface, th.colour("bg"), (x, r.y), (x, r.bottom - 1), 1)
    pygame.draw.rect(surface, th.colour("border"), r, 1)


STATUS_WORDS = {"operating": N_("operating"), "suspended": N_("suspended"),
                "inactive": N_("not yet agreed")}


class CoopTrack(Cell):
    """The milestones as stops on a path, each with its state and who must agree, in words."""

    def heading(self) -> str:
        return _("Cooperation track")

    def stop_text(self, ms) -> list[str]:
        """Name, state and parties of one milestone."""
        v = self.b.view
        status = v.milestones.get(ms.id, "inactive")
        words = _(STATUS_WORDS.get(status, status))
        move = self.b.highlight.get(f"progress.{ms.id}")
        if status != "operating" and ms.progress_needed:
            done = min(v.progress.get(ms.id, 0), ms.progress_needed)
            words += _(" · progress {before} → {after}").format(before=move[0], after=move[1]) \
                if move else _(" · progress {done} of {needed}").format(
                    done=done, needed=ms.progress_needed)
        glyphs = " ".join(self.who[p].glyph for p in ms.parties if p in self.who)
        names = " + ".join(self.who[p].name for p in ms.parties if p in self.who)
        parties = _("agreed by {who}") if status != "inactive" else _("needs {who}")
        return [ms.name, words, parties.format(who=f"{glyphs} {names}")]

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        stones = self.b.scenario.milestones
        if not stones:
            return
        n = len(stones)
        col = box.width // n
        r = max(7, min(col // 5, box.height // 7))
        y = box.y + r + 2
        xs = [box.x + col * i + col // 2 for i in range(n)]
        th = ui.theme
        pygame.draw.line(surface, th.colour("border"), (xs[0], y), (xs[-1], y), max(3, r // 3))
        for ms, x in zip(stones, xs, strict=True):
            self._stop(surface, ui, ms, (x, y), r)
        texts = [self.stop_text(ms) for ms in stones]
        room = pygame.Rect(0, 0, col - ui.m.u(6), box.bottom - (y + r + 4))
        px = self._text_px(ui, texts, room)
        for lines, x, ms in zip(texts, xs, stones, strict=True):
            self._caption(surface, ui, lines, px, pygame.Rect(x - room.width // 2, y + r + 4,
                                                              room.width, room.height), ms)

    def _stop(self, surface, ui: Ui, ms, centre, r: int) -> None:
        th = ui.theme
        status = self.b.view.milestones.get(ms.id, "inactive")
        fill = th.colour("panel")
        pygame.draw.circle(surface, fill, centre, r)
        if status == "operating":
            pygame.draw.circle(surface, th.bands[0] if th.bands else th.colour("text"), centre, r)
            _text(surface, ui, "✓", int(r * 1.5), th.colour("black"), centre, "center", bold=True)
        elif status == "suspended":
            _text(surface, ui, "⏸", int(r * 1.4), th.colour("text"), centre, "center")
        elif ms.progress_needed:
            done = min(self.b.view.progress.get(ms.id, 0), ms.progress_needed)
            share = done / ms.progress_needed
            if share > 0:
                rect = pygame.Rect(0, 0, 2 * r, 2 * r)
                rect.center = centre
                pygame.draw.arc(surface, th.colour("orange"), rect, math.pi / 2,
                                math.pi / 2 + 2 * math.pi * share, max(3, r // 3))
        pygame.draw.circle(surface, th.colour("text"), centre, r, max(2, r // 5))
        if f"progress.{ms.id}" in self.b.highlight:
            _mark(surface, ui, pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r))

    def _text_px(self, ui: Ui, texts: list[list[str]], room: pygame.Rect) -> int:
        lo, hi = 8, max(8, ui.m.u(16))
        while lo < hi:
            mid = (lo + hi + 1) // 2
            ok = all(self._height(ui, lines, mid, room.width) <= room.height for lines in texts)
            lo, hi = (mid, hi) if ok else (lo, mid - 1)
        return lo

    def _height(self, ui: Ui, lines: list[str], px: int, width: int) -> int:
        total = 0
        for i, line in enumerate(lines):
            font = ui.font_for(line, px, bold=i == 0, display=i == 0)
            total += len(wrap_text(line, font, width)) * font.get_linesize()
        return total

    def _caption(self, surface, ui: Ui, lines, px: int, room: pygame.Rect, ms) -> None:
        y = room.y
        styles = ("panel", "panel_accent", "panel_muted")
        for i, line in enumerate(lines):
            font = ui.font_for(line, px, bold=i == 0, display=i == 0)
            for part in wrap_text(line, font, room.width):
                img = font.render(part, True, ui.theme.style(styles[i]).fg)
                surface.blit(img, img.get_rect(midtop=(room.centerx, y)))
                y += font.get_linesize()

    def lines(self) -> list[str]:
        return [": ".join([t[0], ", ".join(t[1:])]) for t in
                (self.stop_text(ms) for ms in self.b.scenario.milestones)]


class Commitments(Cell):
    """The commitments in force, one line each, as many as fit ("+2 more")."""

    def heading(self) -> str:
        return _("Commitments in force")

    def entries(self) -> list[str]:
        v, sc = self.b.view, self.b.scenario
        out = []
        for c in v.commitments:
            if c.status != "active":
                continue
            actor = self.who.get(c.actor)
            to = self.who[c.recipient].name if c.recipient in self.who else \
                milestone_name(sc, c.recipient)
            who = f"{actor.glyph} {actor.name}" if actor else c.actor
            out.append(_("{who} → {to}: {name} (to round {end})").format(
                who=who, to=to, name=c.name, end=c.expires))
        return out

    def draw_inside(self, surface, ui: Ui, box: pygame.Rect) -> None:
        items = self.entries() or [self.none()]
        most = min(ui.m.u(15), self.title_px(ui))  # never louder than the cell's title
        px = max(ui.fit_px(items[:1], box.width, box.height, most), 10)
        font = ui.font_px(px)
        y, shown = box.y, 0
        for item in items:
            wrapped = wrap_text(item, font, box.width)
            need = len(wrapped) * font.get_linesize()
            left = len(items) - shown
            if y + need > box.bottom - (font.get_linesize() if left > 1 else 0):
                break
            for part in wrapped:
                surface.blit(font.render(part, True, ui.theme.style("panel").fg), (box.x, y))
                y += font.get_linesize()
            shown += 1
        if shown < len(items):
            more = _("+{n} more (listed on the End screen)").format(n=len(items) - shown)
            surface.blit(font.render(more, True, ui.theme.style("panel_muted").fg), (box.x, y))

    def none(self) -> str:
        return _("None.") if self.b.view.over else _("None yet.")

    def lines(self) -> list[str]:
        return self.entries() or [self.none()]


def _shares(total: int, shares, gap: int) -> list[int]:
    """Split `total` pixels into parts by `shares`, leaving `gap` between them."""
    free = total - gap * (len(shares) - 1)
    parts = [int(free * sh / sum(shares)) for sh in shares]
    parts[-1] = free - sum(parts[:-1])
    return parts


class Board(Widget):
    """The whole public state in the rect it is given, in six cells; never scrolls."""

    def __init__(self, state: BoardState, theme) -> None:
        super().__init__(key="board")
        who = delegations(state.scenario, theme)
        self.state = state
        self.cells = [ClockCell(state, who), TensionDial(state, who), TrustDiagram(state, who),
                      SupportBars(state, who), CoopTrack(state, who), Commitments(state, who)]

    def children(self):
        return self.cells

    def measure(self, ui: Ui, width: int) -> int:
        return ui.m.u(420)

    def place(self, ui: Ui, rect: pygame.Rect) -> None:
        """Wide: three rows (clock, tension and commitments; trust and support; the
        track). Tall (a side column): five rows, the clock beside the tension dial."""
        super().place(ui, rect)
        gap = ui.m.px("gap")
        clock, tension, trust, support, coop, promises = self.cells
        if rect.width >= rect.height * 0.9:
            heights = _shares(rect.height, (0.27, 0.45, 0.28), gap)
            rows = [[(clock, 0.3), (tension, 0.32), (promises, 0.38)],
                    [(trust, 0.56), (support, 0.44)], [(coop, 1.0)]]
        else:
            heights = _shares(rect.height, (0.19, 0.29, 0.21, 0.19, 0.12), gap)
            rows = [[(clock, 0.45), (tension, 0.55)], [(trust, 1.0)], [(support, 1.0)],
                    [(coop, 1.0)], [(promises, 1.0)]]
        y = rect.y
        for row, h in zip(rows, heights, strict=True):
            x = rect.x
            for (cell, _share), w in zip(row, _shares(rect.width, [sh for _c, sh in row], gap),
                                    strict=True):
                cell.place(ui, pygame.Rect(x, y, w, h))
                x += w + gap
            y += h + gap
        common = min(c.own_title_px(ui) for c in self.cells if c is not clock)
        for cell in self.cells:
            cell.shared_title_px = common

    def draw_tree(self, surface, ui: Ui, focus) -> None:
        for cell in self.cells:
            cell.draw(surface, ui, False)

    def texts(self) -> list[str]:
        return [t for c in self.cells for t in c.texts()]
