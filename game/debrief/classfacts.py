"""The facts a class debrief compares, gathered from one table's game.

`table_facts(label, session, full)` replays the game's log once (the rules are pure, so
this is exact) to date what the ledger alone does not: the round each public demand was
set aside or met, and the round each milestone first operated. Everything else comes
from the final state, the outcome and the public ledger.

Fog: the class debrief is shown to a room. A finished game has no secrets left. For an
unfinished one (unless `full`) the facts hold only what the room could see: no scores and
no objectives; demands, the cooperation track, commitments, tension and trust are public.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.debrief.agreements import AgreementFact, agreements_of
from game.debrief.whatif import rules_of, script_of
from game.model.results import Cause, Status, Track
from game.model.state import Commitment, GameState
from game.rules.conditions import holds
from game.session.history import turning_points
from game.session.session import Session
from game.words import cause_title, outcome_name
from game.words.report import turning_point_line

#: What became of a public demand: still standing, set aside by its holder, or met.
STANDING, SET_ASIDE, MET = "standing", "set_aside", "met"


@dataclass(frozen=True, slots=True)
class DemandFate:
    """A public demand a role stood by at some point of the game, and what became of it."""

    role: str
    demand: str
    fate: str  # STANDING, SET_ASIDE or MET
    round: int | None  # the round it was set aside or met; None while it stands
    made: int  # the round it was made; 0 if it stood from the start


@dataclass(frozen=True, slots=True)
class TeamFacts:
    """One team's figures for assessment; the score fields are None when fogged."""

    role: str
    human: bool
    persona: str
    total: int | None
    ending_points: int | None
    objective_points: int | None
    objectives_met: int | None
    objectives: int
    orders: int
    concessions: int
    made: int  # commitments this team made
    kept: int
    broken: int


@dataclass(frozen=True)
class TableFacts:
    """What the class debrief compares about one table's game."""

    label: str
    session: Session
    finished: bool
    scored: bool  # scores may be shown: the game is over, or the facilitator asked for --full
    ending: str | None  # the ending's id once the game is over
    ending_name: str | None
    round: int  # the round the game ended or stopped in
    tension: int
    operating: tuple[str, ...]  # milestone ids operating at the end
    first_operating: dict[str, int]  # milestone id -> the round it first operated
    demands: tuple[DemandFate, ...]
    broken: tuple[Commitment, ...]
    first_grit: int | None  # the first round a concession was reciprocated within the round
    turning: tuple[str, ...]  # the turning points in words
    agreements: tuple[AgreementFact, ...] | None  # None: this game records no agreements
    teams: dict[str, TeamFacts]


def table_facts(label: str, session: Session, full: bool = False) -> TableFacts:
    """The facts of one table's game (pure; replays the log once)."""
    st, sc = session.state, session.scenario
    result = session.outcome()
    starts = _round_starts(session)
    ledger = session.view(None).ledger() if not (full or st.over) else st.ledger
    return TableFacts(
        label=label, session=session, finished=st.over, scored=st.over or full,
        ending=result.ending if result else None, ending_name=outcome_name(sc, result) if result else None,
        round=st.round, tension=st.tension,
        operating=tuple(m.id for m in sc.milestones if st.milestones[m.id] == Track.OPERATING),
        first_operating=_first_operating(starts), demands=_demands(session, starts),
        broken=tuple(c for c in st.commitments if c.status == Status.BROKEN),
        first_grit=min((e.round for e in ledger if e.cause == Cause.RULE), default=None),
        turning=tuple(turning_point_line(sc, p, cause_title(sc, p.entries[0]))
                      for p in turning_points(st)),
        agreements=agreements_of(session),
        teams={r: _team(session, r, st.over or full) for r in sc.role_ids})


def _round_starts(session: Session) -> list[tuple[int, GameState]]:
    """(round, state) at the start of every round played, then (last round + 1, final state)."""
    script = script_of(session)
    starts = sorted(script.starts.items())
    return [*starts, (session.state.round + 1, session.state)]


def _first_operating(starts: list[tuple[int, GameState]]) -> dict[str, int]:
    """Milestone id -> the round during which it first came to operate."""
    first: dict[str, int] = {}
    for (rnd, _before), (_next, after) in zip(starts, starts[1:], strict=False):
        for m, status in after.milestones.items():
            if status == Track.OPERATING and m not in first:
                first[m] = rnd
    return first


def _demands(session: Session, starts: list[tuple[int, GameState]]) -> tuple[DemandFate, ...]:
    """Every demand that stood at some point, dated from the states between rounds.

    A demand that vanished was met if someone else's action earned its holder the
    reward for it that round (a `demand` ledger entry by another actor), else set aside."""
    made = {d: 0 for d in starts[0][1].demands}
    gone: dict[tuple[str, str], int] = {}
    for (rnd, before), (_next, after) in zip(starts, starts[1:], strict=False):
        made.update({d: rnd for d in after.demands - before.demands if d not in made})
        gone.update({d: rnd for d in before.demands - after.demands})
    ledger = session.state.ledger
    fates = []
    for (role, demand), when in made.items():
        out = gone.get((role, demand)) if (role, demand) not in session.state.demands else None
        met = out is not None and any(
            e.round == out and e.cause == "demand" and e.actor != role
            and e.meter == f"support.{role}" for e in ledger)
        fate = STANDING if out is None else MET if met else SET_ASIDE
        fates.append(DemandFate(role, demand, fate, out, when))
    return tuple(fates)


def _team(session: Session, role: str, scored: bool) -> TeamFacts:
    """One team's figures; scores and objectives only when `scored`. An unfinished game
    shown in full has no total or ending points yet: its objectives count as they stand."""
    st, sc, game = session.state, session.scenario, rules_of(session)
    result = session.outcome() if scored else None
    parts = result.scores[role] if result else ()
    objectives = game.objectives[role]
    met = [o for o in objectives if holds(o.when, st, role)] if scored else None
    orders = [a for r in st.records for a in r.orders if a.role == role]
    seat = session.seats[role]
    mine = [c for c in st.commitments if c.actor == role]
    return TeamFacts(
        role=role, human=seat.human, persona="" if seat.human else seat.persona,
        total=result.total(role) if result else None,
        ending_points=parts[0].points if parts else None,
        objective_points=(sum(p.points for p in parts[1:]) if parts
                          else sum(o.points for o in met) if met is not None else None),
        objectives_met=None if met is None else len(met), objectives=len(objectives), orders=len(orders),
        concessions=sum(1 for a in orders if sc.action(a.action_id).concession),
        made=len(mine), kept=sum(1 for c in mine if c.status == Status.KEPT),
        broken=sum(1 for c in mine if c.status == Status.BROKEN))


def demand_fates(session: Session) -> tuple[DemandFate, ...]:
    """Every demand that stood at some point in a game, and its fate (replays the log once)."""
    return _demands(session, _round_starts(session))
