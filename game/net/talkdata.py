"""The talks on the hosted pages: a team's part as page data, the public agreement, and a
talk message read from what a page sends.

`team_talks(session, role)` is `role`'s own `talk_turn` (game.session.talk_turn) as
JSON-ready data, role ids named in words beside them: nothing in it comes from outside
that turn, so a page never holds another team's proposal unless it was addressed to it
(or the scenario's talks are public). `public_talks(session)` is what every screen may
show, the projector's board included: the agreement and its terms, never a proposal.
`talk_move(role, data)` checks a message's shape and makes the `Talk` move; the rules
then judge it. Both data functions give None for a scenario without talks (no panel).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game import words
from game.model.actions import TALK_KINDS, Talk
from game.session.talk_turn import ProposalItem, TalkTurn, talk_turn
from game.words import _
from game.words.talks import agreement_line, package_terms, term_record_line

if TYPE_CHECKING:
    from game.session.session import Session

MAX_REF = 10**6  # far above the messages any game can hold


class TalkShapeError(ValueError):
    """A talk message whose shape is wrong (not a refusal of the rules); str() is the words."""


def team_talks(session: Session, role: str) -> dict | None:
    """`role`'s part in the talks as its page shows it, or None without talks."""
    turn = talk_turn(session, role)
    return None if not turn.exists else turn_data(session, turn)


def turn_data(session: Session, turn: TalkTurn) -> dict:
    """A `TalkTurn` as plain data: `closed` (words, "" when the team may send), `left`,
    `parties` [{id, name}], `issues` [{number, id, name, description, options: [{number,
    id, name, closed, value, ratify, binds}]}], `waiting` and `mine` (proposals, see `_proposal`),
    `history`, `reasons`, `agreement` and `terms` (sentences); the team's own
    `walk_away` value now and `walk_away_line`, `demand_notes` and `sent` (sentences). Private to
    the team: its own values only, never another team's."""
    sc = session.scenario
    return {
        "closed": turn.closed, "left": turn.left,
        "parties": [{"id": r, "name": words.role_name(sc, r)} for r in turn.parties],
        "issues": [{"number": i.number, "id": i.id, "name": i.name,
                    "description": i.description.strip(),
                    "options": [{**o._asdict(), "binds": package_terms(sc, ((i.id, o.id),))}
                                for o in i.options]} for i in turn.issues],
        "waiting": [_proposal(session, p) for p in turn.waiting],
        "mine": [_proposal(session, p) for p in turn.mine],
        "history": list(turn.history), "reasons": list(turn.reasons),
        "agreement": turn.agreement, "terms": list(turn.terms),
        "walk_away": turn.walk_away, "walk_away_line": turn.walk_away_line,
        "demand_notes": list(turn.demand_notes), "sent": turn.sent,
    }


def _proposal(session: Session, p: ProposalItem) -> dict:
    sc = session.scenario
    return {"id": p.id, "heading": p.heading, "sender": p.sender,
            "sender_name": words.role_name(sc, p.sender), "to": list(p.to),
            "to_names": [words.role_name(sc, r) for r in p.to],
            "terms": dict(p.terms), "lines": list(p.lines), "trade": p.trade,
            "waiting": [words.role_name(sc, r) for r in p.waiting],
            "accept_closed": p.accept_closed, "value": p.value, "worth": p.worth,
            "warnings": list(p.warnings)}


def public_talks(session: Session) -> dict | None:
    """The talks as every screen may show them: {agreement, terms}; None without talks."""
    if session.game.talks is None:
        return None
    state, game = session.state, session.game
    return {"agreement": agreement_line(game, state.agreement),
            "terms": [term_record_line(game, r) for r in state.terms]}


def talk_move(session: Session, role: str, data: dict) -> Talk:
    """The `Talk` a page's request asks for: `kind` (propose, counter, accept, decline,
    withdraw), `ref` (the proposal answered or withdrawn, else 0), `to` (role ids, for a
    proposal) and `terms` ({issue id: option id}; issues left out keep the status quo).
    TalkShapeError, in words, for a request no page sends; the rules judge the rest."""
    if session.game.talks is None:
        raise TalkShapeError(_("This scenario has no talks over terms."))
    kind, ref = data.get("kind"), data.get("ref", 0)
    to, terms = data.get("to", []), data.get("terms", {})
    if kind not in TALK_KINDS:
        raise TalkShapeError(_("A talk message is one of: {kinds}.").format(kinds=", ".join(TALK_KINDS)))
    if not isinstance(ref, int) or isinstance(ref, bool) or not 0 <= ref <= MAX_REF:
        raise TalkShapeError(_("Name the proposal answered by its number."))
    if not isinstance(to, list) or not all(isinstance(r, str) for r in to) \
            or not set(to) <= set(session.game.role_index):
        raise TalkShapeError(_("Address a proposal to delegations of this game."))
    t = session.game.talks
    options = t.options
    if not isinstance(terms, dict) or not all(
            isinstance(i, str) and isinstance(o, str) and i in options and o in options[i]
            for i, o in terms.items()):
        raise TalkShapeError(_("Choose one of the listed options for each issue."))
    package = ()
    if kind in ("propose", "counter"):
        package = tuple((i, terms.get(i, options[i][0])) for i in t.issues)
    return Talk(role, kind, ref, tuple(to) if kind == "propose" else (), package)


__all__ = ["TalkShapeError", "public_talks", "talk_move", "team_talks", "turn_data"]
