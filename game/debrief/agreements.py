"""The agreements a table reached in its talks, and their terms, for the class debrief.

This is the one place the class debrief reads agreements from a session. A game whose
state records no agreements (a case without a negotiation phase, or a save made before
agreements were recorded) gives None, and the class debrief then says in words that there
is no agreement data, rather than that no agreement was reached.

The state is read duck-typed: `state.agreements` as a sequence of items each carrying
`round` (int), `parties` (role ids) and `terms` (words, or objects with a `text` or
`name`), and optionally `status` (for example "kept" or "broken").
"""

from __future__ import annotations

from dataclasses import dataclass

from game.words import role_name


@dataclass(frozen=True, slots=True)
class AgreementFact:
    """One agreement as the class debrief shows it: when, between whom, on what terms."""

    round: int
    parties: tuple[str, ...]  # the parties' names, in words
    terms: tuple[str, ...]
    status: str = ""


def agreements_of(session) -> tuple[AgreementFact, ...] | None:
    """The agreements a game reached, or None if its state records no agreement data."""
    found = getattr(session.state, "agreements", None)
    if found is None:
        return None
    sc = session.scenario
    return tuple(AgreementFact(
        round=int(getattr(a, "round", 0)),
        parties=tuple(role_name(sc, p) for p in getattr(a, "parties", ())),
        terms=tuple(_term(t) for t in getattr(a, "terms", ())),
        status=str(getattr(a, "status", "") or "")) for a in found)


def _term(term) -> str:
    """A term in words: its `text`, its `name`, or the term itself."""
    return str(getattr(term, "text", None) or getattr(term, "name", None) or term)
