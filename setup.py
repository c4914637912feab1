"""Which packages the build installs; everything else about the build is in pyproject.toml.

The checkout keeps its data at the top level (scenarios/, assets/), but installed it must
live inside the package, or it would land in site-packages/scenarios beside everyone
else's files. `package_dir` maps each data folder onto a package of its own
(game.scenarios, game.assets) and maps `detente` (for `python -m detente`) onto
game/cli/detente. setuptools applies the same map to an editable install, so
importlib.resources finds the files in a checkout and in a wheel alike (game.resources).
The list is found, never written out, so a new package or data folder under game/ is
installed without a change here; every non-Python file in one is package data
(pyproject.toml).
"""

from setuptools import find_namespace_packages, setup

MAPPED = {"game.scenarios": "scenarios", "game.assets": "assets", "detente": "game/cli/detente"}
SKIP = ["*__pycache__*", "*.egg-info*"]


def packages() -> list[str]:
    """game and every folder under it, then each mapped folder and the folders under it."""
    found = find_namespace_packages(include=["game", "game.*"], exclude=[*SKIP, "game.cli.detente"])
    for name, folder in MAPPED.items():
        found += [name, *(f"{name}.{sub}" for sub in find_namespace_packages(folder, exclude=SKIP))]
    return found


setup(packages=packages(), package_dir=MAPPED)
