"""What-if replays: branch a game at a round, change one team's orders or answers, play on.

A game is fully determined by its scenario, seed and move log, and every draw of chance
comes from a generator derived from (seed, round, purpose). So a branch keeps the log up
to the branch round verbatim, swaps in the changed move, and plays forward with the same
seed: events, ratification rolls and AI tie-breaks draw exactly what they drew before,
wherever the branch has not changed what they depend on.

After the branch point
- AI seats decide afresh with their own seeded generators (they see the new state);
- human teams repeat what they recorded, as far as it is still allowed (an order that is
  no longer open is dropped; an offer the team never saw is answered by a stand-in
  reciprocator), and every such adaptation is listed in `Branch.adapted`;
- a facilitator's events are brought in at the same round, and an early end comes at the
  same round and phase;
- a game that was stopped unfinished is branched only as far as it was played.

An unchanged branch reproduces the original game exactly (tests check this).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ai import make_policy
from game.ai.policy import Policy, ai_talk_turns, draft_orders, draft_responses
from game.model.actions import (
    Action,
    EndGame,
    IllegalAction,
    InjectEvent,
    Move,
    Orders,
    Responses,
    Talk,
)
from game.model.results import Phase
from game.model.state import GameState
from game.rules import (
    apply_action,
    awaiting_response,
    legal_actions,
    new_game,
    offers_to,
    points_left,
    resolve_round,
)
from game.rules.talks import readers, why_not_talk
from game.session.session import Note, Session
from game.words import _, refusal_line

#: The persona that stands in for a human team facing a question it never answered.
STAND_IN = "reciprocator"


class WhatIfError(ValueError):
    """A branch that cannot be played; the message names the problem and the fix."""


@dataclass(frozen=True, slots=True)
class Change:
    """One team's changed decision in one round: new orders, new answers, or both.

    `answers` pairs each offer key (an action's text form) with True (accept) or False."""

    round: int
    role: str
    orders: tuple[Action, ...] | None = None
    answers: tuple[tuple[str, bool], ...] | None = None


@dataclass(frozen=True)
class Script:
    """What the original game recorded, indexed for playing a branch forward.

    `starts[r]` is the state when round r began (before any move of it) and `cut[r]` the
    number of log moves made before then; `orders`/`answers` are keyed by (round, role)."""

    seed: int
    rounds: int
    log: tuple[Move, ...]
    starts: dict[int, GameState]
    cut: dict[int, int]
    orders: dict[tuple[int, str], tuple[Action, ...]]
    answers: dict[tuple[int, str], dict[str, bool]]
    injects: dict[int, tuple[InjectEvent, ...]]
    end: tuple[int, str] | None  # (round, phase) of a facilitator's early end
    stop: int | None  # the round an unfinished game stopped in
    played: tuple[int, ...]  # rounds that were resolved
    #: Every talk message of each round, in order (a branch replays the human teams' own).
    talks: dict[int, tuple[Talk, ...]] = field(default_factory=dict)
    #: The state just before each round's first talk message.
    before_talks: dict[int, GameState] = field(default_factory=dict)


def rules_of(session: Session):
    """The object the rule functions take for this session's scenario."""
    return getattr(session, "game", session.scenario)


def script_of(session: Session) -> Script:
    """Replay a session's log once and index it for branching (pure; no saving)."""
    game = rules_of(session)
    state = new_game(game, session.seed, session.rounds)
    starts, cut = {1: state}, {1: 0}
    orders, answers, injects, end = {}, {}, {}, None
    talks: dict[int, tuple[Talk, ...]] = {}
    before_talks: dict[int, GameState] = {}
    for i, move in enumerate(session.log):
        rnd, phase = state.round, state.phase
        if isinstance(move, Orders):
            orders[(rnd, move.role)] = move.actions
        elif isinstance(move, Responses):
            answers[(rnd, move.role)] = move.as_dict()
        elif isinstance(move, InjectEvent):
            injects[rnd] = (*injects.get(rnd, ()), move)
        elif isinstance(move, EndGame):
            end = (rnd, phase)
        elif isinstance(move, Talk):
            talks[rnd] = (*talks.get(rnd, ()), move)
            before_talks.setdefault(rnd, state)
        state = apply_action(state, game, move)
        if state.phase == Phase.RESOLVE:
            state, _record = resolve_round(state, game)
        if not state.over and state.round not in starts:
            starts[state.round], cut[state.round] = state, i + 1
    return Script(session.seed, session.rounds, tuple(session.log), starts, cut, orders, answers,
                  injects, end, None if state.over else state.round,
                  tuple(r.round for r in state.records), talks, before_talks)


@dataclass
class Forward:
    """A branch played forward from its round: the moves made, notes and adaptations."""

    state: GameState
    moves: list[Move] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    adapted: list[str] = field(default_factory=list)


class Player:
    """Plays a branch forward from a script; shared by single branches and the coach."""

    def __init__(self, game, roles: tuple[str, ...], humans: frozenset[str],
                 policies: dict[str, Policy], script: Script, reasons: bool = True) -> None:
        self.game, self.roles, self.humans = game, roles, humans
        self.policies, self.script, self.reasons = policies, script, reasons
        self.stand_in: Policy | None = None

    def play(self, change: Change) -> Forward:
        """Play from the start of `change.round` to the end (raises WhatIfError)."""
        sc = self.script
        if change.round not in sc.played:
            raise WhatIfError(_("round {n} was not played in this game; choose a round from {r}")
                              .format(n=change.round, r=_span(sc.played)))
        run, injected, talked = Forward(sc.starts[change.round]), set(), set()
        while not run.state.over:
            st = run.state
            at_start = st.phase == Phase.ORDERS and not st.orders
            if at_start and st.round not in injected:  # the facilitator's events come first
                injected.add(st.round)
                for inject in sc.injects.get(st.round, ()):
                    self._apply(run, inject, change)
                continue
            if at_start and st.round not in talked:  # then the talks, before any orders
                talked.add(st.round)
                self._talks(run, change)
                continue
            if sc.stop is not None and st.round >= sc.stop and at_start:
                break  # the original stopped here, unfinished
            if sc.end == (st.round, st.phase):
                self._apply(run, EndGame(), change)
                break
            self._phase(run, change)
        return run

    def _phase(self, run: Forward, change: Change) -> None:
        st = run.state
        if st.phase == Phase.ORDERS:
            for role in [r for r in self.roles if r not in st.orders]:
                self._apply(run, self._orders(run, role, change), change)
        elif st.phase == Phase.RESPONSES:
            for role in awaiting_response(st, self.game):
                self._apply(run, self._answers(run, role, change), change)

    def _apply(self, run: Forward, move: Move, change: Change) -> None:
        try:
            state = apply_action(run.state, self.game, move)
        except IllegalAction as exc:
            if isinstance(move, InjectEvent):
                run.adapted.append(_("Round {n}: the facilitator's event {e} could not be brought "
                                     "in ({why})").format(n=run.state.round, e=move.event_id,
                                                          why=refusal_line(self.game, exc.refusal)))
                return
            raise WhatIfError(_("round {n}: {why}").format(
                n=change.round, why=refusal_line(self.game, exc.refusal, exc.action))) from None
        run.moves.append(move)
        if state.phase == Phase.RESOLVE:
            state, _record = resolve_round(state, self.game)
        run.state = state

    def _talks(self, run: Forward, change: Change) -> None:
        """The round's talks: as the original played them while the branch has changed
        nothing yet; after that the AI delegations speak, then each message the human teams
        sent is sent again (if the branch still allows it), and the AI delegations answer."""
        recorded = self.script.talks.get(run.state.round, ())
        start = self.script.before_talks.get(run.state.round)
        if start is not None and _same_game(start, run.state):
            for move in recorded:  # nothing has changed yet: the talks go as they went
                self._apply(run, move, change)
            return
        self._ai_talks(run, change)
        for move in recorded:
            if move.role not in self.humans:
                continue
            if why_not_talk(run.state, self.game, move) is not None:
                run.adapted.append(_("Round {n}: a message of {role} in the talks was no longer "
                                     "possible and was dropped").format(
                    n=run.state.round, role=self._name(move.role)))
                continue
            self._apply(run, move, change)
            self._ai_talks(run, change)

    def _ai_talks(self, run: Forward, change: Change) -> None:
        if getattr(self.game, "talks", None) is None:
            return
        policies = {r: self._policy(r) for r in self.game.talks.parties if r not in self.humans}
        for role, move, why in ai_talk_turns(self.game, policies, lambda: run.state,
                                              lambda r: r in policies):
            self._apply(run, move, change)
            if self.reasons:
                audience = readers(self.game, run.state.talks[-1])
                run.notes.append(Note(run.state.round, role, move.text(), why, audience))

    def _orders(self, run: Forward, role: str, change: Change) -> Orders:
        st = run.state
        if (st.round, role) == (change.round, change.role) and change.orders is not None:
            return Orders(role, change.orders)
        if role in self.humans:
            recorded = self.script.orders.get((st.round, role))
            if recorded is not None:
                return self._recorded_orders(run, role, recorded)
            run.adapted.append(_("Round {n}: {role} had no recorded orders; a stand-in "
                                 "{p} gave them").format(n=st.round, role=self._name(role),
                                                          p=STAND_IN))
        return self._ai_orders(run, role)

    def _recorded_orders(self, run: Forward, role: str, recorded: tuple[Action, ...]) -> Orders:
        chosen: list[Action] = []
        for action in recorded:
            if action in legal_actions(run.state, self.game, role, tuple(chosen)):
                chosen.append(action)
            else:
                run.adapted.append(_("Round {n}: {a} was no longer open and was dropped")
                                   .format(n=run.state.round, a=action.text()))
        return Orders(role, tuple(chosen))

    def _ai_orders(self, run: Forward, role: str) -> Orders:
        lines: list | None = [] if self.reasons else None
        move = draft_orders(self._policy(role), run.state, self.game, role, lines)
        run.notes.extend(Note(run.state.round, role, *n) for n in lines or ())
        return move

    def _answers(self, run: Forward, role: str, change: Change) -> Responses:
        st = run.state
        if (st.round, role) == (change.round, change.role) and change.answers is not None:
            return Responses(role, change.answers)
        lines: list | None = [] if self.reasons else None
        if role not in self.humans:
            move = draft_responses(self._policy(role), st, self.game, role, lines)
            run.notes.extend(Note(st.round, role, *n) for n in lines or ())
            return move
        recorded = self.script.answers.get((st.round, role), {})
        due = [o.key for o in offers_to(st, self.game, role)]
        if all(k in recorded for k in due):
            return Responses(role, tuple((k, recorded[k]) for k in due))
        stand_in = dict(draft_responses(self._policy(role), st, self.game, role).decisions)
        for key in due:
            if key not in recorded:
                run.adapted.append(_("Round {n}: {role} never saw the offer {k}; a stand-in "
                                     "{p} answered it").format(n=st.round, role=self._name(role), k=key,
                                                               p=STAND_IN))
        return Responses(role, tuple((k, recorded.get(k, stand_in[k])) for k in due))

    def _policy(self, role: str) -> Policy:
        if role in self.policies:
            return self.policies[role]
        if self.stand_in is None:
            self.stand_in = make_policy(STAND_IN, self.game)
        return self.stand_in

    def _name(self, role: str) -> str:
        return self.script_scenario.role(role).name

    @property
    def script_scenario(self):
        """The pydantic scenario, for building a stand-in persona."""
        return getattr(self.game, "scenario", self.game)


def _same_game(a: GameState, b: GameState) -> bool:
    """True if two states of one round are the same game so far (the same ledger, talks,
    orders and meters): a branch that has changed nothing yet."""
    return (a.round == b.round and a.meters == b.meters and a.ledger == b.ledger
            and a.talks == b.talks and a.orders == b.orders)


def _span(rounds: tuple[int, ...]) -> str:
    return f"{rounds[0]}-{rounds[-1]}" if rounds else _("(none: no round was finished)")


@dataclass(frozen=True)
class Branch:
    """The original game and its branch, both as sessions, and what had to be adapted."""

    original: Session
    branched: Session
    change: Change
    adapted: tuple[str, ...]


def player_for(session: Session, script: Script, reasons: bool = True) -> Player:
    """A branch player with the session's own AI seats."""
    humans = frozenset(r for r, s in session.seats.items() if s.human)
    return Player(rules_of(session), session.scenario.role_ids, humans, session.policies,
                  script, reasons)


def branch(session: Session, change: Change, script: Script | None = None) -> Branch:
    """Play `change` forward under the same chance; raises WhatIfError if it cannot be played."""
    if change.role not in session.scenario.role_ids:
        raise WhatIfError(_("unknown role {r!r}; the roles are {all}").format(
            r=change.role, all=", ".join(session.scenario.role_ids)))
    if change.orders is None and change.answers is None:
        raise WhatIfError(_("nothing to change: give new orders or new answers"))
    script = script or script_of(session)
    run = player_for(session, script).play(change)
    prefix = list(script.log[:script.cut[change.round]])
    notes = [n for n in session.notes if n.round < change.round] + run.notes
    branched = Session.from_log(session.scenario, session.seed, dict(session.seats),
                                prefix + run.moves, session.rounds, notes, session.scenario_path)
    return Branch(session, branched, change, tuple(run.adapted))


@dataclass(frozen=True)
class Choices:
    """What a team could have done in a round: its menu, the offers it got, what it did."""

    round: int
    role: str
    menu: tuple[Action, ...]
    offers: tuple[str, ...]
    orders: tuple[Action, ...]
    answers: tuple[tuple[str, bool], ...]


def choices(session: Session, round_no: int, role: str, script: Script | None = None) -> Choices:
    """The orders `role` could give in `round_no`, and the offers it answered then."""
    script = script or script_of(session)
    if role not in session.scenario.role_ids:
        raise WhatIfError(_("unknown role {r!r}; the roles are {all}").format(
            r=role, all=", ".join(session.scenario.role_ids)))
    state = round_start(session, script, round_no)
    record = next(r for r in session.state.records if r.round == round_no)
    answers = tuple((k, ok) for r, k, ok in record.responses if r == role)
    return Choices(round_no, role, tuple(legal_actions(state, rules_of(session), role)),
                   tuple(k for k, _ok in answers), script.orders.get((round_no, role), ()), answers)


def round_start(session: Session, script: Script, round_no: int) -> GameState:
    """The state when `round_no` took its first orders (after any facilitator's event);
    raises WhatIfError for a round that was not played."""
    if round_no not in script.played:
        raise WhatIfError(_("round {n} was not played in this game; choose a round from {r}")
                          .format(n=round_no, r=_span(script.played)))
    state = script.starts[round_no]
    for inject in script.injects.get(round_no, ()):
        state = apply_action(state, rules_of(session), inject)
    return state


def open_orders(session: Session, script: Script, round_no: int, role: str,
                chosen: tuple[Action, ...]) -> tuple[list[Action], int]:
    """For a what-if chooser: the orders `role` may still add to `chosen` at the start of
    `round_no`, and the action points left (rounds not played raise WhatIfError)."""
    game = rules_of(session)
    state = round_start(session, script, round_no)
    return legal_actions(state, game, role, chosen), points_left(game, chosen)
