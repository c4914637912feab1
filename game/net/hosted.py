"""A game hosted for many devices: the session, the seats, the talks timer and the pages' data.

`HostedGame` is the one place where network requests become moves. Each request names
the role it acts for only through a seat it has proved (a device token, or the PIN for a
hot-seat team); the move still goes through `Session.submit`, so the rules check it, and
`IllegalAction` comes back to that client as a readable message. A submission carries a
key, and a key already applied is acknowledged again without applying the move twice.
Every change bumps `version`, and the server pushes each page its new data.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from game import words
from game.engine.session import Session
from game.model.actions import Action, IllegalAction, Orders, Responses
from game.net.seats import HostSecrets, save_secrets
from game.net.viewdata import present, view_dict
from game.rules import points_left
from game.words import _

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class NetError(ValueError):
    """A request that cannot be carried out; the message is shown to the one client that sent it."""


@dataclass
class Timer:
    """The talks timer: it only keeps time, the rules never read it. Seconds, monotonic clock."""

    remaining: float = 0.0
    running_since: float | None = None

    def left(self, now: float) -> float:
        """Seconds left at `now`, never below zero."""
        spent = now - self.running_since if self.running_since is not None else 0.0
        return max(0.0, self.remaining - spent)

    def start(self, seconds: float, now: float) -> None:
        """Set the timer to `seconds` and run it."""
        self.remaining, self.running_since = seconds, now

    def pause(self, now: float) -> None:
        """Stop the clock, keeping the time left."""
        self.remaining, self.running_since = self.left(now), None

    def resume(self, now: float) -> None:
        """Run the clock again from the time left."""
        if self.running_since is None and self.remaining > 0:
            self.running_since = now

    def add(self, seconds: float, now: float) -> None:
        """Give the talks more time (or less, never below zero)."""
        self.remaining = max(0.0, self.left(now) + seconds)
        if self.running_since is not None:
            self.running_since = now

    def data(self, now: float) -> dict:
        """{"running": bool, "left": seconds}."""
        return {"running": self.running_since is not None and self.left(now) > 0,
                "left": round(self.left(now), 1)}


class HostedGame:
    """A session served to device, hot-seat and AI seats; every change notifies the listeners."""

    def __init__(self, session: Session, found: HostSecrets, secrets_path: Path,
                 join_url: str = "", on_finish: Callable[[Session], list[str]] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.session, self.secrets, self.secrets_path = session, found, secrets_path
        self.join_url, self.on_finish, self.clock = join_url, on_finish, clock
        self.timer = Timer()
        self.version = 0
        self.listeners: list[Callable[[], None]] = []
        self.finished_files: list[str] = []
        self._cache: dict[object, dict] = {}
        self._worded: dict = {}  # revealed rounds in words, see `present`
        self._cache_version = -1
        self._after_change()

    # --- who may do what -----------------------------------------------------------
    def role_for_token(self, token: object) -> str:
        """The device role a token belongs to; NetError if it belongs to none."""
        role = self.secrets.role_for_token(token)
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
    def submit_orders(self, role: str, key: object, actions: object) -> dict:
        """Apply `role`'s orders (action texts) once per key; returns the acknowledgement."""
        return self._submit(role, key, lambda: Orders(role, self._own_actions(role, actions)))

    def submit_responses(self, role: str, key: object, decisions: object) -> dict:
        """Apply `role`'s answers ({offer key: accepted}) once per key."""
        if not isinstance(decisions, dict) or not all(
                isinstance(k, str) and isinstance(v, bool) for k, v in decisions.items()):
            raise NetError(_("Answers must map each offer to true (accept) or false (decline)."))
        return self._submit(role, key, lambda: Responses(role, tuple(decisions.items())))

    def _submit(self, role: str, key: object, make: Callable[[], Orders | Responses]) -> dict:
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            raise NetError(_("Every submission needs a key of 8-64 letters, digits, - or _."))
        done = self.secrets.applied.get(key)
        if done is not None:
            if done != role:
                raise NetError(_("That submission key was used by another team."))
            return {"key": key, "duplicate": True}
        if self.secrets.paused:
            raise NetError(_("The facilitator has paused the game. Wait until it resumes."))
        move = make()
        try:
            self.session.submit(move)
        except IllegalAction as exc:
            if not self._already_in(move):
                raise NetError(_("Not allowed: {why}").format(why=exc)) from None
            self.secrets.applied[key] = role  # applied before a restart lost its key
            save_secrets(self.secrets, self.secrets_path)
            return {"key": key, "duplicate": True}
        self.secrets.applied[key] = role
        self._after_change()
        return {"key": key, "duplicate": False}

    def _already_in(self, move: Orders | Responses) -> bool:
        """True if this very move is already part of the current round (the host stopped
        after applying it but before it kept the submission's key)."""
        st = self.session.state
        if isinstance(move, Orders):
            return st.phase in ("orders", "responses") and st.orders.get(move.role) == move.actions
        return st.phase == "responses" and st.responses.get(move.role) == move.as_dict()

    def _own_actions(self, role: str, actions: object) -> tuple[Action, ...]:
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise NetError(_("Orders must be a list of actions."))
        menu = set(self.session.legal(role)) if self.session.state.phase == "orders" else set()
        parsed = []
        for text in actions:
            try:
                action = Action.from_text(text)
            except ValueError:
                raise NetError(_("{text!r} is not an action.").format(text=text)) from None
            if action.role != role:
                raise NetError(_("A team can give orders only for its own delegation."))
            if menu and action not in menu:
                raise NetError(_("{text!r} is not open to you this round.").format(text=text))
            parsed.append(action)
        return tuple(parsed)

    def draft(self, role: str, chosen: object) -> dict:
        """The actions still open after the drafted `chosen` orders, and the points left."""
        picked = self._own_actions(role, chosen)
        legal = self.session.legal(role, picked)
        return {"open": [a.text() for a in legal], "points_left": points_left(self.session.game, picked)}

    # --- facilitator -------------------------------------------------------------------
    def facilitate(self, command: object, arg: object = None) -> str:
        """Carry out a facilitator command; returns a line saying what happened."""
        handlers = {"pause": self._pause, "resume": self._resume, "timer_start": self._timer_start,
                    "timer_pause": self._timer_pause, "timer_resume": self._timer_resume,
                    "timer_add": self._timer_add, "inject": self._inject, "undo": self._undo,
                    "end": self._end, "joining": self._joining}
        handler = handlers.get(command) if isinstance(command, str) else None
        if handler is None:
            raise NetError(_("Unknown facilitator command; use one of: {names}").format(
                names=", ".join(handlers)))
        message = handler(arg)
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

    def _timer_start(self, minutes) -> str:
        if not isinstance(minutes, int | float) or isinstance(minutes, bool) or not 0 < minutes <= 60:
            raise NetError(_("Give the talks time in minutes, from 1 to 60."))
        self.timer.start(float(minutes) * 60, self.clock())
        return _("Talks timer started.")

    def _timer_pause(self, _arg) -> str:
        self.timer.pause(self.clock())
        return _("Talks timer paused.")

    def _timer_resume(self, _arg) -> str:
        self.timer.resume(self.clock())
        return _("Talks timer running.")

    def _timer_add(self, seconds) -> str:
        if not isinstance(seconds, int) or isinstance(seconds, bool) or not -3600 <= seconds <= 3600:
            raise NetError(_("Give the seconds to add, from -3600 to 3600."))
        self.timer.add(seconds, self.clock())
        return _("Talks timer changed.")

    def _inject(self, event_id) -> str:
        if not isinstance(event_id, str):
            raise NetError(_("Name the event to bring in."))
        try:
            self.session.inject_event(event_id)
        except IllegalAction as exc:
            raise NetError(_("Not possible: {why}").format(why=exc)) from None
        return _("Event brought in.")

    def _undo(self, _arg) -> str:
        if not self.session.undo_round():
            raise NetError(_("There is no finished round to undo."))
        return _("Went back to the start of round {n}.").format(n=self.session.state.round)

    def _end(self, _arg) -> str:
        self.session.end_now()
        return _("The game is over.")

    def _joining(self, is_open) -> str:
        if not isinstance(is_open, bool):
            raise NetError(_("Say whether joining is open (true or false)."))
        self.secrets.joining_open = is_open
        return _("Joining is open.") if is_open else _("Joining is closed.")

    # --- after every change --------------------------------------------------------------
    def _after_change(self) -> None:
        """Let AI seats move, save the seats, write the replay at the end, tell the listeners."""
        self.session.play_ai()
        if self.session.state.over:
            self.timer = Timer()  # no talks after the end
        save_secrets(self.secrets, self.secrets_path)
        if self.session.state.over and not self.finished_files and self.on_finish:
            self.finished_files = self.on_finish(self.session)
        self.version += 1
        for listener in list(self.listeners):
            listener()

    # --- what each page shows ------------------------------------------------------------
    def team_data(self, role: str) -> dict:
        """Everything a team's page shows: its view in words, briefing, menu, timer, outcome."""
        return self._cached(("team", role), lambda: self._team_data(role))

    def board_data(self) -> dict:
        """The public board: the public view in words, the join address and codes, the timer."""
        return self._cached("board", self._board_data)

    def host_data(self) -> dict:
        """The facilitator's page: the board plus seats, links, codes and events to bring in."""
        return self._cached("host", self._host_data)

    def _cached(self, key: object, build: Callable[[], dict]) -> dict:
        if self._cache_version != self.version:
            self._cache, self._cache_version = {}, self.version
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = build()
        return found

    def timer_data(self) -> dict:
        """The talks timer now: {"running": bool, "left": seconds}; sent with every state."""
        return self.timer.data(self.clock())

    def _common(self, role: str | None) -> dict:
        sc = self.session.scenario
        data = present(view_dict(self.session.view(role)), sc, self._notes(), self._worded)
        data.update(version=self.version, title=sc.title, paused=self.secrets.paused,
                    outcome=self._outcome(), roles=[words.role_name(sc, r) for r in sc.role_ids])
        return data

    def _team_data(self, role: str) -> dict:
        sc, spec = self.session.scenario, self.session.scenario.role(role)
        data = self._common(role)
        due = role in self.session.waiting_for()
        data.update(kind="team", role_name=spec.name, description=spec.description.strip(),
                    briefing=spec.briefing.strip(), due=due,
                    menu=self._menu(role) if due and data["phase"] == "orders" else [],
                    points=sc.rules.points_per_round)
        return data

    def _menu(self, role: str) -> list[dict]:
        sc = self.session.scenario
        out = []
        for action in self.session.legal(role):
            spec = sc.action(action.action_id)
            label = words.action_label(sc, action)
            out.append({"id": action.text(), "label": label,
                        "family": words.family_name(spec.family), "cost": spec.cost,
                        "description": spec.description.strip(), "note": spec.teaching_note.strip(),
                        "offer": spec.offer})
        return out

    def _board_data(self) -> dict:
        data = self._common(None)
        sc = self.session.scenario
        codes = [{"role": words.role_name(sc, p.role), "code": p.code, "kind": p.kind}
                 for p in self.secrets.seats.values()]
        if not self.secrets.joining_open:
            codes = [dict(c, code="") for c in codes]
        local = urlsplit(self.join_url).hostname in ("127.0.0.1", "::1", "localhost")
        data.update(kind="board", join_url=self.join_url, codes=codes, local_only=local,
                    joining_open=self.secrets.joining_open, waiting=self._waiting_public())
        return data

    def _waiting_public(self) -> str:
        st = self.session.state
        if st.phase == "orders":
            names = [words.role_name(self.session.scenario, r)
                     for r in self.session.scenario.role_ids if r not in st.orders]
            return _("Waiting for orders from: {names}").format(names=", ".join(names))
        if st.phase == "responses":
            return _("Waiting for answers to this round's offers.")
        return ""

    def _host_data(self) -> dict:
        data = dict(self.board_data())
        sc = self.session.scenario
        data.update(kind="host", seats=[
            {"role": p.role, "name": words.role_name(sc, p.role), "kind": p.kind,
             "persona": p.persona, "code": p.code, "token": p.token,
             "due": p.role in self.session.waiting_for()} for p in self.secrets.seats.values()],
            events=[{"id": e.id, "title": e.title} for e in sc.events],
            finished_files=self.finished_files)
        return data

    def _notes(self) -> dict[int, list[str]]:
        """AI reasoning by round, once the game is over.

        A persona reasons from its own view, so its lines may quote its own exact domestic
        support; while the game runs that would lift the fog for every other team and the
        room, so the lines are shown only when everything is revealed at the end."""
        if not self.session.state.over:
            return {}
        sc = self.session.scenario
        return {record.round: [words.reasoning_line(sc, n.role, n.text)
                               for n in self.session.notes_for(record.round)]
                for record in self.session.state.records}

    def _outcome(self) -> dict | None:
        result = self.session.outcome() if self.session.state.over else None
        if result is None:
            return None
        sc = self.session.scenario
        return {"name": result.ending_name, "text": result.ending_text.strip(),
                "scores": [{"role": words.role_name(sc, r), "total": result.total(r),
                            "parts": [{"label": p.label, "points": p.points} for p in result.scores[r]]}
                           for r in sc.role_ids]}
