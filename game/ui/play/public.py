"""Shared-screen scenes: hand-off, briefing, event card and resolution.

The hand-off, event and resolution screens read only the public view (`viewer = None`);
the briefing is a team's private screen and always sits behind a hand-off in class.
"""

from __future__ import annotations

import time

from game.model.state import tension_band
from game.ui.base import Widget
from game.ui.play.gamescene import GameScene
from game.ui.play.text import (
    action_label,
    ledger_groups,
    ledger_line,
    note_line,
    points,
    prose,
    response_line,
)
from game.ui.widgets import Button, Label, Panel


class HandoffScene(GameScene):
    """"Pass to the Moscow team": shows nothing private until that team presses a key."""

    viewer = None

    def __init__(self, flow, role: str, then) -> None:
        super().__init__(flow)
        self.role, self.then = role, then
        self.heading = f"Pass to the {flow.role_name(role)} team"

    def body(self) -> list[Widget]:
        name = self.flow.role_name(self.role)
        return [
            Label(f"Only the {name} team should look at the screen now. Nothing private is "
                  "shown until they are ready.", "large"),
            Button(f"We are the {name} team: show our screen", self.reveal,
                   detail="Enter or Space", key="handoff:ready"),
        ]

    def reveal(self) -> None:
        """The team is at the screen: show its private scene."""
        self.app.stack.replace(self.then(self.flow, self.role))


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

    def on_enter(self) -> None:
        self.flow.event_shown()

    def body(self) -> list[Widget]:
        view = self.view
        self.heading = f"Round {view.round} of {view.rounds}"
        card: list[Widget] = [Label("No event this round.", "large", True, "panel")]
        if view.event is not None:
            card = [Label(view.event.title, "large", True, "panel_heading"),
                    Label(prose(view.event.text), "body", False, "panel")]
        effects = [e for e in view.ledger(view.round) if e.cause == "event"]
        card += [Label(ledger_line(self.scenario, e), "small", False, "panel") for e in effects
                 if view.event is None or e.source == view.event.id]
        cards = [Panel(card), *self._other_events(view, effects)]
        timer = self.flow.timer
        if self.flow.hotseat:
            talk = ("Talk face to face now. The timer only keeps time; the round goes on when "
                    "you are ready.")
            go, go_detail = "Talks are over: enter orders", "Each team enters its orders in turn"
        else:
            talk = "Read the event, then choose your orders for this round."
            go = "Choose our orders"
            go_detail = "The AI delegations choose theirs in secret at the same time"
        return [
            *cards,
            Label(talk, "body", False, "screen_muted"),
            Button(go, self.flow.advance, key="event:go", detail=go_detail),
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
            out.append(Panel([Label(f"Also this round: {event.title}", "large", True,
                                    "panel_heading"),
                              Label(prose(event.text), "body", False, "panel"),
                              *[Label(ledger_line(self.scenario, e), "small", False, "panel")
                                for e in mine]]))
        return out

    def toggle_timer(self) -> None:
        """Pause or resume the countdown."""
        self.flow.timer.toggle()
        self.invalidate()


class ResolutionScene(GameScene):
    """Everything revealed: the orders, the answers, then the ledger grouped by cause.

    For a moment after it opens, the HUD's tension and trust move from their values
    at the start of the round to their new values (read from the round's ledger).
    """

    viewer = None
    ANIMATION_S = 1.2
    FRAME_S = 1 / 30

    def __init__(self, flow, record) -> None:
        super().__init__(flow)
        self.record = record
        self.heading = f"Round {record.round}: what happened"
        self.started: float | None = None

    def on_enter(self) -> None:
        self.started = time.monotonic()

    def _progress(self) -> float:
        if self.started is None:
            return 1.0
        return min(1.0, (time.monotonic() - self.started) / self.ANIMATION_S)

    def next_tick(self) -> float | None:
        return self.FRAME_S if self._progress() < 1.0 else super().next_tick()

    def update(self, dt: float) -> bool:
        if self._progress() < 1.0 or getattr(self, "_drawn_final", False) is False:
            self._drawn_final = self._progress() >= 1.0
            self.invalidate()
            return True
        return super().update(dt)

    def hud_view(self, view):
        """The meters moving into place, under the number of the round being shown (the
        engine has already moved on to the next one)."""
        shown = animated_view(view, view.ledger(self.record.round), self._progress())
        return shown.replace(round=self.record.round) if not view.over else shown

    def body(self) -> list[Widget]:
        sc, rec = self.scenario, self.record
        acts = [Label(f"{self.flow.role_name(a.role)}: {action_label(sc, a)}", "body", False,
                      "panel") for a in rec.orders] or [Label("No orders.", "body", False, "panel")]
        answers = [Label(response_line(sc, r, key, ok), "body", False, "panel")
                   for r, key, ok in rec.responses]
        last = self.session.state.over and self.flow.shown_records + 1 >= len(
            self.session.state.records)
        go = "See the ending" if last else "Next round"
        # The button is at the top as well, so the screen opens with the focus in view
        # while the reader scrolls down through the ledger.
        out: list[Widget] = [
            Button(go, self.done, key="resolution:next:top",
                   detail="PageDown reads on: the ledger explains every change"),
            Panel([Label("Orders revealed", "large", True, "panel_heading"), *acts, *answers])]
        for heading, group in ledger_groups(sc, self.view.ledger(rec.round)):
            lines = [Label(line, "small", False, "panel") for line in group]
            out.append(Panel([Label(heading, "body", True, "panel_heading"), *lines]))
        notes = self.session.notes_for(rec.round)
        if notes:
            out.append(Panel([Label("AI delegations' reasoning", "body", True, "panel_heading"),
                              *[Label(note_line(sc, n.role, n.text), "small", False, "panel")
                                for n in notes]]))
        out.append(Button(go, self.done, key="resolution:next"))
        return out

    def done(self) -> None:
        """On to the next round or the end."""
        self.flow.record_shown()
        self.flow.advance()


def animated_view(view, entries, progress: float):
    """The view with tension and trust part-way from their round-start values (0) to now (1)."""
    if progress >= 1.0:
        return view
    start: dict[str, int] = {}
    for e in entries:
        start.setdefault(e.meter, e.before)

    def mix(meter: str, now: int) -> int:
        return round(start.get(meter, now) + (now - start.get(meter, now)) * progress)

    tension = mix("tension", view.tension)
    trust = {(a, b): mix(f"trust.{a}.{b}", v) for (a, b), v in view.trust.items()}
    return view.replace(tension=tension, band=tension_band(tension), trust=trust)
