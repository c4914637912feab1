"""Scenario file bytes to checked text: size cap, UTF-8, no control characters.

Everything here happens before YAML sees the text, so each refusal can say exactly
which byte or character is wrong and where, instead of a parser's generic complaint.
"""

from __future__ import annotations

import re
from pathlib import Path as FilePath

from game.authoring.problems import Pos, fail
from game.files.bounded import ReadRefused, read_regular
from game.words import _

#: Larger files are refused unread: real scenarios are tens of kilobytes, and ruamel
#: takes about 20 seconds per megabyte.
MAX_BYTES = 1_000_000

#: Characters YAML refuses (the same set as ruamel's reader), found here first so the
#: message can say which character and where.
NOT_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_bytes(path: FilePath) -> bytes:
    """The file's bytes, or a ScenarioError saying why it cannot be read.

    Only a regular file is opened, without blocking, and never more than MAX_BYTES + 1
    bytes are read, so a FIFO, a device or a huge file is refused at once."""
    try:
        return read_regular(path, MAX_BYTES, "scenario file")
    except ReadRefused as exc:
        raise fail(str(path), _scenario_wording(exc)) from None


def _scenario_wording(exc: ReadRefused) -> str:
    """Why a scenario file cannot be read, as one whole message in the current language."""
    problem = exc.problem
    if problem.startswith("the file is larger"):
        return _too_large()
    known = {
        "this is a folder, not a scenario file": _("this is a directory, not a scenario file"),
        "no such file": _("no such file"),
        "the name holds a NUL character": _("the name holds a NUL character; give the path of "
                                            "a scenario file"),
        "a part of this path is a file, not a folder": _("a part of this path is a file, not a "
                                                         "folder; check the path of the "
                                                         "scenario file"),
        "permission denied": _("permission denied; check the file's permissions"),
        "this is a FIFO (named pipe), not a scenario file; it was not read": _(
            "this is a FIFO (named pipe), not a scenario file; it was not read; give the path "
            "of an ordinary scenario file"),
        "this is a device, not a scenario file; it was not read": _(
            "this is a device, not a scenario file; it was not read; give the path of an "
            "ordinary scenario file"),
        "this is a special file, not a scenario file; it was not read": _(
            "this is a special file, not a scenario file; it was not read; give the path of an "
            "ordinary scenario file"),
    }
    if problem in known:
        return known[problem]
    if problem.startswith("cannot be read (") and problem.endswith(")"):
        return _("cannot be read ({error}); check the path of the scenario file").format(
            error=problem[len("cannot be read ("):-1])
    return str(exc).split(": ", 1)[1]


def _too_large() -> str:
    return _("the file is larger than {limit} bytes; a scenario file is a few tens of "
             "kilobytes, so this is probably not one").format(limit=f"{MAX_BYTES:,}")


def _check_size(size: int, filename: str) -> None:
    if size > MAX_BYTES:
        raise fail(filename, _too_large())


def decode(text: str | bytes, filename: str) -> str:
    """Text from bytes that must be UTF-8, free of NUL and other control characters."""
    if isinstance(text, bytes):
        _check_size(len(text), filename)
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, col = position(text[:exc.start].decode("utf-8", "replace"), -1)
            raise fail(filename, _("byte {byte} is not UTF-8 text; save the file as UTF-8")
                       .format(byte=f"0x{text[exc.start]:02x}"), line, col) from None
    _check_size(len(text), filename)
    text = text.removeprefix("\ufeff")
    bad = NOT_PRINTABLE.search(text)
    if bad:
        char = bad.group()
        message = _("the file contains a NUL byte (is this a binary file?); a scenario file is "
                    "plain text") if char == "\0" else \
            _("the file contains the unprintable character {code}; a scenario file is plain "
              "text").format(code=f"U+{ord(char):04X}")
        raise fail(filename, message, *position(text, bad.start()))
    return text


def position(text: str, index: int) -> Pos:
    """1-based line and column of text[index]; index -1 means just past the end."""
    index = len(text) if index < 0 else index
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1
