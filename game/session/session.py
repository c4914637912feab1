"""A game in progress: the scenario, the state, the log of moves, the AI seats and autosave.

The text mode and the window both drive a `Session`. It is the one place that turns
moves into new states (through the pure rules), resolves a round once every answer is
in, asks AI seats for their moves, and saves after every move. Because a game is fully
determined by scenario, seed and move log, undo is a replay of a shorter log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ai import DEFAULT_PERSONA, ai_orders, ai_responses, make_policy
from game.ai.policy import Reasoned, ai_talk, ai_talk_turns
from game.model.actions import EndGame, InjectEvent, Move, Talk
from game.model.results import Phase, Reason
from game.model.scenario import Scenario
from game.model.state import GameState, Outcome, RoundRecord
from game.rules import (
    apply_action,
    awaiting_response,
    compile_scenario,
    legal_actions,
    new_game,
    outcome,
    resolve_round,
    view_for,
)
from game.rules.talks import readers
from game.rules.view import PlayerView


@dataclass(frozen=True, slots=True)
class Seat:
    """Who plays a role: a human team, or an AI persona."""

    human: bool
    persona: str = DEFAULT_PERSONA

    def label(self) -> str:
        """`human` or `ai:persona`."""
        return "human" if self.human else f"ai:{self.persona}"


@dataclass(frozen=True, slots=True)
class Note:
    """One step of an AI delegation's reasoning, revealed with the round it belongs to:
    the order it gave or the offer it answered (an action text; None for the choice to
    give no order), and why, as data (`game.words.reasoning_line` words it)."""

    round: int
    role: str
    action: str | None
    reason: Reason
    #: Who may read it while the game runs: None for everyone; for a step in private talks,
    #: the message's sender and addressees (everyone once the game is over).
    audience: tuple[str, ...] | None = None

    def readable_by(self, viewer: str | None, over: bool = False) -> bool:
        """True if `viewer` (None: the room) may read this note."""
        return over or self.audience is None or (viewer is not None and viewer in self.audience)


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A session as it stood: its state, moves and AI reasoning (see `Session.restore`)."""

    state: GameState
    log: tuple[Move, ...]
    notes: tuple[Note, ...]


class Session:
    """State plus log. Every change goes through `submit`, so the log always replays it."""

    def __init__(self, scenario: Scenario, seed: int, seats: dict[str, Seat],
                 rounds: int | None = None, scenario_path: str | None = None,
                 on_save: Callable[[Session], None] | None = None) -> None:
        missing = [r for r in scenario.role_ids if r not in seats]
        if missing:
            raise ValueError(f"no seat given for: {', '.join(missing)}")
        self.scenario = scenario
        self.game = compile_scenario(scenario)  # the tables every rule call reads
        self.seed = seed
        self.seats = dict(seats)
        self.rounds = rounds or scenario.rounds
        self.scenario_path = scenario_path
        self.on_save = on_save
        self.state: GameState = new_game(self.game, seed, self.rounds)
        self.log: list[Move] = []
        self.notes: list[Note] = []
        self.policies = {r: make_policy(s.persona, self.game)
                         for r, s in seats.items() if not s.human}

    # --- moves ---------------------------------------------------------------
    def submit(self, move: Move, notes: list[Reasoned] = ()) -> RoundRecord | None:
        """Apply a move (raises IllegalAction); resolve the round if it completes it."""
        self.state = apply_action(self.state, self.game, move)
        self.log.append(move)
        role = getattr(move, "role", None)
        audience = self._audience(move)
        self.notes.extend(Note(self.state.round, role, action, reason, audience)
                          for action, reason in notes if role)
        record = None
        if self.state.phase == Phase.RESOLVE:
            self.state, record = resolve_round(self.state, self.game)
        self.save()
        return record

    def _audience(self, move: Move) -> tuple[str, ...] | None:
        """Who may read the reasoning for `move`, just played: everyone, unless it is a
        message of private talks (see `game.rules.talks.readers`)."""
        if not isinstance(move, Talk) or not self.state.talks:
            return None
        return readers(self.game, self.state.talks[-1])

    def talk(self, move: Talk) -> None:
        """A team's message in the talks (raises IllegalAction with the refusal); then the
        AI delegations answer and speak until none has more to say."""
        self.submit(move)
        self.play_talks()

    def play_talks(self) -> int:
        """Let every AI party of the talks speak, in role order, until none has more to say
        this round; returns how many messages they sent."""
        sent = 0
        for _role, move, why in ai_talk_turns(self.game, self.policies, lambda: self.state,
                                              lambda r: not self.seats[r].human):
            self.submit(move, [(move.text(), why)])
            sent += 1
        return sent

    def inject_event(self, event_id: str) -> None:
        """A facilitator brings an event into play now."""
        self.submit(InjectEvent(event_id))

    def play_ai(self, one_round: bool = False) -> list[RoundRecord]:
        """Let every AI seat that owes a move make it; returns any rounds this resolved.

        With `one_round`, stop as soon as a round resolves, so a watcher sees each round."""
        records = []
        progressed = True
        while progressed and not self.state.over and not (one_round and records):
            progressed = False
            for role in self.waiting_for():
                if self.seats[role].human:
                    continue
                record = self._ai_move(role)
                progressed = True
                if record:
                    records.append(record)
                break
        return records

    def _ai_move(self, role: str) -> RoundRecord | None:
        policy = self.policies[role]
        if self.state.phase == Phase.ORDERS:
            self.play_talks()
            move, reasons = ai_orders(policy, self.state, self.game, role)
        else:
            move, reasons = ai_responses(policy, self.state, self.game, role)
        return self.submit(move, reasons)

    # --- questions -------------------------------------------------------------
    def waiting_for(self) -> list[str]:
        """Roles that still owe a move in the current phase, in scenario order."""
        st = self.state
        if st.phase == Phase.ORDERS:
            return [r for r in self.scenario.role_ids if r not in st.orders]
        if st.phase == Phase.RESPONSES:
            return awaiting_response(st, self.game)
        return []

    def next_human(self) -> str | None:
        """The next human team that owes a move, if any."""
        return next((r for r in self.waiting_for() if self.seats[r].human), None)

    def view(self, role: str | None, chosen: tuple = ()) -> PlayerView:
        """What `role` may see (None: the public view for a shared screen)."""
        return view_for(self.state, self.game, role, chosen)

    def legal(self, role: str, chosen: tuple = ()) -> list:
        """Orders `role` may add to `chosen` this round."""
        return legal_actions(self.state, self.game, role, chosen)

    def outcome(self) -> Outcome | None:
        """The outcome once the game is over."""
        return outcome(self.state, self.game)

    def notes_for(self, round_no: int, viewer: str | None = None) -> list[Note]:
        """AI reasoning for a round that has been revealed (never the current one) that
        `viewer` may read (None: the room, which never reads private talks' reasoning)."""
        over = self.state.over
        if round_no >= self.state.round and not over:
            return []
        return [n for n in self.notes if n.round == round_no and n.readable_by(viewer, over)]

    def talk_notes(self, viewer: str) -> list[Note]:
        """The reasoning of this round's talks so far that `viewer` may read: the AI
        delegations' reasons for the messages it sent or received."""
        return [n for n in self.notes if n.round == self.state.round and n.audience is not None
                and n.readable_by(viewer)]

    # --- facilitator -----------------------------------------------------------
    def undo_round(self) -> bool:
        """Go back to the start of the last resolved round; False if there is none."""
        if not self.state.records:
            return False
        moves, notes = self._moves_before_round(self.state.records[-1].round)
        self._rebuild(moves, notes)
        self.save()
        return True

    def _moves_before_round(self, round_no: int) -> tuple[list[Move], list[Note]]:
        """The prefix of the log played before `round_no` began taking orders."""
        state = new_game(self.game, self.seed, self.rounds)
        kept: list[Move] = []
        for move in self.log:
            if state.round >= round_no:
                break
            state = apply_action(state, self.game, move)
            if state.phase == Phase.RESOLVE:
                state, _ = resolve_round(state, self.game)
            kept.append(move)
        return kept, [n for n in self.notes if n.round < round_no]

    def _rebuild(self, moves: list[Move], notes: list[Note] | None) -> None:
        """Replay `moves` from the start; `notes` None: work the AI seats' reasoning out again."""
        self.state = new_game(self.game, self.seed, self.rounds)
        self.log = []
        self.notes = [] if notes is None else list(notes)
        for move in moves:
            if notes is None:
                self._recall(move)
            self.state = apply_action(self.state, self.game, move)
            self.log.append(move)
            if self.state.phase == Phase.RESOLVE:
                self.state, _ = resolve_round(self.state, self.game)

    def _recall(self, move: Move) -> None:
        """Note an AI seat's reasoning for `move`, about to be replayed, by asking its policy
        again: it decides the same way from the same state, so its reasons are the ones it
        gave. A move the policy would not make now (its seat played otherwise) gets none."""
        role = getattr(move, "role", None)
        policy = self.policies.get(role)
        if isinstance(move, Talk) and policy is not None:
            again, why = ai_talk(policy, self.state, self.game, role)
            if again == move:
                self.notes.append(Note(self.state.round, role, move.text(), why,
                                       self._audience_before(move)))
            return
        if policy is None or self.state.phase not in (Phase.ORDERS, Phase.RESPONSES):
            return
        ask = ai_orders if self.state.phase == Phase.ORDERS else ai_responses
        again, reasons = ask(policy, self.state, self.game, role)
        if again == move:
            self.notes.extend(Note(self.state.round, role, a, r) for a, r in reasons)

    def _audience_before(self, move: Talk) -> tuple[str, ...] | None:
        """`_audience` for a talk message about to be played."""
        return readers(self.game, apply_action(self.state, self.game, move).talks[-1])

    def end_now(self) -> None:
        """A facilitator ends the game: it is scored as it stands."""
        if not self.state.over:
            self.submit(EndGame())

    def checkpoint(self) -> Checkpoint:
        """The session as it stands now, to come back to with `restore`."""
        return Checkpoint(self.state, tuple(self.log), tuple(self.notes))

    def restore(self, point: Checkpoint) -> None:
        """Go back to a checkpoint: a move whose save failed is taken back, so the game in
        memory never runs ahead of its save. Seats are not part of a checkpoint."""
        self.state, self.log, self.notes = point.state, list(point.log), list(point.notes)

    def save(self) -> None:
        """Hand the session to the autosave hook, if there is one."""
        if self.on_save is not None:
            self.on_save(self)

    @classmethod
    def from_log(cls, scenario: Scenario, seed: int, seats: dict[str, Seat], moves: list[Move],
                 rounds: int | None = None, notes: list[Note] | None = (),
                 scenario_path: str | None = None) -> Session:
        """Rebuild a session by replaying its moves (raises IllegalAction on a bad log);
        `notes` None works the AI seats' reasoning out again (for a save that kept it
        only as text)."""
        session = cls(scenario, seed, seats, rounds, scenario_path)
        session._rebuild(list(moves), None if notes is None else list(notes))
        return session
