"""Translation hooks: every user-facing string passes through `_` here.

`_(message)` looks the message up in the gettext catalogue of the current language
(`assets/locale/<lang>/LC_MESSAGES/detente.mo`, found through game.resources) and returns
it unchanged when there is no catalogue, which is the case for English, the language the
game is written in.

The language is chosen at run time, never at import time:

    set_language("ru")          the whole program from now on (the command line does this
                                from --lang, the window's Settings or the environment)
    with language("en"): ...    one call site, one thread or one asyncio task only (a
                                hosted team page reading its own language); it rests on a
                                context variable, so pages served at once never mix
    current_language()          the language `_` translates into here and now
    available()                 the languages with a catalogue, English first

`_` and `ngettext` read the current language at each call, so a string translated at
import time (a module-level constant) stays English: mark such strings with `N_` and
translate them where they are shown.
"""

from __future__ import annotations

import contextlib
import gettext
import os
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache

from game.resources import locale_dir

DOMAIN = "detente"
#: The language the game is written in; it needs no catalogue.
SOURCE = "en"
#: The environment variables that name a language, in gettext's order.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class UnknownLanguage(ValueError):
    """A language the game has no catalogue for; the message names the ones it has."""

    def __init__(self, asked: str) -> None:
        self.asked = asked
        super().__init__(f"unknown language {asked!r}; available: {', '.join(available())}")


def _locale_dir() -> str:
    return str(locale_dir())


@cache
def available() -> tuple[str, ...]:
    """Every language the game can be played in: English, then each compiled catalogue."""
    try:
        found = sorted(p.name for p in locale_dir().iterdir()
                       if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
    except OSError:
        found = []
    return (SOURCE, *(lang for lang in found if lang != SOURCE))


def normalise(name: str) -> str:
    """`ru_RU.UTF-8` -> `ru_RU` -> `ru` as the game knows it, or the name tidied if unknown."""
    base = name.split(".")[0].split("@")[0].replace("-", "_").strip()
    if base in ("C", "POSIX", ""):
        return SOURCE
    for candidate in (base, base.split("_")[0].lower()):
        if candidate in available():
            return candidate
    return base


def check_language(name: str) -> str:
    """The language `name` stands for; raises UnknownLanguage if the game has none such."""
    lang = normalise(name)
    if lang not in available():
        raise UnknownLanguage(name)
    return lang


def from_environment(environ: os._Environ | dict[str, str] | None = None) -> str:
    """The first language the environment asks for that the game has, else English.

    LANGUAGE may list several (`ru:de`); an empty variable is skipped, as gettext does."""
    environ = os.environ if environ is None else environ
    for variable in ENVIRONMENT:
        value = environ.get(variable, "")
        if not value:
            continue
        for name in value.split(":"):
            lang = normalise(name)
            if lang in available():
                return lang
        if variable != "LANGUAGE":  # the first locale variable that is set decides
            return SOURCE
    return SOURCE


def from_accept_language(header: str | None) -> str | None:
    """The language a browser asks for first (`ru-RU,ru;q=0.9,en;q=0.8`) that the game
    has, or None."""
    wishes = []
    for i, part in enumerate((header or "").split(",")[:20]):
        name, _sep, params = part.strip().partition(";")
        try:
            weight = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            weight = 0.0
        if name and name != "*" and weight > 0:
            wishes.append((-weight, i, normalise(name)))
    return next((lang for _w, _i, lang in sorted(wishes) if lang in available()), None)


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """The catalogue of one language (English: none, so every message stays as written)."""
    if lang == SOURCE:
        return gettext.NullTranslations()
    found = gettext.translation(DOMAIN, localedir=_locale_dir(), languages=[lang], fallback=True)
    return _without_gaps(found)


def _without_gaps(found: gettext.NullTranslations) -> gettext.NullTranslations:
    """The catalogue less its empty translations, so an untranslated message stays English.

    Babel compiles a plural message that no one has translated yet as empty strings, which
    gettext would show as nothing at all."""
    catalogue = getattr(found, "_catalog", None)
    if catalogue is not None:
        plural_ids = {key[0] for key, text in catalogue.items() if isinstance(key, tuple) and not text}
        for key in [k for k in catalogue if isinstance(k, tuple) and k[0] in plural_ids]:
            del catalogue[key]
    return found


_process_language = SOURCE
_local: ContextVar[str | None] = ContextVar("detente_language", default=None)


def set_language(lang: str) -> str:
    """Translate into `lang` from now on, everywhere; returns the language as the game
    knows it. Raises UnknownLanguage for a language without a catalogue."""
    global _process_language
    _process_language = check_language(lang)
    return _process_language


def current_language() -> str:
    """The language `_` translates into here: a `language()` block's, else the program's."""
    return _local.get() or _process_language


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Translate into `lang` inside the block, in this thread or task only; None or an
    unknown language keeps the current one (a page's wish is never an error)."""
    try:
        chosen = check_language(lang) if lang else current_language()
    except UnknownLanguage:
        chosen = current_language()
    token = _local.set(chosen)
    try:
        yield chosen
    finally:
        _local.reset(token)


def _(message: str) -> str:
    """`message` in the current language; the message itself when no catalogue has it."""
    return translation(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count `n` in the current language (Russian has three)."""
    return translation(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's extractor looks for
    """Mark `message` for the catalogue without translating it yet (for tables of words,
    which are translated with `_` when they are read)."""
    return message
