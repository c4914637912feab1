"""Faults a teacher met projecting a hot-seat game, each as the room would meet it again."""

from pathlib import Path

import pygame

from game.ui.base import walk
from tests.ui.test_game_keyboard import confirm_in_dialog, setup_game, tab_to

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _quit_to_title(app, drive) -> None:
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:quit")
    assert "Continue resumes it" in drive.find(app, "fac:quit").detail
    drive.press(app, pygame.K_RETURN)
    assert type(app.stack.top).__name__ == "TitleScene"


def test_a_game_quit_in_round_one_is_saved_and_resumes(make_app, drive, tmp_path):
    """Start, then quit from the facilitator panel before anyone moves: the panel said
    "Continue resumes it", and it does, with its seed, rounds and talks timer."""
    app = make_app()
    setup_game(app, drive, rounds=3)
    _quit_to_title(app, drive)
    files = list((tmp_path / "data" / "games").glob("*.json"))
    assert len(files) == 1 and "seed77" in files[0].name
    again = make_app()
    again.step()
    assert drive.focused_key(again) == "title:Continue"
    drive.press(again, pygame.K_RETURN)
    (game,) = again.stack.top.games
    assert not game.finished and game.timer_minutes == 5 and "seed 77" in game.description
    drive.press(again, pygame.K_RETURN)
    top = again.stack.top
    assert top.session.seed == 77 and top.session.rounds == 3 and top.session.state.round == 1
    assert top.flow.timer.length == 300


def test_a_resumed_round_past_its_talks_keeps_them_over(make_app, drive):
    """Quit after a team gave its orders: the game resumes at the next team's hand-off,
    not at the event card, and the talks timer does not start again."""
    from game.ui.screenshots import ScriptedGame
    app = make_app()
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "HandoffScene" and top.session.state.orders:
            break
    _quit_to_title(app, drive)
    again = make_app()
    again.step()
    drive.press(again, pygame.K_RETURN)
    drive.press(again, pygame.K_RETURN)
    top = again.stack.top
    assert type(top).__name__ == "HandoffScene"
    assert top.flow.timer.state() == "talks over" and top.flow.timer.next_tick() is None
    board = " ".join(t for w in walk(top.ensure_root()) for t in w.texts())
    assert "Talks are over" in board and "Talks timer" not in board


def test_the_clock_shows_no_time_left_once_the_talks_are_over(app, drive):
    """Talks are over: the board's big figures are the round, not the minutes left."""
    from game.ui.play.board.clock import ClockCell
    setup_game(app, drive, rounds=3)
    for _ in range(10):
        if type(app.stack.top).__name__ == "EventScene":
            break
        from tests.ui.test_game_keyboard import play_screen
        play_screen(app, drive)
    scene = app.stack.top
    scene.end_talks()
    top = app.stack.top
    cell = next(w for w in walk(top.ensure_root()) if isinstance(w, ClockCell))
    assert cell.lines() == ["Talks are over"] and cell.big_and_small()[0] == "Round 1"


def test_time_is_up_in_large_type(make_app):
    """The large figures themselves say TIME IS UP."""
    from game.ui.play.board.clock import ClockCell
    from game.ui.screenshots import ScriptedGame
    app = make_app(2.0)
    for _ in ScriptedGame(app).play(every=True):
        if type(app.stack.top).__name__ == "EventScene":
            break
    timer = app.stack.top.flow.timer
    timer.clock = lambda: 0.0
    timer.restart()
    timer.add(-timer.remaining())
    app.stack.top.invalidate()
    cell = next(w for w in walk(app.stack.top.ensure_root()) if isinstance(w, ClockCell))
    assert cell.big_and_small()[:2] == ("TIME IS UP", "warning")


def test_counts_are_said_in_words_and_continue_numbers_on(make_app, drive):
    """"1 finished game"; the finished games are numbered after those in progress, and
    their number picks them."""
    app = make_app()
    setup_game(app, drive, rounds=3)
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:end")
    drive.press(app, pygame.K_RETURN)
    confirm_in_dialog(app, drive)
    drive.press(app, pygame.K_F2)
    tab_to(app, drive, "fac:quit")
    drive.press(app, pygame.K_RETURN)
    again = make_app()
    again.step()
    assert "1 finished game to look back on" in drive.find(again, "title:Continue").detail
    third = make_app()
    setup_game(third, drive, rounds=3)
    _quit_to_title(third, drive)
    fourth = make_app()
    fourth.step()
    assert "or one other saved game" in drive.find(fourth, "title:Continue").detail
    drive.press(fourth, pygame.K_RETURN)
    numbers = {w.key.split(":")[0]: w.number for w in walk(fourth.stack.top.ensure_root())
               if getattr(w, "number", None)}
    assert numbers == {"continue": 1, "finished": 2}
    drive.press(fourth, pygame.K_2)
    assert type(fourth.stack.top).__name__ == "EndScene"


def test_ctrl_plus_says_the_scale_and_the_title_shows_it(make_app, drive):
    app = make_app(1.75)
    drive.press(app, pygame.K_EQUALS, mod=pygame.KMOD_CTRL)
    assert app.settings.ui_scale == 2.0 and "UI scale 2.00×" in app.toast[0]
    drive.press(app, pygame.K_EQUALS, mod=pygame.KMOD_CTRL)
    assert "already the largest" in app.toast[0]
    drive.press(app, pygame.K_MINUS, mod=pygame.KMOD_CTRL)
    assert app.settings.ui_scale == 1.75 and "1.75×" in app.toast[0]
    assert "UI scale 1.75×" in drive.find(app, "title:Settings").detail
    app.toast = (app.toast[0], 0.0)  # its moment is over: the next pass clears it
    app.step()
    assert app.toast is None


def test_screenshots_render_the_scenario_given(make_app, monkeypatch, tmp_path):
    """--screenshot DIR --scenario FILE plays that scenario (here with eight delegations)."""
    from game.ui import screenshots
    from game.ui.app import _screenshot_app, run_app
    app = make_app()
    game = screenshots.ScriptedGame(app, scenario=FIXTURES / "eight-roles.yaml", rounds=1)
    for _ in game.play(every=True):
        pass
    assert app.stack.top.session.scenario.id == "eight_roles"
    assert run_app(["--screenshot", str(tmp_path / "x"), "--scenario",
                    str(tmp_path / "none.yaml")]) == 2
    monkeypatch.setattr(screenshots, "SIZES", (((1280, 720), 2.0),))
    monkeypatch.setattr(screenshots, "THEMES", ("default",))
    seen = []
    real = screenshots.ScriptedGame.__init__

    def spy(self, app, solo=False, scenario=None, rounds=None):
        seen.append(scenario)
        real(self, app, solo, scenario, rounds)
    monkeypatch.setattr(screenshots.ScriptedGame, "__init__", spy)
    monkeypatch.setenv("DETENTE_CONFIG_DIR", str(tmp_path / "c"))
    status = screenshots.render_screenshots(tmp_path / "shots", _screenshot_app,
                                            FIXTURES / "five-roles.yaml")
    assert status == 0 and seen and all(s == FIXTURES / "five-roles.yaml" for s in seen)
    assert (tmp_path / "shots" / "1280x720-s2.0-default" / "01-title.png").is_file()
