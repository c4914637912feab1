"""The window's words: the same functions the text mode and the debrief use, from `game.words`.

Kept as one import point for the window's scenes; nothing here has words of its own.
"""

from __future__ import annotations

from game.words import (
    action_label,
    cause_title,
    ledger_groups,
    ledger_line,
    meter_label,
    milestone_name,
    points,
    prose,
    reasoning_line,
    response_line,
    role_name,
)

#: The names the window's scenes have always used.
source_label = cause_title
note_line = reasoning_line

__all__ = ["action_label", "cause_title", "ledger_groups", "ledger_line", "meter_label",
           "milestone_name", "note_line", "points", "prose", "reasoning_line",
           "response_line", "role_name", "source_label"]
