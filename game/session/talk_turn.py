"""One team's part in the talks, worked out once for every front end.

`talk_turn(session, role)` gives, as plain data, what the window, the text mode and the
hosted pages show a team about the talks: whether they are open (and why not), the
issues with their options numbered once, the proposals waiting for the team's answer
(each as a package and as a conditional trade, with whether accepting is open), the
team's own open proposals, the messages it may read and the AI delegations' reasons it
may read, the agreement and its terms. `send(session, role, ...)` sends a message and
returns None, or the refusal in words. Private to `role`: never shown on a shared screen
(accepting may name the team's exact support). Rules: docs/rules.md, "The talks".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from game.model.actions import IllegalAction, Talk
from game.model.results import Refusal, RefusalKind
from game.model.state import Package
from game.rules.talks import open_proposals, proposals_to, sent_this_round, support_problem
from game.rules.talks import talks_open as closed_reason
from game.words import _, reasoning_line, refusal_line
from game.words.talks import (
    agreement_line,
    issue_name,
    option_name,
    package_lines,
    talk_heading,
    talk_line,
    term_record_line,
    trade_sentence,
)

if TYPE_CHECKING:
    from game.session.session import Session


class OptionItem(NamedTuple):
    """One option of an issue: `number` counts from 1 within the issue; `closed` says why
    it may not be proposed (it failed ratification), else ""."""

    number: int
    id: str
    name: str
    closed: str


class IssueItem(NamedTuple):
    """One issue and its options, in the scenario's order (`number` counts from 1)."""

    number: int
    id: str
    name: str
    description: str
    options: tuple[OptionItem, ...]


class ProposalItem(NamedTuple):
    """A proposal the team may answer or withdraw.

    `id` the message number; `sender`, `to` role ids; `terms` the package; `lines` the
    package issue by issue; `trade` the package as a conditional trade for the team;
    `heading` its number and round; `waiting` the addressees yet to accept;
    `accept_closed` why the team may not accept it ("" if it may)."""

    id: int
    sender: str
    to: tuple[str, ...]
    terms: Package
    lines: tuple[str, ...]
    trade: str
    heading: str
    waiting: tuple[str, ...]
    accept_closed: str


class TalkTurn(NamedTuple):
    """A team's part in the talks now (see the module docstring).

    `exists` False when the scenario has no negotiation (then nothing else matters);
    `closed` why the team may not send a message now ("" if it may), as words, and
    `refusal` the same as data; `left` messages it may still send this round; `parties`
    the other delegations it may address, in role order; `issues`; `waiting` proposals
    to answer; `mine` its own open proposals; `history` the messages it may read, as
    sentences, oldest first; `reasons` the AI delegations' reasons it may read this round;
    `agreement` a sentence on the agreement; `terms` the agreement's terms as they run."""

    exists: bool
    closed: str
    refusal: Refusal | None
    left: int
    parties: tuple[str, ...]
    issues: tuple[IssueItem, ...]
    waiting: tuple[ProposalItem, ...]
    mine: tuple[ProposalItem, ...]
    history: tuple[str, ...]
    reasons: tuple[str, ...]
    agreement: str
    terms: tuple[str, ...]


def talk_turn(session: Session, role: str) -> TalkTurn:
    """`role`'s part in the talks now; KeyError for a role the scenario does not have."""
    game, state = session.game, session.state
    if role not in game.role_index:
        raise KeyError(role)
    t = game.talks
    if t is None:
        return TalkTurn(False, _("This scenario has no talks over terms."), None, 0, (), (), (),
                        (), (), (), "", ())
    refusal = closed_reason(state, game)
    if refusal is None and role not in t.parties:
        refusal = Refusal(RefusalKind.NOT_IN_TALKS, (role,))
    left = max(0, t.spec.messages_per_round - sent_this_round(state, role))
    closed = refusal_line(game, refusal) if refusal is not None else ""
    if not closed and left == 0:
        closed = _("You have sent all your messages for this round.")
    view = session.view(role)
    return TalkTurn(
        True, closed, refusal, left, tuple(r for r in t.parties if r != role),
        _issues(session, state.rejected),
        tuple(_item(session, role, p.message, p.waiting, True)
              for p in proposals_to(state, role)),
        tuple(_item(session, role, p.message, p.waiting, False)
              for p in open_proposals(state) if p.message.sender == role),
        tuple(talk_line(game, m) for m in view.talks),
        tuple(reasoning_line(game, n.role, n) for n in session.talk_notes(role)),
        agreement_line(game, state.agreement),
        tuple(term_record_line(game, r) for r in state.terms),
    )


def _issues(session: Session, rejected: frozenset) -> tuple[IssueItem, ...]:
    game = session.game
    out = []
    for n, issue in enumerate(game.talks.spec.issues, 1):
        options = tuple(
            OptionItem(k, o.id, option_name(game, issue.id, o.id),
                       _("failed ratification earlier; out of the talks")
                       if (issue.id, o.id) in rejected else "")
            for k, o in enumerate(issue.options, 1))
        out.append(IssueItem(n, issue.id, issue_name(game, issue.id), issue.description, options))
    return tuple(out)


def _item(session: Session, role: str, m, waiting: tuple[str, ...], answering: bool) -> ProposalItem:
    game, state = session.game, session.state
    why = ""
    if answering and (r := support_problem(state, game, role, m.terms)) is not None:
        why = refusal_line(game, r)
    return ProposalItem(m.id, m.sender, m.to, m.terms, tuple(package_lines(game, m.terms)),
                        trade_sentence(game, m.terms, role), talk_heading(m), waiting, why)


def send(session: Session, role: str, kind: str, ref: int = 0, to: tuple[str, ...] = (),
         terms: Package = ()) -> str | None:
    """Send `role`'s message (see `game.model.actions.Talk`); the AI delegations then
    answer. Returns None when it was sent, or why not in words (nothing changes then)."""
    try:
        session.talk(Talk(role, kind, ref, tuple(to), tuple(terms)))
    except IllegalAction as exc:
        return refusal_line(session.game, exc.refusal)
    return None


def package_from_choices(session: Session, choices: dict[str, str]) -> Package:
    """A package from issue id -> option id choices, in the scenario's issue order; issues
    left out take their first option (the status quo)."""
    t = session.game.talks
    return tuple((i, choices.get(i, t.options[i][0])) for i in t.issues)


__all__ = ["IssueItem", "OptionItem", "ProposalItem", "TalkTurn", "package_from_choices", "send",
           "talk_turn"]
