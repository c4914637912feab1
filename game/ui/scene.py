"""Scenes and the scene stack.

Lifecycle of a scene (all hooks are optional):

- `on_enter()`  - pushed, or put in place by `replace`; it is now on top.
- `on_pause()`  - another scene was pushed on top of it.
- `on_resume()` - the scene above it was popped; it is on top again.
- `on_exit()`   - popped or replaced; it will not be used again.

While on top, a scene receives, in this order each loop:
`handle_event(event)` for each input event, `update(dt)` once, and `draw(surface)`
only when something changed. `draw` never changes game state. `next_tick()` tells
the App how long it may sleep: None means "wake me only for input".

A scene describes its screen with `build() -> Widget`; the base class lays the
tree out for the window, routes keys and mouse through a `FocusManager`, and
rebuilds the tree whenever `invalidate()` is called (state changed, window resized,
scale changed). Scenes translate input into engine calls; they keep no game rules.

A scene knows its window only through the small `Host` protocol (the App is one), and
opens other screens by name through `host.screens` (a `Screens` registry that app.py
fills), so no screen imports another and the package has no import cycle.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import pygame

from game.ui.base import Widget, walk
from game.ui.containers import Column, ScrollView
from game.ui.context import Ui
from game.ui.focus import FocusManager


class Host(Protocol):
    """What a scene may use of the window that shows it."""

    ui: Ui
    surface: pygame.Surface
    settings: Any  # game.ui.settings.Settings
    config_dir: Path | None
    stack: SceneStack
    screens: Screens
    services: Any  # game.ui.services.Services
    dirty: bool
    running: bool
    frames: int
    message: str

    def apply_settings(self, new: Any) -> None:
        """Use (and save) new settings."""


class Screens:
    """Screens built by name: `screens.make("title")`. app.py registers every screen."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self._makers: dict[str, Callable[..., Scene]] = {}

    def register(self, name: str, maker: Callable[..., Scene]) -> None:
        """`maker(host, *args)` builds the screen called `name`."""
        self._makers[name] = maker

    def make(self, name: str, *args: Any) -> Scene:
        """A new scene for the screen `name` (KeyError if nothing registered it)."""
        return self._makers[name](self.host, *args)


PAGE_KEYS = (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END)
#: Keys a settling screen still takes: they leave it, they never choose anything on it.
SAFE_KEYS = (pygame.K_ESCAPE, pygame.K_F2)


def is_press(event: pygame.event.Event) -> bool:
    """True for input that could choose something: a key (other than Esc/F2) or a click."""
    return event.type == pygame.MOUSEBUTTONDOWN or (
        event.type == pygame.KEYDOWN and event.key not in SAFE_KEYS)


class Scene:
    """One screen. Subclasses implement `build()` and may override the hooks."""

    title = ""
    #: Seconds after the screen appears (or comes back on top) during which keys and
    #: clicks are ignored, so a double press or a held key that closed the previous
    #: screen never chooses anything here. 0: the screen takes keys at once.
    SETTLE_S = 0.0

    def __init__(self, app: Host) -> None:
        self.app = app
        self.focus = FocusManager()
        self.root: Widget | None = None
        self.clock: Callable[[], float] = getattr(app, "clock", time.monotonic)
        self.shown_at: float | None = None  # set by the SceneStack when it comes on top

    # settling
    def shown(self) -> None:
        """The stack put this scene on top (new or resumed): its settling moment starts."""
        self.shown_at = self.clock()

    def settled(self) -> bool:
        """True once the screen has been on top for `SETTLE_S` seconds."""
        return self.SETTLE_S <= 0 or (self.shown_at is not None
                                      and self.clock() - self.shown_at >= self.SETTLE_S)

    def settle_left(self) -> float | None:
        """Seconds until the screen takes keys (None once it does)."""
        if self.settled() or self.shown_at is None:
            return None
        return max(0.01, self.SETTLE_S - (self.clock() - self.shown_at))

    def dispatch(self, event: pygame.event.Event) -> bool:
        """What the App calls for each input event: ignored while the screen settles,
        else `handle_event`."""
        if is_press(event) and not self.settled():
            return False
        return self.handle_event(event)

    # lifecycle hooks
    def on_enter(self) -> None:
        """Called when the scene becomes the top of the stack for the first time."""

    def on_exit(self) -> None:
        """Called when the scene leaves the stack."""

    def on_pause(self) -> None:
        """Called when another scene is pushed on top."""

    def on_resume(self) -> None:
        """Called when the scene is back on top."""
        self.invalidate()

    # building and layout
    def build(self) -> Widget:
        """The widget tree for the current state."""
        return Column([])

    def invalidate(self) -> None:
        """Mark the widget tree stale; it is rebuilt before the next draw or input."""
        self.root = None
        self.app.dirty = True

    def layout_rect(self) -> pygame.Rect:
        """Where the tree goes: the whole window by default."""
        return self.app.surface.get_rect()

    def ensure_root(self) -> Widget:
        """Build and place the widget tree if it is stale, keeping scroll positions."""
        if self.root is None:
            old = self._scroll_offsets()
            fresh = self.focus.key is None
            self.root = self.build()
            for w in walk(self.root):
                if isinstance(w, ScrollView) and w.key in old:
                    w.offset = old[w.key]
            self.root.place(self.app.ui, self.layout_rect())
            cur = self.focus.current(self.root)
            # A new screen opens at its top. Afterwards the view follows the focus only
            # if the keyboard moved it or it changed since the view was placed (code
            # moved it, or its widget went away): a rebuild for a timer tick keeps the
            # page where the reader scrolled it.
            if cur is not None and fresh:
                self.focus.settled = cur.key
            elif cur is not None and (self.focus.follow or cur.key != self.focus.settled):
                self.focus.focus(self.root, cur)
        return self.root

    def _scroll_offsets(self) -> dict[str, int]:
        self._last_offsets = getattr(self, "_last_offsets", {})
        return self._last_offsets

    # per-frame
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Route one input event; True if the screen needs redrawing."""
        root = self.ensure_root()
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.back()
                return True
            if event.key in PAGE_KEYS:
                side = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
                return self.page(event.key, side)
            return self.focus.handle_key(root, event) or self.on_unhandled_key(event)
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL):
            changed = self.focus.handle_mouse(root, event)
            self._remember_scroll()
            return changed
        return False

    def page(self, key: int, side: bool = False) -> bool:
        """PageUp/PageDown/Home/End scroll the main (first) scrolling area; with `side`
        (Shift held) they scroll the second one, such as the HUD beside a game screen."""
        views = [w for w in walk(self.ensure_root()) if isinstance(w, ScrollView)]
        if not views:
            return False
        view = views[1] if side and len(views) > 1 else views[0]
        step = {pygame.K_PAGEDOWN: view.rect.height * 4 // 5, pygame.K_PAGEUP:
                -view.rect.height * 4 // 5, pygame.K_HOME: -view.content_h,
                pygame.K_END: view.content_h}[key]
        moved = view.scroll(step)
        # End lands on the last item in view, Home on the first; PageUp keeps the focus
        # nearest to where it was (the bottom of the view), PageDown likewise (the top).
        self.focus.after_scroll(self.root, view, last=key in (pygame.K_END, pygame.K_PAGEUP))
        self._remember_scroll()
        return moved

    def _remember_scroll(self) -> None:
        if self.root is not None:
            self._last_offsets = {w.key: w.offset for w in walk(self.root)
                                  if isinstance(w, ScrollView)}

    def on_unhandled_key(self, event: pygame.event.Event) -> bool:
        """A key that neither the focused widget nor the focus layer used."""
        return False

    def back(self) -> None:
        """Esc: leave this screen (by default, pop it)."""
        self.app.stack.pop()

    def update(self, dt: float) -> bool:
        """Advance timers by `dt` seconds; True if the screen needs redrawing."""
        return False

    def next_tick(self) -> float | None:
        """Seconds until `update` next has something to do; None when idle."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the screen (never changes game state)."""
        ui = self.app.ui
        root = self.ensure_root()
        surface.fill(ui.theme.style("screen").bg)
        cur = self.focus.current(root)
        root.draw_tree(surface, ui, cur)
        self.focus.draw(surface, ui, root)
        self._remember_scroll()


class SceneStack:
    """The stack of scenes; only the top one is active."""

    def __init__(self, app: Host) -> None:
        self.app = app
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        """The active scene."""
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        """Put `scene` on top; the old top is paused."""
        if self.top:
            self.top.on_pause()
        self.scenes.append(scene)
        scene.shown()
        scene.on_enter()
        self.app.dirty = True

    def pop(self) -> Scene | None:
        """Remove the top scene; the one below resumes. Popping the last scene quits."""
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.on_exit()
        if self.top:
            self.top.shown()
            self.top.on_resume()
        else:
            self.app.running = False
        self.app.dirty = True
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for `scene`."""
        if self.scenes:
            self.scenes.pop().on_exit()
        self.scenes.append(scene)
        scene.shown()
        scene.on_enter()
        self.app.dirty = True

    def clear_to(self, scene: Scene) -> None:
        """Exit every scene and start again from `scene`."""
        while self.scenes:
            self.scenes.pop().on_exit()
        self.push(scene)
