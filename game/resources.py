"""Every file the game ships with, found through `importlib.resources`.

The checkout keeps the bundled files at its top level (`scenarios/`, `assets/`); the build
installs them as the packages `game.scenarios` and `game.assets` (see setup.py), and an
editable install maps the same names onto the checkout's folders. So one lookup works in
a checkout, an editable install and a wheel, and nothing here knows where the checkout is:

    scenario_dir()      game.scenarios: the bundled scenario files (*.yaml) and tutorials/
    schema_file()       game.scenarios/scenario.schema.json, the scenario JSON Schema
    assets_dir()        game.assets: themes (theme*.json) and fonts/ with their licences
    locale_dir()        game.assets/locale/<lang>/LC_MESSAGES/detente.mo, the catalogues
    static_dir()        game.net/static: the hosted classroom's pages, scripts and style
    bundled(relative)   a path as the checkout spells it (scenarios/x.yaml) -> the file
    missing()           why the game's files cannot be found (one line), or None

Each returns a `pathlib.Path` on the file system: fonts, the web server's static files and
gettext all need real files, and pip always installs a wheel unpacked. A user's own
scenarios are not here: they live in the data folder (game.session.saves.data_dir).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path, PurePosixPath

SCENARIOS = "game.scenarios"
ASSETS = "game.assets"
STATIC = ("game.net", "static")  # a folder of the game.net package, not a package itself

#: The checkout's top-level data folders, and the package each is installed as.
FOLDERS = {"scenarios": SCENARIOS, "assets": ASSETS}


class ResourceError(RuntimeError):
    """The game's own files cannot be found: the installation is incomplete or zipped."""


def missing() -> str | None:
    """Why the game's own files cannot be found, in one line with the fix, or None.

    A checkout run without installing it (not even `pip install -e .`) has no
    game.scenarios or game.assets: only the build maps the folders into the package."""
    try:
        for package in (SCENARIOS, ASSETS):
            _folder(package)
    except ModuleNotFoundError:
        return (f"the game's own files ({package}) are not installed; in a checkout, install "
                "it with 'pip install -e .' (make play does), or reinstall the package")
    except ResourceError as exc:
        return str(exc)
    return None


def _folder(package: str, *parts: str) -> Path:
    """The folder `parts` inside `package`, on the file system."""
    root = files(package)
    if not isinstance(root, Path):  # only a zipped install (zipimport) gives anything else
        raise ResourceError(f"the game's files in {package} are not on the file system ({root}); "
                            "reinstall Détente with pip or pipx, which unpack them")
    return root.joinpath(*parts)


def scenario_dir() -> Path:
    """The folder of bundled scenario files (`*.yaml`), with their tutorials in `tutorials/`."""
    return _folder(SCENARIOS)


def schema_file() -> Path:
    """The scenario JSON Schema that editors use to autocomplete scenario files."""
    return scenario_dir() / "scenario.schema.json"


def assets_dir() -> Path:
    """The folder of themes (`theme.json`, `theme-high-contrast.json`) and `fonts/`."""
    return _folder(ASSETS)


def locale_dir() -> Path:
    """The gettext catalogue folder (`<lang>/LC_MESSAGES/detente.mo`); it may not exist yet."""
    return assets_dir() / "locale"


def static_dir() -> Path:
    """The hosted classroom's pages, scripts and style sheet."""
    return _folder(*STATIC)


def bundled(relative: str | Path) -> Path | None:
    """The bundled file a path names as the checkout spells it (`scenarios/x.yaml`,
    `assets/theme.json`), or None if the path starts elsewhere. Saves of older versions
    record their scenario this way."""
    parts = PurePosixPath(str(relative).replace("\\", "/")).parts  # as saved on any system
    if len(parts) < 2 or parts[0] not in FOLDERS or ".." in parts:
        return None
    return _folder(FOLDERS[parts[0]], *parts[1:])
