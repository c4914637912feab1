"""A game hosted for many devices: the session, the seats, the talks timer and the pages' data.

`HostedGame` is the one place where network requests become moves. Each request names
the role it acts for only through a seat it has proved (a device token, or the PIN for a
hot-seat team); the move still goes through `Session.submit`, so the rules check it, and
`IllegalAction` comes back to that client as a readable message. A submission carries a
key, saved in the same write as its move (see `game.net.durable`), and a key already
applied is acknowledged again without applying the move twice. A move whose save fails
is taken back in memory and refused in one sentence; the facilitator is told too, and
`retry` (called every few seconds while a problem stands) carries on once there is space.
Every change bumps `version`, and the server pushes each page its new data.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from game import words
from game.files.atomic import WriteFailed
from game.model.actions import Action, IllegalAction, Orders, Responses, Talk
from game.model.results import Phase, RefusalKind
from game.net.durable import SAVE_ERRORS, HostSave, reason
from game.net.pages import Pages, closed_reasons
from game.net.reseat import new_link, reseat
from game.net.seats import HostSecrets, SeatError, save_secrets
from game.net.talkdata import TalkShapeError, talk_move
from game.net.timer import Timer
from game.rules import points_left
from game.rules.legal import why_illegal
from game.rules.talks import talks_open
from game.session.session import Session
from game.words import _

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
AFTER_THE_END = ("joining",)  # the only facilitator command that still works once the game is over


class NetError(ValueError):
    """A request that cannot be carried out; the message is shown to the one client that sent it."""


class HostedGame:
    """A session served to device, hot-seat and AI seats; every change notifies the listeners.

    `clock` (monotonic seconds) runs the talks timer; `wall` (seconds since the epoch) dates
    the timer as it is saved with the seats, so that it survives a restart of the host."""

    def __init__(self, session: Session, found: HostSecrets, secrets_path: Path,
                 join_url: str = "", on_finish: Callable[[Session], list[str]] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        self.session, self.secrets, self.secrets_path = session, found, secrets_path
        self.join_url, self.on_finish, self.clock, self.wall = join_url, on_finish, clock, wall
        self.timer = Timer.restored(found.timer, clock(), wall())
        self._timer_round = session.state.round  # the round the timer belongs to
        self.version = 0
        self.listeners: list[Callable[[], None]] = []
        self.alerts: list[Callable[[str], None]] = []  # each gets a line for the facilitator
        self.problem: str | None = None  # the save problem that stands, if one does
        self._told: str | None = None  # the last problem said, so a retry does not repeat it
        self.finished_files: list[str] = []
        self.taken_codes: Callable[[], set[str]] = self._own_codes  # a class of tables shares them
        self.pages = Pages(self)
        self._after_change()

    # --- who may do what -----------------------------------------------------------
    def role_for_token(self, token: object) -> str:
        """The device role a token belongs to; NetError if it belongs to none."""
        role = self.secrets.role_for_token(token)
        if role is None and not self.secrets.joining_open:
            raise NetError(_("This team link is not valid for this game, and joining is closed. "
                             "Ask the facilitator for your team's link."))
        if role is None:
            raise NetError(_("This team link is not valid for this game. Ask the facilitator "
                             "for your team's join code."))
        return role

    def join(self, code: object) -> str:
        """The token a join code leads to; NetError while joining is closed or for a wrong code."""
        if not self.secrets.joining_open:
            raise NetError(_("Joining is closed. Ask the facilitator for your team's link."))
        token = self.secrets.token_for_code(code)
        if token is None:
            raise NetError(_("That join code is not one of this game's codes. Check the code on "
                             "the board and try again."))
        return token

    def check_pin(self, pin: object) -> None:
        """NetError unless `pin` is the facilitator's PIN."""
        if not self.secrets.pin_ok(pin):
            raise NetError(_("Wrong facilitator PIN. The PIN is printed in the host's terminal."))

    def hotseat_role(self, role: object) -> str:
        """`role` if it is a hot-seat team, else NetError."""
        plan = self.secrets.seats.get(role) if isinstance(role, str) else None
        if plan is None or plan.kind != "hotseat":
            raise NetError(_("Only hot-seat teams can be played from the facilitator's page."))
        return role

    # --- moves -----------------------------------------------------------------------
    def submit_orders(self, role: str, key: object, actions: object, wait: object = False) -> dict:
        """Apply `role`'s orders (action texts) once per key; returns the acknowledgement.

        Orders end only on an explicit choice: at least one action, or no action with
        `wait` true (the team waits and sees this round). NetError otherwise."""
        def make() -> Orders:
            chosen = self._own_actions(role, actions)
            if not chosen and wait is not True:
                raise NetError(_("Choose at least one action, or confirm that your delegation "
                                 "waits and sees this round."))
            if chosen and wait is True:
                raise NetError(_("Either choose actions or wait and see, not both."))
            self._check_orders(role, chosen)
            return Orders(role, chosen)
        return self._submit(role, key, make)

    def submit_responses(self, role: str, key: object, decisions: object) -> dict:
        """Apply `role`'s answers ({offer key: accepted}) once per key."""
        if not isinstance(decisions, dict) or not all(
                isinstance(k, str) and isinstance(v, bool) for k, v in decisions.items()):
            raise NetError(_("Answers must map each offer to true (accept) or false (decline)."))
        return self._submit(role, key, lambda: Responses(role, tuple(decisions.items())))

    def submit_talk(self, role: str, key: object, message: object) -> dict:
        """Send `role`'s message in the talks once per key ({"kind", "ref", "to", "terms"},
        see `game.net.talkdata.talk_move`); the AI delegations then answer. NetError, in
        words, for a message of the wrong shape or one the rules refuse."""
        def make() -> Talk:
            if not isinstance(message, dict):
                raise NetError(_("A talk message must be a JSON object."))
            try:
                return talk_move(self.session, role, message)
            except TalkShapeError as exc:
                raise NetError(str(exc)) from None
        return self._submit(role, key, make)

    def _submit(self, role: str, key: object, make: Callable[[], Orders | Responses | Talk]) -> dict:
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            raise NetError(_("Every submission needs a key of 8-64 letters, digits, - or _."))
        done = self.secrets.applied.get(key)
        if done is not None:
            if done != role:
                raise NetError(_("That submission key was used by another team."))
            return {"key": key, "duplicate": True}
        if self.session.state.over:
            raise NetError(_("The game is over; no more moves can be made."))
        if self.secrets.paused:
            raise NetError(_("The facilitator has paused the game. Wait until it resumes."))
        move = make()
        self.secrets.applied[key] = role  # written in the same save as the move itself
        try:
            self._kept(self.session.submit, move)
        except IllegalAction as exc:
            if not self._already_in(move):
                del self.secrets.applied[key]
                raise NetError(_("Not allowed: {why}").format(why=words.refusal_line(
                    self.pages.worded.scenario(), exc.refusal, exc.action))) from None
            self._kept(self.session.save)  # applied by a host older than keys in the save
            return {"key": key, "duplicate": True}
        except NetError:
            self.secrets.applied.pop(key, None)
            raise
        if isinstance(move, Talk):
            self._answer_talks()
        self._after_change()
        return {"key": key, "duplicate": False}

    def _answer_talks(self) -> None:
        """The AI delegations answer a team's message. The message itself is saved, with
        its key, already: a save that fails here takes back only the answers (and tells the
        facilitator), and they are given again at the next move."""
        try:
            self._kept(self.session.play_talks)
        except NetError:
            pass

    def _kept(self, change: Callable, *args, alert: bool = True):
        """Run a change that saves the game. If the save fails, take the change back in
        memory, tell the facilitator (with `alert`) and raise NetError for the page that
        asked: nothing that is not saved is acknowledged."""
        try:
            return change(*args)
        except SAVE_ERRORS as exc:
            self._take_back(exc, alert)
            raise NetError(_("Not received: the host could not save the game ({why}). Nothing "
                             "was kept; send it again once the facilitator says there is space.")
                           .format(why=reason(exc))) from None

    def _take_back(self, exc: Exception, alert: bool = True) -> None:
        hook = self.session.on_save
        if isinstance(hook, HostSave):
            hook.rollback(self.session)
        line = _("The game could not be saved: {why}. The last move was not kept and its team "
                 "was told; it is taken when sent again once there is space.").format(why=reason(exc))
        self._alert(line, alert)

    def _alert(self, line: str, tell: bool = True) -> None:
        """A save problem: one line in the host's terminal and, with `tell`, on every
        facilitator page; it stands until a save succeeds again."""
        self.problem = line
        if line == self._told:
            return  # said already: a retry that fails again says nothing new
        self._told = line
        print(line, file=sys.stderr, flush=True)
        for alert in list(self.alerts) if tell else ():
            alert(line)

    def retry(self) -> None:
        """While a save problem stands: save the game again and carry on (AI moves, the
        seats, the finished game's files); the facilitator hears when it is solved."""
        if self.problem is None:
            return
        try:
            self.session.save()
        except SAVE_ERRORS as exc:
            self._take_back(exc, alert=False)
            return
        self._after_change()

    def _already_in(self, move: Orders | Responses | Talk) -> bool:
        """True if this very move is already part of the current round (the host stopped
        after applying it but before it kept the submission's key). A talk message is
        always saved with its key, so it is never found this way."""
        st = self.session.state
        if isinstance(move, Talk):
            return False
        if isinstance(move, Orders):
            return st.phase in (Phase.ORDERS, Phase.RESPONSES) and st.orders.get(move.role) == move.actions
        return st.phase == Phase.RESPONSES and st.responses.get(move.role) == move.as_dict()

    def _own_actions(self, role: str, actions: object) -> tuple[Action, ...]:
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise NetError(_("Orders must be a list of actions."))
        menu = set(self.session.legal(role)) if self.session.state.phase == Phase.ORDERS else set()
        parsed = []
        for text in actions:
            try:
                action = Action.from_text(text)
            except ValueError:
                raise NetError(_("{text!r} is not an action.").format(text=text)) from None
            if action.role != role:
                raise NetError(_("A team can give orders only for its own delegation."))
            if menu and action not in menu:
                raise NetError(_("{action} is not open to you this round.").format(
                    action=words.action_label(self.pages.worded.scenario(), action)))
            parsed.append(action)
        return tuple(parsed)

    def _check_orders(self, role: str, chosen: tuple[Action, ...]) -> None:
        """NetError, in words, unless each order is still open after the ones before it
        (points, repeats and limits: a fast hand can tick more than the team can afford)."""
        if self.session.state.phase != Phase.ORDERS or role in self.session.state.orders:
            return  # the rules refuse it as a whole (or it was applied before a restart)
        for i, action in enumerate(chosen):
            why = why_illegal(self.session.state, self.session.game, action, chosen[:i])
            if why:
                sc = self.pages.worded.scenario()  # in the words of the page that sent them
                raise NetError(_("{action} cannot be added: {why}.").format(
                    action=words.action_label(sc, action), why=words.why_not(sc, action, why)))

    def draft(self, role: str, chosen: object) -> dict:
        """The actions still open after the drafted `chosen` orders, the points left, and
        {action: why it is closed, in words} for the others."""
        picked = self._own_actions(role, chosen)
        legal = self.session.legal(role, picked)
        return {"open": [a.text() for a in legal], "points_left": points_left(self.session.game, picked),
                "closed": closed_reasons(self.pages.session(), role, picked)}

    # --- facilitator -------------------------------------------------------------------
    def facilitate(self, command: object, arg: object = None) -> str:
        """Carry out a facilitator command; returns a line saying what happened."""
        handlers = {"pause": self._pause, "resume": self._resume, "timer_start": self._timer_start,
                    "timer_pause": self._timer_pause, "timer_resume": self._timer_resume,
                    "timer_add": self._timer_add, "inject": self._inject, "undo": self._undo,
                    "end": self._end, "joining": self._joining, "seat": self._seat,
                    "new_link": self._new_link}
        handler = handlers.get(command) if isinstance(command, str) else None
        if handler is None:
            raise NetError(_("Unknown facilitator command; use one of: {names}").format(
                names=", ".join(handlers)))
        if self.session.state.over and command not in AFTER_THE_END:
            raise NetError(_("The game is over: it can no longer be paused, timed, changed or "
                             "undone. Start a new game with: python main.py host --new"))
        message = self._kept(handler, arg, alert=False)
        self._after_change()
        return message

    def _pause(self, _arg) -> str:
        self.secrets.paused = True
        self.timer.pause(self.clock())
        return _("The game is paused: no team can submit until you resume.")

    def _resume(self, _arg) -> str:
        self.secrets.paused = False
        self.timer.resume(self.clock())
        return _("The game goes on.")

    def talks_settled(self) -> str:
        """Why nobody can hold talks any more, in words ("" while they can): once a package
        is agreed, by any parties, the talks are over for every delegation."""
        state, game = self.session.state, self.session.game
        refusal = talks_open(state, game)
        if refusal is None or refusal.kind != RefusalKind.TALKS_SETTLED:
            return ""
        return words.refusal_line(self.pages.session().game, refusal)

    def _no_talks_timer(self) -> None:
        why = self.talks_settled()
        if why:
            raise NetError(_("No talks timer: {why}.").format(why=why))

    def _timer_start(self, minutes) -> str:
        if not isinstance(minutes, int | float) or isinstance(minutes, bool) or not 0 < minutes <= 60:
            raise NetError(_("Give the talks time in minutes, from 1 to 60."))
        self._no_talks_timer()
        self.timer.start(float(minutes) * 60, self.clock())
        return _("Talks timer started.")

    def _timer_pause(self, _arg) -> str:
        self.timer.pause(self.clock())
        return _("Talks timer paused.")

    def _timer_resume(self, _arg) -> str:
        self._no_talks_timer()
        self.timer.resume(self.clock())
        return _("Talks timer running.")

    def _timer_add(self, seconds) -> str:
        if not isinstance(seconds, int) or isinstance(seconds, bool) or not -3600 <= seconds <= 3600:
            raise NetError(_("Give the seconds to add, from -3600 to 3600."))
        self._no_talks_timer()
        self.timer.add(seconds, self.clock())
        return _("Talks timer changed.")

    def _inject(self, event_id) -> str:
        if not isinstance(event_id, str):
            raise NetError(_("Name the event to bring in."))
        try:
            self.session.inject_event(event_id)
        except IllegalAction as exc:
            raise NetError(_("Not possible: {why}").format(
                why=words.refusal_line(self.pages.worded.scenario(), exc.refusal, exc.action))) from None
        return _("Event brought in.")

    def _undo(self, _arg) -> str:
        if not self.session.undo_round():
            raise NetError(_("There is no finished round to undo."))
        return _("Went back to the start of round {n}.").format(n=self.session.state.round)

    def _end(self, _arg) -> str:
        self.session.end_now()
        self.secrets.paused = False  # a pause ends with the game
        return _("The game is over.")

    def _seat(self, arg) -> str:
        """Move a role to another seat mid-game (see `game.net.reseat`):
        {"role": R, "kind": "device" | "hotseat" | PERSONA[:TEMPERAMENT]}."""
        role, kind = (arg.get("role"), arg.get("kind")) if isinstance(arg, dict) else (None, None)
        try:
            return reseat(self.session, self.secrets, role, kind)
        except SeatError as exc:
            raise NetError(str(exc)) from None

    def _new_link(self, role) -> str:
        """A device team's new link and join code; the devices on the old link are closed."""
        try:
            return new_link(self.session.scenario, self.secrets, role, self.taken_codes())
        except SeatError as exc:
            raise NetError(str(exc)) from None

    def _own_codes(self) -> set[str]:
        return {p.code for p in self.secrets.seats.values() if p.code}

    def _joining(self, is_open) -> str:
        if not isinstance(is_open, bool):
            raise NetError(_("Say whether joining is open (true or false)."))
        self.secrets.joining_open = is_open
        return _("Joining is open.") if is_open else _("Joining is closed.")

    # --- after every change --------------------------------------------------------------
    def _after_change(self) -> None:
        """Let AI seats move, save the seats, write the replay at the end, tell the listeners.

        A save that fails here is taken back (an AI seat moves again once the game saves)
        and reported to the facilitator; the game goes on from its last good save."""
        had_problem, self.problem = self.problem, None
        try:
            self.session.play_ai()
        except SAVE_ERRORS as exc:
            self._take_back(exc)
        if self.session.state.over or self.talks_settled():
            self.timer = Timer()  # no talks after the end, nor once a package is agreed
        if self.session.state.round != self._timer_round:
            # the timer is for one round only: a round that opens (or is played again after
            # an undo) starts with none, and the facilitator starts it for the new talks
            self.timer, self._timer_round = Timer(), self.session.state.round
        self.secrets.timer = self.timer.saved(self.clock(), self.wall())
        try:
            save_secrets(self.secrets, self.secrets_path)
        except WriteFailed as exc:
            self._alert(_("The seats and the talks timer could not be saved: {why}.").format(why=exc))
        self._finish_files()
        if had_problem and self.problem is None:
            self._alert_solved()
        self.version += 1
        for listener in list(self.listeners):
            listener()

    def _finish_files(self) -> None:
        """Write the finished game's replay and debrief once (again at each retry until done)."""
        if not (self.session.state.over and not self.finished_files and self.on_finish):
            return
        try:
            self.finished_files = self.on_finish(self.session)
        except SAVE_ERRORS as exc:
            self._alert(_("The game is over, but its replay and debrief could not be written: "
                          "{why}. They are written once there is space, or at the next start.")
                        .format(why=reason(exc)))

    def _alert_solved(self) -> None:
        self._told = None
        line = _("The game is saved again; every move sent from now on is kept.")
        print(line, file=sys.stderr, flush=True)
        for alert in list(self.alerts):
            alert(line)

    # --- what each page shows (see game.net.pages) --------------------------------------
    def team_data(self, role: str) -> dict:
        """Everything a team's page shows: its view in words, briefing, menu, outcome."""
        return self.pages.team(role)

    def board_data(self) -> dict:
        """The public board: the public view in words, the join address and codes."""
        return self.pages.board()

    def host_data(self) -> dict:
        """The facilitator's page: the board plus seats, links, codes and events to bring in."""
        return self.pages.host()

    def timer_data(self) -> dict:
        """The talks timer now: {"running": bool, "left": seconds}; sent with every state."""
        return self.timer.data(self.clock())
