"""The loop sleeps when idle and draws only when something changed."""

import time

import pygame

from game.ui.scene import Scene


def test_no_redraw_without_change(app):
    """Steps with no events draw nothing (after the window's start-up events)."""
    app.step()
    frames = app.frames
    for _ in range(5):
        app.step()
    assert app.frames == frames


def test_input_redraws_once(app, drive):
    """A key that moves the focus causes one redraw."""
    frames = app.frames
    drive.press(app, pygame.K_TAB)
    assert app.frames == frames + 1


def test_blocking_wait_wakes_on_event(app):
    """A blocked loop wakes as soon as an event arrives."""
    pygame.event.post(pygame.event.Event(pygame.USEREVENT))
    start = time.monotonic()
    app.step(block=True)
    assert time.monotonic() - start < 10.0  # generous: a hang, not a slow machine, fails


class Ticking(Scene):
    """A scene with a 50 ms timer, like a countdown."""

    def __init__(self, app):
        super().__init__(app)
        self.ticks = 0

    def next_tick(self):
        return 0.05

    def update(self, dt):
        self.ticks += 1
        return True


def test_timer_scene_wakes_without_input(app):
    """With a timer due, a blocking step returns after the timeout and redraws."""
    pygame.event.clear()
    scene = Ticking(app)
    app.stack.push(scene)
    app.draw()
    frames = app.frames
    start = time.monotonic()
    app.step(block=True)
    assert 0.03 < time.monotonic() - start < 10.0  # waits for the timer; only a hang fails
    assert scene.ticks == 1 and app.frames == frames + 1


def test_stack_lifecycle(app):
    """push pauses the old top, pop resumes it, replace exits the old one."""
    calls = []

    class Spy(Scene):
        def __init__(self, app, name):
            super().__init__(app)
            self.name = name

        def on_enter(self):
            calls.append(f"enter {self.name}")

        def on_exit(self):
            calls.append(f"exit {self.name}")

        def on_pause(self):
            calls.append(f"pause {self.name}")

        def on_resume(self):
            calls.append(f"resume {self.name}")

    a, b, c = Spy(app, "a"), Spy(app, "b"), Spy(app, "c")
    app.stack.push(a)
    app.stack.push(b)
    app.stack.replace(c)
    app.stack.pop()
    assert calls == ["enter a", "pause a", "enter b", "exit b", "enter c", "exit c", "resume a"]


def test_resize_relayouts(app):
    """A window resize event rebuilds the layout for the new size."""
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    app.step()
    assert app.settings.window_size == (1600, 900)


def test_resize_during_a_game_keeps_the_screen_usable(make_app, drive):
    """A game screen re-lays itself out for a narrow window: the board goes above the page."""
    from game.ui.base import walk
    from game.ui.containers import ScrollView
    from game.ui.screenshots import ScriptedGame
    from tests.ui.test_overflow import problems
    app = make_app()
    for name in ScriptedGame(app).play():
        if name == "orders":
            break
    keys = {w.key for w in walk(app.stack.top.ensure_root()) if isinstance(w, ScrollView)}
    assert keys == {"main"}
    pygame.display.set_mode((800, 600), pygame.RESIZABLE)  # what the window manager does
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=800, h=600, size=(800, 600)))
    app.step()
    keys = {w.key for w in walk(app.stack.top.ensure_root()) if isinstance(w, ScrollView)}
    assert keys == {"main"} and problems(app) == []
    drive.press(app, pygame.K_EQUALS, pygame.KMOD_CTRL)
    assert app.ui.scale == 1.25 and problems(app) == []
