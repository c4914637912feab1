"""Terminal input and output for the text mode: hidden input, hand-offs, and piped scripts."""

from __future__ import annotations

import getpass
import sys
from typing import TextIO


class EndOfInput(Exception):
    """Standard input ended before the game did."""


class Console:
    """Reads answers and prints lines; hides typed input from the room when it is a terminal."""

    def __init__(self, inp: TextIO | None = None, out: TextIO | None = None,
                 interactive: bool | None = None) -> None:
        self.inp = inp or sys.stdin
        self.out = out or sys.stdout
        self.interactive = self.inp.isatty() if interactive is None else interactive

    def say(self, *lines: str) -> None:
        """Print lines."""
        for line in lines:
            print(line, file=self.out)
        self.out.flush()

    def ask(self, prompt: str, hidden: bool = False) -> str:
        """Read one answer; hidden answers are not echoed on a terminal."""
        if self.interactive and hidden:
            try:
                return getpass.getpass(prompt, stream=self.out).strip()
            except EOFError:
                raise EndOfInput from None
        print(prompt, end="", file=self.out, flush=True)
        line = self.inp.readline()
        if not line:
            raise EndOfInput
        if not self.interactive:
            print(line.rstrip("\n"), file=self.out)
        return line.strip()

    def clear(self) -> None:
        """Clear the screen between teams (on a terminal) or print a divider (in a script)."""
        if self.interactive:
            self.out.write("\033[2J\033[H")
            self.out.flush()
        else:
            self.say("-" * 60)

    def hand_off(self, team: str) -> None:
        """Ask the room to pass the keyboard to one team, showing nothing private yet."""
        self.clear()
        self.say(f"Pass to the {team} team.")
        self.ask(f"{team} team: press Enter when only your team can see the screen. ")
