"""Détente from a checkout: `python main.py COMMAND ...` runs `game.cli.main` (see its help)."""

import sys

from game.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
