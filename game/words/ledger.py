"""Ledger entries, answers to offers and commitments in words.

One ledger entry always reads the same, wherever it is shown:
`Moscow's trust in Washington: 26 → 28 (+2) · Washington: Brief on programme plans → Moscow`
(the meter, before → after, the signed change, and its cause; what the entry's detail adds
follows in brackets, for example `(Moscow accepted)` or `(repeat 2: trust gains at 60%)`).
Everything is made from the entry's data (see `game.model.results`): ids become names
here, and nothing is parsed out of a sentence. Screens list entries under the headings of
`ledger_groups`, one per kind of cause, in the order each first appears.
"""

from __future__ import annotations

from game.model.actions import Action, BadMoveText
from game.model.results import Cause, DetailKind, LedgerEntry, Status
from game.words.i18n import N_, _, ngettext
from game.words.names import (
    action_label,
    commitment_name,
    demand_name,
    event_title,
    meter_label,
    milestone_name,
    move_label,
    role_name,
    scenario_of,
    status_name,
)
from game.words.talks import term_pair, term_text

#: The heading of each kind of cause, in the order causes are usually resolved.
_HEADINGS = {
    Cause.EVENT: N_("Events"), Cause.ACTION: N_("Actions"), Cause.RESPONSE: N_("Answers to offers"),
    Cause.RATIFICATION: N_("Ratification"), Cause.COMMITMENT: N_("Commitments"),
    Cause.DEMAND: N_("Public demands"), Cause.MILESTONE: N_("Cooperation track"),
    Cause.RULE: N_("Reciprocated concessions (GRIT)"),
    Cause.DRIFT: N_("Drift toward the baseline set by trust"),
    Cause.AGREEMENT: N_("The agreement"),
}

#: How a cause tied to a move is introduced before the move's words.
_MOVE_CAUSES = {Cause.ACTION: N_("{move}"), Cause.RESPONSE: N_("Answer to {move}"),
                Cause.COMMITMENT: N_("Commitment: {move}"), Cause.DEMAND: N_("Public demand: {move}"),
                Cause.RATIFICATION: N_("Ratification: {move}"),
                Cause.MILESTONE: N_("Cooperation track: {move}")}

#: What an entry's detail adds to its cause (`{cause}`), by kind; args are named as in
#: `game.model.results.DetailKind`. Kinds not listed add nothing.
_DETAILS = {
    DetailKind.REPEAT: N_("{cause} (repeat {n}: trust gains at {percent}%)"),
    DetailKind.ACCEPTED: N_("{cause} ({responder} accepted)"),
    DetailKind.DECLINED: N_("{cause} ({responder} declined)"),
    DetailKind.BROKE: N_("{cause} (broke: {commitment})"),
    DetailKind.KEPT: N_("{cause} (kept: {commitment})"),
    DetailKind.DEMAND_MET: N_("{cause} (demand met: {demand})"),
    DetailKind.OPERATING: N_("{cause} (operating)"),
    DetailKind.BROUGHT_IN: N_("{cause} (brought in by the facilitator)"),
}


def cause_heading(cause: str) -> str:
    """The heading for one kind of cause: `Actions`, `Answers to offers`, `Events` ..."""
    return _(_HEADINGS[cause]) if cause in _HEADINGS else cause.replace("_", " ").capitalize()


def cause_title(game, entry: LedgerEntry) -> str:
    """What caused one ledger entry, in words: `Washington: Brief on programme plans →
    Moscow`, `Answer to Moscow: Propose a regular data exchange`, `Event: Cold water from
    the foreign ministry`, `Cooperation track: Joint exercises`."""
    sc = scenario_of(game)
    cause, source = entry.cause, entry.source
    if cause in (Cause.DRIFT, Cause.RULE):
        return cause_heading(cause)
    if cause == Cause.EVENT:
        return _("Event: {title}").format(title=event_title(sc, source))
    if cause == Cause.MILESTONE and source in {m.id for m in sc.milestones}:
        return _("Cooperation track: {milestone}").format(milestone=milestone_name(sc, source))
    if cause == Cause.AGREEMENT:
        return _agreement_title(sc, entry)
    move = _known_move(sc, source)
    if move is None:
        return _("{heading}: {source}").format(heading=cause_heading(cause), source=source)
    return _(_MOVE_CAUSES.get(cause, "{move}")).format(move=move_label(sc, move))


def _agreement_title(sc, entry: LedgerEntry) -> str:
    """The agreement as a cause: it entered into force, it fell (an option not ratified), or
    one of its terms (source: the term's key) was kept or broken."""
    kind, args = entry.detail
    if kind == DetailKind.IN_FORCE:
        return _("The agreement entered into force")
    if kind == DetailKind.NOT_RATIFIED:
        return _("The agreement fell: {option} was not ratified").format(
            option=term_pair(sc, args[0], args[1]))
    if kind == DetailKind.TERM_KEPT:
        return _("A term of the agreement was kept: {term}").format(term=_term(sc, args[0]))
    if kind == DetailKind.TERM_BROKEN:
        return _("A term of the agreement was broken: {term}").format(term=_term(sc, args[0]))
    return cause_heading(Cause.AGREEMENT)


def _term(sc, key: str) -> str:
    """A term in words without its closing full stop: a title is followed by more words."""
    return term_text(sc, key).rstrip(".")


def _known_move(sc, text: str) -> Action | None:
    try:
        move = Action.from_text(text)
    except BadMoveText:
        return None
    known = move.role in sc.role_ids and any(a.id == move.action_id for a in sc.actions)
    return move if known else None


def ledger_line(game, entry: LedgerEntry) -> str:
    """One ledger entry on one line: meter, before → after, signed change, and its cause
    with what the detail adds."""
    sc = scenario_of(game)
    return _("{meter}: {before} → {after} ({amount:+d}) · {cause}").format(
        meter=meter_label(sc, entry.meter), before=entry.before, after=entry.after,
        amount=entry.amount, cause=entry_cause(sc, entry))


def entry_cause(game, entry: LedgerEntry) -> str:
    """The cause of one entry with what its detail adds: `Answer to Washington: Propose
    joint exercises → Moscow (Moscow accepted)`, `tension drifts toward 40, set by the
    mean trust`."""
    sc = scenario_of(game)
    kind, args = entry.detail
    if kind == DetailKind.DRIFT:
        return _("tension drifts toward {baseline}, set by the mean trust").format(baseline=args[0])
    if kind == DetailKind.GRIT:
        return _("{first} and {second} matched concessions this round (GRIT bonus)").format(
            first=role_name(sc, args[0]), second=role_name(sc, args[1]))
    if kind == DetailKind.IN_FORCE:
        return _("the agreed package enters into force")
    if kind == DetailKind.NOT_RATIFIED:
        return _("the agreed package fails: {option} was not ratified").format(
            option=term_pair(sc, args[0], args[1]))
    if kind == DetailKind.TERM_KEPT:
        return _("a term of the agreement is kept: {term}").format(term=term_text(sc, args[0]))
    if kind == DetailKind.TERM_BROKEN:
        return _("a term of the agreement is broken: {term}").format(term=term_text(sc, args[0]))
    cause = cause_title(sc, entry)
    if kind == DetailKind.BACKED_DOWN:
        return _backed_down(sc, cause, *args)
    if kind == DetailKind.RATIFIED:
        return (_("{cause} (ratification passed)") if args[0]
                else _("{cause} (ratification failed)")).format(cause=cause)
    if kind == DetailKind.SUSPENDED:
        return _suspended(sc, cause, entry.source, args[0])
    if kind in (DetailKind.BROKE, DetailKind.KEPT) and _names_its_commitment(sc, entry):
        return (_("{cause} (kept)") if kind == DetailKind.KEPT
                else _("{cause} (broke its commitment)")).format(cause=cause)
    template = _DETAILS.get(kind)
    if template is None:
        return cause
    return _(template).format(cause=cause, **_detail_words(sc, kind, args))


def _detail_words(sc, kind: DetailKind, args: tuple) -> dict[str, object]:
    """The named values of a detail's args, ids put in words."""
    if kind == DetailKind.REPEAT:
        return {"n": args[0], "percent": args[1]}
    if kind in (DetailKind.ACCEPTED, DetailKind.DECLINED):
        return {"responder": role_name(sc, args[0])}
    if kind in (DetailKind.BROKE, DetailKind.KEPT):
        return {"commitment": commitment_name(sc, args[0])}
    if kind == DetailKind.DEMAND_MET:
        return {"demand": demand_name(sc, args[0])}
    return {}


def _names_its_commitment(sc, entry: LedgerEntry) -> bool:
    """True if the source action's name is the commitment's own name (`promise`), which the
    cause already says."""
    move = _known_move(sc, entry.source)
    name = commitment_name(sc, entry.detail.args[0])
    return move is not None and sc.action(move.action_id).name == name


def _backed_down(sc, cause: str, demand: str, relief: int) -> str:
    if not relief:
        return _("{cause} (backed down from the public demand: {demand})").format(
            cause=cause, demand=demand_name(sc, demand))
    return ngettext("{cause} (backed down from the public demand: {demand}; the cost was eased "
                    "by {relief} point for insight and assurances received)",
                    "{cause} (backed down from the public demand: {demand}; the cost was eased "
                    "by {relief} points for insight and assurances received)", relief).format(
        cause=cause, demand=demand_name(sc, demand), relief=relief)


def _suspended(sc, cause: str, source: str, milestone: str) -> str:
    """`(suspended)` after a withdrawal from that milestone; a milestone built on it is named."""
    move = _known_move(sc, source)
    if move is not None and move.target == milestone:
        return _("{cause} (suspended)").format(cause=cause)
    return _("{cause} ({milestone} suspended)").format(cause=cause,
                                                       milestone=milestone_name(sc, milestone))


def ledger_groups(game, entries) -> list[tuple[str, list[str]]]:
    """Entries as (heading, lines) per kind of cause, in the order each kind first appears."""
    groups: dict[str, list[str]] = {}
    for entry in entries:
        groups.setdefault(entry.cause, []).append(ledger_line(game, entry))
    return [(cause_heading(cause), lines) for cause, lines in groups.items()]


def ledger_lines(game, entries, indent: str = "  ") -> list[str]:
    """Entries as indented text: each heading, then its lines one step further in."""
    out = []
    for heading, lines in ledger_groups(game, entries):
        out.append(indent + heading)
        out.extend(indent * 2 + line for line in lines)
    return out or [indent + _("No meter changed.")]


def change_summary(game, entries) -> str:
    """What some entries changed, on one line, without their causes: `Tension +3 ·
    Washington's trust in Moscow -1` (for a card that already names the cause)."""
    sc = scenario_of(game)
    return _(" · ").join(_("{meter} {amount:+d}").format(meter=meter_label(sc, e.meter),
                                                          amount=e.amount) for e in entries)


def response_line(game, responder: str, key: str, accepted: bool) -> str:
    """`Moscow accepted Washington's offer: Propose joint exercises`."""
    text = (_("{responder} accepted {maker}'s offer: {action}") if accepted
            else _("{responder} declined {maker}'s offer: {action}"))
    return text.format(responder=role_name(game, responder),
                       maker=role_name(game, key.split(":", 1)[0]), action=action_label(game, key))


def commitment_line(game, commitment) -> str:
    """`kept: No-first-deployment pledge, Washington to Moscow (rounds 2-5)`; a running one
    says until when it runs."""
    if commitment.status == Status.ACTIVE:
        when = _("made in round {made}, runs to round {end}").format(
            made=commitment.made, end=commitment.expires)
    else:
        when = _("rounds {made}-{end}").format(made=commitment.made, end=commitment.ended)
    return _("{status}: {name}, {actor} to {recipient} ({when})").format(
        status=status_name(commitment.status), name=commitment.name,
        actor=role_name(game, commitment.actor), recipient=role_name(game, commitment.recipient),
        when=when)
