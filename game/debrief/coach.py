"""Coaching for the debrief: the decisions that moved the outcome most, found by what-if replays.

For each human team and each round it played, the coach tries a few plausible
alternatives under the same chance (see `game.debrief.whatif`):
- other orders: what each lab persona, in each temperament, would have ordered in that
  seat at that moment, and the team's own orders with one of them left out;
- other answers: each offer the team answered, answered the other way.
Each alternative is replayed to the end without reasoning lines (the lean path), and
the change in that team's score and in the ending measures the decision. The three
decisions with the largest effect are put in plain words: what happened, and what would
likely have happened instead ("likely": other human teams are assumed to repeat what they
did, which real people might not).

The coach also says which persona each AI seat played and how it showed in the game.

Fog: a finished game is fully revealed. For an unfinished game the coach speaks only of
public things (tension, trust, the cooperation track), never of scores, objectives or
anyone's domestic support, and it quotes no AI reasoning, which names the AI's own support.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.ai import LAB_PERSONAS, PERSONA_BLURBS, TEMPERAMENTS, make_policy
from game.ai.policy import draft_orders
from game.debrief.whatif import Change, Script, WhatIfError, player_for, rules_of, script_of
from game.model.actions import Action
from game.model.results import Track
from game.model.state import GameState
from game.rules import outcome
from game.session.history import start_values
from game.session.session import Session
from game.words import (
    _,
    action_label,
    meter_label,
    move_label,
    outcome_name,
    reasoning_line,
    role_name,
)

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
    personas: tuple[str, ...]  # one paragraph per AI seat
    replays: int  # how many what-if replays were run


def coach(session: Session) -> Coaching:
    """Coaching for every human team of `session` (pure; costs a few hundred replays)."""
    script = script_of(session)
    player = player_for(session, script, reasons=False)
    base = Baseline(session, session.state)
    decisions, summaries, replays = {}, {}, 0
    lab = {(f"{mood} {p}" if mood != "steady" else p): make_policy(p, rules_of(session), mood)
           for p in LAB_PERSONAS for mood in TEMPERAMENTS}
    for role in [r for r, seat in session.seats.items() if seat.human]:
        found = []
        for rnd in script.played:
            for kind, changes in _alternatives(session, script, lab, rnd, role):
                trials = [_trial(player, base, c, why) for c, why in changes]
                replays += len(trials)
                found += _decision(session, base, rnd, kind, [t for t in trials if t])
        found.sort(key=lambda d: (-d.impact, d.round, d.kind))
        decisions[role] = tuple(found[:TOP])
        summaries[role] = summary(session, base, role)
    return Coaching(base.finished, decisions, summaries, tuple(persona_lines(session)), replays)


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


def _alternatives(session: Session, script: Script, lab: dict, rnd: int, role: str):
    """(kind, changes) for the plausible alternatives to a team's decisions in a round."""
    game, start = rules_of(session), script.starts[rnd]
    did = script.orders.get((rnd, role))
    if did is not None and not script.injects.get(rnd):
        seen, changes = {did: None}, []
        for name, policy in lab.items():
            alt = draft_orders(policy, start, game, role).actions
            if alt in seen:
                continue
            seen[alt] = name
            changes.append((Change(rnd, role, orders=alt),
                            _("what a {p} delegation would have ordered").format(p=name)))
        for i, dropped in enumerate(did):
            alt = did[:i] + did[i + 1:]
            if alt not in seen:
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
STEADY = _("None of the alternatives tried, round by round, would have changed this team's "
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
    """One paragraph per AI seat: its persona, and how that showed in the moves (and, in a
    finished game, in its reasoning)."""
    sc, out = session.scenario, []
    for role, seat in session.seats.items():
        if seat.human:
            continue
        base, _sep, mood = seat.persona.partition(":")
        blurb = PERSONA_BLURBS.get(base, "")
        temper = _(" ({m} temperament)").format(m=mood) if mood else ""
        out.append(" ".join(filter(None, [
            _("{who} was played by the {p} persona{t}: {b}").format(
                who=role_name(sc, role), p=base, t=temper, b=blurb),
            _moves_summary(session, role), _quote(session, role)])))
    return out


def _moves_summary(session: Session, role: str) -> str:
    sc = session.scenario
    families = Counter(sc.action(a.action_id).family for r in session.state.records
                       for a in r.orders if a.role == role)
    answers = [ok for r in session.state.records for who, _k, ok in r.responses if who == role]
    if not families and not answers:
        return _("It had not moved yet.")
    moves = ", ".join(f"{n} {f.replace('_', ' ')}" for f, n in families.most_common())
    said = (_("; it accepted {a} of the {n} offers it received").format(a=sum(answers), n=len(answers))
            if answers else _("; it received no offers"))
    return _("In the game its orders were {m}{s}.").format(m=moves or _("none"), s=said)


def _quote(session: Session, role: str) -> str:
    if not session.state.over:
        return ""  # reasoning lines name the AI's own domestic support: not for an open game
    notes = [n for n in session.notes if n.role == role]
    if not notes:
        return ""
    lines = [(n.round, reasoning_line(session.scenario, role, n)) for n in notes]
    rnd, line = max(lines, key=lambda x: (len(x[1]) > 40, -x[0]))
    return _("For example, in round {n}: “{line}”").format(n=rnd, line=line)
