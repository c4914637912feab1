"""The title screen: New game, Continue, Settings, Quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.guide.tutorial import offer_first, remember
from game.ui.base import Widget
from game.ui.screens.common import KEY_HINT, PageScene
from game.ui.widgets import Centre, ChoiceList, Column, Fit, Label, Row, ScrollView, Split, notice
from game.words import N_, _, ngettext

if TYPE_CHECKING:
    from game.ui.services import SavedGame

TAGLINE = N_("A teaching game of arms-control diplomacy: three delegations trade transparency, "
           "assurances and cooperation offers over missile defence in Europe.")


class TitleScene(PageScene):
    """The first screen."""

    heading = "Détente"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.looked = False  # saved games are looked for just after the first frame
        self.games: list[SavedGame] = []
        self.why_not = _("Looking for a saved game…")
        self.guide_first = False  # a first run (no save yet) offers the guided game first

    def next_tick(self) -> float | None:
        return None if self.looked else 0.0

    def update(self, dt: float) -> bool:
        """Look for saved games once the title is on screen; when there is one,
        Continue takes the focus (unless the keyboard already moved it)."""
        if self.looked or self.app.frames == 0:
            return False
        self.looked = True
        self.games, self.why_not = self.app.services.saved_games()
        if self._in_progress() and self.focus.key in (None, "title:New game"):
            self.focus.key = "title:Continue"
        saved = getattr(self, "games", None) or getattr(self, "saved", None)
        self.guide_first = not saved and offer_first()  # a first run: no saved game yet
        if self.guide_first and self.focus.key in (None, "title:New game"):
            self.focus.key = "title:Guided first game"
        self.invalidate()
        return True

    def layout_rect(self) -> pygame.Rect:
        m = self.app.ui.m
        return self.app.surface.get_rect().inflate(-2 * m.px("margin"), -2 * m.px("margin"))

    def build(self) -> Widget:
        """The name and what the game is on the left, the menu on the right (in a tall
        window, one above the other)."""
        # A notice (settings that could not be saved or repaired) takes the tagline's
        # place, so that at any scale it fits beside the menu without being cut off.
        hero = Column([Label(self.heading, "title", True, "heading"),
                       notice(self.app.message) if self.app.message
                       else Label(_(TAGLINE), "large", False, "screen")], gap="pad")
        menu = ScrollView(Column([*self.body(), Label(_(KEY_HINT), "small", False,
                                                      "screen_muted")],
                                 gap="pad"), key="page")
        # On a projector the whole menu shows unscrolled: its text shrinks to fit, never
        # below the least size the back row can read.
        floor = self.app.ui.fit_floor()
        window = self.app.surface.get_rect()
        if window.width >= window.height * 1.2:
            return Row([Fit(Centre(hero), floor), Fit(Centre(menu), floor)], widths=[0.42, 0.58],
                       gap="margin")
        return Split([Fit(Centre(hero), floor), Fit(Centre(menu), floor)], shares=[0.4, 0.6],
                     gap="margin")

    def body(self) -> list[Widget]:
        can_continue = bool(self.games)
        playing = self._in_progress()
        if playing:
            others = len(self.games) - 1
            resume = (ngettext("Resume {game} ({details}), or one other saved game",
                               "Resume {game} ({details}), or one of {n} other saved games",
                               others) if others else _("Resume {game} ({details})")).format(
                game=playing[0].title, details=playing[0].description, n=others)
        elif can_continue:
            resume = ngettext("No game in progress; {n} finished game to look back on",
                              "No game in progress; {n} finished games to look back on",
                              len(self.games)).format(n=len(self.games))
        else:
            resume = self.why_not
        items = [
            (_("New game"), _("Choose a scenario, the teams and who plays them"), self.new_game,
             True, "New game"),
            (_("Continue"), resume, self.continue_game, can_continue, "Continue"),
            (_("Settings"), self._settings_line(), self.settings, True, "Settings"),
            (_("Quit"), _("Close the window"), self.quit, True, "Quit"),
        ]
        items.insert(0 if self.guide_first else 3, (
            _("Guided first game"), _("A coach walks you through your first rounds, one idea "
                                      "at a time; you can leave it whenever you like"),
            self.guided, True, "Guided first game"))
        return [ChoiceList("menu", items, key_prefix="title")]

    def _settings_line(self) -> str:
        """The settings in force, the UI scale first (Ctrl+plus and Ctrl+minus change it)."""
        s = self.app.settings
        theme = _("high contrast") if s.high_contrast else _("standard theme")
        timer = _("no talks timer") if not s.timer_minutes else \
            _("talks timer {m} min").format(m=s.timer_minutes)
        return _("UI scale {scale:.2f}× (Ctrl+plus, Ctrl+minus) · {theme} · {timer}").format(
            scale=s.ui_scale, theme=theme, timer=timer)

    def guided(self) -> None:
        """Start the guided first game."""
        self.app.stack.push(self.app.screens.make("tutorial"))

    def new_game(self) -> None:
        """Open the New game screen (on a first run, that turns the guided game down)."""
        if self.guide_first:
            remember("declined")
            self.guide_first = False
        self.app.stack.push(self.app.screens.make("new_game"))

    def _in_progress(self) -> list[SavedGame]:
        return [g for g in self.games if not g.finished]

    def continue_game(self) -> None:
        """Choose a saved game to resume (the newest first)."""
        if self.games:
            self.app.stack.push(self.app.screens.make("continue", self.games))

    def settings(self) -> None:
        """Open the Settings screen."""
        self.app.stack.push(self.app.screens.make("settings"))

    def quit(self) -> None:
        """Close the window."""
        self.app.running = False

    def back(self) -> None:
        """Esc on the title screen does nothing: quitting needs the Quit button."""
