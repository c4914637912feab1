"""The terminal calls that differ between POSIX and Windows, each with a way for both.

    drop_typed_ahead(inp)   discard keys typed before a prompt: termios on POSIX, msvcrt
                            on Windows; nothing where neither is there (a pipe, a file)
    clear_screen(out)       the ANSI clear on POSIX terminals and on Windows consoles that
                            accept escape sequences (switched on here); else `cls`
    ascii_fallback(*streams)  let streams in a code page without arrows or dashes (cp1252,
                            cp437: Windows output sent to a file or pipe) print any text,
                            the characters they lack in plain ASCII, never an error

Both matter for hot-seat play: the next team must not see the last team's screen, and
the last team's extra Enter must not open the next team's private screen.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import TextIO

from anyascii import anyascii

#: Clear the screen, then the scrollback (in that order: some terminals, tmux among them,
#: push a cleared screen into the scrollback), and put the cursor at the top.
CLEAR = "\033[H\033[2J\033[3J\033[H"

WINDOWS = sys.platform == "win32"
ERRORS = "detente-ascii"  # the codec error handler registered by ascii_fallback
_ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004
_STD_OUTPUT_HANDLE = -11
#: Where plain ASCII needs more than anyascii's one-character answer.
_ASCII = str.maketrans({"→": "->", "←": "<-", "↔": "<->", "·": "-", "\u00a0": " "})
_escapes: bool | None = None  # whether this console takes escape sequences, once known


def drop_typed_ahead(inp: TextIO) -> None:
    """Discard what was typed on the terminal `inp` before now."""
    try:
        import termios  # POSIX
    except ImportError:
        _drop_windows_keys()
        return
    try:
        termios.tcflush(inp.fileno(), termios.TCIFLUSH)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a terminal after all: nothing was typed ahead


def _drop_windows_keys() -> None:
    try:
        import msvcrt  # Windows
    except ImportError:
        return  # neither POSIX nor Windows: keys typed ahead stay queued
    while msvcrt.kbhit():
        msvcrt.getwch()


def clear_screen(out: TextIO) -> None:
    """Clear the terminal `out` and its scrollback."""
    if WINDOWS and not _windows_escapes():
        out.flush()
        os.system("cls")  # a fixed command: the old console's own way to clear
        return
    out.write(CLEAR)
    out.flush()


def _windows_escapes() -> bool:
    """Switch the Windows console to escape sequences (Windows 10 and later); True if it
    takes them. Windows Terminal always does; the old console only once switched."""
    global _escapes
    if _escapes is None:
        try:
            import ctypes
            from ctypes import wintypes

            kernel32 = ctypes.windll.kernel32
            handle = kernel32.GetStdHandle(_STD_OUTPUT_HANDLE)
            mode = wintypes.DWORD()
            _escapes = bool(kernel32.GetConsoleMode(handle, ctypes.byref(mode)) and
                            kernel32.SetConsoleMode(handle, mode.value
                                                    | _ENABLE_VIRTUAL_TERMINAL_PROCESSING))
        except (ImportError, AttributeError, OSError):
            _escapes = False
    return _escapes


def ascii_fallback(*streams: TextIO) -> None:
    """Make each stream that cannot encode an arrow write the characters it lacks in plain
    ASCII (`→` as `->`, accents dropped) instead of failing; UTF-8 streams are left as
    they are."""
    codecs.register_error(ERRORS, _in_ascii)
    for stream in streams:
        encoding = getattr(stream, "encoding", None)
        if not encoding or not hasattr(stream, "reconfigure"):
            continue
        try:
            "\u2192".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(errors=ERRORS)


def _in_ascii(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return plain_ascii(exc.object[exc.start:exc.end]), exc.end


def plain_ascii(text: str) -> str:
    """`text` in plain ASCII: arrows as `->`, accents dropped, other scripts transliterated."""
    return anyascii(text.translate(_ASCII))
