"""The facilitator panel: timer, inject an event, undo the last round, end the game.

It is pushed over any game screen (Esc or F2) and reads nothing private. Actions that
change the game close the panel and move the flow to the right screen.
"""

from __future__ import annotations

from game.model.results import Phase
from game.ui.base import Widget
from game.ui.play.text import prose
from game.ui.screens.common import PageScene
from game.ui.widgets import Button, ChoiceList, Label, notice
from game.words import _


class FacilitatorScene(PageScene):
    """Controls for the teacher."""

    @property
    def heading(self) -> str:
        return _("Facilitator panel")

    @property
    def subheading(self) -> str:
        return _("Nothing private is shown here. Esc returns to the game.")

    SETTLE_S = 0.6  # the key that opened the panel never chooses anything on it

    def __init__(self, flow) -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.choosing_event = False
        self.note = ""

    def next_tick(self):
        return self.flow.timer.next_tick()

    def update(self, dt: float) -> bool:
        text = self.flow.timer.text()
        changed, self._shown = text != getattr(self, "_shown", text), text
        if changed:
            self.invalidate()
        return changed

    def body(self) -> list[Widget]:
        if self.choosing_event:
            return self._events()
        t = self.flow.timer
        over = self.flow.session.state.over
        items: list[Widget] = [Label(_("The game is over") if over else t.text(), "large", True,
                                     "accent")]
        if self.note:
            items.append(notice(self.note))
        items += [
            Button(_("Back to the game"), self.back, key="fac:back"),
            Button(_("Resume the talks timer") if t.enabled and not t.running else
                   _("Pause the talks timer"), self.toggle_timer, key="fac:timer",
                   enabled=t.enabled and t.remaining() > 0 and not over and not t.over),
            Button(_("Add one minute to the talks"), self.add_minute, key="fac:more",
                   enabled=t.enabled and not over and not t.over),
            Button(_("Inject an event…"), self.pick_event, key="fac:inject",
                   enabled=not self.inject_blocked(),
                   detail=self.inject_blocked() or _("Only at the start of a round, before "
                                                     "any team gives its orders")),
            Button(_("Undo the last round…"), self.undo, key="fac:undo",
                   enabled=bool(self.flow.session.state.records),
                   detail=_("The round is replayed from its start; the game is re-saved")),
            Button(_("End the game now…"), self.end, key="fac:end", enabled=not over,
                   detail=_("It is scored as it stands")),
            Button(_("Quit to the title screen"), self.quit, key="fac:quit",
                   detail=self.app.services.save_error or _("The game is autosaved; Continue "
                                                            "resumes it")),
        ]
        return items

    def _events(self) -> list[Widget]:
        events = self.flow.scenario.events
        items = [(e.title, prose(e.text), lambda e=e: self.inject(e.id), True) for e in events]
        return [Label(_("Choose the event to bring into play now:"), "large"),
                ChoiceList("events", items, key_prefix="event"),
                Button(_("Cancel"), self.cancel_event, key="fac:cancel")]

    def toggle_timer(self) -> None:
        """Pause or resume the countdown."""
        self.flow.timer.toggle()
        self.invalidate()

    def add_minute(self) -> None:
        """One more minute of talks."""
        self.flow.timer.add(60)
        self.invalidate()

    def pick_event(self) -> None:
        """Show the list of events."""
        self.choosing_event = True
        self.focus.key = f"event:{self.flow.scenario.events[0].title}"
        self.invalidate()

    def cancel_event(self) -> None:
        """Back to the main panel."""
        self.choosing_event = False
        self.focus.key = "fac:inject"
        self.invalidate()

    def inject_blocked(self) -> str:
        """Why no event can be brought in now, in words ("" when one can)."""
        state = self.flow.session.state
        if not self.flow.scenario.events:
            return _("This scenario has no events")
        if state.over:
            return _("The game is over")
        if state.phase != Phase.ORDERS or state.orders:
            return _("Not now: a team has already given its orders this round")
        return ""

    def ask(self, question: str, detail: str, yes: str, then) -> None:
        """Open the confirmation dialog; `then()` runs only if the facilitator confirms."""
        self.app.stack.push(self.app.screens.make("confirm", question, detail, yes, then))

    def inject(self, event_id: str) -> None:
        """Ask, then bring the event into play and return to the game."""
        event = next(e for e in self.flow.scenario.events if e.id == event_id)
        self.ask(_("Bring in this event now?"),
                 _("“{title}” comes into play at once, for every team; it cannot be taken "
                   "back except by undoing the round.").format(title=event.title),
                 _("Yes, bring in “{title}”").format(title=event.title),
                 lambda: self._inject_now(event_id))

    def _inject_now(self, event_id: str) -> None:
        problem = self.flow.inject(event_id)
        if problem:
            self.choosing_event, self.note = False, _("Not possible now: {problem}").format(
                problem=problem)
            self.invalidate()
            return
        self._leave_to_next()

    def undo(self) -> None:
        """Ask, then undo the last round and go to its start."""
        self.ask(_("Undo the last round?"),
                 _("The last round's orders and results are taken back and the round is "
                   "played again from its start."),
                 _("Yes, undo the last round"), self._undo_now)

    def _undo_now(self) -> None:
        self.flow.undo_round()
        self._leave_to_next()

    def end(self) -> None:
        """Ask, then end the game (it is scored as it stands)."""
        self.ask(_("End the game now?"),
                 _("The game is scored as it stands; the debrief and the replay stay "
                   "available on the end screen."),
                 _("Yes, end the game"), self._end_now)

    def _end_now(self) -> None:
        self.flow.end_game()
        self._leave_to_next()

    def quit(self) -> None:
        """Back to the title screen."""
        self.app.stack.clear_to(self.app.screens.make("title"))

    def back(self) -> None:
        """Esc: close the panel (or the event list)."""
        if self.choosing_event:
            self.cancel_event()
            return
        self.app.stack.pop()

    def _leave_to_next(self) -> None:
        self.app.stack.pop()
        self.flow.advance()
