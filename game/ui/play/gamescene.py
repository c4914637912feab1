"""The base of every game screen: the page beside the public board or the team's HUD.

A game scene reads one `PlayerView` (`self.view`): the public view on shared screens
(`viewer = None`), a team's own view on its private screens. A shared screen (`shared`)
gives most of the window to the public board, which never scrolls; a private screen
keeps the HUD in a side column, which in a narrow window (or at a large UI scale)
moves below the page, with a one-line summary on top.
Esc (or F2) opens the facilitator panel, which shows nothing private.
"""

from __future__ import annotations

import pygame

from game.ui.base import Widget
from game.ui.layout import content_rect
from game.ui.play.board import Board, BoardState
from game.ui.play.hud import hud_panels, hud_strip
from game.ui.scene import Scene
from game.ui.widgets import Column, Label, Row, ScrollView, Split, notice

GAME_KEY_HINT = ("Tab or arrows: move · Enter: choose · 1-9: pick a numbered item · "
                 "PageUp/PageDown: scroll · Esc or F2: facilitator panel")
#: The hint when the HUD has its own column, which Shift+PageUp/PageDown scroll.
SIDE_KEY_HINT = GAME_KEY_HINT.replace("scroll ·", "scroll · Shift+PageUp/PageDown: scroll "
                                      "the side panel ·")

#: Below this many base units of window width, the HUD goes under the page.
SIDE_BY_SIDE_UNITS = 900


class GameScene(Scene):
    """A screen of a game in progress."""

    viewer: str | None = None
    heading = ""
    #: A shared screen shows the public board; a team's private screen shows the HUD.
    shared = False

    def __init__(self, flow) -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.session = flow.session
        self.scenario = flow.scenario
        self._timer_text = ""

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

    def layout_rect(self) -> pygame.Rect:
        window = self.app.surface.get_rect()
        if self.shared:  # the board wants every pixel: a thin margin only
            return window.inflate(-2 * self.app.ui.m.u(10), -2 * self.app.ui.m.u(10))
        return content_rect(self.app.ui.m, window, "content_w") if not self._side() else \
            window.inflate(-2 * self.app.ui.m.px("margin"), -2 * self.app.ui.m.px("margin"))

    def _side(self) -> bool:
        m = self.app.ui.m
        return self.app.surface.get_width() >= m.u(SIDE_BY_SIDE_UNITS)

    def build(self) -> Widget:
        view = self.view
        role = self.shown_as()
        viewer = self.flow.role_name(role) if role else "everyone (public view)"
        self._timer_text = self.flow.timer.text()
        body = self.body()  # first: a body may set the heading
        page: list[Widget] = [Label(self.heading, "heading", True, "heading"), *body]
        for note in (self.app.services.save_error, self.flow.message, self.app.message):
            if note:
                page.append(notice(note))
        page.append(Label(SIDE_KEY_HINT if self._side() and not self.shared else GAME_KEY_HINT,
                          "small", False, "screen_muted"))
        if self.shared:
            return self._board_layout(page, view)
        hud = hud_panels(self.hud_view(view), self.scenario, self._timer_text, viewer)
        if self._side():
            return Row([ScrollView(Column(page, gap="pad"), key="main"),
                        ScrollView(Column(hud), key="hud")], widths=[1, self.app.ui.theme.spacing["hud_w"]],
                       gap="margin")
        strip = hud_strip(self.hud_view(view), self._timer_text)
        return ScrollView(Column([strip, *page, *hud], gap="pad"), key="main")

    def _board_layout(self, page: list[Widget], view) -> Widget:
        """A shared screen: the page beside (or, in a tall window, above) the public
        board, which takes most of the window and never scrolls."""
        timer = self.flow.timer
        state = BoardState(self.hud_view(view), self.scenario,
                           timer.clock_text() if timer.enabled else "", timer.state(),
                           self.highlight())
        board = Board(state, self.app.ui.theme)
        column = ScrollView(Column(page, gap="pad"), key="main")
        window = self.app.surface.get_rect()
        if window.width >= window.height * 1.2:
            return Row([column, board], widths=[0.38, 0.62], gap="pad")
        return Split([board, column], shares=[0.58, 0.42], gap="pad")

    def highlight(self) -> dict[str, tuple[int, int]]:
        """Meters the board marks as moving: meter -> (before, after)."""
        return {}

    def hud_view(self, view):
        """The view the HUD draws (the resolution screen animates its meters)."""
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
