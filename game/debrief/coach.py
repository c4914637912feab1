"""Coaching for the debrief: the decisions that moved the outcome most, found by what-if replays.

For each human team and each round it played, the coach tries a few plausible
alternatives under the same chance (see `game.debrief.whatif`):
- other orders: what the plausible ways to play that seat (`game.ai.seat_alternatives`:
  the seat's own position in the case and the lab personas that fit it, never a
  hardliner's), in each temperament, would have ordered at that moment, and the team's own
  orders with one of them left out;
- other answers: each offer the team answered, answered the other way.
Each alternative is replayed to the end without reasoning lines (the lean path), and
the change in that team's score and in the ending measures the decision. The three
decisions with the largest effect are put in plain words: what happened, and what would
likely have happened instead ("likely": other human teams are assumed to repeat what they
did, which real people might not).

Coaching never counts against a student a move the coach suggested: in a guided game
(`game.guide.tutorial.guide_suggestions`) an alternative that drops an order the coach
suggested that round is not tried.

Each team's coaching opens with the case's central choice in words: the public demand,
the guarantee that needs ratification, the assurance that does not, and backing down, and
what the team did about them (`dilemma`).

The coach also says which position each AI seat played and how it showed in the game.

Fog: a finished game is fully revealed. For an unfinished game the coach speaks only of
public things (tension, trust, the cooperation track), never of scores, objectives or
anyone's domestic support, and it quotes no AI reasoning, which names the AI's own support.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.ai import TEMPERAMENTS, make_policy, seat_alternatives
from game.ai.policy import draft_orders
from game.debrief.whatif import Change, Script, WhatIfError, player_for, rules_of, script_of
from game.guide.tutorial import guide_suggestions
from game.model.actions import Action, BadMoveText
from game.model.results import DetailKind, Track
from game.model.state import GameState
from game.rules import outcome, ratification_odds
from game.session.history import start_values
from game.session.session import Session
from game.words import (
    N_,
    _,
    action_label,
    meter_label,
    move_label,
    outcome_name,
    reasoning_line,
    role_name,
)
from game.words.coaching import ChoiceMove, alternative_words, dilemma_words, moves_summary
from game.words.personas import persona_blurb, persona_label

#: How many decisions the coach reports per team.
TOP = 3


@dataclass(frozen=True, slots=True)
class Trial:
    """One alternative decision and where it led."""

    change: Change
    state: GameState
    gain: int  # change in the team's score (finished games) or public standing (unfinished)
    ending_changed: bool
    why: str  # where the alternative came from, in words


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision the team made and its most telling alternative."""

    round: int
    kind: str  # "orders" or "answers"
    impact: int
    trial: Trial
    text: str


@dataclass(frozen=True)
class Coaching:
    """Everything the coach has to say about one game."""

    finished: bool
    decisions: dict[str, tuple[Decision, ...]]  # human role -> its top decisions
    summaries: dict[str, str]  # human role -> how the game went for it
    dilemmas: dict[str, str]  # human role -> the central choice and what the team did
    personas: tuple[str, ...]  # one paragraph per AI seat
    replays: int  # how many what-if replays were run


def coach(session: Session, suggested: dict[tuple[int, str], tuple[Action, ...]] | None = None
          ) -> Coaching:
    """Coaching for every human team of `session` (pure; costs a few hundred replays).

    `suggested`: {(round, role): the orders a coach suggested}; by default, those of the
    guided game `session` is, if it is one (none otherwise)."""
    if suggested is None:
        suggested = guide_suggestions(session)
    script = script_of(session)
    player = player_for(session, script, reasons=False)
    base = Baseline(session, session.state)
    decisions, summaries, dilemmas, replays = {}, {}, {}, 0
    for role in [r for r, seat in session.seats.items() if seat.human]:
        lab = alternatives_for(session, role)
        found = []
        for rnd in script.played:
            kept = suggested.get((rnd, role), ())
            for kind, changes in _alternatives(session, script, lab, rnd, role, kept):
                trials = [_trial(player, base, c, why) for c, why in changes]
                replays += len(trials)
                found += _decision(session, base, rnd, kind, [t for t in trials if t])
        found.sort(key=lambda d: (-d.impact, d.round, d.kind))
        decisions[role] = tuple(found[:TOP])
        summaries[role] = summary(session, base, role)
        dilemmas[role] = dilemma(session, role, script.starts)
    return Coaching(base.finished, decisions, summaries, dilemmas,
                    tuple(persona_lines(session)), replays)


def alternatives_for(session: Session, role: str) -> dict[str, object]:
    """{why, in words: policy} for the plausible ways to play `role`: the seat's own position
    and the lab personas that fit it (`game.ai.seat_alternatives`), in each temperament."""
    game, sc = rules_of(session), session.scenario
    out = {}
    for name in seat_alternatives(sc, role):
        for mood in sorted(TEMPERAMENTS, key=lambda m: m != "steady"):
            full = name if mood == "steady" else f"{name}:{mood}"
            out[alternative_words(persona_label(sc, role, full))] = make_policy(name, game, mood)
    return out


def comparison_set(session: Session, role: str) -> tuple[str, ...]:
    """The persona ids the coach weighs `role`'s orders against (see `alternatives_for`)."""
    return seat_alternatives(session.scenario, role)


class Baseline:
    """The original game's standing, to compare alternatives with."""

    def __init__(self, session: Session, state: GameState) -> None:
        self.session, self.state = session, state
        self.game = rules_of(session)
        self.finished = state.over
        self.result = outcome(state, self.game) if state.over else None

    def standing(self, state: GameState, role: str) -> int:
        """A team's score (finished) or its public standing (unfinished: trust toward it,
        milestones operating, low tension)."""
        if self.finished:
            result = outcome(state, self.game) if state.over else None
            return result.total(role) if result else 0
        toward = [v for (a, b), v in state.trust.items() if b == role]
        operating = sum(1 for s in state.milestones.values() if s == Track.OPERATING)
        return (sum(toward) // max(1, len(toward)) + 10 * operating
                - state.tension // 2)

    def ending(self, state: GameState) -> str | None:
        """The ending's id, or None while the game runs."""
        result = outcome(state, self.game) if state.over else None
        return result.ending if result else None


def _alternatives(session: Session, script: Script, lab: dict, rnd: int, role: str,
                  kept: tuple[Action, ...] = ()):
    """(kind, changes) for the plausible alternatives to a team's decisions in a round.

    `kept`: orders a coach suggested this round; no alternative drops one the team gave, so
    following the coach never counts against the team."""
    game, start = rules_of(session), script.starts[rnd]
    did = script.orders.get((rnd, role))
    if did is not None and not script.injects.get(rnd):
        followed = [a for a in did if a in kept]
        seen, changes = {did: None}, []
        for why, policy in lab.items():
            alt = draft_orders(policy, start, game, role).actions
            if alt in seen or any(a not in alt for a in followed):
                continue
            seen[alt] = why
            changes.append((Change(rnd, role, orders=alt), why))
        for i, dropped in enumerate(did):
            alt = did[:i] + did[i + 1:]
            if dropped not in followed and alt not in seen:
                seen[alt] = dropped
                changes.append((Change(rnd, role, orders=alt), _("your orders without {a}").format(
                    a=_orders_words(session.scenario, (dropped,)))))
        yield "orders", changes
    answered = script.answers.get((rnd, role))
    if answered:
        yield "answers", [(Change(rnd, role, answers=tuple((k, ok != (k == flip))
                                                            for k, ok in answered.items())), "")
                          for flip in answered]


def _trial(player, base: Baseline, change: Change, why: str) -> Trial | None:
    try:
        state = player.play(change).state
    except WhatIfError:
        return None
    gain = base.standing(state, change.role) - base.standing(base.state, change.role)
    return Trial(change, state, gain, base.ending(state) != base.ending(base.state), why)


def _decision(session: Session, base: Baseline, rnd: int, kind: str,
              trials: list[Trial]) -> list[Decision]:
    """The decision with its most telling alternative, if any alternative moved the outcome."""
    moving = [t for t in trials if t.gain or t.ending_changed]
    if not moving:
        return []
    best = max(moving, key=lambda t: (t.gain, t.ending_changed))
    if best.gain <= 0:  # nothing better: show the alternative that would have hurt most
        best = min(moving, key=lambda t: (t.gain, not t.ending_changed))
    impact = max(abs(t.gain) for t in moving) + (3 if any(t.ending_changed for t in moving) else 0)
    return [Decision(rnd, kind, impact, best, explain(session, base, best, kind))]


# --- plain words ---------------------------------------------------------------------------

def summary(session: Session, base: Baseline, role: str) -> str:
    """How the game went for a team, as the coaching's opening line."""
    return _("The game {how}.").format(how=_standing_words(session, base, base.state, role))


#: Said when no alternative the coach tried would have moved a team's outcome.
STEADY = N_("None of the alternatives tried, round by round, would have changed this team's "
            "score or the ending: under this game's chance, the outcome did not hang on one "
            "decision.")


def explain(session: Session, base: Baseline, trial: Trial, kind: str) -> str:
    """What the team did in a round and what the alternative would likely have brought
    under the same chance, in plain words."""
    sc, ch = session.scenario, trial.change
    if kind == "orders":
        did = _orders_words(sc, _recorded_orders(session, ch.round, ch.role))
        head = _("Round {n}, your orders: {did}.").format(n=ch.round, did=did)
        instead = _("Had you ordered {alt} instead ({why})").format(
            alt=_orders_words(sc, ch.orders), why=trial.why)
    else:
        flipped = next(k for k, ok in ch.answers
                       if _recorded_answer(session, ch.round, ch.role, k) != ok)
        was = _recorded_answer(session, ch.round, ch.role, flipped)
        head = (_("Round {n}: you accepted {o}.") if was else _("Round {n}: you declined {o}.")
                ).format(n=ch.round, o=move_label(sc, flipped))
        instead = _("Had you declined it") if was else _("Had you accepted it")
    verdict = (_("That was a chance missed.") if trial.gain > 0 else
               _("Your choice held up.") if trial.gain < 0 else
               _("Your score would not have changed."))
    return " ".join(filter(None, [
        head, instead + _(", the same chance would likely have {how}.").format(
            how=_standing_words(session, base, trial.state, ch.role, trial.gain)),
        _round_difference(session, base, trial.state, ch.round),
        _reactions(session, base.state, trial.state, ch), verdict]))


def _recorded_orders(session: Session, rnd: int, role: str) -> tuple[Action, ...]:
    record = next(r for r in session.state.records if r.round == rnd)
    return tuple(a for a in record.orders if a.role == role)


def _recorded_answer(session: Session, rnd: int, role: str, key: str) -> bool:
    record = next(r for r in session.state.records if r.round == rnd)
    return next(ok for r, k, ok in record.responses if r == role and k == key)


def _orders_words(sc, actions) -> str:
    if not actions:
        return _("nothing")
    return "; ".join(action_label(sc, a) for a in actions)


def _standing_words(session: Session, base: Baseline, state: GameState, role: str,
                    gain: int | None = None) -> str:
    sc = session.scenario
    tracks = ", ".join(m.name for m in sc.milestones if state.milestones[m.id] == Track.OPERATING)
    tracks = tracks or _("no milestone")
    if base.finished and state.over:
        result = outcome(state, base.game)
        diff = "" if not gain else _(" ({g:+d})").format(g=gain)
        return _("ended in {e} with {p} points for {who}{d}, tension {t} and {m} operating").format(
            e=outcome_name(sc, result), p=result.total(role), who=role_name(sc, role), d=diff,
            t=state.tension, m=tracks)
    return _("stood at tension {t} in round {r}, with {m} operating").format(
        t=state.tension, m=tracks, r=state.round)


def _reactions(session: Session, old: GameState, new: GameState, change: Change) -> str:
    """How the other delegations would have answered or acted differently, first two."""
    sc, out = session.scenario, []
    for rnd in (change.round, change.round + 1):
        a = next((r for r in old.records if r.round == rnd), None)
        b = next((r for r in new.records if r.round == rnd), None)
        if a is None or b is None:
            break
        was = {(who, k): ok for who, k, ok in a.responses if who != change.role}
        for who, key, ok in b.responses:
            if who != change.role and was.get((who, key)) != ok:
                verb = _("accepted") if ok else _("declined")
                out.append(_("{who} would have {verb} {offer}").format(
                    who=role_name(sc, who), verb=verb, offer=move_label(sc, key)))
        if rnd > change.round:
            out += _order_changes(sc, a, b, change.role)
    return _("The others would likely have responded differently: {r}.").format(r="; ".join(out[:2])) \
        if out else ""


def _order_changes(sc, old, new, role: str) -> list[str]:
    out = []
    for who in sc.role_ids:
        before = [x for x in old.orders if x.role == who]
        after = [x for x in new.orders if x.role == who]
        if who != role and before != after:
            out.append(_("in round {n} {who} would have ordered {new} instead of {old}").format(
                n=new.round, who=role_name(sc, who), new=_orders_words(sc, after),
                old=_orders_words(sc, before)))
    return out


def round_end_values(state: GameState, round_no: int) -> dict[str, int]:
    """Each meter's value at the end of `round_no`, for the meters the ledger touched."""
    values: dict[str, int] = {}
    for e in state.ledger:
        if e.round > round_no:
            break
        values[e.meter] = e.after
    return values


def _round_difference(session: Session, base: Baseline, new: GameState, round_no: int) -> str:
    """The two meters that differ most at the end of the branch round, in words."""
    start = start_values(session.scenario)
    old_v = {**start, **round_end_values(base.state, round_no)}
    new_v = {**start, **round_end_values(new, round_no)}
    shown = [m for m in set(old_v) | set(new_v) if not m.startswith("support.") or base.finished]
    diffs = [(abs(new_v.get(m, 0) - old_v.get(m, 0)), m) for m in shown]
    diffs = sorted((d for d in diffs if d[0]), key=lambda d: (-d[0], d[1]))[:2]
    if not diffs:
        return ""
    sc = session.scenario
    parts = [_("{m} {new} instead of {old}").format(m=meter_label(sc, m), new=new_v.get(m, 0),
                                                     old=old_v.get(m, 0)) for _d, m in diffs]
    return _("By the end of round {n}: {parts}.").format(n=round_no, parts="; ".join(parts))


# --- the AI seats ----------------------------------------------------------------------------

def persona_lines(session: Session) -> list[str]:
    """One paragraph per AI seat: the position it played in neutral words, and how that
    showed in the moves (and, in a finished game, in its reasoning)."""
    sc, out = session.scenario, []
    for role, seat in session.seats.items():
        if seat.human:
            continue
        out.append(" ".join(filter(None, [
            _("{who} played the position “{p}”: {b}").format(
                who=role_name(sc, role), p=persona_label(sc, role, seat.persona),
                b=persona_blurb(seat.persona)),
            _moves_summary(session, role), _quote(session, role)])))
    return out


# --- the central choice ----------------------------------------------------------------------

def dilemma(session: Session, role: str, starts: dict[int, GameState] | None = None) -> str:
    """The case's central choice for `role` in words (the public demand, the guarantee that
    needs ratification, the assurance that does not, backing down) and what the team did
    about it; "" for a scenario without public demands. `starts`: the state at the start of
    each round (for the odds a guarantee had when it was ordered); found if not given."""
    sc, state, game = session.scenario, session.state, rules_of(session)
    demand = next(iter(sc.demands), None)
    if demand is None:
        return ""
    guarantee = next((a for a in sc.actions if a.satisfies_demand == demand.id), None)
    assurance = next((a for a in sc.actions if a.id in demand.commitment_relief), None)
    demanders = [d.role for d in sc.start_demands if d.demand == demand.id] or [
        r for r in sc.role_ids if any(a.makes_demand == demand.id and (not a.roles or r in a.roles)
                                      for a in sc.actions)]
    giver = next((r for r in sc.role_ids for a in (guarantee, assurance) if a is not None
                  and ((a.aims or {}).get(r) or r in (a.roles or ()))), None)
    moves = []
    if starts is None:
        starts = script_of(session).starts
    for record in state.records:
        for action in (a for a in record.orders if a.role == role):
            spec = sc.action(action.action_id)
            if guarantee is not None and spec.id == guarantee.id:
                odds = (ratification_odds(starts.get(record.round, state), game, action)
                        if state.over else None)  # the odds name the team's support
                passed = any(c.action_id == spec.id and c.actor == role and c.made == record.round
                             for c in state.commitments)
                moves.append(ChoiceMove(record.round, "guarantee", odds, passed))
            elif assurance is not None and spec.id == assurance.id:
                moves.append(ChoiceMove(record.round, "assurance"))
            elif spec.makes_demand == demand.id:
                moves.append(ChoiceMove(record.round, "demand"))
    # Backing down happens once, when the ledger records it: a step taken after the demand
    # was set aside is no climb-down. The cost is the team's support: said once it is over.
    for e in state.ledger:
        if (e.detail.kind == DetailKind.BACKED_DOWN and e.actor == role
                and e.detail.args[0] == demand.id):
            move = _offer_action(e.source)
            kind = ("set_aside" if move is not None
                    and sc.action(move.action_id).drops_demand == demand.id else "backed_down")
            moves.append(ChoiceMove(e.round, kind, cost=-e.amount if state.over else None))
    moves.sort(key=lambda m: m.round)
    holds = (role, demand.id) in state.demands
    return dilemma_words(sc, role, demand, guarantee, assurance, demanders, giver, moves, holds,
                         state.over)


def _offer_action(key: str) -> Action | None:
    try:
        return Action.from_text(key)
    except BadMoveText:
        return None



def _moves_summary(session: Session, role: str) -> str:
    sc = session.scenario
    families = Counter(sc.action(a.action_id).family for r in session.state.records
                       for a in r.orders if a.role == role)
    answers = [ok for r in session.state.records for who, _k, ok in r.responses if who == role]
    return moves_summary(families.most_common(), sum(answers), len(answers))

def _quote(session: Session, role: str) -> str:
    if not session.state.over:
        return ""  # reasoning lines name the AI's own domestic support: not for an open game
    notes = [n for n in session.notes if n.role == role]
    if not notes:
        return ""
    lines = [(n.round, reasoning_line(session.scenario, role, n)) for n in notes]
    rnd, line = max(lines, key=lambda x: (len(x[1]) > 40, -x[0]))
    return _("For example, in round {n}: “{line}”").format(n=rnd, line=line)
