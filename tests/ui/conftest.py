"""Fixtures for headless UI tests: an App on the dummy video driver with a private config dir."""

from __future__ import annotations

import sys
from pathlib import Path

# The repository root, so `game` imports even when the package is not installed.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.app import App, first_scene  # noqa: E402
from game.ui.base import walk  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


class StepClock:
    """The clock the App's screens read in tests: it stands still, and `press` and
    `click` move it on past every screen's settling moment (unless told `quick`)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


#: How far `press` moves the StepClock before each key: past any screen's settling moment.
WAIT_S = 5.0


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    """A fresh settings directory for each test."""
    monkeypatch.setenv("DETENTE_CONFIG_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def make_app(config_dir, tmp_path, monkeypatch):
    """Factory: an App on the title screen at a given scale and theme."""
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    from game.guide.tutorial import remember
    remember("declined")  # not a first run: the title opens on New game (see test_guided_window)
    apps = []

    def make(scale: float = 1.0, high_contrast: bool = False, size=(1280, 720)) -> App:
        app = App(Settings(ui_scale=scale, high_contrast=high_contrast, window_size=size),
                  config_dir=config_dir)
        app.clock = StepClock()
        app.stack.push(first_scene(app))
        app.draw()
        apps.append(app)
        return app

    yield make
    pygame.quit()


@pytest.fixture
def app(make_app):
    """An App on the title screen at scale 1.0."""
    return make_app()


def wait(app: App, quick: bool = False) -> None:
    """Let time pass before the next input (a person's pace), or not (`quick`)."""
    if not quick and isinstance(getattr(app, "clock", None), StepClock):
        app.clock.now += WAIT_S


def press(app: App, key: int, mod: int = 0, unicode: str = "", quick: bool = False) -> None:
    """Post one real KEYDOWN (and KEYUP) event and run one pass of the loop; unless
    `quick`, the App's clock first moves past the screen's settling moment."""
    wait(app, quick)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode,
                                         scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode,
                                         scancode=0))
    app.step()


def click(app: App, pos: tuple[int, int], quick: bool = False) -> None:
    """Post a real mouse move, press and release at `pos` and run one pass of the loop."""
    wait(app, quick)
    for etype in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        extra = {"rel": (0, 0), "buttons": (0, 0, 0)} if etype == pygame.MOUSEMOTION else {"button": 1}
        pygame.event.post(pygame.event.Event(etype, pos=pos, **extra))
    app.step()


def focused_key(app: App) -> str | None:
    """Key of the focused widget on the top scene."""
    scene = app.stack.top
    cur = scene.focus.current(scene.ensure_root())
    return cur.key if cur else None


def find(app: App, key: str):
    """The widget with this key on the top scene."""
    root = app.stack.top.ensure_root()
    return next(w for w in walk(root) if w.key == key)


class Driver:
    """Drives an App with real posted events; handed to tests by the `drive` fixture."""

    press = staticmethod(press)
    click = staticmethod(click)
    focused_key = staticmethod(focused_key)
    find = staticmethod(find)


@pytest.fixture
def drive():
    """Helpers that post real events to an App."""
    return Driver
