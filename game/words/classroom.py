"""The words of the class debrief: what each table's game came to, and the questions that
the differences between tables raise.

Each question is one whole sentence. Its verb agrees with the tables that did something
(`ngettext` on their number); the tables that did not are named in a clause of their own
("at Table 4 it never happened"), so no verb has to agree with two lists at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.words.i18n import _, ngettext
from game.words.report import and_list


def class_title(title: str) -> str:
    """`Class debrief: Missile defence in Europe, 2011`."""
    return _("Class debrief: {title}").format(title=title)


def tables_line(tables: int, unfinished: int) -> str:
    """How many games are compared, and how many of them are still unfinished."""
    line = ngettext("One table's game.", "{n} tables' games, side by side.", tables).format(n=tables)
    if unfinished:
        line += " " + ngettext(
            "{n} of them is not over, so it shows only what the room could see: no scores.",
            "{n} of them are not over, so they show only what the room could see: no scores.",
            unfinished).format(n=unfinished)
    return line


def at_round(table: str, round_no: int) -> str:
    """`Table 2 (round 3)`: a table and the round something happened there."""
    return _("{table} (round {n})").format(table=table, n=round_no)


def table_ending(name: str | None, round_no: int) -> str:
    """A table's ending, or where its unfinished game stands."""
    return name if name else _("not over: round {n}").format(n=round_no)


def demand_status(fate: str, round_no: int | None, made: int) -> str:
    """What became of a demand at one table: `set aside in round 3`, `met in round 6`,
    `still standing`; a demand made during the game says when it was made."""
    said = {"set_aside": _("set aside in round {n}"), "met": _("met in round {n}"),
            "standing": _("still standing")}[fate].format(n=round_no)
    if made:
        return _("made in round {made}; {what}").format(made=made, what=said)
    return said


def never_demanded() -> str:
    """A demand that never stood at a table."""
    return _("never made")


def milestone_status(first: int | None, operating: bool) -> str:
    """A milestone at one table: `operating since round 4`, `operated from round 4, not at
    the end`, or `never operated`."""
    if first is None:
        return _("never operated")
    if operating:
        return _("operating since round {n}").format(n=first)
    return _("operated from round {n}, not at the end").format(n=first)


def demand_question(did: Sequence[str], never: Sequence[str], role: str, demand: str) -> str:
    """`Table 2 (round 3) set aside Moscow's demand (a legal guarantee); at Table 4 it was
    never set aside: why?`"""
    return ngettext(
        "{did} set aside {role}'s demand ({demand}); at {never} it was never set aside: why?",
        "{did} set aside {role}'s demand ({demand}); at {never} it was never set aside: why?",
        len(did)).format(did=and_list(did), role=role, demand=demand, never=and_list(never))


def milestone_question(did: Sequence[str], never: Sequence[str], milestone: str) -> str:
    """`Table 1 (round 4) got Joint exercises operating; at Table 3 it never operated: what
    stood in the way?`"""
    return ngettext(
        "{did} got {milestone} operating; at {never} it never operated: what stood in the way?",
        "{did} got {milestone} operating; at {never} it never operated: what stood in the way?",
        len(did)).format(did=and_list(did), milestone=milestone, never=and_list(never))


def ending_question(first: Sequence[str], first_ending: str, other: Sequence[str],
                    other_ending: str) -> str:
    """`Table 1 ended in Game-changer; at Table 3 the game ended in Breakdown: which
    decisions made the difference?`"""
    return ngettext(
        "{first} ended in {a}; at {other} the game ended in {b}: which decisions made the difference?",
        "{first} ended in {a}; at {other} the games ended in {b}: which decisions made the difference?",
        len(other)).format(first=and_list(first), a=first_ending, other=and_list(other), b=other_ending)


def same_ending_question(ending: str) -> str:
    """Every finished table reached the same ending."""
    return _("Every finished table ended in {ending}: was it the only sensible ending, or did "
             "every table miss the same chance?").format(ending=ending)


def score_question(role: str, high: int, high_at: Sequence[str], low: int, low_at: Sequence[str]) -> str:
    """`Moscow scored 14 at Table 1 and 3 at Table 4: what did Moscow do differently at Table 1?`"""
    return _("{role} scored {high} at {hi} and {low} at {lo}: what did {role} do differently "
             "at {hi}?").format(role=role, high=high, hi=and_list(high_at), low=low, lo=and_list(low_at))


def broken_question(did: Sequence[str], others: Sequence[str]) -> str:
    """`Table 3 broke a commitment (...); at Table 1 every commitment held: what led to the
    breach, and what did it cost?`"""
    return ngettext(
        "{did} broke a commitment; at {others} none was broken: what led to the breach, and what "
        "did it cost in trust?",
        "{did} broke commitments; at {others} none was broken: what led to the breaches, and what "
        "did they cost in trust?",
        len(did)).format(did=and_list(did), others=and_list(others))


def broken_at(table: str, commitments: Sequence[tuple[str, str]]) -> str:
    """`Table 3 (Written political assurance, by Washington)`: a table and what was broken
    there, from (commitment name, the delegation that broke it) pairs."""
    what = "; ".join(_("{name}, by {who}").format(name=name, who=who) for name, who in commitments)
    return _("{table} ({what})").format(table=table, what=what)


def grit_question(did: Sequence[str], never: Sequence[str]) -> str:
    """`Table 2 (round 1) returned a concession within the round; at Table 4 no concession
    was returned: what did the early step change?`"""
    return ngettext(
        "{did} returned a concession within the round (GRIT); at {never} no concession was "
        "returned that way: what did the matched steps change?",
        "{did} returned a concession within the round (GRIT); at {never} no concession was "
        "returned that way: what did the matched steps change?",
        len(did)).format(did=and_list(did), never=and_list(never))


def agreement_question(did: Sequence[str], none: Sequence[str]) -> str:
    """Tables that reached an agreement, and tables that reached none."""
    return ngettext(
        "{did} reached an agreement; at {none} no agreement was reached: what was on the table, "
        "and why did it close or not?",
        "{did} reached agreements; at {none} no agreement was reached: what was on the table, "
        "and why did it close or not?",
        len(did)).format(did=and_list(did), none=and_list(none))


def agreement_line(round_no: int, parties: Sequence[str], terms: Sequence[str], status: str) -> str:
    """`Round 4: Washington and Moscow agreed on: a data exchange; observers at tests (kept)`."""
    line = _("Round {n}: {parties} agreed on: {terms}").format(
        n=round_no, parties=and_list(parties), terms="; ".join(terms) or _("no terms recorded"))
    return _("{line} ({status})").format(line=line, status=status) if status else line


def no_agreement_data() -> str:
    """Shown where a game's save records no agreements at all."""
    return _("No agreement data: this game's save records no negotiated agreements, so only "
             "its actions and commitments can be compared.")


def no_agreement() -> str:
    """Shown for a table whose game records agreements but reached none."""
    return _("No agreement was reached.")


def no_differences() -> str:
    """When the tables' games differ in nothing the questions look at."""
    return _("The tables' games differ in nothing these questions look at: ask each table "
             "which moment it would play differently, and why.")


def table_label(n: int) -> str:
    """`Table 3`: the default name of the third game given."""
    return _("Table {n}").format(n=n)
