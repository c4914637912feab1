"""Sleeping until input arrives, without polling where the platform allows it.

pygame-ce's `pygame.event.wait()` is a loop that pumps events and sleeps 1 ms at a
time, so an "idle" window still wakes 1000 times a second (about 3% of a core).
SDL itself can block properly (on X11 and Wayland it waits on the display
connection): `SDL_WaitEventTimeout(NULL, ms)` sleeps until an event is queued and
leaves it there for `pygame.event.get()`. We call it through ctypes on the very SDL
library pygame loaded (found in /proc/self/maps, and checked to be the initialised
instance); anywhere else we fall back to `pygame.event.wait`.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

import pygame

SDL_INIT_VIDEO = 0x20
#: SDL's timeout is an int of milliseconds; -1 means "forever".
FOREVER = -1

Waiter = Callable[[float | None], list]


def _loaded_sdl() -> ctypes.CDLL | None:
    """The SDL2 library already loaded by pygame, if it can be found and is initialised."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "/libSDL2-2" in line
                     or line.rstrip().endswith("/libSDL2-2.0.so.0")}
    except OSError:
        return None
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
            lib.SDL_WasInit.restype = ctypes.c_uint32
            lib.SDL_WaitEventTimeout.argtypes = [ctypes.c_void_p, ctypes.c_int]
            lib.SDL_WaitEventTimeout.restype = ctypes.c_int
        except (OSError, AttributeError):
            continue
        if lib.SDL_WasInit(SDL_INIT_VIDEO) & SDL_INIT_VIDEO:
            return lib
    return None


def make_waiter() -> tuple[Waiter, str]:
    """A function that sleeps until events arrive (or `timeout` seconds pass) and returns
    them, and the name of the method used."""
    lib = _loaded_sdl()
    if lib is None:
        return _pygame_wait, "pygame.event.wait"

    def native(timeout: float | None) -> list:
        if not pygame.event.peek():
            ms = FOREVER if timeout is None else max(1, int(timeout * 1000))
            lib.SDL_WaitEventTimeout(None, ms)
        return pygame.event.get()

    return native, "SDL_WaitEventTimeout"


def _pygame_wait(timeout: float | None) -> list:
    first = pygame.event.wait() if timeout is None else pygame.event.wait(max(1, int(timeout * 1000)))
    rest = pygame.event.get()
    return rest if first.type == pygame.NOEVENT else [first, *rest]
