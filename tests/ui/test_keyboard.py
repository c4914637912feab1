"""Keyboard navigation with real posted pygame events, through the App's event loop."""

import json

import pygame

from game.ui.screens.settings_screen import SettingsScene
from game.ui.screens.title import TitleScene


def test_tab_and_arrows_move_focus(app, drive):
    """Tab and Down go forward, Shift+Tab and Up go back; disabled items are skipped."""
    assert drive.focused_key(app) == "title:New game"
    drive.press(app, pygame.K_TAB)
    assert drive.focused_key(app) == "title:Settings"  # Continue is disabled without a save
    drive.press(app, pygame.K_DOWN)
    assert drive.focused_key(app) == "title:Guided first game"
    drive.press(app, pygame.K_DOWN)
    assert drive.focused_key(app) == "title:Quit"
    drive.press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    drive.press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert drive.focused_key(app) == "title:Settings"
    drive.press(app, pygame.K_UP)
    assert drive.focused_key(app) == "title:New game"
    drive.press(app, pygame.K_UP)
    assert drive.focused_key(app) == "title:Quit"  # wraps around


def test_enter_opens_and_escape_goes_back(app, drive):
    """Enter activates the focused button; Esc returns to the previous screen."""
    drive.press(app, pygame.K_DOWN)
    drive.press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, SettingsScene)
    drive.press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)
    assert drive.focused_key(app) == "title:Settings"  # focus is kept


def test_number_key_picks_numbered_item(app, drive):
    """3 picks the third item of the menu (Settings); 5 quits."""
    drive.press(app, pygame.K_3)
    assert isinstance(app.stack.top, SettingsScene)
    drive.press(app, pygame.K_ESCAPE)
    drive.press(app, pygame.K_5)
    assert not app.running


def test_space_activates(app, drive):
    """Space works like Enter."""
    drive.press(app, pygame.K_DOWN)
    drive.press(app, pygame.K_SPACE)
    assert isinstance(app.stack.top, SettingsScene)


def test_settings_by_keyboard_are_applied_and_saved(app, drive, config_dir):
    """Right on the scale stepper raises the scale; Enter on a toggle flips it; both saved."""
    drive.press(app, pygame.K_3)
    drive.press(app, pygame.K_RIGHT)
    assert app.settings.ui_scale == 1.25 and app.ui.scale == 1.25
    drive.press(app, pygame.K_TAB)
    assert drive.focused_key(app) == "set:contrast"
    drive.press(app, pygame.K_RETURN)
    assert app.settings.high_contrast and app.ui.theme.name == "high-contrast"
    saved = json.loads((config_dir / "settings.json").read_text())
    assert saved["ui_scale"] == 1.25 and saved["high_contrast"] is True


def test_timer_stepper_and_escape_from_settings(app, drive, config_dir):
    """The timer default steps down to off; Esc leaves Settings."""
    drive.press(app, pygame.K_3)
    drive.press(app, pygame.K_TAB)
    drive.press(app, pygame.K_TAB)
    assert drive.focused_key(app) == "set:timer"
    for _ in range(10):
        drive.press(app, pygame.K_LEFT)
    assert app.settings.timer_minutes == 0
    drive.press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)


def test_ctrl_plus_scales_the_ui(app, drive):
    """Ctrl+plus and Ctrl+minus change the scale from any screen."""
    drive.press(app, pygame.K_EQUALS, pygame.KMOD_CTRL)
    assert app.settings.ui_scale == 1.25
    drive.press(app, pygame.K_MINUS, pygame.KMOD_CTRL)
    assert app.settings.ui_scale == 1.0


def test_focus_ring_is_drawn(app):
    """The focused button shows a marker and a thick outline in the focus colour."""
    app.dirty = True
    app.draw()
    root = app.stack.top.ensure_root()
    cur = app.stack.top.focus.current(root)
    ring = app.ui.m.px("ring")
    x, y = cur.rect.left - ring // 2 - 1, cur.rect.centery
    assert tuple(app.surface.get_at((x, y)))[:3] == app.ui.theme.colour("focus")


def test_mouse_click_activates(app, drive):
    """A click on Settings opens it; hovering moves the focus."""
    target = drive.find(app, "title:Settings")
    drive.click(app, target.rect.center)
    assert isinstance(app.stack.top, SettingsScene)
