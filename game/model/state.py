"""The game state and the records the engine keeps: lean dataclasses, not pydantic.

The rules copy a state once per move and then change the copy, so these types favour
cheap copies over validation. Validation happens at the edges (scenario files, saves,
replays). Meters change only through `LedgerEntry` records (see `game.model.results`) made in
`game.rules.ledger`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields

from game.model.actions import Action
from game.model.results import LedgerEntry, Phase, ScorePart, Status, Track

__all__ = ["Agreement", "Commitment", "GameState", "LedgerEntry", "MeterLayout", "MeterMap",
           "Outcome", "Package", "RoundRecord", "ScorePart", "TENSION_BANDS", "TalkMessage",
           "TermRecord", "tension_band"]

#: Tension bands, as (lowest value, name), highest first.
TENSION_BANDS = ((75, "crisis"), (50, "strained"), (25, "wary"), (0, "calm"))


def tension_band(value: int) -> str:
    """The named band for a tension value: calm < 25 <= wary < 50 <= strained < 75 <= crisis."""
    for low, name in TENSION_BANDS:
        if value >= low:
            return name
    return "calm"


@dataclass(frozen=True, slots=True)
class Commitment:
    """A promise made by one role to another, running until `expires` unless broken first."""

    key: str  # the action text that made it, plus the round: unique in a game
    action_id: str
    name: str
    actor: str
    recipient: str
    made: int
    expires: int
    status: Status = Status.ACTIVE
    ended: int | None = None


#: A package of the talks: one (issue id, option id) pair per issue, in the scenario's
#: issue order (see `game.model.negotiation`).
Package = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class TalkMessage:
    """One message of the talks: `kind` is propose, counter, accept, decline or withdraw;
    `to` the addressees (for an answer: the proposal's sender); `terms` the package
    proposed (empty for an answer); `ref` the proposal answered (its `id`), or 0. `id`
    numbers the game's messages from 1."""

    id: int
    round: int
    sender: str
    kind: str
    to: tuple[str, ...]
    terms: Package = ()
    ref: int = 0

    def as_data(self) -> dict:
        """The save's form: `{round, from, to, kind, terms: {issue: option}, ref}`."""
        return {"id": self.id, "round": self.round, "from": self.sender, "to": list(self.to),
                "kind": self.kind, "terms": dict(self.terms), "ref": self.ref}


@dataclass(frozen=True, slots=True)
class Agreement:
    """A package every party accepted: `pending` until the round resolves, then
    `in_force`, or `failed` if an option's ratification failed."""

    proposal: int  # the id of the message accepted
    parties: tuple[str, ...]
    terms: Package
    concluded: int  # the round
    status: str = "pending"


@dataclass(frozen=True, slots=True)
class TermRecord:
    """One term of an agreement in force, running from `made` to `expires`: a deed
    (`deed` True: kept once done) or a restraint (kept if never broken)."""

    key: str  # issue.option.n
    role: str
    toward: str
    made: int
    expires: int
    deed: bool
    status: Status = Status.ACTIVE
    ended: int | None = None


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """What was revealed in one round: event, orders, responses and the ledger span."""

    round: int
    event: str | None
    orders: tuple[Action, ...]
    responses: tuple[tuple[str, str, bool], ...]  # (responder, offer key, accepted)
    ledger_start: int
    ledger_end: int


@dataclass(frozen=True, slots=True)
class MeterLayout:
    """Where each meter sits in `GameState.meters`: the compiled scenario's meter numbers by
    ledger name and by key. Tension is always meter 0."""

    names: Mapping[str, int]  # ledger name -> index
    trust: Mapping[tuple[str, str], int]  # (truster, trusted) -> index
    support: Mapping[str, int]  # role -> index
    progress: Mapping[str, int]  # milestone -> index
    transparency: Mapping[tuple[str, str], int]  # (measuring role, toward) -> index


class MeterMap(Mapping):
    """A read-only mapping from keys to the current values of some meters of a state."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: list[int], index: Mapping) -> None:
        self._values, self._index = values, index

    def __getitem__(self, key) -> int:
        return self._values[self._index[key]]

    def __iter__(self) -> Iterator:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"MeterMap({dict(self)!r})"


def _dicts(value: dict) -> dict:
    return {k: dict(v) for k, v in value.items()}


def _lists(value: dict) -> dict:
    return {k: list(v) for k, v in value.items()}


def copied(copier: Callable, **kw):
    """A `GameState` field holding a container the rules change in place: `copy()` gives
    the copy its own, made by `copier` (every other field holds an immutable value and is
    shared)."""
    return field(metadata={"copy": copier}, **kw)


@dataclass(slots=True)
class GameState:
    """Everything about a game in progress. Treat as immutable outside `game.rules`.

    Every meter's value sits in the flat list `meters`, numbered as in the compiled
    scenario; `tension`, `trust`, `support`, `progress` and `transparency` read them by
    name as read-only properties, and `meter(name)` by ledger name."""

    scenario_id: str
    seed: int
    rounds: int
    round: int
    phase: Phase
    meters: list[int] = copied(list)  # by meter index: tension, trust, support, progress, ...
    layout: MeterLayout
    milestones: dict[str, Track] = copied(dict)  # by milestone id
    commitments: tuple[Commitment, ...] = ()
    demands: frozenset[tuple[str, str]] = frozenset()  # (role, demand id) standing
    uses: dict[tuple[str, str, str | None], int] = copied(dict, default_factory=dict)  # by Action
    orders: dict[str, tuple[Action, ...]] = copied(dict, default_factory=dict)
    responses: dict[str, dict[str, bool]] = copied(_dicts, default_factory=dict)
    event: str | None = None
    fired: frozenset[str] = frozenset()
    injected: tuple[str, ...] = ()
    ledger: list[LedgerEntry] = copied(list, default_factory=list)
    records: list[RoundRecord] = copied(list, default_factory=list)
    breakdown: bool = False
    round_ledger_start: int = 0
    #: Viewer (a role, or None for the public) -> the ledger entries it may see while the
    #: game runs, written with the ledger itself (see `game.rules.ledger.change`).
    seen: dict[str | None, list[LedgerEntry]] = copied(_lists, default_factory=dict)
    #: The events the facilitator has brought in this round (emptied when a round opens).
    injected_now: frozenset[str] = frozenset()
    #: Every message of the talks so far, in order (see `game.rules.talks`).
    talks: tuple[TalkMessage, ...] = ()
    #: The package agreed, once every party has accepted one.
    agreement: Agreement | None = None
    #: The terms of the agreement in force, as they run.
    terms: tuple[TermRecord, ...] = ()
    #: Options whose ratification failed, as (issue id, option id): out of the talks since.
    rejected: frozenset[tuple[str, str]] = frozenset()

    def copy(self) -> GameState:
        """A copy whose containers can be changed without touching this state: every field,
        each container copied as its field says (see `copied`)."""
        return _copiers(type(self))[0](self)

    def shallow(self) -> GameState:
        """A copy that shares every container with this state.

        Only for moves that replace, and never change in place, the containers they
        alter: giving orders only swaps in a new `orders` dict, so the meters, the ledger
        and the records need not be copied (the ledger alone grows to hundreds of entries).
        """
        return _copiers(type(self))[1](self)

    @property
    def over(self) -> bool:
        """True once the game has ended."""
        return self.phase == Phase.OVER

    def meter(self, name: str) -> int:
        """Read a meter by its ledger name: `tension`, `trust.<from>.<to>`, `support.<role>`,
        `progress.<milestone>` or `transparency.<from>.<toward>`; KeyError for any other."""
        return self.meters[self.layout.names[name]]

    @property
    def tension(self) -> int:
        """Tension, 0-100 (a breakdown at 100)."""
        return self.meters[0]

    @property
    def trust(self) -> Mapping[tuple[str, str], int]:
        """Trust, 0-100, by (truster, trusted): read-only."""
        return MeterMap(self.meters, self.layout.trust)

    @property
    def support(self) -> Mapping[str, int]:
        """Domestic support, 0-100, by role: read-only."""
        return MeterMap(self.meters, self.layout.support)

    @property
    def progress(self) -> Mapping[str, int]:
        """Progress toward each milestone, by milestone id: read-only."""
        return MeterMap(self.meters, self.layout.progress)

    @property
    def transparency(self) -> Mapping[tuple[str, str], int]:
        """Transparency measures by the first role toward the second: read-only."""
        return MeterMap(self.meters, self.layout.transparency)


_COPIERS: dict[type, tuple[Callable, Callable]] = {}


def _copiers(cls: type) -> tuple[Callable, Callable]:
    """`copy` and `shallow` for states of class `cls`, written once from its fields.

    Each is one call of the class with every field in order, as `dataclasses` writes
    `__init__`: a state is copied once per move, and a loop over the fields measured
    twice as slow."""
    found = _COPIERS.get(cls)
    if found is None:
        names = [f.name for f in fields(cls)]
        copiers = {f.name: f.metadata["copy"] for f in fields(cls) if "copy" in f.metadata}
        deep = ", ".join(f"_{n}(s.{n})" if n in copiers else f"s.{n}" for n in names)
        same = ", ".join(f"s.{n}" for n in names)
        scope = {"cls": cls, **{f"_{n}": c for n, c in copiers.items()}}
        # The code is made from the dataclass's own field names only.
        exec(f"def copy(s):\n    return cls({deep})\n"
             f"def shallow(s):\n    return cls({same})\n", scope)
        found = _COPIERS[cls] = (scope["copy"], scope["shallow"])
    return found


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a finished game ended and what each role scored, part by part, as data:
    `ending` is the ending's id ("stopped" for a facilitator's stop), `round` the round it
    ended in, `scores` each role's parts (see `ScorePart`). `game.words.outcome_name`,
    `outcome_text` and `score_label` put them in words."""

    ending: str
    round: int
    breakdown: bool
    scores: dict[str, tuple[ScorePart, ...]]

    def total(self, role: str) -> int:
        """A role's total score."""
        return sum(p.points for p in self.scores[role])

    def winners(self) -> list[str]:
        """Roles with the highest total (ties share the top)."""
        best = max(self.total(r) for r in self.scores)
        return [r for r in self.scores if self.total(r) == best]
