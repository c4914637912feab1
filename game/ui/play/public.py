"""Shared-screen scenes: hand-off, briefing, event card and resolution.

The hand-off, event and resolution screens read only the public view (`viewer = None`);
the briefing is a team's private screen and always sits behind a hand-off in class.
"""

from __future__ import annotations

import time

import pygame

from game.ui.base import Widget
from game.ui.identity import Badge, delegations
from game.ui.play.gamescene import GameScene
from game.ui.play.rewind import view_at
from game.ui.play.text import action_label, ledger_line, note_line, points, prose, response_line
from game.ui.widgets import Button, Label, Panel, notice
from game.words import _, cause_heading


def event_card(title: str, text: str, effects: list[str], kicker: str) -> Panel:
    """An event as a card: a light card with a kicker line, a headline, its text and
    what it changed (the high-contrast theme draws it white on black)."""
    return Panel([Label(kicker.upper(), "small", True, "card"),
                  Label(title, "heading", True, "card"),
                  Label(text, "body", False, "card"),
                  *[Label(f"• {line}", "small", False, "card") for line in effects]],
                 style="card")


class HandoffScene(GameScene):
    """"Pass to the Moscow team": shows nothing private until that team presses a key.

    It accepts a key only once it has been on screen for `ARM_S` seconds, so a double
    press or a held key that confirmed the previous team's orders never opens the next
    team's private screen.
    """

    viewer = None
    shared = True
    ARM_S = 1.0

    def __init__(self, flow, role: str, then: str, clock=time.monotonic) -> None:
        super().__init__(flow)
        self.role, self.then, self.clock = role, then, clock
        self.heading = f"Pass to the {flow.role_name(role)} team"
        self.opened: float | None = None

    def on_enter(self) -> None:
        self.opened = self.clock()

    def armed(self) -> bool:
        """True once the screen has been shown long enough to accept a key."""
        return self.opened is not None and self.clock() - self.opened >= self.ARM_S

    def handle_event(self, event) -> bool:
        pressing = event.type == pygame.MOUSEBUTTONDOWN or (
            event.type == pygame.KEYDOWN and event.key not in (pygame.K_ESCAPE, pygame.K_F2))
        if pressing and not self.armed():
            return False  # too soon: a key from the previous screen, or a double press
        return super().handle_event(event)

    def next_tick(self) -> float | None:
        if self.opened is not None and not self.armed():
            return max(0.01, self.ARM_S - (self.clock() - self.opened))
        return super().next_tick()

    def update(self, dt: float) -> bool:
        ready = self.armed()
        if ready != getattr(self, "_drawn_ready", None):
            self._drawn_ready = ready
            self.invalidate()
            return True
        return super().update(dt)

    def body(self) -> list[Widget]:
        name = self.flow.role_name(self.role)
        detail = _("Enter or Space") if self.armed() else _("One moment…")
        return [
            Badge(delegations(self.scenario, self.app.ui.theme)[self.role], units=48),
            Button(f"We are the {name} team: show our screen", self.reveal,
                   detail=detail, key="handoff:ready"),
            Label(f"Only the {name} team should look at the screen now. Nothing private is "
                  "shown until they are ready.", "large"),
        ]

    def reveal(self) -> None:
        """The team is at the screen: show its private scene."""
        self.app.stack.replace(self.app.screens.make(self.then, self.flow, self.role))


class BriefingScene(GameScene):
    """A team's briefing and private objectives."""

    def __init__(self, flow, role: str) -> None:
        super().__init__(flow)
        self.viewer = role
        self.heading = f"Briefing: {flow.role_name(role)}"

    def body(self) -> list[Widget]:
        spec = self.scenario.role(self.viewer)
        objectives = [Label(f"• {o.text} ({points(o.points)})", "body", False, "panel")
                      for o in self.view.objectives]
        return [
            Label(self.scenario.title, "large", True, "accent"),
            Label(spec.description, "body"),
            Label(prose(spec.briefing), "body"),
            Panel([Label("Private objectives (only your team sees these)", "body", True,
                         "panel_heading"), *objectives]),
            Button("We have read our briefing", self.done, detail="Enter or Space",
                   key="briefing:done"),
        ]

    def done(self) -> None:
        """Move on to the next team or the first round."""
        self.flow.briefed.add(self.viewer)
        self.flow.advance()


class EventScene(GameScene):
    """The round's event card; the talks timer starts here."""

    viewer = None
    shared = True

    def on_enter(self) -> None:
        self.flow.event_shown()

    def body(self) -> list[Widget]:
        view = self.view
        self.heading = _("This round's news") if view.event is not None else _("A quiet round")
        effects = [e for e in view.ledger(view.round) if e.cause == "event"]
        if view.event is None:
            main = event_card(_("No event"), _("Nothing new this round."), [],
                              _("Round {n}").format(n=view.round))
        else:
            mine = [e for e in effects if e.source == view.event.id]
            main = event_card(view.event.title, prose(view.event.text),
                              [ledger_line(self.scenario, e) for e in mine],
                              _("Event · round {n}").format(n=view.round))
        cards = [main, *self._other_events(view, effects)]
        timer = self.flow.timer
        if self.flow.hotseat:
            talk = ("Talk face to face now. The timer only keeps time; the round goes on when "
                    "you are ready.")
            go, go_detail = "Talks are over: enter orders", "Each team enters its orders in turn"
        else:
            talk = "Read the event, then choose your orders for this round."
            go = "Choose our orders"
            go_detail = "The AI delegations choose theirs in secret at the same time"
        # The way on comes first, so the screen opens with the focus in view at any scale.
        return [
            Button(go, self.end_talks, key="event:go", detail=go_detail),
            *cards,
            Label(talk, "body", False, "screen_muted"),
            *([Button("Resume the talks timer" if not timer.running else
                      "Pause the talks timer", self.toggle_timer, key="event:timer",
                      enabled=timer.remaining() > 0)] if timer.enabled else []),
            Button("Facilitator panel", self.back, key="event:facilitator",
                   detail="Pause, inject an event, undo the last round, end the game"),
        ]

    def _other_events(self, view, effects) -> list[Widget]:
        """Cards for events brought in this round besides the round's own (facilitator)."""
        main = view.event.id if view.event else None
        out = []
        for event in self.scenario.events:
            mine = [e for e in effects if e.source == event.id]
            if event.id == main or not mine:
                continue
            out.append(event_card(event.title, prose(event.text),
                                  [ledger_line(self.scenario, e) for e in mine],
                                  _("Also this round (brought in by the facilitator)")))
        return out

    def toggle_timer(self) -> None:
        """Pause or resume the countdown."""
        self.flow.timer.toggle()
        self.invalidate()

    def end_talks(self) -> None:
        """The talks are over: the timer stops, and the teams give their orders."""
        self.flow.timer.finish()
        self.flow.advance()


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

    def __init__(self, flow, record, clock=time.monotonic) -> None:
        super().__init__(flow)
        self.record, self.clock = record, clock
        self.heading = f"Round {record.round}: what happened"
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
        self.focus.key = "resolution:next"
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
                self.focus.key = self.focus.key or "resolution:next"
            self.invalidate()
            return True
        return super().update(dt)

    def board_view(self, view):
        """The meters after the entries revealed so far, in the round being shown."""
        return view_at(view, self.record.round, None if not self.playing() else self.shown())

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
                      "panel") for a in rec.orders] or [Label("No orders.", "body", False, "panel")]
        answers = [Label(response_line(sc, r, key, ok), "body", False, "panel")
                   for r, key, ok in rec.responses]
        out: list[Widget] = [Panel([Label("Orders revealed", "large", True, "panel_heading"),
                                    *acts, *answers])]
        out += self._ledger()
        if self.playing():
            entries, n = self.entries(), self.shown()
            return [notice("▶ " + ledger_line(sc, entries[n - 1])),
                    Label(_("Ledger entry {n} of {total}. Any key shows them all.").format(
                        n=n, total=len(entries)), "body", True, "accent"), *out]
        notes = self.session.notes_for(rec.round)
        if notes:
            out.append(Panel([Label("AI delegations' reasoning", "body", True, "panel_heading"),
                              *[Label(note_line(sc, n.role, n.text), "small", False, "panel")
                                for n in notes]]))
        last = self.session.state.over and self.flow.shown_records + 1 >= len(
            self.session.state.records)
        out.insert(0, Button(_("See the ending") if last else _("Next round"), self.done,
                             key="resolution:next",
                             detail=_("The ledger below explains every change (PageDown)")))
        return out

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
