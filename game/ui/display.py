"""Is there a display to open a window on? `main.py` asks before choosing window or text mode.

`display_available() -> (ok, reason)`: `reason` is a one-line explanation for the
user when `ok` is False (and "" otherwise). On Linux, with neither DISPLAY nor
WAYLAND_DISPLAY set, there is no display unless SDL_VIDEODRIVER names a driver
explicitly (for example `dummy` in tests, or `kmsdrm`). Otherwise SDL's video
subsystem is started once to make sure it works, and shut down again; a silent
fallback to a driver that shows nothing counts as no display.
"""

from __future__ import annotations

import os
import sys

from game.words.i18n import _


def display_available() -> tuple[bool, str]:
    """(True, "") if a window can be opened, else (False, one-line reason)."""
    driver = os.environ.get("SDL_VIDEODRIVER", "")
    if sys.platform.startswith("linux") and not driver:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return False, _("no display found (DISPLAY and WAYLAND_DISPLAY are not set)")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except ImportError as exc:  # pragma: no cover - pygame-ce is a dependency
        return False, _("pygame-ce is not installed ({error})").format(error=exc)
    was_init = pygame.display.get_init()
    try:
        pygame.display.init()
        hidden = invisible_driver()
    except pygame.error as exc:
        return False, _("cannot open a window: {error}").format(error=exc)
    finally:
        if not was_init:
            pygame.display.quit()
    if hidden:
        return False, _("cannot open a window: SDL fell back to its {driver} driver, which "
                        "shows nothing on screen").format(driver=repr(hidden))
    return True, ""


def invisible_driver() -> str:
    """The name of SDL's video driver if it is one that shows nothing (`offscreen`,
    `dummy`) and nobody asked for it in SDL_VIDEODRIVER; else "". When the X or Wayland
    server does not answer, SDL silently falls back to such a driver, and the game
    would run in a window no one can see."""
    import pygame
    try:
        driver = (pygame.display.get_driver() or "").lower()
    except pygame.error:  # video not started: nothing to judge
        return ""
    asked = os.environ.get("SDL_VIDEODRIVER", "").lower()
    return driver if driver in ("offscreen", "dummy") and driver not in asked else ""
