"""Which screen comes next in a game: briefings, event card, hand-offs, orders, responses,
resolution and the end. The order comes from the session's state; this keeps no rules.

Hand-off screens appear only when two or more teams share the screen (classroom mode
with several human teams); a solo player sees no hand-offs. When teams share the
screen, every human team goes through a hand-off and the answers screen in each
round that has offers, whether or not it received one, so the room cannot tell who
did; the answers are held here and handed to the session once every team has been.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.model.actions import IllegalAction
from game.model.results import Phase
from game.ui.play.timer import CountdownTimer
from game.words import _, refusal_line

if TYPE_CHECKING:
    from game.session.session import Session
    from game.ui.scene import Host, Scene


class GameFlow:
    """Holds the session and what the screens have shown so far."""

    def __init__(self, app: Host, session: Session, timer_minutes: int,
                 resumed: bool = False) -> None:
        self.app = app
        self.session = session
        self.scenario = session.scenario
        self.timer = CountdownTimer(timer_minutes * 60)
        self.humans = [r for r in self.scenario.role_ids if session.seats[r].human]
        self.hotseat = len(self.humans) > 1
        # With one human team (solo) the shared screens may show that team's own view.
        self.shared_viewer = self.humans[0] if len(self.humans) == 1 else None
        self.briefed: set[str] = set(self.humans) if resumed else set()
        self.shown_round = 0
        self.timer_round = 0
        self.shown_records = len(session.state.records)
        self.message = ""
        self.held: dict[str, object] = {}  # role -> its Responses (None: no offers to it)
        self.held_round = 0
        self.round_views: dict[int, object] = {}  # round -> the board as its talks began
        if resumed and self._talks_were_over():
            self._close_talks()

    def _talks_were_over(self) -> bool:
        """True when a resumed round is past its talks: a team has given orders, or the
        answers are being collected. Its event card is not shown again and its talks
        timer does not start again."""
        st = self.session.state
        return not st.over and (bool(st.orders) or st.phase == "responses")

    def _close_talks(self) -> None:
        st = self.session.state
        self.shown_round = self.timer_round = st.round
        self.timer.restart()
        self.timer.finish()
        self.round_views.setdefault(st.round, self.session.view(self.shared_viewer))

    def role_name(self, role: str | None) -> str:
        """Display name of a role."""
        return self.scenario.role(role).name if role else _("Everyone")

    # navigation
    def first_scene(self) -> Scene:
        """The scene to show first."""
        return self.next_scene()

    def advance(self) -> None:
        """Replace the top scene with the next one. A line left by the last screen goes
        with it (the next screen may set its own)."""
        self.message = ""
        self.app.stack.replace(self.next_scene())

    def next_scene(self) -> Scene:
        """The next screen for the session's current state."""
        make = self.app.screens.make
        session = self.session
        for role in self.humans:
            if role not in self.briefed and not session.state.over:
                return self.gate(role, "briefing")
        if len(session.state.records) > self.shown_records:
            record = session.state.records[self.shown_records]
            return make("resolution", self, record)
        if session.state.over:
            return make("end", self)
        if self.shown_round != session.state.round:
            return make("event", self)
        if self.hotseat and session.state.phase == Phase.RESPONSES:
            waiting = self._answers_due()
            if waiting is not None:
                return self.gate(waiting, "responses")
            if session.state.phase != Phase.RESPONSES:  # the held answers closed the round
                return self.next_scene()
        role = session.next_human()
        if role is None:
            session.play_ai()
            return self.next_scene()
        return self.gate(role, "orders" if session.state.phase == Phase.ORDERS else "responses")

    def gate(self, role: str, screen: str) -> Scene:
        """The private screen `screen` for `role`, behind a hand-off screen when teams
        share the window."""
        if self.hotseat:
            return self.app.screens.make("handoff", self, role, screen)
        return self.app.screens.make(screen, self, role)

    def _answers_due(self) -> str | None:
        """The next team to visit the answers screen, or None once all have (their held
        answers are then handed to the session)."""
        if self.held_round != self.session.state.round:
            self.held, self.held_round = {}, self.session.state.round
        todo = [r for r in self.humans if r not in self.held]
        if todo:
            return todo[0]
        for role in self.humans:
            move = self.held[role]
            still_open = self.session.state.phase == Phase.RESPONSES and \
                self.session.state.round == self.held_round
            if move is not None and still_open and role in self.session.waiting_for():
                try:
                    self.session.submit(move)
                except ValueError as exc:  # the rules refused: ask that team again
                    why = (refusal_line(self.session.scenario, exc.refusal, exc.action)
                           if isinstance(exc, IllegalAction) else str(exc))
                    self.message = _("Not accepted: {why}").format(why=why)
                    del self.held[role]
                    return role
        return None

    def hold_answers(self, role: str, move) -> None:
        """A team's answers (None: it had no offers), kept until every team has been."""
        self.held[role] = move

    # the guided game's hooks (see screens/tutorial.py): nothing in an ordinary game
    def coach_card(self, scene):
        """A guide's card for `scene`, or None."""
        return None

    def suggested(self, role: str) -> tuple:
        """Orders a guide suggests to `role` now (the orders screen marks them)."""
        return ()

    # facts for screens
    def event_shown(self) -> None:
        """The event card of the current round was shown: the talks timer starts."""
        if self.timer_round != self.session.state.round:
            self.timer_round = self.session.state.round
            self.timer.restart()
        self.shown_round = self.session.state.round
        # The board as the talks begin: the results screen starts its read-out from it.
        self.round_views[self.shown_round] = self.session.view(self.shared_viewer)

    def record_shown(self) -> None:
        """The oldest unshown resolution was shown."""
        self.shown_records += 1

    # facilitator
    def undo_round(self) -> bool:
        """Undo the last resolved round; its event card will show again."""
        if not self.session.undo_round():
            return False
        self.shown_records = len(self.session.state.records)
        self.shown_round = self.timer_round = 0
        self.held, self.held_round = {}, 0  # answers held for the undone round are void
        return True

    def end_game(self) -> None:
        """End the game now; it is scored as it stands."""
        self.session.end_now()
        self.shown_records = len(self.session.state.records)

    def inject(self, event_id: str) -> str:
        """Bring an event into play; returns "" or the reason it was refused."""
        try:
            self.session.inject_event(event_id)
        except IllegalAction as exc:
            return refusal_line(self.session.scenario, exc.refusal, exc.action)
        self.shown_round = 0  # show the event card again, with the new event on it
        return ""
