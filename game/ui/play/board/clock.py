"""The round and the talks countdown, in large figures, with the timer's state in words."""

from __future__ import annotations

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, draw_text
from game.words import N_, _

TIMER_WORDS = {"running": N_("Talks under way"), "paused": N_("PAUSED"),
               "time is up": N_("TIME IS UP · the round goes on"),
               "talks over": N_("Talks are over"), "not started": N_("Talks not yet begun"),
               "off": N_("No talks timer")}


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
        draw_text(surface, ui, big, px, colour, (box.centerx, box.y + big_h // 2), "center",
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
