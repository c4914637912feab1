"""The cooperation track as a path of milestones (each marked operating, suspended or
not yet agreed, with its progress and who must agree, in words), and the commitments
in force."""

from __future__ import annotations

import math

import pygame

from game.model.results import Status, Track
from game.ui.context import Ui, wrap_text
from game.ui.play.board.cell import Cell, draw_text, mark
from game.ui.play.text import milestone_name
from game.words import N_, _

STATUS_WORDS = {"operating": N_("operating"), "suspended": N_("suspended"),
                "inactive": N_("not yet agreed")}


class CoopTrack(Cell):
    """The milestones as stops on a path, each with its state and who must agree, in words."""

    def heading(self) -> str:
        return _("Cooperation track")

    def stop_text(self, ms) -> list[str]:
        """Name, state and parties of one milestone."""
        v = self.b.view
        status = v.milestones.get(ms.id, Track.INACTIVE)
        words = _(STATUS_WORDS.get(status, status))
        move = self.b.highlight.get(f"progress.{ms.id}")
        if status != Track.OPERATING and ms.progress_needed:
            done = min(v.progress.get(ms.id, 0), ms.progress_needed)
            words += _(" · progress {before} → {after}").format(before=move[0], after=move[1]) \
                if move else _(" · progress {done} of {needed}").format(
                    done=done, needed=ms.progress_needed)
        glyphs = " ".join(self.who[p].glyph for p in ms.parties if p in self.who)
        names = " + ".join(self.who[p].name for p in ms.parties if p in self.who)
        parties = _("agreed by {who}") if status != Track.INACTIVE else _("needs {who}")
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
        status = self.b.view.milestones.get(ms.id, Track.INACTIVE)
        fill = th.colour("panel")
        pygame.draw.circle(surface, fill, centre, r)
        if status == Track.OPERATING:
            pygame.draw.circle(surface, th.bands[0] if th.bands else th.colour("text"), centre, r)
            draw_text(surface, ui, "✓", int(r * 1.5), th.colour("black"), centre, "center", bold=True)
        elif status == Track.SUSPENDED:
            draw_text(surface, ui, "⏸", int(r * 1.4), th.colour("text"), centre, "center")
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
            mark(surface, ui, pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r))

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
            if c.status != Status.ACTIVE:
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
