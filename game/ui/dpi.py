"""A sharp window on a scaled Windows display (125%, 150%...): DPI awareness, asked for
before SDL starts its video.

A program that does not declare itself DPI aware is drawn at 96 DPI and stretched by
Windows, so a 150% display blurs every letter, and the game's own UI scale would come on
top of Windows' scaling. Declared aware, the window gets real pixels and the game's UI
scale (1.0-2.0) alone sizes the text.

`make_dpi_aware()` does nothing except on Windows. There it sets SDL's hint
(`SDL_WINDOWS_DPI_AWARENESS=permonitorv2`, read when SDL starts its video; SDL 2.24
and later), and on an older SDL calls Windows itself (`SetProcessDpiAwareness`, or
`SetProcessDPIAware` before Windows 8.1). A hint already set by the user is kept.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

HINT = "SDL_WINDOWS_DPI_AWARENESS"
PER_MONITOR_V2 = "permonitorv2"
PROCESS_PER_MONITOR_DPI_AWARE = 2  # shcore's PROCESS_DPI_AWARENESS value
HINT_SINCE = (2, 24, 0)  # the first SDL that reads the hint


def make_dpi_aware(platform: str | None = None, environ: MutableMapping[str, str] | None = None,
                   sdl_version: tuple[int, int, int] | None = None) -> str:
    """Declare the process DPI aware on Windows; returns how: "hint", "shcore", "user32",
    or "" (not Windows, or Windows refused). Call before SDL's video starts."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if platform != "win32":
        return ""
    if (sdl_version or _sdl_version()) >= HINT_SINCE:
        environ.setdefault(HINT, PER_MONITOR_V2)
        return "hint"
    return _declare_with_windows()


def _sdl_version() -> tuple[int, int, int]:
    import pygame

    return tuple(pygame.get_sdl_version())


def _declare_with_windows() -> str:
    try:
        import ctypes

        windll = ctypes.windll
    except (ImportError, AttributeError):  # not Windows after all
        return ""
    try:
        windll.shcore.SetProcessDpiAwareness(PROCESS_PER_MONITOR_DPI_AWARE)  # Windows 8.1+
        return "shcore"
    except (AttributeError, OSError):
        pass
    try:
        windll.user32.SetProcessDPIAware()  # Windows Vista+
        return "user32"
    except (AttributeError, OSError):
        return ""
