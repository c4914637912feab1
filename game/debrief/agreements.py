"""The agreements a table reached in its talks, and their terms, for the class debrief.

This is the one place the class debrief reads agreements from a session. A case with
talks gives its agreement (`state.agreement`) as its terms in words. A game whose state
records no agreements (a case without a negotiation phase) gives None, and the class
debrief then says in words that there is no agreement data, rather than that no
agreement was reached.

The state is read duck-typed: `state.agreements` as a sequence of items each carrying
`round` (int), `parties` (role ids) and `terms` (words, or objects with a `text` or
`name`), and optionally `status` (for example "kept" or "broken").
"""

from __future__ import annotations

from dataclasses import dataclass

from game.words import _, role_name
from game.words.talks import package_lines


@dataclass(frozen=True, slots=True)
class AgreementFact:
    """One agreement as the class debrief shows it: when, between whom, on what terms."""

    round: int
    parties: tuple[str, ...]  # the parties' names, in words
    terms: tuple[str, ...]
    status: str = ""


def agreements_of(session) -> tuple[AgreementFact, ...] | None:
    """The agreements a game reached, or None if its state records no agreement data.

    A game of a case with talks gives its agreement (`state.agreement`: the package, its
    parties and whether it is in force, failed ratification or still pending), or none."""
    found = getattr(session.state, "agreements", None)
    if found is None and getattr(session.scenario, "negotiation", None) is not None:
        return _talks_agreement(session)
    if found is None:
        return None
    sc = session.scenario
    return tuple(AgreementFact(
        round=int(getattr(a, "round", 0)),
        parties=tuple(role_name(sc, p) for p in getattr(a, "parties", ())),
        terms=tuple(_term(t) for t in getattr(a, "terms", ())),
        status=str(getattr(a, "status", "") or "")) for a in found)


def _talks_agreement(session) -> tuple[AgreementFact, ...]:
    a = getattr(session.state, "agreement", None)
    if a is None:
        return ()
    sc = session.scenario
    status = {"in_force": _("in force"), "failed": _("not ratified"),
              "pending": _("awaiting ratification")}.get(a.status, a.status)
    return (AgreementFact(a.concluded, tuple(role_name(sc, p) for p in a.parties),
                          tuple(package_lines(sc, a.terms)), status),)


def _term(term) -> str:
    """A term in words: its `text`, its `name`, or the term itself."""
    return str(getattr(term, "text", None) or getattr(term, "name", None) or term)
