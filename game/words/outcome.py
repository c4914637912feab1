"""How a finished game ended, in words: the ending's name and text, and each score part.

The rules give an `Outcome` as data (`game.model.state.Outcome`): the ending's id, the
round and, per role, `ScorePart`s naming an ending or an objective by id. The words come
from the scenario (endings and objectives are written by its author) and, for the
facilitator's stop, from here.
"""

from __future__ import annotations

from game.model.results import ScoreKind, ScorePart
from game.rules.endings import STOPPED
from game.words.deal import broken_terms_label, terms_label, walk_away_label
from game.words.i18n import _
from game.words.names import scenario_of


def outcome_name(game, outcome) -> str:
    """The ending's name: `Game-changer`, or `Stopped by the facilitator in round 4`."""
    if outcome.ending == STOPPED:
        return _("Stopped by the facilitator in round {round}").format(round=outcome.round)
    return _ending(game, outcome.ending).name


def outcome_text(game, outcome) -> str:
    """What the ending means, as the scenario tells it (or the stop's own words)."""
    if outcome.ending == STOPPED:
        return _("The facilitator ended the game before it ran its course. No ending points "
                 "are given; each team's objectives are scored as they stood.")
    return _ending(game, outcome.ending).text


def score_label(game, outcome, role: str, part: ScorePart) -> str:
    """What one part of `role`'s score in `outcome` is for: `Ending: Game-changer`,
    `Objective met: …`, `Objective missed: …`, and the talks' parts: `The agreed terms`,
    `No agreement: walk-away value`, `Terms broken (2)`."""
    sc = scenario_of(game)
    if part.kind == ScoreKind.ENDING:
        return _("Ending: {name}").format(name=outcome_name(sc, outcome))
    if part.kind == ScoreKind.TERMS:
        return terms_label()
    if part.kind == ScoreKind.WALK_AWAY:
        return walk_away_label()
    if part.kind == ScoreKind.BROKEN_TERMS:
        return broken_terms_label(int(part.ref) if part.ref.isdigit() else 0)
    spec = sc.role(role) if role in sc.role_ids else None
    text = next((o.text for o in (spec.objectives if spec else ()) if o.id == part.ref), part.ref)
    return (_("Objective met: {text}") if part.met
            else _("Objective missed: {text}")).format(text=text)


def _ending(game, ending_id: str):
    sc = scenario_of(game)
    return next(e for e in sc.endings if e.id == ending_id)
