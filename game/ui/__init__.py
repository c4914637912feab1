"""The pygame-ce window: the App loop, the scene stack, screens, widgets and the theme.

Only this package imports pygame. Public entry points for `main.py`:
`game.ui.app.run_app(argv) -> int` and `game.ui.display.display_available()`.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
