"""The New game screen: scenario, mode, who plays each role, rounds, timer and seed."""

from __future__ import annotations

from pathlib import Path

from game.ui import services
from game.ui.base import Widget
from game.ui.play.text import prose
from game.ui.screens.common import PageScene
from game.ui.settings import TIMER_CHOICES
from game.ui.widgets import Button, Label, Stepper, TextInput, ascii_digit
from game.words import N_, _, ngettext
from game.words.personas import persona_choices

MODES = ("classroom", "solo")
MODE_TEXT = {"classroom": N_("Classroom: teams share this screen (hot-seat); any role may be AI"),
             "solo": N_("Solo: you play one role, AI delegations play the others")}


class NewGameScene(PageScene):
    """Set up a game, then start it."""

    @property
    def heading(self) -> str:
        return _("New game")

    def __init__(self, app, preselect: Path | None = None) -> None:
        """`preselect`: a scenario file to offer first and choose (`--scenario FILE`)."""
        super().__init__(app)
        self.choices = services.scenario_choices(preselect)
        self.personas = services.personas()
        self.index = 0 if preselect is not None else self._default_index()
        self.mode = "classroom"
        self.timer = app.settings.timer_minutes
        self.seed = str(services.fresh_seed())
        self._reset_roles()

    def _default_index(self) -> int:
        """The game's default scenario if it is offered and playable, else the first
        playable one."""
        default = services.default_scenario()
        playable = [i for i, c in enumerate(self.choices) if c.scenario]
        return next((i for i in playable if self.choices[i].path == default),
                    playable[0] if playable else 0)

    @property
    def scenario(self):
        """The chosen scenario (None if its file is broken)."""
        return self.choices[self.index].scenario if self.choices else None

    def _reset_roles(self) -> None:
        sc = self.scenario
        self.rounds = sc.rounds if sc else 10
        ids = sc.role_ids if sc else ()
        self.seats = {r: "human" if self.mode == "classroom" or i == 0 else self._ai(r)
                      for i, r in enumerate(ids)}

    def _ai(self, role: str) -> str:
        """The persona an AI seat starts with: the scenario's default seat for the role."""
        name = self.scenario.default_seats.get(role) if self.scenario else None
        return name if name in self.personas else next(iter(self.personas))

    def body(self) -> list[Widget]:
        folder = Label(_("Your own scenarios go in {folder}").format(
            folder=services.user_scenario_dir()), "small", False, "screen_muted")
        if not self.choices:
            return [Label(_("No scenario files were found in scenarios/."), "large"), folder,
                    Button(_("Back"), self.back, key="new:back")]
        choice = self.choices[self.index]
        out: list[Widget] = [
            Stepper(_("Scenario"), list(range(len(self.choices))), self.index, self.set_scenario,
                    fmt=lambda i: self.choices[i].title, key="new:scenario",
                    detail=_("{file} ({origin})").format(file=choice.path.name,
                                                          origin=choice.origin)),
            folder,
        ]
        sc = self.scenario
        if sc is None:
            out.append(Label(_("This file cannot be played. python main.py check says:"),
                             "body", True, "bad"))
            out += [Label(line, "small", False, "screen") for line in choice.error.splitlines()]
            return [*out, Button(_("Back"), self.back, key="new:back")]
        out += [Label(prose(sc.summary), "body", False, "screen_muted"),
                Stepper(_("Mode"), MODES, MODES.index(self.mode), self.set_mode,
                        key="new:mode", detail=_(MODE_TEXT[self.mode]))]
        out += [self._seat(r) for r in sc.role_ids]
        out += [
            Stepper(_("Rounds"), list(range(1, 41)), self.rounds - 1, self.set_rounds,
                    key="new:rounds",
                    detail=ngettext("The scenario is written for {n}",
                                    "The scenario is written for {n}", sc.rounds).format(
                        n=sc.rounds)),
            Stepper(_("Talks timer"), TIMER_CHOICES, TIMER_CHOICES.index(self.timer) if self.timer
                    in TIMER_CHOICES else 0, self.set_timer, key="new:timer",
                    fmt=lambda m: _("off") if m == 0 else _("{minutes} min").format(minutes=m),
                    detail=_("Minutes of face-to-face talks each round; it never ends a round")),
            TextInput(_("Seed"), self.seed, self.set_seed, allowed=ascii_digit, max_len=9,
                      key="new:seed",
                      detail=_("Digits 0-9; the same seed and moves replay the same game")),
            Button(_("New random seed"), self.reseed, key="new:reseed"),
            Button(_("Start the game"), self.start, key="new:start", enabled=self._ready()[0],
                   detail=self._ready()[1]),
            Button(_("Back"), self.back, key="new:back"),
        ]
        return out

    def _seat(self, role: str) -> Widget:
        values = ["human", *self.personas]
        name = self.scenario.role(role).name
        label = {v: _("human team") if v == "human" else _("AI: {persona}").format(persona=v)
                 for v in values}
        label.update({v: _("AI: {persona}").format(persona=words) for v, words
                      in persona_choices(self.scenario, role, self.personas).items()})
        current = self.seats[role]
        detail = _("People play this role") if current == "human" else self.personas[current]
        return Stepper(name, values, values.index(current), lambda v, r=role: self.set_seat(r, v),
                       fmt=label.get, key=f"new:seat:{role}", detail=detail)

    def _ready(self) -> tuple[bool, str]:
        humans = [r for r, s in self.seats.items() if s == "human"]
        if not (self.seed and all(ascii_digit(c) for c in self.seed)):
            return False, _("Type a seed first (digits 0-9)")
        if self.mode == "solo" and len(humans) != 1:
            return False, _("Solo needs exactly one human role")
        if not humans:
            return True, _("Seed {seed} · humans: AI only").format(seed=self.seed)
        names = ", ".join(self.scenario.role(r).name for r in humans)
        return True, _("Seed {seed} · humans: {names}").format(seed=self.seed, names=names)

    # changes
    def set_scenario(self, index: int) -> None:
        """Pick another scenario file."""
        self.index = index
        self._reset_roles()
        self.invalidate()

    def set_mode(self, mode) -> None:
        """Classroom or solo; solo keeps one human role."""
        self.mode = mode
        # A solo player has no one to talk to: no talks timer unless asked for.
        self.timer = 0 if mode == "solo" else self.app.settings.timer_minutes
        self._reset_roles()
        self.invalidate()

    def set_seat(self, role: str, value: str) -> None:
        """Human or an AI persona for one role; in solo, a new human role makes the rest AI."""
        self.seats[role] = value
        if self.mode == "solo" and value == "human":
            for other in self.seats:
                if other != role:
                    self.seats[other] = self.seats[other] if self.seats[other] != "human" \
                        else self._ai(other)
        self.invalidate()

    def set_rounds(self, n) -> None:
        self.rounds = n
        self.invalidate()

    def set_timer(self, minutes) -> None:
        self.timer = minutes
        self.invalidate()

    def set_seed(self, text: str) -> None:
        self.seed = text
        self.invalidate()

    def reseed(self) -> None:
        self.seed = str(services.fresh_seed())
        self.invalidate()

    def start(self) -> None:
        """Create the session and go to the first screen of the game."""
        if self.scenario is None or not self._ready()[0]:
            return
        choice = self.choices[self.index]
        session = self.app.services.start(choice.scenario, choice.path, int(self.seed),
                                          dict(self.seats), self.rounds, self.timer)
        self.app.stack.replace(self.app.screens.make("game", session, self.timer))
