"""The game's assets, installed as the package `game.assets` (see setup.py).

This folder holds data only: themes (theme*.json), fonts/ with their licences, and the
message catalogues in locale/. The game finds them through game.resources."""
