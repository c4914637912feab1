"""The parser of every command line in the game: a wrong flag or value is one line.

    error: text: argument --seed: invalid int value: 'abc'; see: python main.py text --help

argparse prints its usage block and then `prog: error: ...`; a player who mistyped one
flag needs the problem and where to read more, nothing else. `Parser` is used for the
command line (game.cli.main, whose sub-commands are made from it too, so the text mode's,
the lab's and the host's options are parsed by it) and the window (game.ui.app). It
exits with status 2, as argparse does, and an argument left over is reported by the
command it was given to, not by the top-level parser.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, NoReturn

from game import program
from game.words.i18n import _


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line naming the command and its help.

    `command` names the command in the message ("play" for the window); without it the
    name is read from `prog`, which for a sub-command is the program and the command."""

    def __init__(self, *args: Any, command: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.command = command

    def command_name(self) -> str:
        """The command this parser reads, such as `text`; "" for the top-level parser."""
        if self.command is not None:
            return self.command
        prefix = program.name()
        return self.prog.removeprefix(prefix).strip() if self.prog.startswith(prefix) else ""

    def error(self, message: str) -> NoReturn:
        self.exit(2, error_line(self.command_name(), message) + "\n")

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._innermost(parsed).error(
                _("unrecognized arguments: %s") % " ".join(extras))
        return parsed

    def _innermost(self, parsed: argparse.Namespace) -> argparse.ArgumentParser:
        """The sub-command's parser that took the arguments, else this one."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(parsed, action.dest, None) or "")
                if isinstance(chosen, Parser):
                    return chosen._innermost(parsed)
                if chosen is not None:
                    return chosen
        return self


def error_line(command: str, problem: str) -> str:
    """The one line for an argument that cannot be used, with the help to read."""
    if command:
        return _("error: {command}: {problem}; see: {program} {command} --help").format(
            command=command, problem=problem, program=program.name())
    return _("error: {problem}; see: {program} --help").format(
        problem=problem, program=program.name())

