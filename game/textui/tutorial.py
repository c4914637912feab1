"""The guided first game in the terminal: `python main.py text --tutorial`.

The student plays the tutorial's role against its AI personas; at the moments the
tutorial file names, the coach says its piece, suggests orders (with the numbers the
menu will show) and pauses. Typing `leave` at a pause ends the guidance for good: the
game goes on as an ordinary solo game and the guided game is not offered again unasked.
After the last guided round the coach says farewell and the student plays on.
"""

from __future__ import annotations

import argparse

from game import program
from game.authoring.scenarios import DEFAULT_SCENARIO, ScenarioLoadError, load_for_play
from game.guide.tutorial import (
    CoachState,
    CoachStep,
    Tutorial,
    TutorialError,
    farewell_due,
    load_tutorial,
    remember,
    step_facts,
    steps_at,
    suggested,
    tutorial_path,
    tutorial_session,
)
from game.model.state import RoundRecord
from game.session.library import GameLibrary
from game.session.session import Session
from game.session.turns import MenuItem, turn
from game.textui.console import Console, EndOfInput
from game.textui.ending import finish, reporter, where_saved
from game.textui.play import TextGame
from game.words import _, prose

LEAVE = "leave"


class GuidedGame(TextGame):
    """A solo text game with the coach speaking at the tutorial's moments."""

    def __init__(self, session: Session, console: Console, tutorial: Tutorial) -> None:
        super().__init__(session, console)
        self.tutorial = tutorial
        self.coach = CoachState()
        self.hint: str | None = None  # the coach's suggestion, repeated under the menu

    def _facilitator(self) -> str | None:
        """While the coach guides, a simpler prompt than the facilitator's full one."""
        if self.coach.left or self.coach.done:
            return super()._facilitator()
        while True:
            answer = self.io.ask(_("Press Enter to begin the round (quit: save and stop; "
                                   "{leave}: leave the guided game): ").format(leave=LEAVE)).lower()
            if answer in ("", "quit"):
                return answer or None
            if answer == LEAVE:
                self._leave()
                return None
            self.io.say(_("Press Enter, or type quit or {leave}.").format(leave=LEAVE))

    def _list_actions(self, menu, chosen, notes: bool) -> None:
        super()._list_actions(menu, chosen, notes)
        if self.hint and not (self.coach.left or chosen):
            self.io.say(self.hint)

    def _ask_orders(self, role: str):
        self._coach_before(role, "orders")
        try:
            return super()._ask_orders(role)
        finally:
            self.hint = None

    def _ask_responses(self, role: str):
        self._coach_before(role, "answers")
        return super()._ask_responses(role)

    def _coach_before(self, role: str, moment: str) -> None:
        """The steps due just before the student's orders or answers."""
        if role != self.tutorial.role:
            return
        offers = moment == "answers" and bool(self.session.view(role).offers)
        steps, self.coach = steps_at(self.tutorial, self.coach, self.session.state.round,
                                     moment, offers)
        self._say_steps(steps, role)

    def _show(self, records: list[RoundRecord]) -> None:
        super()._show(records)
        for record in records:
            steps, self.coach = steps_at(self.tutorial, self.coach, record.round, "resolved")
            self._say_steps(steps, self.tutorial.role)
            if farewell_due(self.tutorial, self.coach, record.round):
                self.coach = CoachState(self.coach.shown, done=True)
                remember("finished")
                self.io.say("", _("--- The coach steps back ---"), prose(self.tutorial.farewell))
                self._pause(farewell=True)

    def _say_steps(self, steps: list[CoachStep], role: str) -> None:
        for step in steps:
            if self.coach.left:
                return
            self.io.say("", _("--- Coach: {title} ---").format(title=step.title), prose(step.text),
                        *step_facts(step, self.session, role))
            if step.suggest:
                items = suggested_items(self.session, step, role)
                self.io.say(_("Try this: {what}").format(what=step.try_ or ""),
                            *suggestion_lines(items))
                self.hint = suggestion_hint(items)
            self._pause()

    def _pause(self, farewell: bool = False) -> None:
        prompt = (_("Press Enter to play on. ") if farewell else
                  _("Press Enter to go on, or type '{leave}' to leave the guided game: ")
                  .format(leave=LEAVE))
        if self.io.ask(prompt).strip().lower() == LEAVE and not farewell:
            self._leave()

    def _leave(self) -> None:
        self.coach = CoachState(self.coach.shown, left=True)
        self.hint = None
        remember("left")
        self.io.say(_("The coach has left; you play on alone. Ask for the guided game again "
                      "with: {command} text --tutorial").format(command=program.name()))


def suggested_items(session: Session, step: CoachStep, role: str) -> list[MenuItem]:
    """The menu items (the turn service's, numbered as the menu shows them) of the orders
    `step` suggests that are open to `role` now, in the step's order."""
    now = turn(session, role)
    found = (now.find(action) for action in suggested(step, role))
    return [item for item in found if item is not None and item.open]


def suggestion_lines(items: list[MenuItem]) -> list[str]:
    """The coach's suggestion, one line per order: its menu number and its label."""
    return [_("  type {n} for {a}").format(n=item.number, a=item.label)
            for item in items] or [_("  (that step is not open to you right now: choose freely)")]


def suggestion_hint(items: list[MenuItem]) -> str | None:
    """The reminder under the menu: the suggested orders' menu numbers; None when none is open."""
    if not items:
        return None
    return _("Coach's suggestion:") + "".join(f" {item.number}" for item in items)


def run_tutorial(args: argparse.Namespace, io: Console) -> int:
    """Start the guided first game from the text mode's options; returns the exit status."""

    path = getattr(args, "scenario", None) or str(DEFAULT_SCENARIO)
    clash = _clashing_options(args)
    if clash:
        io.say(_("error: --tutorial plays a set guided game (its role, personas and seed come "
                 "from the tutorial file); leave out {f}").format(f=", ".join(clash)))
        return 2
    try:
        scenario = load_for_play(path)
        tutorial = load_tutorial(tutorial_path(path), scenario)
    except (ScenarioLoadError, TutorialError) as exc:
        io.say(f"error: {' '.join(str(exc).split())}")
        return 2
    library = GameLibrary(program="text")
    session_ = tutorial_session(tutorial, scenario, path)
    library.attach(session_, on_error=reporter(io))
    session_.save()  # the guided game has its own file from the start, like any other
    remember("started")
    io.say(f"Détente: {scenario.title}", "", prose(tutorial.welcome))
    try:
        io.ask(_("Press Enter to begin. "))
        status = GuidedGame(session_, io, tutorial).run()
    except EndOfInput:
        io.say("", _("Input ended. {saved}").format(saved=where_saved(session_)))
        return 2
    if status == "quit":
        session_.save()
        io.say(where_saved(session_))
        return 0
    return finish(session_, io)


def _clashing_options(args: argparse.Namespace) -> list[str]:
    """Options the guided game would ignore, since its tutorial file sets them."""
    given = (("--human", args.human is not None), ("--persona", bool(args.persona)),
             ("--seed", args.seed is not None), ("--rounds", args.rounds is not None),
             ("--resume", args.resume is not None))
    return [flag for flag, on in given if on]
