"""Terminal input and output for the text mode: hidden input, hand-offs, and piped scripts.

Output is wrapped to the terminal's width, and falls back to plain ASCII on a stream that
cannot encode the text (a Windows console page, or cp1252 redirected to a file). Input is
cleaned of control characters and undecodable bytes, so a stray key never reaches a prompt
as anything but text it can refuse.
"""

from __future__ import annotations

import getpass
import os
import shutil
import sys
import textwrap
import unicodedata
from typing import TextIO

from game.textui.terminal import CLEAR, clear_screen, drop_typed_ahead, plain_ascii
from game.words import _, prose

__all__ = ["CLEAR", "Console", "EndOfInput", "clean", "plain_ascii", "wrap"]


class EndOfInput(Exception):
    """Standard input ended before the game did."""


def clean(line: str) -> str:
    """A typed line without control or format characters, and without surrounding spaces."""
    return "".join(ch for ch in line if unicodedata.category(ch)[0] != "C").strip()


def wrap(line: str, width: int) -> list[str]:
    """One logical line wrapped to `width` columns; an indented line's continuations are
    indented two more, an unindented one's (prose) are not.
    A word longer than the width (a path, a command) stays whole on a line of its own."""
    if len(line) <= width or not line.strip():
        return [line.rstrip()]
    indent = line[:len(line) - len(line.lstrip())]
    hang = indent + "  " if indent else ""  # items hang under their first line; prose does not
    return textwrap.wrap(line, width, subsequent_indent=hang, break_on_hyphens=False,
                         break_long_words=False) or [""]  # a path or command stays whole


class Console:
    """Reads answers and prints lines; hides typed input from the room when it is a terminal.

    `width` fixes the wrapping width (default: the terminal's width, read at each line)."""

    def __init__(self, inp: TextIO | None = None, out: TextIO | None = None,
                 interactive: bool | None = None, width: int | None = None) -> None:
        if inp is None and hasattr(sys.stdin, "reconfigure"):
            sys.stdin.reconfigure(errors="replace")  # a bad byte becomes '\ufffd', not an error
        self.inp = inp or sys.stdin
        self.out = out or sys.stdout
        self.interactive = self.inp.isatty() if interactive is None else interactive
        self.width = width
        self.encoding = getattr(self.out, "encoding", None) or "utf-8"

    def columns(self) -> int | None:
        """The width lines are wrapped to: the terminal's (or $COLUMNS), less one, and at
        least 40; None (no wrapping) for output to a file or pipe without $COLUMNS, which a
        script may read line by line."""
        if self.width:
            return self.width
        if not self._out_is_terminal() and not os.environ.get("COLUMNS", "").isdigit():
            return None
        return max(40, shutil.get_terminal_size((80, 24)).columns - 1)

    def fit(self, text: str) -> str:
        """`text` as the output stream can encode it: unchanged, or in plain ASCII."""
        try:
            text.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return plain_ascii(text)
        return text

    def say(self, *lines: str) -> None:
        """Print lines, each wrapped to the terminal's width. Text with line breaks in it is
        scenario prose: it is reflowed, keeping only its paragraph breaks."""
        width = self.columns()
        for line in lines:
            line = str(line)
            for part in prose(line).split("\n") if "\n" in line else [line]:
                for piece in wrap(part, width) if width else [part]:
                    self.out.write(self.fit(piece) + "\n")
        self.out.flush()

    def ask(self, prompt: str, hidden: bool = False) -> str:
        """Read one answer, cleaned (see `clean`); hidden answers are not echoed on a terminal.

        Raises EndOfInput when the input has ended."""
        width = self.columns()
        if width and len(prompt) > width:  # all but the last wrapped line go out as lines
            *lines, prompt = wrap(prompt, width)
            self.say(*lines)
            prompt += " "
        prompt = self.fit(prompt)
        if self.interactive and hidden:
            try:
                return clean(getpass.getpass(prompt, stream=self.out))
            except EOFError:
                raise EndOfInput from None
        self.out.write(prompt)
        self.out.flush()
        try:
            line = self.inp.readline()
        except UnicodeDecodeError:
            line = "\ufffd\n"  # bytes in no known encoding: an answer no prompt accepts
        if not line:
            raise EndOfInput
        if not self.interactive:
            self.out.write(self.fit(line.rstrip("\n")) + "\n")
        return clean(line)

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question until it gets `y`/`yes` or `n`/`no` (any case)."""
        while True:
            answer = self.ask(_("{question} [y/n] ").format(question=question)).lower()
            if answer in (_("y"), _("yes"), "y", "yes"):
                return True
            if answer in (_("n"), _("no"), "n", "no"):
                return False
            self.say(_("Please answer y (yes) or n (no)."))

    def clear(self) -> None:
        """Clear the screen and the scrollback (on a terminal) or print a divider (elsewhere)."""
        if self._on_terminal():
            clear_screen(self.out)
        else:
            self.say("-" * 60)

    def _on_terminal(self) -> bool:
        return self.interactive and self._out_is_terminal()

    def _out_is_terminal(self) -> bool:
        try:
            return self.out.isatty()
        except (AttributeError, ValueError):
            return False

    def hand_off(self, team: str) -> None:
        """Ask the room to pass the keyboard to one team, showing nothing private yet.

        Keys typed ahead before the prompt (the last team's extra Enter) are discarded on a
        terminal, so they cannot open the next team's screen while the last team is there."""
        self.clear()
        self.say(_("Pass to the {team} team.").format(team=team))
        self._drop_typed_ahead()
        self.ask(_("{team} team: press Enter when only your team can see the screen. ").format(
            team=team))

    def _drop_typed_ahead(self) -> None:
        if self.interactive:
            drop_typed_ahead(self.inp)
