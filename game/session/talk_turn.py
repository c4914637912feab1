"""One team's part in the talks, worked out once for every front end.

`talk_turn(session, role)` gives, as plain data, what the window, the text mode and the
hosted pages show a team about the talks: whether they are open (and why not), the
issues with their options numbered once, the proposals waiting for the team's answer
(each as a package and as a conditional trade, with whether accepting is open), the
team's own open proposals, the messages it may read and the AI delegations' reasons it
may read, the agreement and its terms; and the team's confidential instructions: its own
value for each option, its walk-away value now, what each package is worth to it, the
ratification an option needs (its exact odds only for the team that must ratify) and what
accepting does to a public demand it stands by (`game.words.talk_stakes`).
`send(session, role, ...)` sends a message and returns None, or the refusal in words.
Private to `role`: never shown on a shared screen (it names the team's values and may name
its exact support). Rules: docs/rules.md, "The talks".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from game.model.actions import IllegalAction, Talk
from game.model.results import Refusal, RefusalKind
from game.model.state import Package
from game.rules.talks import open_proposals, proposals_to, sent_this_round, support_problem
from game.rules.talks import talks_open as closed_reason
from game.rules.values import walk_away
from game.words import _, reasoning_line, refusal_line
from game.words.talk_stakes import (
    demand_notes,
    option_value,
    ratification_line,
    ratification_lines,
    sent_line,
    walk_away_line,
    worth_line,
)
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
    it may not be proposed (it failed ratification), else ""; `value` the viewing team's
    own value for it (private); `ratify` the ratification it needs as the team may read it
    ("" if none)."""

    number: int
    id: str
    name: str
    closed: str
    value: int = 0
    ratify: str = ""


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
    `accept_closed` why the team may not accept it ("" if it may); `value` what it is
    worth to the team and `worth` the same against its walk-away value, in words (private);
    `warnings` what accepting puts at stake: ratification, and for a proposal to answer
    the team's standing public demands."""

    id: int
    sender: str
    to: tuple[str, ...]
    terms: Package
    lines: tuple[str, ...]
    trade: str
    heading: str
    waiting: tuple[str, ...]
    accept_closed: str
    value: int = 0
    worth: str = ""
    warnings: tuple[str, ...] = ()


class TalkTurn(NamedTuple):
    """A team's part in the talks now (see the module docstring).

    `exists` False when the scenario has no negotiation (then nothing else matters);
    `closed` why the team may not send a message now ("" if it may), as words, and
    `refusal` the same as data; `left` messages it may still send this round; `parties`
    the other delegations it may address, in role order; `issues`; `waiting` proposals
    to answer; `mine` its own open proposals; `history` the messages it may read, as
    sentences, oldest first; `reasons` the AI delegations' reasons it may read this round;
    `agreement` a sentence on the agreement; `terms` the agreement's terms as they run;
    `walk_away` the team's walk-away value now and `walk_away_line` in words (private);
    `demand_notes` what accepting a package does to the public demands it stands by;
    `sent` the team's latest message this round in words ('Sent proposal 4.'), or ""."""

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
    walk_away: int = 0
    walk_away_line: str = ""
    demand_notes: tuple[str, ...] = ()
    sent: str = ""


class PackageNotes(NamedTuple):
    """A package as the viewing team weighs it (see `package_notes`)."""

    value: int
    worth: str
    warnings: tuple[str, ...]


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
    valued = role in t.spec.walk_away
    return TalkTurn(
        True, closed, refusal, left, tuple(r for r in t.parties if r != role),
        _issues(session, role, state.rejected),
        tuple(_item(session, role, p.message, p.waiting, True)
              for p in proposals_to(state, role)),
        tuple(_item(session, role, p.message, p.waiting, False)
              for p in open_proposals(state) if p.message.sender == role),
        tuple(talk_line(game, m) for m in view.talks),
        tuple(reasoning_line(game, n.role, n) for n in session.talk_notes(role)),
        agreement_line(game, state.agreement),
        tuple(term_record_line(game, r) for r in state.terms),
        walk_away(state, game, role) if valued else 0,
        walk_away_line(game, state, role) if valued else "",
        tuple(demand_notes(game, state, role)),
        latest_words(session, role),
    )


def package_notes(session: Session, role: str, package: Package,
                  accepting: bool = True) -> PackageNotes:
    """What `package` is worth to `role` against its walk-away value, and what proposing or
    accepting it puts at stake for `role` (ratification; with `accepting`, its standing
    public demands). Private to `role`."""
    game, state = session.game, session.state
    worth = worth_line(game, state, role, package) if role in game.talks.spec.walk_away else ""
    warnings = ratification_lines(game, state, role, package)
    if accepting:
        warnings += demand_notes(game, state, role)
    return PackageNotes(game.talks.package_value(package, role), worth, tuple(warnings))


def _issues(session: Session, role: str, rejected: frozenset) -> tuple[IssueItem, ...]:
    game, state = session.game, session.state
    out = []
    for n, issue in enumerate(game.talks.spec.issues, 1):
        options = tuple(
            OptionItem(k, o.id, option_name(game, issue.id, o.id),
                       _("failed ratification earlier; out of the talks")
                       if (issue.id, o.id) in rejected else "",
                       option_value(game, role, issue.id, o.id),
                       ratification_line(game, state, role, issue.id, o.id))
            for k, o in enumerate(issue.options, 1))
        out.append(IssueItem(n, issue.id, issue_name(game, issue.id), issue.description, options))
    return tuple(out)


def _item(session: Session, role: str, m, waiting: tuple[str, ...], answering: bool) -> ProposalItem:
    game, state = session.game, session.state
    why = ""
    if answering and (r := support_problem(state, game, role, m.terms)) is not None:
        why = refusal_line(game, r)
    notes = package_notes(session, role, m.terms, accepting=answering)
    return ProposalItem(m.id, m.sender, m.to, m.terms, tuple(package_lines(game, m.terms)),
                        trade_sentence(game, m.terms, role), talk_heading(m), waiting, why,
                        *notes)


def send(session: Session, role: str, kind: str, ref: int = 0, to: tuple[str, ...] = (),
         terms: Package = ()) -> str | None:
    """Send `role`'s message (see `game.model.actions.Talk`); the AI delegations then
    answer. Returns None when it was sent, or why not in words (nothing changes then)."""
    try:
        session.talk(Talk(role, kind, ref, tuple(to), tuple(terms)))
    except IllegalAction as exc:
        return refusal_line(session.game, exc.refusal)
    return None


def last_sent(session: Session, role: str) -> int:
    """The number of the latest message `role` sent (0 if none): after `send`, the new
    proposal's number."""
    return next((m.id for m in reversed(session.state.talks) if m.sender == role), 0)


def sent_words(session: Session, role: str, kind: str, ref: int = 0) -> str:
    """What `role` reads once its message of `kind` is sent: 'Sent proposal 4.' names the
    new proposal (propose, counter), 'You accepted proposal 3.' the one answered."""
    return sent_line(kind, last_sent(session, role) if kind in ("propose", "counter") else ref)


def latest_words(session: Session, role: str) -> str:
    """`sent_words` for the latest message `role` sent this round, or "" if none."""
    state = session.state
    m = next((m for m in reversed(state.talks) if m.sender == role), None)
    if m is None or m.round != state.round:
        return ""
    return sent_line(m.kind, m.id if m.kind in ("propose", "counter") else m.ref)


def package_from_choices(session: Session, choices: dict[str, str]) -> Package:
    """A package from issue id -> option id choices, in the scenario's issue order; issues
    left out take their first option (the status quo)."""
    t = session.game.talks
    return tuple((i, choices.get(i, t.options[i][0])) for i in t.issues)


__all__ = ["IssueItem", "OptionItem", "PackageNotes", "ProposalItem", "TalkTurn",
           "last_sent", "latest_words", "package_from_choices", "package_notes", "send", "sent_words",
           "talk_turn"]
