"""Deals and their scores in words: the agreed terms, the walk-away values, what was possible.

Values are private to each role while a game runs, so these sentences are for the end of a
game only (the debrief, the end screens) and for the author's tools (the lab, the
frontier command). Each function takes data (the scenario, points, a package) and returns
one whole sentence or label in the player's language.
"""

from __future__ import annotations

from game.words.i18n import _, ngettext
from game.words.names import role_name
from game.words.talks import option_name, package_text, roles_text


def terms_label() -> str:
    """The score part of a party of an agreement in force."""
    return _("The agreed terms")


def walk_away_label() -> str:
    """The score part of a role with no agreement in force."""
    return _("No agreement: walk-away value")


def broken_terms_label(n: int) -> str:
    """`Terms broken (2)`: the score part lost for terms broken."""
    return _("Terms broken ({n})").format(n=n)


def deal_heading() -> str:
    """The debrief's section on the negotiation."""
    return _("The deal")


def in_force_line(game, parties, round_no: int, terms) -> str:
    """`Washington and Moscow agreed in round 4, and the agreement entered into force: ...`."""
    return _("{parties} agreed in round {round}, and the agreement entered into force: "
             "{terms}.").format(parties=roles_text(game, parties), round=round_no,
                                terms=package_text(game, terms))


def not_ratified_line(game, parties, round_no: int, terms, issue: str, option: str) -> str:
    """A package agreed whose ratification failed."""
    return _("{parties} agreed in round {round} on {terms}, but it was not ratified: "
             "{option} failed at home, so the agreement fell.").format(
        parties=roles_text(game, parties), round=round_no, terms=package_text(game, terms),
        option=option_name(game, issue, option))


def pending_line(game, parties, round_no: int, terms) -> str:
    """A package agreed in the last round, whose ratification never came."""
    return _("{parties} agreed in round {round} on {terms}, but the game ended before it "
             "could be ratified.").format(parties=roles_text(game, parties), round=round_no,
                                          terms=package_text(game, terms))


def no_agreement_line(proposals: int, failed: int) -> str:
    """Why there is no agreement: never agreed (with how many proposals), or agreed but failed."""
    if failed:
        return ngettext("No agreement: a package was agreed but failed ratification, and no "
                        "other was agreed after it.",
                        "No agreement: {n} packages were agreed but failed ratification, and "
                        "no other was agreed after them.", failed).format(n=failed)
    if proposals:
        return ngettext("No agreement: {n} proposal was made, but no package was accepted by "
                        "every delegation it was put to.",
                        "No agreement: {n} proposals were made, but no package was accepted by "
                        "every delegation it was put to.", proposals).format(n=proposals)
    return _("No agreement: no package was ever proposed.")


def value_line(game, role: str, value: int, away: int, party: bool) -> str:
    """What one role got against its walk-away value."""
    name = role_name(game, role)
    gain = value - away
    if not party:
        return _("{role}: walk-away value {away} (no agreement for it).").format(role=name,
                                                                                 away=away)
    if gain > 0:
        return _("{role}: {value} points from the terms against a walk-away value of {away}: "
                 "{gain} better than no agreement.").format(role=name, value=value, away=away,
                                                           gain=gain)
    if gain < 0:
        return _("{role}: {value} points from the terms against a walk-away value of {away}: "
                 "{gain} worse than no agreement.").format(role=name, value=value, away=away,
                                                          gain=-gain)
    return _("{role}: {value} points from the terms, the same as its walk-away value.").format(
        role=name, value=value)


def efficiency_line(efficiency: float, efficient: bool, left: int) -> str:
    """How far the deal was from the best packages possible."""
    if efficient:
        return _("Pareto efficiency {eff:.0%}: no other package was better for one delegation "
                 "without being worse for another.").format(eff=efficiency)
    return ngettext("Pareto efficiency {eff:.0%}: {left} point was left on the table; another "
                    "package was at least as good for every delegation and better for one.",
                    "Pareto efficiency {eff:.0%}: {left} points were left on the table; another "
                    "package was at least as good for every delegation and better for one.",
                    left).format(eff=efficiency, left=left)


def best_packages_line(game, count: int) -> str:
    """The heading of the frontier in the debrief."""
    return ngettext("The best package possible (no other is better for one without being worse "
                    "for another):",
                    "The {n} best packages possible (none better for one without being worse "
                    "for another):", count).format(n=count)


def no_zone_line() -> str:
    """When no package beat no agreement for every delegation."""
    return _("No package was better than no agreement for every delegation.")


def points_for(game, values: dict[str, int]) -> str:
    """`Washington 12, Moscow 9, NATO 7`."""
    return ", ".join(_("{role} {points}").format(role=role_name(game, r), points=v)
                     for r, v in values.items())


def term_status_words(status: str) -> str:
    """A term's fate in the words-and-deeds table."""
    return {"kept": _("kept"), "broken": _("broken"), "active": _("running")}.get(status, status)


def decision_agreed(game, parties, terms) -> str:
    """A turning point: a package agreed."""
    return _("{parties} agreed on a package: {terms}").format(
        parties=roles_text(game, parties), terms=package_text(game, terms))


def decision_declined(game, role: str, sender: str) -> str:
    """A turning point: a proposal refused."""
    return _("{role} refused {sender}'s proposal").format(role=role_name(game, role),
                                                         sender=role_name(game, sender))


def decision_countered(game, role: str, sender: str, terms) -> str:
    """A turning point: a proposal countered, with the options it changed."""
    return _("{role} countered {sender}'s proposal, asking instead for: {terms}").format(
        role=role_name(game, role), sender=role_name(game, sender),
        terms=package_text(game, terms))


def decision_not_ratified(game, role: str, issue: str, option: str) -> str:
    """A turning point: a ratification that failed."""
    return _("{role} failed to ratify {option}, and the agreement fell").format(
        role=role_name(game, role), option=option_name(game, issue, option))


def decision_in_force(game) -> str:
    """A turning point: the agreement entered into force."""
    return _("The agreement entered into force")


def decision_set_aside(game, role: str, demand: str) -> str:
    """A turning point: a demand set aside."""
    return _("{role} set aside its demand: {demand}").format(role=role_name(game, role),
                                                            demand=demand)


def decision_line(round_no: int, what: str) -> str:
    """`Round 3: Moscow refused Washington's proposal.`"""
    return _("Round {round}: {what}.").format(round=round_no, what=what)


def frontier_row(game, terms, values: dict[str, int]) -> str:
    """One efficient package with each role's value, for the frontier command."""
    return _("{terms}\n    values: {points}").format(terms=package_text(game, terms),
                                                      points=points_for(game, values))


def walk_away_row(game, away: dict[str, int]) -> str:
    """Every role's walk-away value, for the frontier command."""
    return _("Walk-away values (no agreement): {points}").format(points=points_for(game, away))


def frontier_heading(count: int) -> str:
    """The frontier command's heading."""
    return ngettext("{n} efficient package (better than no agreement for every delegation, "
                    "none better for one without being worse for another):",
                    "{n} efficient packages (better than no agreement for every delegation, "
                    "none better for one without being worse for another):",
                    count).format(n=count)
