"""What a package puts at stake for one team in the talks, in the same words on every front.

A team's confidential instructions, as a negotiation role-play gives them: its own value
for each option, its walk-away value now (`game.rules.values.walk_away`) and what a
package is worth to it against that; the ratification an option needs (the exact odds
only for the role that must ratify, with the words of the orders menu's stakes in
`game.words.stakes`; for the others only the public fact); and what accepting does to a
public demand the team stands by. Everything here but the ratification fact and the
demand's audience cost is PRIVATE to the team named: never put it on a shared screen.

The hosted pages build a package in the browser, so they fill in `WORTH`, `COMPARE` and
`OPTION_VALUE` themselves (game/net/texts.py sends these very messages).
"""

from __future__ import annotations

from game.model.state import GameState, Package
from game.rules.compiled import CompiledScenario
from game.rules.demands import audience_cost
from game.rules.values import walk_away
from game.words.i18n import N_, _, ngettext
from game.words.names import action_name, role_name
from game.words.stakes import ODDS
from game.words.talks import option_name

#: A package against no agreement; no unit, so no plural form is needed.
WORTH = N_("This package is worth {value} to you; no agreement is worth {away} now.")
#: The comparison after `WORTH`: better, the same, worse.
COMPARE = {1: N_("It is better for you than no agreement."),
           0: N_("It is worth the same to you as no agreement."),
           -1: N_("It is worse for you than no agreement.")}
#: An option with the team's own value.
OPTION_VALUE = N_("worth {value} to you")
#: The walk-away value alone.
WALK_AWAY = N_("No agreement is worth {away} to you now: a package must beat it to be worth "
               "taking. Your values are private to your team.")
#: The public fact that an option must be ratified by another delegation.
NEEDS_RATIFICATION = N_("{option} needs ratification by {role} before the package enters into "
                        "force.")
#: The same for the team that must ratify it: followed by `ODDS`.
YOU_RATIFY = N_("{option} needs ratification by you before the package enters into force.")


def worth_line(game: CompiledScenario, state: GameState, role: str, package: Package) -> str:
    """'This package is worth 19 to you; no agreement is worth 14 now. It is better ...'."""
    value = game.talks.package_value(package, role)
    away = walk_away(state, game, role)
    sign = (value > away) - (value < away)
    return _(WORTH).format(value=value, away=away) + " " + _(COMPARE[sign])


def walk_away_line(game: CompiledScenario, state: GameState, role: str) -> str:
    """The team's walk-away value now, as a sentence (private to `role`)."""
    return _(WALK_AWAY).format(away=walk_away(state, game, role))


def option_value(game: CompiledScenario, role: str, issue: str, option: str) -> int:
    """`role`'s own value for one option, in points (0 if the scenario gives none)."""
    return game.talks.option(issue, option).values.get(role, 0)


def ratification_line(game: CompiledScenario, state: GameState, viewer: str, issue: str,
                      option: str) -> str:
    """What `option` needs before it enters into force, as `viewer` may read it: the exact
    odds if `viewer` must ratify it (private), the public fact otherwise, or ""."""
    rat = game.talks.option(issue, option).ratification
    if rat is None:
        return ""
    name = option_name(game, issue, option)
    if rat.role != viewer:
        return _(NEEDS_RATIFICATION).format(option=name, role=role_name(game, rat.role))
    support = state.support[viewer]
    return _(YOU_RATIFY).format(option=name) + " " + _(ODDS).format(
        odds=rat.chance(support), support_label=game.scenario.role(viewer).domestic_label,
        support=support)


def ratification_lines(game: CompiledScenario, state: GameState, viewer: str,
                       package: Package) -> list[str]:
    """`ratification_line` for each option of a package that needs ratification."""
    return [line for issue, option in package
            if (line := ratification_line(game, state, viewer, issue, option))]


def demand_notes(game: CompiledScenario, state: GameState, role: str) -> list[str]:
    """What accepting a package does to each public demand `role` stands by: an agreement
    does not set a demand aside, so it still stands, and the order that sets it aside with
    its audience cost now. [] when the team stands by no demand."""
    sc = game.scenario
    label = sc.role(role).domestic_label
    out = []
    for demand in sc.demands:
        if (role, demand.id) not in state.demands:
            continue
        cost = audience_cost(state, demand, role)
        line = _("Accepting a package does not set aside your public demand for {name}: it "
                 "still stands after an agreement.").format(name=demand.name)
        setters = [a.id for a in sc.actions if a.drops_demand == demand.id]
        if setters:
            line += " " + ngettext(
                "To set it aside, order “{order}”. Backing down now costs {cost} point "
                "of support at home ({label}).",
                "To set it aside, order “{order}”. Backing down now costs {cost} points "
                "of support at home ({label}).", cost).format(
                order=action_name(game, setters[0]), cost=cost, label=label)
        out.append(line)
    return out




#: What a team reads once its message is sent, by kind; `{n}` the proposal's number (for
#: propose and counter, the new proposal's own number).
SENT = {"propose": N_("Sent proposal {n}."), "counter": N_("Sent counter-proposal {n}."),
        "accept": N_("You accepted proposal {n}."), "decline": N_("You declined proposal {n}."),
        "withdraw": N_("You withdrew proposal {n}.")}


def sent_line(kind: str, n: int) -> str:
    """'Sent proposal 4.': a message just sent, in the same words on every front."""
    return _(SENT[kind]).format(n=n)


__all__ = ["COMPARE", "OPTION_VALUE", "SENT", "WORTH", "demand_notes", "option_value",
           "ratification_line", "ratification_lines", "sent_line", "walk_away_line",
           "worth_line"]
