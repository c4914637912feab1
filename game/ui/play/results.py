"""The results screen: a round revealed, its ledger read out one entry at a time.

It reads only the public view (or, in solo play, the one human team's view), and its
board shows the game as it stood after the entries read so far: each part (meters,
commitments, milestones, fog ranges, the game's end) changes with its own entry, and
never shows the next round's event (see rewind.py).
"""

from __future__ import annotations

import time

import pygame

from game.ui.base import Widget
from game.ui.identity import delegations
from game.ui.play.gamescene import GameScene
from game.ui.play.rewind import board_at, view_at
from game.ui.play.text import action_label, ledger_line, note_line, response_line
from game.ui.widgets import Button, Label, Panel, notice
from game.words import _, cause_heading


class ResolutionScene(GameScene):
    """The round revealed: the orders and answers, then the ledger one entry at a time.

    Every `STEP_S` seconds one more ledger entry appears and the board shows the meters
    as they stood after it, with the meter that moved marked, before → after. Any key
    (or a click) shows the rest at once; then the keys work as usual. The board shows
    the state at the end of this round, never the next round's event.
    """

    viewer = None
    shared = True
    STEP_S = 1.4
    ARM_S = 0.8  # keys pressed sooner come from the previous screen and skip nothing
    SETTLE_S = 0.0  # while the entries play, ARM_S already guards the screen

    def __init__(self, flow, record, clock=time.monotonic) -> None:
        super().__init__(flow)
        self.record, self.clock = record, clock
        self.heading = _("Round {n}: what happened").format(n=record.round)
        self.started: float | None = None
        self.skipped = False

    def on_enter(self) -> None:
        self.started = self.clock()

    def entries(self) -> list:
        """The round's ledger entries this screen may show."""
        return self.view.ledger(self.record.round)

    def shown(self) -> int:
        """How many ledger entries are revealed so far."""
        total = len(self.entries())
        if self.skipped or self.started is None:
            return total
        return min(total, int((self.clock() - self.started) / self.STEP_S) + 1)

    def playing(self) -> bool:
        """True while entries are still being revealed."""
        return self.shown() < len(self.entries())

    def skip(self) -> None:
        """Show every entry now."""
        self.skipped = True
        self.focus.key = self.first_focus()
        self.invalidate()

    def handle_event(self, event) -> bool:
        if self.playing() and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            if getattr(event, "key", None) not in (pygame.K_ESCAPE, pygame.K_F2):
                if self.clock() - self.started >= self.ARM_S:
                    self.skip()  # any key: straight to the end, and nothing else
                return True  # a key still held from confirming the orders: ignored
        return super().handle_event(event)

    def next_tick(self) -> float | None:
        if self.playing():
            return max(0.01, self.STEP_S - (self.clock() - self.started) % self.STEP_S)
        return super().next_tick()

    def update(self, dt: float) -> bool:
        shown = self.shown()
        if shown != getattr(self, "_drawn_shown", None):
            self._drawn_shown = shown
            if not self.playing():
                self.focus.key = self.focus.key or self.first_focus()
            self.invalidate()
            return True
        return super().update(dt)

    def board_view(self, view):
        """The board after the entries revealed so far, in the round being shown: each
        part changes when the entry that goes with it is read out, never before."""
        if not self.playing():
            return view_at(view, self.record.round)
        start = self.flow.round_views.get(self.record.round)
        return board_at(view, start, self.record.round, self.shown())

    def highlight(self) -> dict[str, tuple[int, int]]:
        entries, n = self.entries(), self.shown()
        if not entries or not self.playing() or n == 0:
            return {}
        last = entries[n - 1]
        return {last.meter: (last.before, last.after)}

    def body(self) -> list[Widget]:
        sc, rec = self.scenario, self.record
        who = delegations(sc, self.app.ui.theme)
        acts = [Label(f"{who[a.role].glyph} {who[a.role].name}: {action_label(sc, a)}", "body", False,
                      "panel") for a in rec.orders] or [Label(_("No orders."), "body", False,
                                                              "panel")]
        answers = [Label(response_line(sc, r, key, ok), "body", False, "panel")
                   for r, key, ok in rec.responses]
        revealed = Panel([Label(_("Orders revealed"), "large", True, "panel_heading"), *acts,
                          *answers])
        # A coach's card below the page talks about the ledger: the ledger comes first,
        # just above the card, so the lines it points to are on screen.
        coached = self.coached()
        out: list[Widget] = [*self._ledger(), revealed] if coached else [revealed, *self._ledger()]
        if self.playing():
            entries, n = self.entries(), self.shown()
            self.essential_n = 2  # the entry being read out, and how far the reading is
            return [notice("▶ " + ledger_line(sc, entries[n - 1])),
                    Label(_("Ledger entry {n} of {total}. Any key shows them all.").format(
                        n=n, total=len(entries)), "body", True, "accent"), *out]
        notes = self.session.notes_for(rec.round)
        if notes:
            out.append(Panel([Label(_("AI delegations' reasoning"), "body", True, "panel_heading"),
                              *[Label(note_line(sc, n.role, n), "small", False, "panel")
                                for n in notes]]))
        last = self.session.state.over and self.flow.shown_records + 1 >= len(
            self.session.state.records)
        # Coached, the ledger the card points at is what must show: the page shrinks for it.
        self.essential_n = len(self._ledger()) if coached else 1
        out.insert(len(self._ledger()) if coached else 0,
                   Button(_("See the ending") if last else _("Next round"), self.done,
                          key="resolution:next",
                          detail=_("The ledger above explains every change") if coached
                          else _("The ledger below explains every change (PageDown)")))
        return out

    def coached(self) -> bool:
        """True when the guided game's card shows below the page (once read out)."""
        return not self.playing() and self.flow.coach_card(self) is not None

    def first_focus(self) -> str:
        """Where the focus goes once the ledger is read: the coach's card, if it shows
        (its buttons lie outside the page, so the ledger stays in view), else Next round."""
        return "coach:go" if self.coached() else "resolution:next"

    def _ledger(self) -> list[Widget]:
        """The revealed entries, grouped by cause; the newest one marked."""
        entries, n = self.entries(), self.shown()
        groups: dict[str, list] = {}
        for i, e in enumerate(entries[:n]):
            groups.setdefault(e.cause, []).append((i, e))
        out: list[Widget] = []
        for cause, group in groups.items():
            lines = [notice("▶ " + ledger_line(self.scenario, e), "small")
                     if self.playing() and i == n - 1 else
                     Label(ledger_line(self.scenario, e), "small", False, "panel")
                     for i, e in group]
            out.append(Panel([Label(cause_heading(cause), "body", True,
                                    "panel_heading"), *lines]))
        if not entries:
            out.append(Label(_("No meter moved this round."), "body", False, "screen_muted"))
        return out

    def done(self) -> None:
        """On to the next round or the end."""
        self.flow.record_shown()
        self.flow.advance()
