"""`python -m detente COMMAND ...`: the same commands as the `detente` command and main.py."""

import sys

from game.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
