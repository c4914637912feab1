"""The AI delegations' positions in neutral words, as students read them.

A persona's id ("holdout", "hardliner", ...) stays in files, flags and teachers' lab
reports; a student reads the position it plays instead. The seat a scenario gives a
persona by default (`default_seats`) is that role's position in the case, for example
"Moscow, 2011 position"; any other persona is named by how it bargains, in words that
neither praise nor blame ("holds firm", "wants it in writing").
"""

from __future__ import annotations

import re

from game.words.i18n import N_, _
from game.words.names import role_name

#: Persona id -> (a short neutral label, one line on how it plays).
PERSONA_WORDS: dict[str, tuple[str, str]] = {
    "reciprocator": (N_("step for step"),
                     N_("Opens with a small concession, then returns what each partner did "
                        "last round.")),
    "cooperative": (N_("accommodating"),
                    N_("Concedes every round and accepts every offer, whatever comes back.")),
    "hardliner": (N_("holds firm"),
                  N_("Makes demands, presses partners it distrusts, accepts only from the "
                     "trusted.")),
    "legalist": (N_("wants it in writing"),
                 N_("Wants guarantees in writing before it cooperates; offers them too.")),
    "opportunist": (N_("takes what is offered"),
                    N_("Takes concessions without returning them and answers pressure with "
                       "pressure; tests partners when no one concedes.")),
    "baseline": (N_("follows trust"),
                 N_("Cooperates with partners it trusts, presses those it does not.")),
    "assurer": (N_("offers assurances"),
                N_("Reciprocates; answers a demand it cannot meet with a written assurance "
                   "and openness.")),
    "holdout": (N_("keeps its demand until assured"),
                N_("Stands by its public demand until assurance, trust and insight let it set "
                   "it aside.")),
    "alliance": (N_("keeps the alliance together"),
                 N_("Keeps its members together, never presses an ally, follows partners into "
                    "cooperation.")),
}

#: Temperament id -> its words.
TEMPERAMENT_WORDS: dict[str, str] = {
    "soft": N_("softer"), "steady": N_("steady"), "hard": N_("harder"),
}

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _scenario(game):
    return getattr(game, "scenario", game)


def case_position(game, role: str) -> str:
    """`Moscow, 2011 position`: the role's position in the case (its default seat)."""
    sc = _scenario(game)
    year = _YEAR.search(sc.title or "")
    if year:
        return _("{role}, {year} position").format(role=role_name(sc, role), year=year.group(1))
    return _("{role}, the case's position").format(role=role_name(sc, role))


def persona_label(game, role: str | None, persona: str) -> str:
    """A neutral name for the persona `persona` (with an optional `:temperament`) playing
    `role`: the role's position in the case for its default seat, else how it bargains."""
    sc = _scenario(game)
    base, _sep, mood = persona.partition(":")
    seat = sc.default_seats.get(role) if role is not None and sc is not None else None
    if seat == persona:
        return case_position(sc, role)
    if seat == base:
        label = case_position(sc, role)
    else:
        words = PERSONA_WORDS.get(base)
        label = _(words[0]) if words else base
    if mood and mood != "steady":
        label = _("{label}, {temperament}").format(
            label=label, temperament=_(TEMPERAMENT_WORDS.get(mood, mood)))
    return label


def persona_blurb(persona: str) -> str:
    """One line on how a persona plays, or "" for an unknown one."""
    words = PERSONA_WORDS.get(persona.partition(":")[0])
    return _(words[1]) if words else ""


def persona_choices(game, role: str, names) -> dict[str, str]:
    """{persona id: neutral label} for a seat chooser of `role`, in the order given."""
    return {name: persona_label(game, role, name) for name in names}


__all__ = ["PERSONA_WORDS", "TEMPERAMENT_WORDS", "case_position", "persona_blurb",
           "persona_choices", "persona_label"]
