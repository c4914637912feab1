"""Bounded reads: regular files only, a size cap, no blocking, and JSON kept within limits.

Every file the game reads on a player's or author's say-so (a save, a replay, the
settings, a scenario) goes through `read_regular`. It looks at the path with `stat`
first, so a FIFO or a device is refused without being opened, then opens it with
`O_NONBLOCK` (so a FIFO swapped in meanwhile cannot block) and checks again with
`fstat` that it is a regular file, and reads at most `cap` bytes, so `/dev/zero` or a
huge file costs nothing. `parse_json` then refuses numbers with too many digits, NaN
and infinities, and nesting deeper than a limit, before any of it reaches pydantic.

Every refusal is a `ReadRefused` (a ValueError) whose message is one line: the file,
what is wrong, and what to do. Nothing here writes, so the file is always untouched.
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path

#: Digits allowed in one JSON integer: seeds and counts fit in 19 digits.
MAX_INT_DIGITS = 20

#: Nesting allowed in a JSON file: a save nests its scenario about 8 deep.
MAX_DEPTH = 40

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class ReadRefused(ValueError):
    """A file that cannot be read safely; the message names the file, the problem and the fix."""

    def __init__(self, path: str | Path, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem}; {fix}")
        self.path = str(path)
        self.problem = problem


def read_regular(path: str | Path, cap: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `cap` bytes, or ReadRefused.

    `what` names the kind of file in messages ("save", "scenario file")."""
    if "\0" in str(path):
        raise ReadRefused(repr(str(path)), "the name holds a NUL character",
                          f"give the path of a {what}")
    try:
        _check_kind(path, os.stat(path).st_mode, what)
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _refusal(path, exc, what) from None
    try:
        info = os.fstat(fd)
        _check_kind(path, info.st_mode, what)
        _check_size(path, info.st_size, cap, what)
        data = _read_up_to(fd, cap + 1)
    except OSError as exc:
        raise _refusal(path, exc, what) from None
    finally:
        os.close(fd)
    _check_size(path, len(data), cap, what)  # the file may have grown since fstat
    return data


def _read_up_to(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        try:
            chunk = os.read(fd, min(1 << 20, limit - total))
        except BlockingIOError:  # only a special file can say this, and those are refused
            break
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _check_kind(path: str | Path, mode: int, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise ReadRefused(path, f"this is a folder, not a {what}", f"give the path of a {what}")
    if not stat.S_ISREG(mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else \
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"
        raise ReadRefused(path, f"this is {kind}, not a {what}; it was not read",
                          f"give the path of an ordinary {what}")


def _check_size(path: str | Path, size: int, cap: int, what: str) -> None:
    if size > cap:
        raise ReadRefused(path, f"the file is larger than {cap:,} bytes, too large for a {what}",
                          "check that this is the right file (it was not read)")


def _refusal(path: str | Path, exc: OSError, what: str) -> ReadRefused:
    if isinstance(exc, FileNotFoundError):
        return ReadRefused(path, "no such file", f"check the path of the {what}")
    if isinstance(exc, NotADirectoryError):
        return ReadRefused(path, "a part of this path is a file, not a folder",
                           f"check the path of the {what}")
    if isinstance(exc, PermissionError):
        return ReadRefused(path, "permission denied", "check the file's permissions")
    return ReadRefused(path, f"cannot be read ({exc.strerror or exc})",
                       f"check the path of the {what}")


class _Limit(ValueError):
    """A JSON value beyond the limits, raised from inside the parser's hooks."""


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Limit(f"a number with {len(text.lstrip('-')):,} digits")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Limit(f"the number {text[:30]} is too large")
    return value


def _parse_constant(text: str) -> float:
    raise _Limit(f"{text} is not a number this game accepts")


def parse_json(data: bytes | str, path: str | Path, what: str = "file",
               max_depth: int = MAX_DEPTH) -> object:
    """JSON data from UTF-8 bytes (or text) within the limits above, or ReadRefused."""
    fix = f"the file is not a usable {what} (it was left untouched)"
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                           parse_constant=_parse_constant)
    except UnicodeDecodeError:
        raise ReadRefused(path, "it is not valid JSON (it is not UTF-8 text)", fix) from None
    except _Limit as exc:
        raise ReadRefused(path, f"it holds {exc}", fix) from None
    except RecursionError:
        raise ReadRefused(path, "its data is nested too deeply", fix) from None
    except ValueError as exc:  # json.JSONDecodeError, or an int beyond Python's own limit
        raise ReadRefused(path, f"it is not valid JSON ({exc})", fix) from None
    if depth(value) > max_depth:
        raise ReadRefused(path, f"its data is nested more than {max_depth} levels deep", fix)
    return value


def depth(value: object) -> int:
    """How deeply lists and objects nest in `value` (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item if isinstance(child, (dict, list)))
    return deepest


def read_text(path: str | Path, cap: int, what: str = "file",
              missing_ok: bool = False) -> str | None:
    """The UTF-8 text of a regular file of at most `cap` bytes, or ReadRefused.

    With `missing_ok`, a file that does not exist gives None instead of a refusal."""
    try:
        data = read_regular(path, cap, what)
    except ReadRefused as exc:
        if missing_ok and exc.problem == "no such file":
            return None
        raise
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadRefused(path, "it is not UTF-8 text", f"the file is not a usable {what} "
                                                        "(it was left untouched)") from None


def read_json(path: str | Path, cap: int, what: str = "file", max_depth: int = MAX_DEPTH) -> object:
    """`parse_json(read_regular(path, cap))`: a bounded JSON file, or ReadRefused."""
    return parse_json(read_regular(path, cap, what), path, what, max_depth)
