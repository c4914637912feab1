"""How Détente was started, so help and hints name the command the player typed, and its version.

    name()      "detente" (the installed command), "python -m detente" or "python main.py"
    version()   the installed distribution's version, from its metadata

Derived from `sys.argv[0]` on every call, so it holds in worker processes too and needs
no set-up by the entry points.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import PurePath, PureWindowsPath

DISTRIBUTION = "detente"
COMMAND = "detente"


def name(argv0: str | None = None) -> str:
    """The command line that starts Détente the way it was started this time.

    `argv0` is `sys.argv[0]` by default: a path to main.py (a checkout), to the package's
    __main__.py (`python -m detente`), or to the console script, which is `detente` on
    POSIX and `detente.exe` or `detente-script.py` on Windows."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    path = PureWindowsPath(argv0) if "\\" in argv0 else PurePath(argv0)
    if path.name == "main.py":
        return "python main.py"
    if path.name == "__main__.py":
        return f"python -m {COMMAND}"
    return COMMAND


def version() -> str:
    """The version of the installed game, such as `0.1.0`.

    A checkout that was never installed (not even editable) has no metadata; it says so."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown (not installed; run 'pip install -e .' in the checkout)"
