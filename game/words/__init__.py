"""The words players read, shared by the text mode, the window and the debrief.

Every user-facing string passes through `_` (gettext-ready, see `game.words.i18n`), and
every id, ledger entry, refusal, AI reason and score part becomes words here, once, from
its data (`game.model.results`), so that the same entry reads the same on every screen
and in every language. Functions take the pydantic `Scenario` (or any object with a
`.scenario` attribute holding one, such as a compiled scenario) and return plain strings.
Nothing here imports the UI, the text mode or pygame.
"""

from __future__ import annotations

from game.words.i18n import N_, _, ngettext
from game.words.ledger import (
    cause_heading,
    cause_title,
    commitment_line,
    ledger_groups,
    ledger_line,
    ledger_lines,
    response_line,
)
from game.words.names import (
    action_label,
    band_name,
    ending_name,
    event_title,
    family_name,
    meter_label,
    milestone_name,
    move_label,
    points,
    role_name,
    status_name,
)
from game.words.outcome import outcome_name, outcome_text, score_label
from game.words.prose import prose
from game.words.reasoning import reason_text, reasoning_line
from game.words.refusals import refusal_line, why_not

__all__ = [
    "N_", "_", "ngettext", "action_label", "band_name", "cause_heading", "cause_title",
    "commitment_line", "ending_name", "event_title", "family_name", "ledger_groups",
    "ledger_line", "ledger_lines", "meter_label", "milestone_name", "move_label",
    "outcome_name", "outcome_text", "points", "prose", "reason_text", "reasoning_line",
    "refusal_line", "response_line", "role_name", "score_label", "status_name", "why_not",
]
