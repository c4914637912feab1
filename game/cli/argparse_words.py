"""argparse's own words in the game's language: `usage:`, the headings of the help, the
help of -h and --version, and the option errors argparse writes itself.

argparse looks its words up through its module's `_` and `ngettext` (gettext's, bound
at import); `install()` points them at the game's catalogue, so `--help` and a wrong
option read in the language `--lang` chose. The messages are listed here with `N_` so
that `make extract` takes them into the catalogue; their %-placeholders are argparse's.
"""

from __future__ import annotations

import argparse

from game.words.i18n import N_, _, ngettext

#: The words of argparse (Python 3.10-3.13) a player can meet.
WORDS = (
    N_("usage: "), N_("options"), N_("positional arguments"),
    N_("show this help message and exit"), N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"), N_("expected one argument"),
    N_("expected at most one argument"), N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"), N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"), N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _plurals() -> None:  # pragma: no cover - never called; it marks argparse's plural words
    ngettext("expected %s argument", "expected %s arguments", 1)


def install() -> None:
    """Let argparse look its words up in the game's catalogue, in the current language."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
