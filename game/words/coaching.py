"""The coach's words about a case's central choice: the public demand, the guarantee that
needs ratification, the assurance that does not, and backing down.

`game.debrief.coach` finds the facts (who demands, who can answer, what the team did and
when); the sentences are made here, once, for every screen and the debrief.
"""

from __future__ import annotations

from typing import NamedTuple

from game.words.i18n import _, ngettext
from game.words.names import commitment_name, demand_name, family_name, role_name
from game.words.report import and_list


class ChoiceMove(NamedTuple):
    """One move of a team on the central choice: `kind` is guarantee, assurance, set_aside,
    backed_down or demand; `odds` and `passed` only for a guarantee; `cost` (the support
    backing down cost, as the ledger recorded it) only for set_aside and backed_down."""

    round: int
    kind: str
    odds: int | None = None
    passed: bool = False
    cost: int | None = None  # support lost by backing down (a finished game only)


def alternative_words(label: str) -> str:
    """Where an alternative to a team's orders came from: a plausible way to play the seat."""
    return _("a plausible alternative for this seat: {p}").format(p=label)


def dilemma_words(sc, role: str, demand, guarantee, assurance, demanders: list[str],
                  giver: str | None, moves: list[ChoiceMove], holds: bool,
                  finished: bool = True) -> str:
    """The central choice for `role` and what it did about it, in a short paragraph.

    `demand`: the DemandSpec; `guarantee`/`assurance`: the ActionSpecs that meet it or make
    backing down easier (or None); `demanders`: the roles standing by it; `giver`: the role
    that can offer the guarantee; `holds`: the demand still stands for `role` at the end."""
    if not demanders:
        return ""
    who = role_name(sc, demanders[0])
    want = demand_name(sc, demand.id)
    out = [_("The central choice: {who} stood by a public demand for {d}.").format(who=who, d=want)]
    g = commitment_name(sc, guarantee.id) if guarantee is not None else None
    a = commitment_name(sc, assurance.id) if assurance is not None else None
    if giver is not None and g and a:
        out.append(_("{giver} could meet it with a {g}, which needs ratification at home and "
                     "rarely passes, or answer with a {a}, which needs no vote and is worth less "
                     "to {who}.").format(giver=role_name(sc, giver), g=g, a=a, who=who))
    if a:
        out.append(_("{who} could keep the demand, or back down and set it aside once it held "
                     "the {a}: backing down costs support at home, less the more assurance and "
                     "insight it has.").format(who=who, a=a))
    else:
        out.append(_("{who} could keep the demand or back down, at a cost in support at "
                     "home.").format(who=who))
    out += [_move_words(sc, m, g, a) for m in moves]
    if role in demanders:
        if holds:
            out.append(_("You kept the demand to the end.") if finished else
                       _("Your demand still stands."))
        elif not any(m.kind in ("set_aside", "backed_down") for m in moves):
            out.append(_("Your demand was met."))
    elif role == giver:
        if not any(m.kind in ("guarantee", "assurance") for m in moves):
            out.append(_("You offered neither the guarantee nor the assurance."))
    else:
        out.append(_("The choice was not yours to make, but your orders could make it easier "
                     "or harder for both of them."))
    return " ".join(out)


def _move_words(sc, move: ChoiceMove, g: str | None, a: str | None) -> str:
    n = move.round
    if move.kind == "guarantee":
        verdict = _("it was ratified") if move.passed else _("the vote failed")
        if move.odds is None:
            return _("In round {n} you offered the {g}; {v}.").format(n=n, g=g, v=verdict)
        return _("In round {n} you offered the {g} with odds of {p}% at the vote; {v}.").format(
            n=n, g=g, p=move.odds, v=verdict)
    if move.kind == "assurance":
        return _("In round {n} you gave the {a} instead of a guarantee.").format(n=n, a=a)
    if move.kind == "set_aside":
        if move.cost is None:
            return _("In round {n} you backed down: you set the demand aside.").format(n=n)
        return ngettext("In round {n} you backed down: you set the demand aside, at a cost of "
                        "{c} point of support at home.",
                        "In round {n} you backed down: you set the demand aside, at a cost of "
                        "{c} points of support at home.", move.cost).format(n=n, c=move.cost)
    if move.kind == "backed_down":
        if move.cost is None:
            return _("In round {n} you backed down: you joined cooperation while the demand "
                     "stood.").format(n=n)
        return ngettext("In round {n} you backed down: you joined cooperation while the demand "
                        "stood, at a cost of {c} point of support at home.",
                        "In round {n} you backed down: you joined cooperation while the demand "
                        "stood, at a cost of {c} points of support at home.",
                        move.cost).format(n=n, c=move.cost)
    return _("In round {n} you made the demand again.").format(n=n)


def fewer_decisions(n: int) -> str:
    """Under a team's coached decisions when fewer than the coach's three moved anything:
    why the list is short (the score moves in whole objectives and endings)."""
    return ngettext("Only this decision moved your score or the ending. Every other alternative "
                    "tried, round by round, would have left both as they were: the score counts "
                    "the ending and the objectives met, so most single decisions do not change it.",
                    "Only these {n} decisions moved your score or the ending. Every other "
                    "alternative tried, round by round, would have left both as they were: the "
                    "score counts the ending and the objectives met, so most single decisions do "
                    "not change it.", n).format(n=n)


#: "8 cooperation steps": a number of orders of one family, by family.
_FAMILY_STEPS = {
    "transparency": lambda n: ngettext("{n} transparency step", "{n} transparency steps", n),
    "assurance": lambda n: ngettext("{n} assurance step", "{n} assurance steps", n),
    "cooperation": lambda n: ngettext("{n} cooperation step", "{n} cooperation steps", n),
    "pressure": lambda n: ngettext("{n} pressure step", "{n} pressure steps", n),
    "home_front": lambda n: ngettext("{n} step on the home front", "{n} steps on the home front",
                                     n),
}


def moves_summary(families: list[tuple[str, int]], accepted: int, offers: int) -> str:
    """What an AI seat did, in whole sentences: its orders by family, most first ("8
    cooperation steps, 3 transparency steps and 1 assurance step"), and its answers."""
    if not families and not offers:
        return _("It had not moved yet.")
    steps = [(_FAMILY_STEPS[f](n) if f in _FAMILY_STEPS
              else ngettext("{n} {family} step", "{n} {family} steps", n)).format(
                  n=n, family=family_name(f)) for f, n in families]
    out = [_("In the game its orders were {steps}.").format(steps=and_list(steps)) if steps
           else _("In the game it gave no orders.")]
    out.append(ngettext("It accepted {a} of the {n} offer it received.",
                        "It accepted {a} of the {n} offers it received.", offers).format(
                            a=accepted, n=offers) if offers else _("It received no offers."))
    return " ".join(out)


def odds_note(label: str, stakes: str) -> str:
    """Under a guided step: an order's ratification odds as the menu shows them now."""
    return _("{order}: {stakes}").format(order=label, stakes=stakes)


def no_conditions() -> str:
    """Under a guided step, before anyone has said anything in the talks."""
    return _("No delegation has said anything in the talks yet; open the talks to read their "
             "conditions as they come.")


__all__ = ["ChoiceMove", "alternative_words", "dilemma_words", "fewer_decisions", "moves_summary",
           "no_conditions", "odds_note"]
