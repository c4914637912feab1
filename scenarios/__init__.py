"""The bundled scenarios, installed as the package `game.scenarios` (see setup.py).

This folder holds data only: scenario files (*.yaml), their tutorials (tutorials/) and the
scenario JSON Schema. The game finds them through game.resources."""
