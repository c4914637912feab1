"""Shared-screen scenes: hand-off and event card (with the talks), and the briefing.

The hand-off and event screens read only the public view (`viewer = None`); the
briefing is a team's private screen and always sits behind a hand-off in class. The
results screen is in results.py.
"""

from __future__ import annotations

from game.ui.base import Widget
from game.ui.identity import Badge, delegations
from game.ui.play.gamescene import GameScene
from game.ui.play.text import ledger_line, points, prose
from game.ui.widgets import Button, Label, Panel
from game.words import _
from game.words.ledger import change_summary


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

    Like every game screen it ignores keys for a moment after it appears (here a longer
    one, `SETTLE_S`), so a double press or a held key that confirmed the previous team's
    orders never opens the next team's private screen; its button says when it is ready.
    """

    viewer = None
    shared = True
    SETTLE_S = 1.0
    ARM_S = SETTLE_S

    def __init__(self, flow, role: str, then: str, clock=None) -> None:
        super().__init__(flow)
        self.role, self.then = role, then
        if clock is not None:
            self.clock = clock
        self.heading = _("Pass to the {team} team").format(team=flow.role_name(role))

    @property
    def opened(self) -> float | None:
        """When the screen came on top (the clock's time)."""
        return self.shown_at

    @opened.setter
    def opened(self, when: float | None) -> None:
        self.shown_at = when

    def armed(self) -> bool:
        """True once the screen has been shown long enough to accept a key."""
        return self.shown_at is not None and self.settled()

    def next_tick(self) -> float | None:
        left = self.settle_left()
        return left if left is not None else super().next_tick()

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
            Button(_("{name} team: show our screen").format(name=name), self.reveal,
                   detail=detail, key="handoff:ready"),
            Label(_("Only the {name} team should look at the screen now; nothing private "
                    "shows until they are ready.").format(name=name), "body"),
        ]

    def reveal(self) -> None:
        """The team is at the screen: show its private scene."""
        self.app.stack.replace(self.app.screens.make(self.then, self.flow, self.role))


class BriefingScene(GameScene):
    """A team's briefing and private objectives."""

    def __init__(self, flow, role: str) -> None:
        super().__init__(flow)
        self.viewer = role
        self.heading = _("Briefing: {team}").format(team=flow.role_name(role))

    def body(self) -> list[Widget]:
        spec = self.scenario.role(self.viewer)
        objectives = [Label(f"• {o.text} ({points(o.points)})", "body", False, "panel")
                      for o in self.view.objectives]
        return [
            Label(self.scenario.title, "large", True, "accent"),
            Label(spec.description, "body"),
            Label(prose(spec.briefing), "body"),
            Panel([Label(_("Private objectives (only your team sees these)"), "body", True,
                         "panel_heading"), *objectives]),
            Button(_("We have read our briefing"), self.done, detail=_("Enter or Space"),
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
        others = self._other_events(view, effects)
        if view.event is None:
            main = event_card(_("No event"), _("Nothing new this round."), [],
                              _("Round {n}").format(n=view.round))
        else:
            mine = [e for e in effects if e.source == view.event.id]
            main = event_card(view.event.title, prose(view.event.text),
                              self._changes(mine, compact=bool(others)),
                              _("Event · round {n}").format(n=view.round))
        cards = [main, *others]
        demands = self.demands_panel()
        timer = self.flow.timer
        if self.flow.hotseat:
            talk = _("Talk face to face now. The timer only keeps time; the round goes on "
                     "when you are ready.")
            go, go_detail = _("Talks are over: enter orders"), \
                _("Each team enters its orders in turn")
        else:
            talk = _("Read the event, then choose your orders for this round.")
            go = _("Choose our orders")
            go_detail = _("The AI delegations choose theirs in secret at the same time")
        controls: list[Widget] = [
            *([Button(_("Resume the talks timer") if not timer.running else
                      _("Pause the talks timer"), self.toggle_timer, key="event:timer",
                      enabled=timer.remaining() > 0)] if timer.enabled else []),
            Button(_("Facilitator panel"), self.back, key="event:facilitator",
                   detail=_("Pause, inject an event, undo the last round, end the game")),
        ]
        go_button = Button(go, self.end_talks, key="event:go", detail=go_detail)
        self.essential_n = 1 + len(cards)  # the news is read from the back row unscrolled
        if not self.flow.hotseat:  # one team, no talks: the way on comes first
            return [go_button, *cards, *([demands] if demands else []),
                    Label(talk, "body", False, "screen_muted"), *controls]
        # Teams talking: the screen opens with the focus on a harmless control at its top
        # (the timer, or the facilitator panel), never on ending the talks, so the room
        # reads the news first; ending the talks comes after the news.
        first, rest = controls[:1], controls[1:]  # one control above the news keeps it in view
        return [*first, *cards, *([demands] if demands else []),
                Label(talk, "body", False, "screen_muted"), go_button, *rest]

    def _other_events(self, view, effects) -> list[Widget]:
        """Cards for events brought in this round besides the round's own (facilitator),
        whether or not they moved a meter."""
        main = view.event.id if view.event else None
        brought = self.session.state.injected_now  # public: the whole room sees them come in
        out = []
        for event in self.scenario.events:
            mine = [e for e in effects if e.source == event.id]
            if event.id == main or not (mine or event.id in brought):
                continue
            out.append(event_card(event.title, prose(event.text), self._changes(mine, True),
                                  _("Brought in by the facilitator")))
        return out

    def _changes(self, entries, compact: bool) -> list[str]:
        """What an event changed: a line per change, or all on one line when two events
        share the screen (so both stay in view from the back row)."""
        if not entries:
            return []
        if compact:
            return [change_summary(self.scenario, entries)]
        return [ledger_line(self.scenario, e) for e in entries]

    def toggle_timer(self) -> None:
        """Pause or resume the countdown."""
        self.flow.timer.toggle()
        self.invalidate()

    def end_talks(self) -> None:
        """The talks are over: the timer stops, and the teams give their orders."""
        self.flow.timer.finish()
        self.flow.advance()
