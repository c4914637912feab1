"""The base of every game screen: the page beside the board.

A game scene reads one `PlayerView` (`self.view`): the public view on shared screens
(`viewer = None`), a team's own view on its private screens. Every game screen shows
the board (see board/), which never scrolls; a shared screen (`shared`) gives it most
of the window and keeps its text at the scale's least size or larger, a team's private
screen gives the page more room. The page's text shrinks (containers.Fit), never below
that least size, until its essential part (`essential_n`) is in view unscrolled; a
guided game's card is docked below the page. In a tall window the board goes above the
page. Esc (or F2) opens the facilitator panel, which shows nothing private.
"""

from __future__ import annotations

import pygame

from game.ui.base import Widget
from game.ui.play.board import Board, BoardState
from game.ui.scene import Scene
from game.ui.widgets import Column, Dock, Fit, Label, Panel, Row, ScrollView, Split, notice
from game.words import N_, _
from game.words.stakes import demand_lines

GAME_KEY_HINT = N_("Tab or arrows: move · Enter: choose · 1-9: pick a numbered item · "
                    "PageUp/PageDown: scroll · Esc or F2: facilitator panel")
#: The board's share of the window width on shared and on private screens.
BOARD_SHARE = {True: 0.62, False: 0.34}
#: The board's share at most while a guide's card is docked below the page.
COACHED_SHARE = 0.5


class GameScene(Scene):
    """A screen of a game in progress."""

    viewer: str | None = None
    heading = ""
    #: A shared screen gives the board most of the window.
    shared = False
    #: Every game screen ignores keys for a moment after it appears (see Scene.SETTLE_S).
    SETTLE_S = 0.6

    def __init__(self, flow) -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.session = flow.session
        self.scenario = flow.scenario
        self._timer_text = ""
        self.note = ""  # this screen's own line (what a key just did); private to it

    @property
    def view(self):
        """What this screen may show: the viewer's view of the game (on a shared screen,
        the public view, or in solo play the one human team's view)."""
        return self.session.view(self.shown_as())

    def shown_as(self) -> str | None:
        """The role whose view this screen draws (None: the public view)."""
        return self.viewer if self.viewer is not None else self.flow.shared_viewer

    def body(self) -> list[Widget]:
        """The page's widgets below the heading."""
        return []

    def demands_panel(self) -> Panel | None:
        """The standing public demands with what backing down from each costs now, or None
        when no demand stands. Public (the cost follows only from public moves, see
        `game.words.stakes`), so shared screens may show it."""
        lines = demand_lines(self.session.state, self.session.game)
        if not lines:
            return None
        return Panel([Label(_("Public demands"), "body", True, "panel_heading"),
                      *[Label(line, "small", False, "panel") for line in lines]])

    def layout_rect(self) -> pygame.Rect:
        """The window less a thin margin: the board wants every pixel."""
        edge = 2 * self.app.ui.m.u(10)
        return self.app.surface.get_rect().inflate(-edge, -edge)

    #: How many of the body's first widgets must be in view unscrolled (None: all of
    #: them); a body may set it. The page's text shrinks, down to the shared screens'
    #: least size, until they fit (see containers.Fit); the rest may scroll.
    essential_n: int | None = None

    def build(self) -> Widget:
        view = self.view
        self._timer_text = self.flow.timer.text()
        self.essential_n = type(self).essential_n
        body = self.body()  # first: a body may set the heading
        notes = [notice(note) for note in (self.app.services.save_error, self.app.message)
                 if note]
        head = [Label(self.heading, "heading", True, "heading"), *notes]
        role = self.shown_as()
        seen = _("Seen as: {role}").format(role=self.flow.role_name(role)) if role \
            else _("Public view")
        page: list[Widget] = [*head, *body,
                              Label(f"{seen} · {_(GAME_KEY_HINT)}", "small", False, "screen_muted")]
        essential = page if self.essential_n is None else page[:len(head) + self.essential_n]
        timer = self.flow.timer
        ui = self.app.ui
        state = BoardState(self.board_view(view), self.scenario,
                           timer.clock_text() if timer.enabled else "", timer.state(),
                           self.highlight(), None if self.shared else self.private_ink(ui))
        board = Board(state, ui.theme)
        inside = Column(page, gap="pad")
        column: Widget = Fit(ScrollView(inside, key="main"), ui.fit_floor(), essential, inside)
        # What just happened (a pick, a refusal) and the guide's card stay in view below
        # the page, however far it is scrolled.
        foot = [w for w in (*(notice(n) for n in (self.flow.message, self.note) if n),
                            self.coach_card()) if w is not None]
        card = foot[-1] if foot and foot[-1].key == "coach:card" else None
        if foot:
            column = Dock(column, Fit(Column(foot, gap="pad"), ui.fit_floor()))
        window = self.app.surface.get_rect()
        share = BOARD_SHARE[self.shared] if card is None else min(BOARD_SHARE[self.shared],
                                                                  COACHED_SHARE)
        if window.width >= window.height * 1.2:
            return Row([column, board], widths=[1 - share, share], gap="pad")
        return Split([board, column], shares=[0.55, 0.45], gap="pad")

    @staticmethod
    def private_ink(ui) -> float:
        """The scale whose least text size a team's own screen keeps to on its board: that
        board is a third of the window (the team reads the page beside it), so it keeps
        to half the step from scale 1.0 that the shared screens take."""
        return 1.0 + (ui.scale - 1.0) / 2

    def coach_card(self) -> Widget | None:
        """The guided game's card for this screen, if the coach has one (see
        screens/tutorial.py); it is drawn below the page, beside the board."""
        return self.flow.coach_card(self)

    def highlight(self) -> dict[str, tuple[int, int]]:
        """Meters the board marks as moving: meter -> (before, after)."""
        return {}

    def board_view(self, view):
        """The view the board draws (the results screen rewinds its meters)."""
        return view

    # timer
    def next_tick(self) -> float | None:
        return self.flow.timer.next_tick()

    def update(self, dt: float) -> bool:
        if self.flow.timer.text() != self._timer_text:
            self.invalidate()
            return True
        return False

    # keys
    def back(self) -> None:
        """Esc: the facilitator panel."""
        self.app.stack.push(self.app.screens.make("facilitator", self.flow))

    def on_unhandled_key(self, event) -> bool:
        if event.key == pygame.K_F2:
            self.back()
            return True
        return False
