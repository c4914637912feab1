"""The `detente` package: `python -m detente` runs Détente's command line (game.cli.main).

It is built from this folder (see setup.py), so an installed game answers to
`python -m detente` as well as to the `detente` command."""
