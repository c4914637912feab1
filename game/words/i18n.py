"""Translation hooks: every user-facing string passes through `_` here.

`_(message)` looks the message up in the gettext catalogue for the current language
(`assets/locale/<lang>/LC_MESSAGES/detente.mo`, found through game.resources) and returns
it unchanged when there is no catalogue, which is the case for English, the language the
game is written in.
"""

from __future__ import annotations

import gettext

from game.resources import locale_dir

LOCALE_DIR = locale_dir()
DOMAIN = "detente"

_translation = gettext.translation(DOMAIN, localedir=LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    """`message` in the player's language; the message itself when no catalogue has it."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for the count `n`, translated if possible."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's extractor looks for
    """Mark `message` for the catalogue without translating it yet (for tables of words,
    which are translated with `_` when they are read)."""
    return message
