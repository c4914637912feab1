"""Input a class cannot trip over: each test is one way a room full of people broke a game."""

import json

import pygame

from game.ui.app import App
from game.ui.settings import Settings, settings_path
from tests.ui.test_game_keyboard import setup_game, tab_to, wait_for_handoff


def _new_game(app, drive):
    drive.press(app, pygame.K_1)
    assert type(app.stack.top).__name__ == "NewGameScene"
    return app.stack.top


def test_enter_on_a_stepper_moves_on_and_never_changes_it(app, drive):
    """Enter on "Moscow: human team" once made Moscow an AI; now it moves the focus on."""
    scene = _new_game(app, drive)
    tab_to(app, drive, "new:seat:moscow")
    for key in (pygame.K_RETURN, pygame.K_SPACE):
        before = dict(scene.seats)
        tab_to(app, drive, "new:seat:moscow")
        drive.press(app, key)
        assert scene.seats == before and scene.mode == "classroom"
        assert drive.focused_key(app) != "new:seat:moscow"
    tab_to(app, drive, "new:mode")
    drive.press(app, pygame.K_RETURN)
    assert scene.mode == "classroom"
    tab_to(app, drive, "new:mode")
    drive.press(app, pygame.K_RIGHT)  # only the arrows change a value
    assert scene.mode == "solo"


def test_the_seed_takes_ascii_digits_only(app, drive):
    """² and other Unicode digits once crashed the window at Start."""
    scene = _new_game(app, drive)
    tab_to(app, drive, "new:seed")
    for _ in range(9):
        drive.press(app, pygame.K_BACKSPACE)
    for ch in ("²", "٣", "x", "4", "2"):
        drive.press(app, pygame.K_a, unicode=ch)
    assert scene.seed == "42"


def test_the_mouse_moves_the_focus_only_when_it_really_moves(app, drive):
    """A pointer resting over Settings when the window opens does not take the focus."""
    app.step()
    target = drive.find(app, "title:Settings")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=target.rect.center, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    app.step()
    assert drive.focused_key(app) != "title:Settings"
    moved = (target.rect.centerx + 3, target.rect.centery)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=moved, rel=(3, 0),
                                         buttons=(0, 0, 0)))
    app.step()
    assert drive.focused_key(app) == "title:Settings"


def test_command_line_and_quick_keys_are_never_saved(config_dir, drive):
    """--scale 2 and F11 apply to this run; the Settings screen saves only what it changed."""
    stored = Settings(ui_scale=1.0, timer_minutes=5)
    app = App(Settings(ui_scale=2.0, timer_minutes=5), config_dir=config_dir, stored=stored)
    app.stack.push(app.screens.make("title"))
    app.draw()
    drive.press(app, pygame.K_F11)
    drive.press(app, pygame.K_F11)
    drive.press(app, pygame.K_EQUALS, mod=pygame.KMOD_CTRL)
    assert not settings_path(config_dir).exists()
    app.stack.push(app.screens.make("settings"))
    tab_to(app, drive, "set:timer")
    drive.press(app, pygame.K_RIGHT)
    saved = json.loads(settings_path(config_dir).read_text())
    assert saved["ui_scale"] == 1.0 and saved["timer_minutes"] == 6 and not saved["fullscreen"]
    assert app.settings.ui_scale == 2.0  # this run keeps its command-line scale
    pygame.quit()


def test_a_handoff_ignores_keys_until_it_has_been_seen(app, drive):
    """A double Enter on Confirm once opened the next team's private orders."""
    setup_game(app, drive, rounds=3)
    top = app.stack.top
    assert type(top).__name__ == "HandoffScene"
    opened = top.opened
    top.clock = lambda: opened  # time stands still: the test never races the clock
    for key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_1):
        drive.press(app, key)
        assert app.stack.top is top
    wait_for_handoff(top)
    drive.press(app, pygame.K_RETURN)
    assert type(app.stack.top).__name__ == "BriefingScene"


def test_every_team_gets_a_handoff_before_answers(app, drive):
    """Only teams with offers once got one, so the room learned who had offers."""
    from game.ui.screenshots import ScriptedGame
    seen = []
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "HandoffScene" and top.then == "responses":
            seen.append(top.role)
        if type(top).__name__ == "ResolutionScene":
            break
    assert seen == list(top.scenario.role_ids)


def test_a_failed_save_is_said_in_one_line(make_app, drive, tmp_path, monkeypatch):
    """The game goes on, says it is not saved, and never claims it is."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("DETENTE_DATA_DIR", str(blocker))
    app = make_app()
    _play_until_a_move_is_saved(app)
    line = app.services.save_error
    assert line.startswith("Could not save the game") and "\n" not in line
    assert line in [t for w in _widgets(app) for t in w.texts()]
    drive.press(app, pygame.K_F2)
    assert "autosaved" not in " ".join(drive.find(app, "fac:quit").texts())


def _play_until_a_move_is_saved(app):
    from game.ui.screenshots import ScriptedGame
    for _ in ScriptedGame(app).play(every=True):
        top = app.stack.top
        if type(top).__name__ == "HandoffScene" and top.role == "moscow" and top.then == "orders":
            return


def test_continue_has_the_focus_and_names_the_game(make_app, drive):
    app = make_app()
    _play_until_a_move_is_saved(app)
    again = make_app()
    again.step()
    assert drive.focused_key(again) == "title:Continue"
    detail = drive.find(again, "title:Continue").detail
    assert "seed 2011" in detail and "round 1 of" in detail


def _widgets(app):
    from game.ui.base import walk
    return list(walk(app.stack.top.ensure_root()))


def test_continue_restores_the_talks_timer_and_lists_the_newest_first(make_app, drive):
    """Two games in progress: Continue lists both, the newest first, and resumes one
    with the talks timer it was started with."""
    first = make_app()
    _play_until_a_move_is_saved(first)  # a 5-minute timer (the scripted game's settings)
    second = make_app()
    second.settings.timer_minutes = 3  # New game starts with the settings' timer
    _play_until_a_move_is_saved(second)
    again = make_app()
    again.step()
    drive.press(again, pygame.K_RETURN)  # Continue has the focus
    games = again.stack.top.games
    assert [g.finished for g in games] == [False, False]
    assert games[0].timer_minutes == 3 and games[1].timer_minutes == 5
    drive.press(again, pygame.K_RETURN)
    assert again.stack.top.flow.timer.total == 180
