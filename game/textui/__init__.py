"""The text mode: the same game in a terminal, for hot-seat play, screen readers and scripts."""

from __future__ import annotations

from game.textui.main import add_arguments, run_text

__all__ = ["add_arguments", "run_text"]
