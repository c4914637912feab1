"""The cooperation track as a path of milestones (each marked operating, suspended or
not yet agreed, with its progress and who must agree, in words), and the commitments
in force.

Track forms, the fullest first: stops on a path, each captioned with its name, its
state and the parties by name; the same with the parties as emblems; name and state
only; then a list, one milestone a line. Commitments: one line each, as many as fit
("+2 more"), their parties by name, or by emblem when the names do not fit.
"""

from __future__ import annotations

import math

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, Plan, line_height, mark, wrap_words
from game.ui.play.text import milestone_name
from game.words import N_, _

STATUS_WORDS = {"operating": N_("operating"), "suspended": N_("suspended"),
                "inactive": N_("not yet agreed")}
CAPTION_STYLES = ("panel", "panel_accent", "panel_muted")


class CoopTrack(Cell):
    """The milestones as stops on a path, each with its state and who must agree, in words."""

    def headings(self) -> list[str]:
        return [_("Cooperation track"), _("Cooperation")]

    def status(self, ms) -> str:
        """The milestone's state (and progress) in words."""
        v = self.b.view
        status = v.milestones.get(ms.id, "inactive")
        words = _(STATUS_WORDS.get(status, status))
        move = self.b.highlight.get(f"progress.{ms.id}")
        if status != "operating" and ms.progress_needed:
            done = min(v.progress.get(ms.id, 0), ms.progress_needed)
            words += _(" · progress {before} → {after}").format(before=move[0], after=move[1]) \
                if move else _(" · progress {done} of {needed}").format(
                    done=done, needed=ms.progress_needed)
        return words

    def parties(self, ms, names: bool) -> str:
        """Who must agree (or agreed), by emblem and, with `names`, by name."""
        status = self.b.view.milestones.get(ms.id, "inactive")
        glyphs = " ".join(self.who[p].glyph for p in ms.parties if p in self.who)
        who = glyphs
        if names:
            who += " " + " + ".join(self.who[p].name for p in ms.parties if p in self.who)
        parties = _("agreed by {who}") if status != "inactive" else _("needs {who}")
        return parties.format(who=who)

    def stop_text(self, ms) -> list[str]:
        """Name, state and parties of one milestone."""
        return [ms.name, self.status(ms), self.parties(ms, True)]

    def forms(self):
        stones = self.b.scenario.milestones
        if not stones:
            return [lambda ui, box: Plan(ui, box)]
        return [lambda ui, box, k=k: self._stops(ui, box, k) for k in (2, 1, 0)] + [
            self._list, None, self._summary]

    # stops on a path -------------------------------------------------------------------------
    def _captions(self, ms, parties: int) -> list[str]:
        """A stop's caption: name, state, and the parties by name (2), emblem (1) or not (0)."""
        lines = [ms.name, self.status(ms)]
        if parties:
            lines.append(self.parties(ms, parties == 2))
        return lines

    def _stops(self, ui: Ui, box: pygame.Rect, parties: int) -> Plan:
        stones = self.b.scenario.milestones
        n = len(stones)
        col = box.width // n
        r = max(7, min(col // 6, box.height // 8, ui.m.u(16)))
        y = box.y + r + 2
        xs = [box.x + col * i + col // 2 for i in range(n)]
        texts = [self._captions(ms, parties) for ms in stones]
        room = pygame.Rect(0, y + r + 4, col - ui.m.u(6), box.bottom - (y + r + 4))
        plan = Plan(ui, box)
        for px in self.sizes(ui, 17, display=True):
            blocks = [self._block(ui, lines, px, room.width) for lines in texts]
            if all(b is not None and sum(h for _f, _t, h in b) <= room.height for b in blocks):
                break
        else:
            plan.solids.append(box.inflate(2, 2))
            return plan
        th = ui.theme
        plan.draw(lambda s: pygame.draw.line(s, th.colour("border"), (xs[0], y), (xs[-1], y),
                                             max(3, r // 3)))
        for ms, x, block in zip(stones, xs, blocks, strict=True):
            self._stop(plan, ms, (x, y), r)
            top = room.y
            for (index, size), line, h in block:
                style = th.style(CAPTION_STYLES[min(index, 2)])
                plan.text(line, size, style.fg, (x, top), "midtop", bold=True,
                          display=index == 0)
                top += h
        return plan

    def _block(self, ui: Ui, lines: list[str], px: int, width: int):
        """The caption's lines wrapped to `width` at `px` as ((line index, px), text,
        height) rows: the name in the display face, the rest in DejaVu; None if a word
        is too wide."""
        rows = []
        for i, line in enumerate(lines):
            size = px if i == 0 else max(self.least(ui, bold=True), px - 1)
            font = ui.font_for(line, size, bold=True, display=i == 0)
            parts = wrap_words(line, font, width)
            if parts is None:
                return None
            rows += [((i, size), part, line_height(font))
                     for part in parts]
        return rows

    def _stop(self, plan: Plan, ms, centre, r: int) -> None:
        ui = plan.ui
        th = ui.theme
        status = self.b.view.milestones.get(ms.id, "inactive")
        done = min(self.b.view.progress.get(ms.id, 0), ms.progress_needed or 0)
        share = done / ms.progress_needed if ms.progress_needed else 0
        moving = f"progress.{ms.id}" in self.b.highlight
        ring = pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r)

        def stop(surface) -> None:
            pygame.draw.circle(surface, th.colour("panel"), centre, r)
            if status == "operating":
                pygame.draw.circle(surface, th.bands[0] if th.bands else th.colour("text"),
                                   centre, r)
                _tick(surface, centre, r, th.colour("black"))
            elif status == "suspended":
                _pause(surface, centre, r, th.colour("text"))
            elif share > 0:
                pygame.draw.arc(surface, th.colour("orange"), ring, math.pi / 2,
                                math.pi / 2 + 2 * math.pi * share, max(3, r // 3))
            pygame.draw.circle(surface, th.colour("text"), centre, r, max(2, r // 5))
            if moving:
                mark(surface, ui, ring, self.rect)

        plan.draw(stop, ring)

    # one line each ---------------------------------------------------------------------------
    def _list(self, ui: Ui, box: pygame.Rect) -> Plan:
        """One milestone a line: its stop, its name and its state."""
        stones = self.b.scenario.milestones
        lines = [f"{ms.name} · {self.status(ms)}" for ms in stones]
        plan = Plan(ui, box)
        for px in self.sizes(ui, 18, bold=True):
            font = ui.font_px(px, bold=True)
            step = line_height(font)
            r = max(4, font.get_ascent() // 2)
            if step * len(stones) > box.height or \
                    max(font.size(t)[0] for t in lines) + 2 * r + ui.m.u(6) > box.width:
                continue
            plan = Plan(ui, box)
            for i, (ms, text) in enumerate(zip(stones, lines, strict=True)):
                y = box.y + i * step
                self._stop(plan, ms, (box.x + r, y + step // 2), r)
                plan.text(text, px, ui.theme.style("panel").fg, (box.x + 2 * r + ui.m.u(6), y),
                          bold=True)
            return plan
        plan.solids.append(box.inflate(2, 2))
        return plan

    def summary(self) -> str:
        """The whole track in one line of words."""
        stones = self.b.scenario.milestones
        on = sum(self.b.view.milestones.get(ms.id) == "operating" for ms in stones)
        off = sum(self.b.view.milestones.get(ms.id) == "suspended" for ms in stones)
        text = _("{on} of {n} operating").format(on=on, n=len(stones))
        return text + (_(", {off} suspended").format(off=off) if off else "")

    def _summary(self, ui: Ui, box: pygame.Rect) -> Plan:
        """The stops in a row, and the track in one line of words under them."""
        plan = Plan(ui, box)
        stones = self.b.scenario.milestones
        text = self.summary()
        px = self.least(ui, bold=True)
        font = ui.font_px(px, bold=True)
        r = max(5, min(box.width // (3 * len(stones)), (box.height - line_height(font)) // 2 - 2,
                       ui.m.u(12)))
        col = box.width // len(stones)
        y = box.y + r + 1
        xs = [box.x + col * i + col // 2 for i in range(len(stones))]
        plan.draw(lambda s: pygame.draw.line(s, ui.theme.colour("border"), (xs[0], y),
                                             (xs[-1], y), max(2, r // 3)))
        for ms, x in zip(stones, xs, strict=True):
            self._stop(plan, ms, (x, y), r)
        plan.text(text, px, ui.theme.style("panel").fg, (box.centerx, y + r + 2), "midtop",
                  bold=True)
        return plan

    def lines(self) -> list[str]:
        return [": ".join([t[0], ", ".join(t[1:])]) for t in
                (self.stop_text(ms) for ms in self.b.scenario.milestones)]


def _tick(surface, centre, r: int, colour) -> None:
    """A check mark drawn as lines (a shape, so it never depends on a font's glyph)."""
    x, y = centre
    pts = [(x - r * 0.5, y), (x - r * 0.12, y + r * 0.4), (x + r * 0.55, y - r * 0.45)]
    pygame.draw.lines(surface, colour, False, pts, max(2, r // 4))


def _pause(surface, centre, r: int, colour) -> None:
    """Two bars: suspended."""
    x, y = centre
    w, h = max(2, r // 4), int(r * 1.0)
    for dx in (-r * 0.3, r * 0.3):
        pygame.draw.rect(surface, colour, (int(x + dx - w / 2), int(y - h / 2), w, h))


class Commitments(Cell):
    """The commitments in force, one line each, as many as fit ("+2 more")."""

    def headings(self) -> list[str]:
        return [_("Commitments in force"), _("Commitments")]

    def _active(self):
        return [c for c in self.b.view.commitments if c.status == "active"]

    def entry(self, c, names: bool) -> str:
        """One commitment in words; its parties by emblem and, with `names`, by name."""
        sc = self.b.scenario
        actor = self.who.get(c.actor)
        target = self.who.get(c.recipient)
        if names:
            who = f"{actor.glyph} {actor.name}" if actor else c.actor
            to = target.name if target else milestone_name(sc, c.recipient)
        else:
            who = actor.glyph if actor else c.actor
            to = target.glyph if target else milestone_name(sc, c.recipient)
        return _("{who} → {to}: {name} (to round {end})").format(who=who, to=to, name=c.name,
                                                                 end=c.expires)

    def entries(self) -> list[str]:
        return [self.entry(c, True) for c in self._active()]

    def forms(self):
        return [lambda ui, box: self._listed(ui, box, True),
                lambda ui, box: self._listed(ui, box, False)]

    def _listed(self, ui: Ui, box: pygame.Rect, names: bool) -> Plan:
        """As many entries as fit, largest text first, and "+n more" for the rest."""
        items = [self.entry(c, names) for c in self._active()] or [self.none()]
        least = self.least(ui)
        plan = Plan(ui, box)
        for px in self.sizes(ui, 16):
            plan, shown = self._lines(ui, box, items, px)
            if shown == len(items) or (px == least and plan.fits()):
                return plan
        return plan

    def _lines(self, ui: Ui, box: pygame.Rect, items: list[str], px: int) -> tuple[Plan, int]:
        plan = Plan(ui, box)
        font = ui.font_px(px)
        step = line_height(font)
        y, shown = box.y, 0
        fg = ui.theme.style("panel").fg
        for item in items:
            wrapped = wrap_words(item, font, box.width) or [item]
            left = len(items) - shown
            if y + len(wrapped) * step > box.bottom - (step if left > 1 else 0):
                break
            for part in wrapped:
                plan.text(part, px, fg, (box.x, y))
                y += step
            shown += 1
        if shown < len(items):
            more = _("+{n} more (listed on the End screen)").format(n=len(items) - shown)
            if font.size(more)[0] > box.width:
                more = _("+{n} more").format(n=len(items) - shown)
            plan.text(more, px, ui.theme.style("panel_muted").fg, (box.x, y))
        return plan, shown

    def none(self) -> str:
        return _("None.") if self.b.view.over else _("None yet.")

    def lines(self) -> list[str]:
        return self.entries() or [self.none()]
