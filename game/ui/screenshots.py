"""`--screenshot DIR`: render each main screen of a scripted game to PNG files.

Runs on SDL's dummy video driver, with throw-away settings and save directories, at
UI scale 1.0 and 2.0 in a 1280x720 window, plus the title and orders screens in the
high-contrast theme and a solo game against AI delegations (with their reasoning).
Files are named `scale-1.0/07-orders.png` and so on.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SEED = 2011


def render_screenshots(out: Path, scales: tuple[float, ...] = (1.0, 2.0)) -> int:
    """Write the PNGs into `out`; returns the exit status."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DETENTE_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["DETENTE_DATA_DIR"] = str(Path(tmp) / "data")
        import pygame
        pygame.display.quit()
        written = []
        try:
            for scale in scales:
                written += _one_run(out / f"scale-{scale:.1f}", scale, False)
            written += _one_run(out / "high-contrast", 1.0, True, only=("title", "orders"))
            written += _one_run(out / "solo", 1.0, False, solo=True,
                                only=("new-game", "briefing", "orders", "resolution", "end"))
        except ScreenshotError as exc:
            print(f"screenshot: {exc}", file=sys.stderr)
            return 1
        finally:
            pygame.quit()
    print(f"wrote {len(written)} screenshots to {out}", file=sys.stderr)
    return 0


def _one_run(folder: Path, scale: float, contrast: bool, only: tuple[str, ...] = (),
             solo: bool = False) -> list[Path]:
    import pygame

    from game.ui.app import App, first_scene
    from game.ui.settings import Settings
    folder.mkdir(parents=True, exist_ok=True)
    app = App(Settings(ui_scale=scale, high_contrast=contrast, timer_minutes=5))
    app.stack.push(first_scene(app))
    written: list[Path] = []

    def shot(name: str) -> None:
        if only and name not in only:
            return
        top = app.stack.top
        if getattr(top, "started", None) is not None:
            top.started = None  # show the end of the meters' animation
            top.invalidate()
        app.dirty = True
        app.draw()
        path = folder / f"{len(written) + 1:02d}-{name}.png"
        pygame.image.save(app.surface, str(path))
        written.append(path)

    game = ScriptedGame(app, solo)
    for name in game.play():
        shot(name)
    if game.problem:
        raise ScreenshotError(f"the game screens were skipped: {game.problem}")
    return written


class ScreenshotError(RuntimeError):
    """The scripted game could not be played (for example, a broken scenario file)."""


class ScriptedGame:
    """Plays a classroom game with three human teams by calling the screens' own actions."""

    def __init__(self, app, solo: bool = False) -> None:
        self.app = app
        self.solo = solo
        self.seen: set[str] = set()
        self.problem = ""  # why the game could not be played, if it could not

    def play(self, every: bool = False):
        """Advance screen by screen; yields a name whenever a new kind of screen is shown
        (with `every`, after every step, so a test can inspect each screen)."""
        from game.ui.screens.settings_screen import SettingsScene
        app = self.app
        yield "title"
        app.stack.push(SettingsScene(app))
        yield "settings"
        app.stack.pop()
        app.stack.top.new_game()
        top = app.stack.top
        top.set_seed(str(SEED))
        if self.solo:
            top.set_mode("solo")
        yield "new-game"
        if top.scenario is None:
            self.problem = top.choices[top.index].error if top.choices else "no scenario files"
            return
        top.start()
        for _ in range(400):
            name = self.step()
            if name or every:
                yield name or type(app.stack.top).__name__
            if "end" in self.seen:
                return

    def step(self) -> str | None:
        """Act on the top screen; the first time a kind of screen shows, name it instead."""
        top = self.app.stack.top
        kind = type(top).__name__
        name = {"HandoffScene": "hand-off", "BriefingScene": "briefing", "EventScene": "event-card",
                "OrdersScene": "orders", "ResponsesScene": "responses",
                "FacilitatorScene": "facilitator", "ResolutionScene": "resolution",
                "EndScene": "end"}.get(kind, kind)
        if name not in self.seen:
            self.seen.add(name)
            if kind == "OrdersScene":
                self._pick(top)  # show a draft with one order picked
            return name
        self._act(top, kind)
        return None

    def _act(self, top, kind: str) -> None:
        if kind == "HandoffScene":
            top.reveal()
        elif kind == "BriefingScene":
            top.done()
        elif kind == "EventScene":
            if top.flow.session.state.round >= 2 and "facilitator" not in self.seen:
                top.back()
            else:
                top.flow.advance()
        elif kind == "FacilitatorScene":
            top.back()
        elif kind == "OrdersScene":
            while self._pick(top):
                pass
            top.confirm()
        elif kind == "ResponsesScene":
            for offer in top.view.offers:
                top.answer(offer.key, True)
            top.confirm()
        elif kind == "ResolutionScene":
            top.done()

    def _pick(self, top) -> bool:
        """Pick one order, preferring offers so that the responses screen appears."""
        legal = top.session.legal(top.viewer, tuple(top.chosen))
        if not legal:
            return False
        offers = [a for a in legal if top.scenario.action(a.action_id).offer]
        top.pick((offers or legal)[0])
        return True
