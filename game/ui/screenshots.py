"""`--screenshot DIR [--scenario FILE]`: render every screen of a scripted game to PNG.

Runs on SDL's dummy video driver, with throw-away settings and save directories, at
the projector sizes (`SIZES`: 1280x720 at UI scale 1.0, 1.5 and 2.0, and 1920x1080 at
2.0), each in both themes, plus a solo game against AI delegations (with their
reasoning); the game is of the scenario file given, else the default scenario. A team's
talks screen is shown once, with a package chosen in its builder. Files
are named `1280x720-s2.0-default/07-orders.png` and so on. `ScriptedGame` is also how
the tests walk through a game's screens.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from game.words.i18n import _, ngettext

SEED = 2011
#: (window size, UI scale) of every projector layout that must fit without scrolling.
SIZES = (((1280, 720), 1.0), ((1280, 720), 1.5), ((1280, 720), 2.0), ((1920, 1080), 2.0))
THEMES = ("default", "high_contrast")


def render_screenshots(out: Path, make_app, scenario: Path | None = None) -> int:
    """Write the PNGs into `out`; returns the exit status. `make_app(settings, size)`
    opens an App on its title screen; `scenario` is the scenario file to play (None: the
    game's default scenario)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DETENTE_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["DETENTE_DATA_DIR"] = str(Path(tmp) / "data")
        import pygame
        pygame.display.quit()
        written = []
        try:
            for (w, h), scale in SIZES:
                for theme in THEMES:
                    folder = out / f"{w}x{h}-s{scale:.1f}-{theme}"
                    written += _one_run(make_app, folder, (w, h), scale, theme == "high_contrast",
                                        scenario=scenario)
            written += _one_run(make_app, out / "solo-1280x720-s1.0", (1280, 720), 1.0, False,
                                solo=True, scenario=scenario)
        except ScreenshotError as exc:
            print(f"screenshot: {exc}", file=sys.stderr)
            return 1
        finally:
            pygame.quit()
    print(ngettext("wrote {n} screenshot to {folder}", "wrote {n} screenshots to {folder}",
                   len(written)).format(n=len(written), folder=out), file=sys.stderr)
    return 0


def _one_run(make_app, folder: Path, size: tuple[int, int], scale: float, contrast: bool,
             solo: bool = False, scenario: Path | None = None) -> list[Path]:
    import pygame

    from game.ui.settings import Settings
    folder.mkdir(parents=True, exist_ok=True)
    app = make_app(Settings(ui_scale=scale, high_contrast=contrast, timer_minutes=5,
                            window_size=size), size)
    written: list[Path] = []

    def shot(name: str) -> None:
        top = app.stack.top
        if name == "resolution":
            top.skip()  # the whole ledger revealed
        app.dirty = True
        app.draw()
        path = folder / f"{len(written) + 1:02d}-{name}.png"
        pygame.image.save(app.surface, str(path))
        written.append(path)

    game = ScriptedGame(app, solo, scenario)
    for name in game.play():
        shot(name)
    if game.problem:
        raise ScreenshotError(_("the game screens were skipped: {problem}").format(
            problem=game.problem))
    app.stack.clear_to(app.screens.make("title"))  # back at the title: the game is saved
    app.draw()
    app.update()
    shot("title-with-a-saved-game")
    app.stack.top.continue_game()
    shot("continue")
    return written


class ScreenshotError(RuntimeError):
    """The scripted game could not be played (for example, a broken scenario file)."""


class ScriptedGame:
    """Plays a classroom game with three human teams by calling the screens' own actions."""

    def __init__(self, app, solo: bool = False, scenario: Path | None = None,
                 rounds: int | None = None) -> None:
        self.app = app
        self.solo = solo
        self.scenario = scenario  # the scenario file to play (None: the default one)
        self.rounds = rounds  # None: as many as the scenario is written for
        self.seen: set[str] = set()
        self.problem = ""  # why the game could not be played, if it could not

    def play(self, every: bool = False):
        """Advance screen by screen; yields a name whenever a new kind of screen is shown
        (with `every`, after every step, so a test can inspect each screen)."""
        app = self.app
        app.draw()
        app.update()  # the title looks for a saved game once it is on screen
        yield "title"
        app.stack.push(app.screens.make("settings"))
        yield "settings"
        app.stack.pop()
        if self.scenario is None:
            app.stack.top.new_game()
        else:
            app.stack.push(app.screens.make("new_game", self.scenario))
        top = app.stack.top
        top.set_seed(str(SEED))
        if self.solo:
            top.set_mode("solo")
        if self.rounds:
            top.set_rounds(self.rounds)
        yield "new-game"
        if top.scenario is None:
            self.problem = top.choices[top.index].error if top.choices else \
                _("no scenario files")
            return
        top.start()
        for _step in range(400):
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
                "EndScene": "end", "ConfirmScene": "review", "TalksScene": "talks"}.get(kind, kind)
        if kind == "ResolutionScene" and "results-reading" not in self.seen:
            self.seen.add("results-reading")  # the ledger part-read, its third entry marked
            top.started = top.clock() - 2.5 * top.STEP_S
            top.invalidate()
            return "results-reading"
        if kind == "OrdersScene" and "orders" in self.seen and "talks" not in self.seen \
                and top.session.game.talks is not None:
            top.open_talks()  # the team's talks, once: a package chosen in the builder
            talks = self.app.stack.top
            for issue in top.session.game.talks.spec.issues:
                talks.choose(issue.id, issue.options[-1].id)
            self.seen.add("talks")
            return "talks"
        if name not in self.seen:
            self.seen.add(name)
            if kind == "OrdersScene":  # show a draft with one cheap order picked
                legal = top.session.legal(top.viewer, ())
                top.pick(min(legal, key=lambda a: top.scenario.action(a.action_id).cost))
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
                top.end_talks()
        elif kind in ("FacilitatorScene", "TalksScene"):
            top.back()
        elif kind == "OrdersScene":
            while self.app.stack.top is top and self._pick(top):
                pass
            if self.app.stack.top is top:
                top.confirm()  # the review dialog
        elif kind == "ResponsesScene":
            for offer in top.view.offers:
                top.answer(offer.key, True)
            if not top.view.offers:
                top.note_none()
            top.confirm()  # the review dialog
        elif kind == "ResolutionScene":
            top.done()
        elif kind == "ConfirmScene":
            top.confirm()

    def _pick(self, top) -> bool:
        """Pick one order, preferring offers so that the responses screen appears."""
        legal = top.session.legal(top.viewer, tuple(top.chosen))
        if not legal:
            return False
        offers = [a for a in legal if top.scenario.action(a.action_id).offer]
        top.pick((offers or legal)[0])
        return True
