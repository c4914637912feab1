"""The talks: proposals, counters and answers over packages of terms, and the agreement.

Rules (docs/rules.md, "The talks"):
1. The talks are open in the orders phase of every round from the negotiation's
   `from_round`, to the roles that are its parties, until a package is agreed.
2. A proposal (or a counter) is a whole package: one option for every issue. It goes to
   one or more other parties; its terms may bind only its sender and addressees. A
   counter answers an open proposal with other terms and goes back to that proposal's
   sender and its other addressees; the proposal countered closes.
3. An addressee accepts or declines; a decline closes the proposal. Its sender may
   withdraw it. A delegation may not send a proposal (or counter) identical to one of
   its own still open (the same package to the same delegations). Answering a closed
   proposal is refused with what closed it. Accepting needs the `min_support` of every
   option for the accepting role. Open proposals close when the round resolves.
4. When every addressee has accepted, the package is agreed (pending) and the talks
   close. When the round resolves, each option that needs ratification is rolled;
   if all pass the agreement enters into force (see `enter_into_force`), otherwise it
   fails, its options' `on_fail` effects apply and the talks open again next round;
   an option whose ratification failed may not be proposed again.
5. A delegation sends at most `messages_per_round` messages a round.
6. Proposals are seen only by their sender and addressees unless the negotiation is
   `public`; what was agreed is public.

Everything here is pure: a move gives a new state, and refusals are data (`Refusal`).
"""

from __future__ import annotations

from typing import NamedTuple

from game.model.actions import Action, IllegalAction, Talk
from game.model.results import (
    Cause,
    Detail,
    DetailKind,
    Phase,
    Refusal,
    RefusalKind,
    Status,
)
from game.model.state import Agreement, GameState, Package, TalkMessage, TermRecord
from game.rules.compiled import CompiledScenario
from game.rules.effect_rows import Where, compile_effects
from game.rules.effects import apply_changes
from game.rules.ledger import change
from game.rules.rng import derive

K = RefusalKind
ORDERS = Phase.ORDERS
ACTIVE, KEPT, BROKEN = Status.ACTIVE, Status.KEPT, Status.BROKEN
AGREEMENT = Cause.AGREEMENT
PROPOSALS = ("propose", "counter")


class Proposal(NamedTuple):
    """An open proposal this round: its message, and the addressees who accepted so far."""

    message: TalkMessage
    accepted: frozenset[str]

    @property
    def id(self) -> int:
        """The proposal's message id."""
        return self.message.id

    @property
    def waiting(self) -> tuple[str, ...]:
        """Addressees who have not yet accepted, in the order addressed."""
        return tuple(r for r in self.message.to if r not in self.accepted)


def talks_open(state: GameState, game: CompiledScenario) -> Refusal | None:
    """Why the talks are closed now (None if they are open)."""
    t = game.talks
    if t is None:
        return Refusal(K.NO_TALKS)
    if state.phase != ORDERS:
        return Refusal(K.WRONG_PHASE, ("talks", state.phase))
    if state.round < t.spec.from_round:
        return Refusal(K.TALKS_CLOSED, (t.spec.from_round,))
    if state.agreement is not None and state.agreement.status != "failed":
        return Refusal(K.TALKS_SETTLED)
    return None


def open_proposals(state: GameState) -> list[Proposal]:
    """The proposals of this round still open, oldest first (none once a package is agreed)."""
    if state.agreement is not None and state.agreement.status != "failed":
        return []
    return open_among(state.talks, state.round)


def open_among(messages: tuple[TalkMessage, ...], round_no: int) -> list[Proposal]:
    """The proposals among `messages` (all of a game's, or those a viewer sees) still open
    in round `round_no`, oldest first, each with the addressees who accepted it so far."""
    found: dict[int, TalkMessage] = {}
    accepted: dict[int, set[str]] = {}
    for m in _this_round(messages, round_no):
        if m.round != round_no:
            continue
        if m.kind in PROPOSALS:
            found[m.id] = m
            accepted[m.id] = set()
        if m.kind == "accept" and m.ref in found:
            accepted[m.ref].add(m.sender)
        elif m.kind in ("decline", "withdraw", "counter") and m.ref:
            found.pop(m.ref, None)
    return [Proposal(m, frozenset(accepted[i])) for i, m in found.items()]


def _this_round(messages: tuple[TalkMessage, ...], round_no: int) -> tuple[TalkMessage, ...]:
    """The tail of `messages` from the first of round `round_no` on (messages are kept in
    the order sent, so earlier rounds' are never read again)."""
    start = len(messages)
    while start and messages[start - 1].round == round_no:
        start -= 1
    return messages[start:] if start else messages


def proposals_to(state: GameState, role: str) -> list[Proposal]:
    """Open proposals `role` may still answer (addressed to it, not yet accepted by it)."""
    return [p for p in open_proposals(state) if role in p.message.to and role not in p.accepted]


def sent_this_round(state: GameState, role: str) -> int:
    """How many messages `role` has sent this round."""
    return sum(1 for m in _this_round(state.talks, state.round) if m.sender == role
               and m.round == state.round)


def package_problem(game: CompiledScenario, terms: Package) -> Refusal | None:
    """Why `terms` is not a whole package (None if it is)."""
    t = game.talks
    issues = [i for i, _ in terms]
    for k, issue in enumerate(t.issues):
        if k >= len(terms) or issues[k] != issue:
            return Refusal(K.BAD_PACKAGE, (issue, terms[k][1] if k < len(terms) else ""))
        if terms[k][1] not in t.options[issue]:
            return Refusal(K.BAD_PACKAGE, (issue, terms[k][1]))
    if len(terms) != len(t.issues):
        return Refusal(K.BAD_PACKAGE, ("", terms[len(t.issues)][0]))
    return None


def support_problem(state: GameState, game: CompiledScenario, role: str,
                    terms: Package) -> Refusal | None:
    """Why `role` may not accept `terms` for want of domestic support (None if it may).
    The refusal names the role's exact support: show it to that role only."""
    t = game.talks
    has = state.meters[game.support_meter[role]]
    for issue, option in terms:
        need = t.option(issue, option).min_support.get(role)
        if need is not None and has < need:
            return Refusal(K.ACCEPT_SUPPORT, (issue, option, need, has))
    return None


def counter_to(state: GameState, role: str, ref: int) -> tuple[str, ...]:
    """Who a counter by `role` to proposal `ref` goes to: its sender and other addressees."""
    for p in open_proposals(state):
        if p.id == ref:
            m = p.message
            return tuple(r for r in (m.sender, *m.to) if r != role)
    return ()


def why_not_talk(state: GameState, game: CompiledScenario, move: Talk) -> Refusal | None:
    """Why `move` is not allowed now, as data; None if it is."""
    if (closed := talks_open(state, game)) is not None:
        return closed
    t = game.talks
    if move.role not in t.parties:
        return Refusal(K.NOT_IN_TALKS, (move.role,))
    if sent_this_round(state, move.role) >= t.spec.messages_per_round:
        return Refusal(K.TALK_LIMIT, (t.spec.messages_per_round,))
    if move.kind == "propose":
        return (_proposal_problem(state, game, move.role, move.to, move.terms)
                or _duplicate(state, move.role, move.to, move.terms))
    if move.kind == "counter":
        if move.ref not in {p.id for p in proposals_to(state, move.role)}:
            return _no_proposal(state, move.role, move.ref, answering=True)
        to = counter_to(state, move.role, move.ref)
        return (_proposal_problem(state, game, move.role, to, move.terms)
                or _duplicate(state, move.role, to, move.terms))
    if move.kind in ("accept", "decline"):
        mine = {p.id: p for p in proposals_to(state, move.role)}
        if move.ref not in mine:
            return _no_proposal(state, move.role, move.ref, answering=True)
        if move.kind == "accept":
            return support_problem(state, game, move.role, mine[move.ref].message.terms)
        return None
    if move.kind == "withdraw":
        own = {p.id for p in open_proposals(state) if p.message.sender == move.role}
        if move.ref in own:
            return None
        return _no_proposal(state, move.role, move.ref, answering=False)
    return Refusal(K.NOT_A_MOVE)


#: What closed a proposal, by the kind of the message that closed it.
_CLOSED_BY = {"counter": "countered", "decline": "declined", "withdraw": "withdrawn"}


def _no_proposal(state: GameState, role: str, ref: int, answering: bool) -> Refusal:
    """Why `role` may not answer (or, not `answering`, withdraw) proposal `ref`: it never
    was one it could (`no_proposal`), or what closed it (`proposal_closed`: countered,
    declined or withdrawn by whom, already accepted by `role`, or made in a past round)."""
    made = next((m for m in state.talks if m.id == ref and m.kind in PROPOSALS), None)
    if made is None or (role not in made.to if answering else made.sender != role):
        return Refusal(K.NO_PROPOSAL, (ref,))
    if made.round != state.round:
        return Refusal(K.PROPOSAL_CLOSED, (ref, "past", ""))
    for m in _this_round(state.talks, state.round):
        if m.ref == ref and m.kind in _CLOSED_BY:
            return Refusal(K.PROPOSAL_CLOSED, (ref, _CLOSED_BY[m.kind], m.sender))
    if answering and any(m.ref == ref and m.kind == "accept" and m.sender == role
                         for m in _this_round(state.talks, state.round)):
        return Refusal(K.PROPOSAL_CLOSED, (ref, "answered", role))
    return Refusal(K.NO_PROPOSAL, (ref,))


def _duplicate(state: GameState, role: str, to: tuple[str, ...],
               terms: Package) -> Refusal | None:
    """Refused if `role` already has the same proposal open this round: the same package to
    the same delegations (in any order)."""
    wanted = set(to)
    for p in open_proposals(state):
        m = p.message
        if m.sender == role and m.terms == terms and set(m.to) == wanted:
            return Refusal(K.DUPLICATE, (m.id,))
    return None


def _proposal_problem(state: GameState, game: CompiledScenario, role: str, to: tuple[str, ...],
                      terms: Package) -> Refusal | None:
    t = game.talks
    if not to or role in to or len(set(to)) != len(to):
        return Refusal(K.NO_ADDRESSEE)
    for r in to:
        if r not in t.parties:
            return Refusal(K.NOT_IN_TALKS, (r,))
    if (bad := package_problem(game, terms)) is not None:
        return bad
    if (dead := next((io for io in terms if io in state.rejected), None)) is not None:
        return Refusal(K.REJECTED, dead)
    outside = sorted(t.bound(terms) - {role, *to}, key=game.role_index.get)
    return Refusal(K.TERM_OUTSIDE, (outside[0],)) if outside else None


def apply_talk(state: GameState, game: CompiledScenario, move: Talk) -> GameState:
    """The state after a talk message; IllegalAction (with the refusal) if not allowed.

    A counter's addressees are worked out here (see `counter_to`); the last acceptance
    of a proposal concludes the agreement (pending until the round resolves)."""
    if (why := why_not_talk(state, game, move)) is not None:
        raise IllegalAction(why)
    to = move.to
    if move.kind == "counter":
        to = counter_to(state, move.role, move.ref)
    elif move.kind in ("accept", "decline"):  # to the sender and the other addressees
        m = next(p for p in open_proposals(state) if p.id == move.ref).message
        to = tuple(r for r in (m.sender, *m.to) if r != move.role)
    elif move.kind == "withdraw":
        to = next(p for p in open_proposals(state) if p.id == move.ref).message.to
    terms = move.terms if move.kind in PROPOSALS else ()
    message = TalkMessage(len(state.talks) + 1, state.round, move.role, move.kind, to, terms,
                          move.ref)
    new = state.shallow()  # talks and the agreement are replaced, never changed in place
    new.talks = (*state.talks, message)
    if move.kind == "accept":
        done = next((p for p in open_proposals(new) if p.id == move.ref and not p.waiting), None)
        if done is not None:
            m = done.message
            parties = tuple(r for r in game.roles if r == m.sender or r in m.to)
            new.agreement = Agreement(m.id, parties, m.terms, state.round)
    return new


def visible_talks(state: GameState, game: CompiledScenario,
                  viewer: str | None) -> tuple[TalkMessage, ...]:
    """The messages `viewer` may see (None: the public view): all of them once the game is
    over or when the negotiation is public; otherwise those it sent or received, and, for
    the public, none (what was agreed is shown through `state.agreement`)."""
    t = game.talks
    if t is None or not state.talks:
        return ()
    if state.phase == Phase.OVER or t.spec.public:
        return state.talks
    if viewer is None:
        return ()
    return tuple(m for m in state.talks if m.sender == viewer or viewer in m.to)


def readers(game: CompiledScenario, message: TalkMessage) -> tuple[str, ...] | None:
    """Who may read a message (and the reasons given for it) while the game runs: None for
    everyone when the negotiation is public, else its sender and addressees."""
    return None if game.talks.spec.public else (message.sender, *message.to)


# --- the agreement at the round's resolution -------------------------------------------


def enter_into_force(state: GameState, game: CompiledScenario) -> None:
    """Step 0 of a round's resolution, on a state being built: a pending agreement is
    ratified or fails; in force, its `on_agreement` effects apply and its terms start
    running (rules 4 in this module's docstring; docs/rules.md, "The talks")."""
    a = state.agreement
    if a is None or a.status != "pending":
        return
    t = game.talks
    where = Where(parties=a.parties)
    for issue, option in a.terms:
        rat = t.option(issue, option).ratification
        if rat is None:
            continue
        chance = rat.chance(state.meters[game.support_meter[rat.role]])
        if not derive(state.seed, state.round, f"talks-ratify:{issue}").percent(chance):
            rows = compile_effects(rat.on_fail, Where(rat.role, parties=a.parties), game.roles,
                                   game.meter_index, _milestones(game))
            apply_changes(state, game, rows, AGREEMENT, "agreement", rat.role,
                          Detail(DetailKind.NOT_RATIFIED, (issue, option)))
            state.agreement = Agreement(a.proposal, a.parties, a.terms, a.concluded, "failed")
            state.rejected = state.rejected | {(issue, option)}
            return
    state.agreement = Agreement(a.proposal, a.parties, a.terms, a.concluded, "in_force")
    rows = compile_effects(t.spec.on_agreement, where, game.roles, game.meter_index,
                           _milestones(game))
    apply_changes(state, game, rows, AGREEMENT, "agreement", None, Detail(DetailKind.IN_FORCE))
    records = []
    for issue, option in a.terms:
        for key in t.term_keys[(issue, option)]:
            spec = t.terms[key]
            records.append(TermRecord(key, spec.role, spec.toward, state.round,
                                      state.round + spec.term - 1, bool(spec.do)))
    state.terms = (*state.terms, *records)


def _milestones(game: CompiledScenario) -> dict:
    return {m.id: m for m in game.milestones}


def carry_out(state: GameState, game: CompiledScenario, action: Action) -> None:
    """An action resolving carries out its actor's deeds that name it (kept at once) and
    breaks its actor's restraints that name it, moving the owed role's trust."""
    if not state.terms:
        return
    out = []
    for r in state.terms:
        if r.status == ACTIVE and r.role == action.role:
            spec = game.talks.terms[r.key]
            if r.deed and action.action_id in spec.do:
                r = _end(state, game, r, KEPT)
            elif not r.deed and action.action_id in spec.avoid:
                r = _end(state, game, r, BROKEN)
        out.append(r)
    state.terms = tuple(out)


def expire_terms(state: GameState, game: CompiledScenario) -> None:
    """Terms whose last round this is end: a restraint unbroken is kept, a deed not done
    is broken."""
    if not state.terms:
        return
    state.terms = tuple(_end(state, game, r, BROKEN if r.deed else KEPT)
                        if r.status == ACTIVE and r.expires <= state.round else r
                        for r in state.terms)


def _end(state: GameState, game: CompiledScenario, r: TermRecord, status: Status) -> TermRecord:
    spec = game.talks.terms[r.key]
    meter = game.trust_meter[(r.toward, r.role)]
    if status == KEPT:
        change(state, game, meter, spec.keep_reward, AGREEMENT, r.key, r.role,
               Detail(DetailKind.TERM_KEPT, (r.key,)))
    else:
        change(state, game, meter, -spec.break_penalty, AGREEMENT, r.key, r.role,
               Detail(DetailKind.TERM_BROKEN, (r.key,)))
    return TermRecord(r.key, r.role, r.toward, r.made, r.expires, r.deed, status, state.round)


__all__ = ["Proposal", "apply_talk", "carry_out", "counter_to", "enter_into_force",
           "expire_terms", "open_among", "open_proposals", "package_problem", "proposals_to", "readers",
           "sent_this_round", "support_problem", "talks_open", "visible_talks", "why_not_talk"]
