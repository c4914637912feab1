"""The pygame-ce window: the App loop, the scene stack, screens, widgets and the theme.

Only this package imports pygame. Entry points for `main.py`:

- `game.ui.display.display_available() -> (bool, reason)`: whether a window can be
  opened; `reason` is a one-line explanation when it cannot (fall back to text mode).
- `game.ui.app.run_app(argv) -> int`: open the window and play; `argv` are the window's
  options without the program name: `--scale S` (1.0-2.0), `--high-contrast`,
  `--windowed`, `--scenario FILE`, `--screenshot DIR` (render every screen of a
  scripted game, of the `--scenario` given if any, to PNG with the dummy driver),
  `--quit-after SECONDS` (benchmarks).
  Options apply to that run only; they are never saved.

Environment: `DETENTE_CONFIG_DIR` (settings directory), `DETENTE_DATA_DIR` (saves,
read by the engine), `DETENTE_FIRST_FRAME_FILE` and `DETENTE_STATS_FILE` (benchmark
markers, see bench/bench_ui.py).

Layout: `app` (loop; registers every screen by name), `scene` (the stack, its
lifecycle, the `Host` protocol scenes use and the `Screens` registry), `focus`
(keyboard focus), `base`/`widgets`/`containers` (widgets), `theme`/`layout`/`context`
(look, sizes and fonts), `identity` (each delegation's colour and emblem), `settings`,
`display`, `waiting` (sleeping without polling), `services` (sessions and errors from
the engine), `screens/` (title, settings, new game, notice), `play/` (the game's
screens, the public board, the flow and the timer), `screenshots`. No module of this
package imports another in a cycle (tests/ui/test_import_graph.py).
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
