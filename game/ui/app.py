"""The App: the window, the scene stack and an event loop that sleeps when nothing moves.

Each pass of the loop is `process_events -> update(dt) -> draw`. When the top scene
reports no pending timer (`next_tick()` is None) the loop blocks in
`pygame.event.wait()`, so an idle window uses no CPU; a running countdown asks to be
woken once a second. The screen is redrawn only when something marked it dirty.

Entry point for `main.py`: `run_app(argv) -> int` (argv without the program name).
Environment hooks: `DETENTE_FIRST_FRAME_FILE` (the wall-clock time of the first
flip is written there) and `DETENTE_STATS_FILE` (CPU and wall time at the first
frame and at exit, as JSON, for the benchmark).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game import program  # noqa: E402
from game.authoring.companion import companion_given  # noqa: E402
from game.ui.context import Ui  # noqa: E402
from game.ui.layout import SCALE_STEP, clamp_scale  # noqa: E402
from game.ui.scene import Scene, SceneStack, Screens  # noqa: E402
from game.ui.services import Services  # noqa: E402
from game.ui.settings import Settings, load_settings, save_settings  # noqa: E402
from game.ui.theme import load_theme  # noqa: E402
from game.ui.waiting import make_waiter  # noqa: E402
from game.words import _  # noqa: E402
from game.words.arguments import Parser  # noqa: E402
from game.words.i18n import UnknownLanguage, set_language  # noqa: E402

WINDOW_EVENTS = {getattr(pygame, n) for n in (
    "WINDOWEXPOSED", "WINDOWSHOWN", "WINDOWRESTORED", "WINDOWMAXIMIZED", "VIDEOEXPOSE")
    if hasattr(pygame, n)}


class App:
    """Owns the window, the UI context, the settings and the scene stack."""

    def __init__(self, settings: Settings | None = None, config_dir: Path | None = None,
                 size: tuple[int, int] | None = None, stored: Settings | None = None) -> None:
        """`settings` are used for this run; `stored` are those on disk (default: the
        same), which the Settings screen changes and saves. Options from the command
        line, F11 and Ctrl+plus/minus change only `settings`, so they are never saved."""
        pygame.display.init()
        pygame.font.init()
        self.config_dir = config_dir
        self.settings = (settings or Settings()).validated()
        self.stored = (stored or self.settings).validated()
        self.ui = self._make_ui()
        self.surface = self._open_window(size)
        self.stack = SceneStack(self)
        self.screens = Screens(self)
        register_screens(self.screens)
        self.services = Services()
        self.dirty = True
        self.running = True
        self.frames = 0
        self.message = ""
        self.toast: tuple[str, float] | None = None  # (text, until) shown over the screen
        self._last = time.monotonic()
        self._first_frame_done = False
        self._first_stats: dict[str, float] = {}
        self._wait, self.wait_method = make_waiter()

    # window and settings
    def _make_ui(self) -> Ui:
        name = "high_contrast" if self.settings.high_contrast else "default"
        return Ui(load_theme(name), self.settings.ui_scale)

    def _open_window(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        pygame.display.set_caption("Détente")
        flags = pygame.RESIZABLE
        if self.settings.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size or self.settings.window_size, flags)

    def apply_settings(self, new: Settings, save: bool = True) -> None:
        """Use new settings: rebuild fonts and theme, resize the window if asked. With
        `save`, the values that changed are also saved (the others keep what is on disk)."""
        new = new.validated()
        old, self.settings = self.settings, new
        if (old.fullscreen, old.window_size) != (new.fullscreen, new.window_size):
            self.surface = self._open_window()
        if (old.ui_scale, old.high_contrast) != (new.ui_scale, new.high_contrast):
            self.ui = self._make_ui()
        if save:
            changed = {k: v for k, v in vars(new).items() if vars(old)[k] != v}
            self.stored = replace(self.stored, **changed).validated()
            self.save_settings()
        self.relayout()

    def save_settings(self) -> None:
        """Save the stored settings; a failure is shown on screen, never raised."""
        try:
            save_settings(self.stored, self.config_dir)
            self.message = ""
        except OSError as exc:
            self.message = _("Settings not saved: {error}").format(error=exc.strerror or exc)

    def relayout(self) -> None:
        """Rebuild every scene's widget tree (window size, scale or theme changed)."""
        for scene in self.stack.scenes:
            scene.root = None
        self.dirty = True

    # the loop
    def collect_events(self, block: bool) -> list[pygame.event.Event]:
        """Pending events; when `block`, first sleep until one arrives or a timer is due."""
        if not block:
            return pygame.event.get()
        top = self.stack.top
        tick = top.next_tick() if top else None
        toast = self._toast_left()
        if toast is not None:
            tick = toast + 0.01 if tick is None else min(tick, toast + 0.01)
        if tick is None and self._first_stats and "wall_idle" not in self._first_stats:
            # The first time the loop goes fully idle: the benchmark measures from here.
            self._first_stats.update(wall_idle=time.time(), cpu_idle=time.process_time(),
                                     frames_idle=self.frames)
        return self._wait(tick)

    def process_events(self, events: Sequence[pygame.event.Event]) -> None:
        """Handle window-level events, pass the rest to the top scene."""
        for event in events:
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.VIDEORESIZE:
                self._resized(event)
            elif event.type in WINDOW_EVENTS:
                self.dirty = True
            elif event.type == pygame.KEYDOWN and self._global_key(event):
                self.dirty = True
            elif self.stack.top is not None and self.stack.top.dispatch(event):
                self.dirty = True

    def _resized(self, event: pygame.event.Event) -> None:
        self.surface = pygame.display.get_surface()
        if not self.settings.fullscreen:
            self.settings.window_size = (event.w, event.h)
        self.relayout()

    def _global_key(self, event: pygame.event.Event) -> bool:
        """F11 toggles full screen; Ctrl+plus / Ctrl+minus change the UI scale (for this
        run only: the Settings screen is where they are saved)."""
        if event.key == pygame.K_F11:
            self.apply_settings(replace(self.settings, fullscreen=not self.settings.fullscreen),
                                save=False)
            return True
        if getattr(event, "mod", 0) & pygame.KMOD_CTRL:
            delta = {pygame.K_EQUALS: 1, pygame.K_PLUS: 1, pygame.K_KP_PLUS: 1,
                     pygame.K_MINUS: -1, pygame.K_KP_MINUS: -1}.get(event.key)
            if delta:
                self._step_scale(delta)
                return True
        return False

    def _step_scale(self, delta: int) -> None:
        """Ctrl+plus / Ctrl+minus: one step of UI scale, and a toast saying where it is
        now (or that it is already at its end)."""
        old = self.settings.ui_scale
        scale = clamp_scale(old + delta * SCALE_STEP)
        if scale == old:
            end = _("largest") if delta > 0 else _("smallest")
            self.say(_("UI scale {scale:.2f}× is already the {end}").format(scale=scale, end=end))
            return
        self.apply_settings(replace(self.settings, ui_scale=scale), save=False)
        self.say(_("UI scale {scale:.2f}× (Ctrl+plus larger, Ctrl+minus smaller; for this run, "
                   "the Settings screen saves it)").format(scale=scale))

    # a toast: one line over the screen for a moment
    TOAST_S = 2.5

    def say(self, text: str) -> None:
        """Show `text` in a box at the top of the window for `TOAST_S` seconds."""
        self.toast = (text, time.monotonic() + self.TOAST_S)
        self.dirty = True

    def _toast_left(self) -> float | None:
        if self.toast is None:
            return None
        return max(0.0, self.toast[1] - time.monotonic())

    def _draw_toast(self) -> None:
        if self.toast is None:
            return
        from game.ui.context import wrap_text
        ui, window = self.ui, self.surface.get_rect()
        style = ui.theme.style("warning")
        font = ui.font("large", True)
        pad = ui.m.px("pad")
        lines = wrap_text(self.toast[0], font, window.width - 6 * pad)
        width = max(font.size(t)[0] for t in lines) + 2 * pad
        box = pygame.Rect(0, pad, width, len(lines) * font.get_linesize() + 2 * pad)
        box.centerx = window.centerx
        pygame.draw.rect(self.surface, style.bg, box, border_radius=ui.m.px("border") * 2)
        pygame.draw.rect(self.surface, style.fg, box, ui.m.px("border"),
                         border_radius=ui.m.px("border") * 2)
        for i, line in enumerate(lines):
            self.surface.blit(ui.text_surface(font, line, style.fg),
                              (box.x + pad, box.y + pad + i * font.get_linesize()))

    def update(self) -> None:
        """Advance the top scene by the time since the last update."""
        now = time.monotonic()
        dt, self._last = now - self._last, now
        if self.toast is not None and now >= self.toast[1]:
            self.toast, self.dirty = None, True
        if self.stack.top is not None and self.stack.top.update(dt):
            self.dirty = True

    def draw(self) -> None:
        """Draw the top scene if anything changed, then flip."""
        if not self.dirty or self.stack.top is None:
            return
        self.stack.top.draw(self.surface)
        self._draw_toast()
        pygame.display.flip()
        self.dirty = False
        self.frames += 1
        if not self._first_frame_done:
            self._first_frame_done = True
            self._mark_first_frame()

    def step(self, block: bool = False) -> bool:
        """One pass of the loop; returns False once the app should stop."""
        self.process_events(self.collect_events(block))
        if self.running:
            self.update()
            self.draw()
        return self.running

    def run(self) -> int:
        """Loop until quit; returns the exit status."""
        self.draw()
        while self.step(block=True):
            pass
        self._write_stats()
        self._save_window_size()
        return 0

    def _save_window_size(self) -> None:
        """Remember the window size without saving command-line overrides."""
        stored, _warning = load_settings(self.config_dir)
        if stored.window_size != self.settings.window_size:
            stored.window_size = self.settings.window_size
            try:
                save_settings(stored, self.config_dir)
            except OSError:
                pass

    # benchmark hooks
    def _mark_first_frame(self) -> None:
        self._first_stats = {"wall_first": time.time(), "cpu_first": time.process_time()}
        path = os.environ.get("DETENTE_FIRST_FRAME_FILE")
        if path:
            Path(path).write_text(f"{self._first_stats['wall_first']:.6f}\n", encoding="utf-8")

    def _write_stats(self) -> None:
        path = os.environ.get("DETENTE_STATS_FILE")
        if path and self._first_stats:
            stats = {**self._first_stats, "wall_end": time.time(),
                     "cpu_end": time.process_time(), "frames": self.frames,
                     "wait": self.wait_method}
            Path(path).write_text(json.dumps(stats), encoding="utf-8")


def parse_options(argv: Sequence[str] | None) -> argparse.Namespace:
    """Options of the window mode."""
    p = Parser(prog=program.name(), command="play", description=_("Détente: the game window."))
    p.add_argument("--scale", type=float, help=_("UI scale, 1.0 to 2.0 (overrides settings)"))
    p.add_argument("--high-contrast", action="store_true", help=_("use the high-contrast theme"))
    p.add_argument("--windowed", action="store_true", help=_("ignore the full-screen setting"))
    p.add_argument("--screenshot", metavar="DIR",
                   help=_("render every screen to PNG in DIR (with --scenario, of that scenario)"))
    p.add_argument("--scenario", metavar="FILE",
                   help=_("open New game with this scenario file chosen (its problems, if any, "
                          "are listed as {program} check lists them)").format(program=program.name()))
    p.add_argument("--quit-after", type=float, metavar="SECONDS",
                   help=_("quit this many seconds after the first frame (benchmarks)"))
    p.add_argument("--lang", metavar="LANG", help=_("the language of the game's words, such as ru "
                   "(overrides the Settings screen and the environment)"))
    return p.parse_args(list(argv) if argv is not None else None)


def run_app(argv: Sequence[str] | None = None) -> int:
    """Open the window and play; returns the process exit status."""
    opts = parse_options(argv)
    if opts.scenario and not Path(opts.scenario).is_file():
        print(_("error: --scenario {file}: no such file; give the path of a scenario YAML "
                "file").format(file=opts.scenario), file=sys.stderr)
        return 2
    given = companion_given(opts.scenario) if opts.scenario else None
    if given:  # a translation where the scenario belongs
        print(_("error: {problem}").format(problem=given), file=sys.stderr)
        return 2
    if opts.screenshot:
        from game.ui.screenshots import render_screenshots
        scenario = Path(opts.scenario) if opts.scenario else None
        return render_screenshots(Path(opts.screenshot), _screenshot_app, scenario)
    stored, warning = load_settings()  # never raises: a broken file gives the defaults
    if warning:
        print(warning, file=sys.stderr)
    if not opts.lang and stored.language:  # --lang, then Settings, then the environment
        with contextlib.suppress(UnknownLanguage):
            set_language(stored.language)
    settings = replace(stored, ui_scale=clamp_scale(opts.scale) if opts.scale is not None
                       else stored.ui_scale, high_contrast=stored.high_contrast or
                       opts.high_contrast, fullscreen=stored.fullscreen and not opts.windowed)
    try:
        app = App(settings, stored=stored)
        app.message = warning or ""  # the same one line, on the title screen
    except pygame.error as exc:
        print(_("detente: cannot open a window: {error}").format(error=exc), file=sys.stderr)
        return 1
    from game.ui.display import invisible_driver
    hidden = invisible_driver()
    if hidden:
        pygame.quit()
        print(_("detente: cannot open a window: SDL fell back to its {driver} driver, which "
                "shows nothing on screen. Try again, or play in the terminal: "
                "python main.py text").format(driver=repr(hidden)), file=sys.stderr)
        return 1
    app.stack.push(first_scene(app))
    if opts.scenario:
        app.stack.push(app.screens.make("new_game", Path(opts.scenario)))
    if opts.quit_after:
        app.draw()
        pygame.time.set_timer(pygame.QUIT, max(1, int(opts.quit_after * 1000)), loops=1)
    try:
        return app.run()
    finally:
        pygame.quit()


def _screenshot_app(settings: Settings, size: tuple[int, int]) -> App:
    """An App on the title screen, for `--screenshot`."""
    app = App(settings, size=size)
    app.stack.push(first_scene(app))
    return app


def first_scene(app: App) -> Scene:
    """The title screen."""
    return app.screens.make("title")


def register_screens(screens: Screens) -> None:
    """Every screen of the window, by name. Screens open each other only through these
    names, so this is the one module that knows them all. Each screen's module is
    imported when that screen is first opened, so the first frame never waits for the
    engine."""
    for name, maker in (("title", _title), ("settings", _settings), ("new_game", _new_game),
                        ("notice", _notice), ("confirm", _confirm), ("continue", _continue), ("game", _game),
                        ("facilitator", _facilitator),
                        ("handoff", _handoff), ("briefing", _briefing), ("event", _event),
                        ("orders", _orders), ("talks", _talks), ("responses", _responses),
                        ("resolution", _resolution), ("end", _end)):
        screens.register(name, maker)
    screens.register("tutorial", _tutorial)
    screens.register("whatif", _whatif)


def _title(host):
    from game.ui.screens.title import TitleScene
    return TitleScene(host)


def _settings(host):
    from game.ui.screens.settings_screen import SettingsScene
    return SettingsScene(host)


def _new_game(host, *args):
    from game.ui.screens.new_game import NewGameScene
    return NewGameScene(host, *args)


def _notice(host, heading: str, text: str):
    from game.ui.screens.notice import NoticeScene
    return NoticeScene(host, heading, text)


def _continue(host, games):
    from game.ui.screens.continue_game import ContinueScene
    return ContinueScene(host, games)


def _game(host, session, minutes: int, resumed: bool = False):
    """The first screen of a game (a finished one opens on its End screen)."""
    from game.ui.play.flow import GameFlow
    return GameFlow(host, session, minutes, resumed).first_scene()


def _facilitator(host, flow):
    from game.ui.play.facilitator import FacilitatorScene
    return FacilitatorScene(flow)


def _confirm(host, question: str, detail: str, yes: str, then, no: str = ""):
    from game.ui.screens.confirm import ConfirmScene
    return ConfirmScene(host, question, detail, yes, then, no)


def _handoff(host, flow, role: str, then: str):
    from game.ui.play.public import HandoffScene
    return HandoffScene(flow, role, then)


def _briefing(host, flow, role: str):
    from game.ui.play.public import BriefingScene
    return BriefingScene(flow, role)


def _event(host, flow):
    from game.ui.play.public import EventScene
    return EventScene(flow)


def _orders(host, flow, role: str):
    from game.ui.play.orders import OrdersScene
    return OrdersScene(flow, role)


def _talks(host, flow, role: str):
    from game.ui.play.talks import TalksScene
    return TalksScene(flow, role)


def _responses(host, flow, role: str):
    from game.ui.play.orders import ResponsesScene
    return ResponsesScene(flow, role)


def _resolution(host, flow, record):
    from game.ui.play.results import ResolutionScene
    return ResolutionScene(flow, record)


def _tutorial(host):
    """The guided first game (its welcome screen)."""
    from game.ui.screens.tutorial import start_tutorial
    return start_tutorial(host)


def _whatif(host, session):
    from game.ui.screens.whatif import WhatIfScene
    return WhatIfScene(host, session)


def _end(host, flow):
    from game.ui.play.end import EndScene
    return EndScene(flow)
