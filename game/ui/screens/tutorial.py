"""The guided first game in the window: coach screens between the game's own screens.

`start_tutorial(host)` loads the default scenario's tutorial, starts the guided game and
returns its welcome screen. `GuidedFlow` is the game's usual flow with one addition:
before the student's orders or answers, and after a round's resolution, it first shows
the coach's steps due at that moment (which ones is decided by `game.guide.tutorial`).
Each coach screen has Go on and Leave the guided game; leaving is for good (it is
remembered) and the game simply goes on. After the last guided round the coach says
farewell and the student plays on to the end.
"""

from __future__ import annotations

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.guide.tutorial import (
    CoachState,
    CoachStep,
    Tutorial,
    farewell_due,
    load_tutorial,
    remember,
    steps_at,
    suggested,
    tutorial_path,
)
from game.model.results import Phase
from game.ui.base import Widget
from game.ui.play.flow import GameFlow
from game.ui.play.text import action_label
from game.ui.screens.common import PageScene
from game.ui.widgets import Button, Label, Panel
from game.words import _, prose

LEAVE_DETAIL = _("The game goes on without the coach, who will not come back unless you "
                 "choose the guided game on the title screen.")


class GuidedFlow(GameFlow):
    """The game's flow, with the coach's screens put in at the tutorial's moments."""

    def __init__(self, app, session, timer_minutes: int, tutorial: Tutorial) -> None:
        super().__init__(app, session, timer_minutes)
        self.tutorial = tutorial
        self.coach = CoachState()
        self.pending: list[CoachStep | str] = []  # steps to show, or "farewell"
        self.checked = 0  # resolutions already looked at for "resolved" steps

    def next_scene(self):
        """A due coach screen, else the game's next screen."""
        self._queue_due()
        if self.pending:
            return CoachScene(self.app, self, self.pending.pop(0))
        return super().next_scene()

    def _queue_due(self) -> None:
        if self.pending or self.coach.left or self.coach.done:
            return
        for record in self.session.state.records[self.checked:self.shown_records]:
            self.checked += 1
            steps, self.coach = steps_at(self.tutorial, self.coach, record.round, "resolved")
            self.pending += steps
            if farewell_due(self.tutorial, self.coach, record.round):
                self.coach = CoachState(self.coach.shown, done=True)
                self.pending.append("farewell")
            if self.pending:
                return
        self._queue_before_move()

    def _queue_before_move(self) -> None:
        """Steps due just before the student's own orders or answers."""
        st, role = self.session.state, self.tutorial.role
        if (st.over or self.shown_round != st.round or self.briefed != set(self.humans)
                or len(st.records) > self.shown_records or self.session.next_human() != role):
            return
        moment = "orders" if st.phase == Phase.ORDERS else "answers"
        offers = moment == "answers" and bool(self.session.view(role).offers)
        steps, self.coach = steps_at(self.tutorial, self.coach, st.round, moment, offers)
        self.pending += steps

    def leave(self) -> None:
        """The student leaves the guided game: for good, and the game goes on."""
        self.coach = CoachState(self.coach.shown, left=True)
        self.pending = []
        remember("left")


class CoachScene(PageScene):
    """One step of the coach: its idea in plain words, a suggestion, Go on or Leave."""

    def __init__(self, app, flow: GuidedFlow | None, step: CoachStep | str,
                 tutorial: Tutorial | None = None) -> None:
        super().__init__(app)
        self.flow, self.step = flow, step
        self.tutorial = tutorial or flow.tutorial
        if step == "welcome":
            self.heading = _("A guided first game")
        elif step == "farewell":
            self.heading = _("The coach steps back")
        else:
            self.heading = _("Coach: {title}").format(title=step.title)

    def body(self) -> list[Widget]:
        t = self.tutorial
        if isinstance(self.step, str):
            text = t.welcome if self.step == "welcome" else t.farewell
            go = _("Begin") if self.step == "welcome" else _("Play on")
            return [Label(prose(text), "large"),
                    Button(go, self.go_on, key="coach:go")]
        out: list[Widget] = [Label(prose(self.step.text), "large")]
        if self.step.suggest:
            names = [action_label(self.app_scenario(), a)
                     for a in suggested(self.step, t.role)]
            out.append(Panel([Label(_("Try this"), "body", True, "panel_heading"),
                              Label(self.step.try_ or "", "body", False, "panel"),
                              *(Label(f"• {n}", "body", False, "panel") for n in names)]))
        number = [s.id for s in t.steps].index(self.step.id) + 1
        out += [Label(_("Step {n} of {total}").format(n=number, total=len(t.steps)), "small",
                      False, "screen_muted"),
                Button(_("Go on"), self.go_on, key="coach:go"),
                Button(_("Leave the guided game"), self.leave, key="coach:leave",
                       detail=LEAVE_DETAIL)]
        return out

    def app_scenario(self):
        """The scenario being played."""
        return self.flow.scenario

    def go_on(self) -> None:
        """Show the game's next screen (or the next coach step)."""
        self.flow.advance()

    def leave(self) -> None:
        """Leave the guided game for good and go on playing."""
        self.flow.leave()
        self.flow.advance()

    def back(self) -> None:
        """Esc closes the coach's note and goes on, so nothing is ever blocked."""
        self.go_on()


class TutorialProblem(PageScene):
    """Said when the guided game cannot start (a missing or broken tutorial file)."""

    heading = _("The guided game cannot start")

    def __init__(self, app, why: str) -> None:
        super().__init__(app)
        self.why = why

    def body(self) -> list[Widget]:
        return [Label(self.why, "large"), Button(_("Back"), self.back, key="coach:back")]


def start_tutorial(host, scenario_path=DEFAULT_SCENARIO):
    """The guided game's first screen (its welcome), or a screen saying why it cannot start."""
    try:
        scenario = load_for_play(scenario_path)
        tutorial = load_tutorial(tutorial_path(scenario_path), scenario)
    except ValueError as exc:
        return TutorialProblem(host, " ".join(str(exc).split()))
    seats = {r: "human" if r == tutorial.role else tutorial.personas[r] for r in scenario.role_ids}
    session = host.services.start(scenario, scenario_path, tutorial.seed, seats, scenario.rounds)
    remember("started")
    flow = GuidedFlow(host, session, host.settings.timer_minutes, tutorial)
    return CoachScene(host, flow, "welcome")
