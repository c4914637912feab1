"""What the standing public demands put at stake, and what a round did to them, for the
text mode's board. What one team's own orders put at stake (ratification odds, the cost
of backing down) comes with its menu from the turn service (`game.session.turns`).

The words are `game.words.stakes`, shared with the window and the hosted pages."""

from __future__ import annotations

from game.model.actions import Action
from game.model.state import GameState, RoundRecord
from game.rules.compiled import CompiledScenario
from game.words import _
from game.words.stakes import demand_lines as shared_demand_lines

__all__ = ["demand_lines", "demand_news"]


def demand_lines(state: GameState, game: CompiledScenario) -> list[str]:
    """Each standing public demand, indented for the board, with what backing down costs now."""
    return [_("  {line}").format(line=line) for line in shared_demand_lines(state, game)]


def demand_news(before: frozenset, after: frozenset, record: RoundRecord,
                game: CompiledScenario) -> list[str]:
    """The public demands a round made, met or saw backed down from, for every team to read.

    `before` and `after` are the (role, demand) pairs standing at the round's start and
    end. Backing down is public (the order or the answer that did it is revealed); what
    it cost at home is not, so no amount is named."""
    names = {d.id: d.name for d in game.scenario.demands}
    lines = []
    for role, demand in sorted(after - before):
        lines.append(_("  {team} makes a public demand: {demand}").format(
            team=game.names[role], demand=names[demand]))
    for role, demand in sorted(before - after):
        text = (_("  {team} backed down from its public demand: {demand}")
                if _backed_down(record, game, role, demand)
                else _("  {team}'s public demand was met: {demand}"))
        lines.append(text.format(team=game.names[role], demand=names[demand]))
    return [_("Public demands this round:"), *lines] if lines else []


def _backed_down(record: RoundRecord, game: CompiledScenario, role: str, demand: str) -> bool:
    """True if the role took, or accepted, a step that drops the demand or backs down from it."""
    spec = game.demands[demand]
    steps = {a.action_id for a in record.orders if a.role == role}
    steps |= {Action.from_text(key).action_id for who, key, ok in record.responses
              if ok and who == role}
    return any(game.action(a).drops_demand == demand or a in spec.backed_down_by
               for a in steps if a in game.action_index)
