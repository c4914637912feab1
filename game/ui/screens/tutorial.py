"""The guided first game in the window: the coach's cards on the game's own screens.

`start_tutorial(host)` loads the default scenario's tutorial, starts the guided game and
returns its welcome screen. `GuidedFlow` is the game's usual flow with one addition:
the coach's steps due at a moment (which ones is decided by `game.guide.tutorial`) are
shown as a card docked below the page of the screen they talk about, beside the board:
before the student's orders, on the orders screen (whose suggested items are marked
★); before its answers, on the answers screen; once a round is revealed, on the results
screen after the ledger has been read out, with the ledger above the card. The meters
stay in view. Steps are numbered in the order they are shown. Each card has Got it (or
Next note) and Leave the guided game; leaving is for good (it is remembered) and the
game simply goes on. After the last guided round the coach says farewell on a page of
its own and the student plays on to the end.
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
    step_facts,
    steps_at,
    suggested,
    tutorial_path,
)
from game.ui.base import Widget
from game.ui.play.flow import GameFlow
from game.ui.play.text import action_label
from game.ui.screens.common import PageScene
from game.ui.widgets import Button, Label, Panel, Row
from game.words import N_, _, prose

LEAVE_DETAIL = N_("You left the guided game. The game goes on without the coach, who will "
                  "not come back unless you choose the guided game on the title screen.")
#: The screen each moment's steps are shown on.
MOMENTS = {"OrdersScene": "orders", "ResponsesScene": "answers", "ResolutionScene": "resolved"}


class GuidedFlow(GameFlow):
    """The game's flow, with the coach's cards on the screens they talk about."""

    def __init__(self, app, session, timer_minutes: int, tutorial: Tutorial) -> None:
        super().__init__(app, session, timer_minutes)
        self.tutorial = tutorial
        self.coach = CoachState()
        self.pending: list[str] = []  # pages to show first: "farewell"
        self.cards: dict[tuple[int, str], list[tuple[int, CoachStep]]] = {}  # numbered steps
        self.reading: dict[tuple[int, str], int] = {}  # which of a moment's steps shows
        self.done_with: set[tuple[int, str]] = set()  # cards the student has put away
        self.count = 0  # steps shown so far

    def next_scene(self):
        """The farewell page when it is due, else the game's next screen with its card."""
        if self.pending:
            return CoachScene(self.app, self, self.pending.pop(0))
        scene = super().next_scene()
        self._attach(scene)
        return scene

    def _attach(self, scene) -> None:
        """Decide (once per round and moment) which steps go on `scene`."""
        moment = MOMENTS.get(type(scene).__name__)
        if moment is None or getattr(scene, "viewer", self.tutorial.role) not in (
                None, self.tutorial.role):
            return
        record = getattr(scene, "record", None)
        round_no = record.round if record is not None else self.session.state.round
        key = (round_no, moment)
        scene.coach_key = key
        if key in self.cards:
            return
        offers = moment == "answers" and bool(self.session.view(self.tutorial.role).offers)
        steps, self.coach = steps_at(self.tutorial, self.coach, round_no, moment, offers)
        numbered = []
        for step in steps:
            self.count += 1
            numbered.append((self.count, step))
        self.cards[key] = numbered

    def record_shown(self) -> None:
        """After the last guided round's results, the coach says farewell."""
        super().record_shown()
        record = self.session.state.records[self.shown_records - 1]
        if farewell_due(self.tutorial, self.coach, record.round):
            self.coach = CoachState(self.coach.shown, done=True)
            self.pending.append("farewell")

    def showing(self, scene) -> tuple[int, CoachStep, bool] | None:
        """(its number, the step, whether another follows) on `scene` now, or None."""
        key = getattr(scene, "coach_key", None)
        if key is None or key in self.done_with or self.coach.left:
            return None
        steps = self.cards.get(key, [])
        i = self.reading.get(key, 0)
        if i >= len(steps):
            return None
        number, step = steps[i]
        return number, step, i + 1 < len(steps)

    def coach_card(self, scene) -> Widget | None:
        shown = self.showing(scene)
        if shown is None or (getattr(scene, "playing", None) and scene.playing()):
            return None  # on the results screen, once the ledger has been read out
        return coach_panel(self, scene, *shown)

    def suggested(self, role: str) -> tuple:
        steps = self.cards.get((self.session.state.round, "orders"), [])
        return tuple(a for _n, step in steps for a in suggested(step, role))

    def next_note(self, scene) -> None:
        """Got it / Next note: the card shows the moment's next step, or goes away."""
        key = scene.coach_key
        self.reading[key] = self.reading.get(key, 0) + 1
        if self.reading[key] >= len(self.cards.get(key, [])):
            self.done_with.add(key)
        scene.invalidate()

    def leave(self) -> None:
        """The student leaves the guided game: for good, and the game goes on."""
        self.coach = CoachState(self.coach.shown, left=True)
        self.pending = []
        remember("left")


def coach_panel(flow: GuidedFlow, scene, number: int, step: CoachStep, more: bool) -> Panel:
    """The coach's card: which step, its idea in plain words, what to try (with the item
    numbers of the orders it suggests), Got it or Next note, and Leave."""
    total = len(flow.tutorial.steps)
    parts: list[Widget] = [
        Label(_("Coach · step {n} of {total}").format(n=number, total=total).upper(), "small",
              True, "card"),
        Label(step.title, "body", True, "card"),
        Label(prose(step.text), "small", False, "card"),
        *(Label(line.strip(), "small", False, "card")
          for line in step_facts(step, flow.session, flow.tutorial.role)),
    ]
    if step.suggest:
        menu = getattr(scene, "menu", [])
        names = [(_("★ {n}. {action}").format(n=menu.index(a) + 1, action=action_label(
            flow.scenario, a)) if a in menu else _("★ {action}").format(
            action=action_label(flow.scenario, a))) for a in suggested(step, flow.tutorial.role)]
        parts += [Label(_("Try this: {what}").format(what=step.try_ or ""), "small", True,
                        "card"),
                  *(Label(n, "small", False, "card") for n in names)]
    parts.append(Row([Button(_("Next note") if more else _("Got it"),
                             lambda: flow.next_note(scene), key="coach:go"),
                      Button(_("Leave the guided game"), lambda: _leave(flow, scene),
                             key="coach:leave")], widths=[0.4, 0.6]))
    return Panel(parts, style="card", key="coach:card")


def _leave(flow: GuidedFlow, scene) -> None:
    flow.leave()
    flow.message = _(LEAVE_DETAIL)
    scene.focus.key = None
    scene.invalidate()


class CoachScene(PageScene):
    """The coach's welcome and farewell, each on a page of its own."""

    def __init__(self, app, flow: GuidedFlow | None, step: str,
                 tutorial: Tutorial | None = None) -> None:
        super().__init__(app)
        self.flow, self.step = flow, step
        self.tutorial = tutorial or flow.tutorial
        self.heading = _("A guided first game") if step == "welcome" else \
            _("The coach steps back")

    def body(self) -> list[Widget]:
        t = self.tutorial
        text = t.welcome if self.step == "welcome" else t.farewell
        go = _("Begin") if self.step == "welcome" else _("Play on")
        return [Label(prose(text), "large"), Button(go, self.go_on, key="coach:go")]

    def go_on(self) -> None:
        """Show the game's next screen."""
        self.flow.advance()

    def back(self) -> None:
        """Esc goes on, so nothing is ever blocked."""
        self.go_on()


class TutorialProblem(PageScene):
    """Said when the guided game cannot start (a missing or broken tutorial file)."""

    @property
    def heading(self) -> str:
        return _("The guided game cannot start")

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
