"""The round and the talks countdown, in large figures, with the timer's state in words.

When the time is up the large figures say so ("TIME IS UP"), so the room reads it from
the back row; a paused or finished countdown says that in words under it.
"""

from __future__ import annotations

import pygame

from game.ui.context import Ui
from game.ui.play.board.cell import Cell, Plan, line_height, wrap_words
from game.words import N_, _

TIMER_WORDS = {"running": N_("Talks under way"), "paused": N_("PAUSED"),
               "time is up": N_("TIME IS UP · the round goes on"),
               "talks over": N_("Talks are over"), "not started": N_("Talks not yet begun"),
               "off": N_("No talks timer")}


class ClockCell(Cell):
    """The round and the talks countdown, large, with the timer's state in words."""

    def headings(self) -> list[str]:
        v = self.b.view
        text = _("Round {round} of {rounds}").format(round=v.round, rounds=v.rounds)
        return [text + _(" · game over"), text] if v.over else [text]

    def words(self) -> str:
        if self.b.view.over:
            return _("The game is over")
        return _(TIMER_WORDS.get(self.b.timer_state, self.b.timer_state))

    def _clock(self) -> str:
        """mm:ss, or "" when no countdown belongs on the board."""
        hidden = self.b.view.over or self.b.timer_state in ("off", "not started", "talks over")
        return "" if hidden else self.b.clock

    def big_and_small(self) -> tuple[str, str, str, str]:
        """(large text, its style, the line under it, that line's style)."""
        state, clock = self.b.timer_state, self._clock()
        if clock and state == "time is up":
            return _("TIME IS UP"), "warning", _("the round goes on"), "panel_accent"
        if clock and state == "paused":
            return clock, "panel_muted", _("PAUSED"), "warning"
        if clock:
            return clock, "panel", self.words(), "panel_accent"
        return _("Round {n}").format(n=self.b.view.round), "panel", self.words(), "panel_accent"

    def forms(self):
        return [lambda ui, box, share=share: self._layout(ui, box, share)
                for share in (0.62, 0.5, 0.4)]

    def _layout(self, ui: Ui, box: pygame.Rect, share: float) -> Plan:
        """The large text in the top `share` of the box, the words wrapped below it."""
        plan = Plan(ui, box)
        big, big_style, small, small_style = self.big_and_small()
        big_h = int(box.height * share)
        boxed = big_style == "warning"
        room = box.inflate(-ui.m.u(10), 0).width if boxed else box.width
        px = ui.fit_px([big], room, big_h, max(big_h, ui.m.u(140)), display=True,
                       least=self.least(ui, display=True))
        style = ui.theme.style(big_style)
        self._line(plan, big, px, style, (box.centerx, box.y + big_h // 2), boxed, display=True)
        below = pygame.Rect(box.x, box.y + big_h, box.width, box.height - big_h)
        lines, px = self._wrapped(ui, small, below)
        style = ui.theme.style(small_style)
        step = line_height(ui.font_px(px, bold=True)) + (ui.m.u(4) if small_style == "warning" else 0)
        y = below.centery - step * len(lines) // 2 + step // 2
        for line in lines:
            self._line(plan, line, px, style, (box.centerx, y), small_style == "warning")
            y += step
        return plan

    def _wrapped(self, ui: Ui, text: str, room: pygame.Rect) -> tuple[list[str], int]:
        """`text` in as few lines, as large as fit `room` (at least the least size)."""
        least = self.least(ui, bold=True)
        for px in self.sizes(ui, 26, bold=True):
            font = ui.font_px(px, bold=True)
            lines = wrap_words(text, font, room.width - ui.m.u(10))
            if lines and len(lines) * (line_height(font) + ui.m.u(4)) <= room.height:
                return lines, px
        return wrap_words(text, ui.font_px(least, bold=True), room.width) or [text], least

    @staticmethod
    def _line(plan: Plan, text: str, px: int, style, centre, boxed: bool,
              display: bool = False) -> None:
        """One centred line; in the warning style, on its own box."""
        ui = plan.ui
        img = ui.render_px(text, px, style.fg, bold=True, display=display)
        rect = img.get_rect(center=(int(centre[0]), int(centre[1])))
        if boxed:
            back = rect.inflate(ui.m.u(8), ui.m.u(2))
            plan.draw(lambda s, back=back: pygame.draw.rect(s, style.bg, back,
                                                           border_radius=ui.m.u(4)), back)
            plan.text(text, px, style.fg, rect.center, "center", bold=True, display=display,
                      solid=False)
        else:
            plan.text(text, px, style.fg, rect.center, "center", bold=True, display=display)

    def lines(self) -> list[str]:
        clock = self._clock()
        return [_("Talks timer {clock}: {state}").format(clock=clock, state=self.words())
                if clock else self.words()]
