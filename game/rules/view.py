"""What one team may see: public meters, its own secrets, and fog over others' support.

`view_for(state, scenario, role)` is the only way the UI, the text mode and the AI read a
game. A view for `None` is the public view shown on a shared screen: it holds no private
information at all. When the game is over, everything is revealed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from game.model.actions import Action
from game.model.scenario import EventSpec, ObjectiveSpec, Scenario
from game.model.state import Commitment, GameState, LedgerEntry, RoundRecord, tension_band
from game.rules.index import index
from game.rules.offers import Offer, offers_to
from game.rules.rng import derive_seed


@dataclass(frozen=True, slots=True)
class PlayerView:
    """A read-only picture of the game for one team (or for everyone, if role is None)."""

    role: str | None
    round: int
    rounds: int
    phase: str
    tension: int
    band: str
    trust: dict[tuple[str, str], int]
    support: Mapping[str, tuple[int, int]]  # role -> (low, high); exact roles have low == high
    milestones: dict[str, str]
    progress: dict[str, int]
    commitments: tuple[Commitment, ...]
    demands: frozenset[tuple[str, str]]
    event: EventSpec | None
    objectives: tuple[ObjectiveSpec, ...]
    orders: tuple[Action, ...]
    offers: tuple[Offer, ...]
    submitted: frozenset[str]
    records: tuple[RoundRecord, ...]
    breakdown: bool
    _ledger: list[LedgerEntry]
    _hidden: frozenset[str]

    @property
    def over(self) -> bool:
        """True once the game has ended."""
        return self.phase == "over"

    def ledger(self, round_no: int | None = None) -> list[LedgerEntry]:
        """Ledger entries this viewer may see, for one round or the whole game."""
        return [e for e in self._ledger
                if (round_no is None or e.round == round_no) and e.meter not in self._hidden]

    def own_support(self) -> int | None:
        """This team's exact domestic support, or None for the public view."""
        return self.support[self.role][0] if self.role else None


def view_for(state: GameState, scenario: Scenario, role: str | None,
             chosen: tuple[Action, ...] = ()) -> PlayerView:
    """The view of the game that `role` may see; `chosen` are its orders being drafted."""
    ix = index(scenario)
    if role is not None and role not in ix.roles:
        raise ValueError(f"unknown role {role!r}")
    over = state.phase == "over"
    support = FogRanges(state, scenario, role, ix.roles)
    objectives, hidden = _per_role(scenario, ix, role)
    if over:
        hidden = frozenset()
    mine = role is not None
    return PlayerView(
        role, state.round, state.rounds, state.phase, state.tension, tension_band(state.tension),
        # Read-only windows onto the state's own dicts: states never change once made,
        # and copying three dicts for every AI decision was a measurable cost.
        MappingProxyType(state.trust), support, MappingProxyType(state.milestones),
        MappingProxyType(state.progress),
        state.commitments, state.demands, ix.events.get(state.event) if state.event else None,
        objectives,
        (state.orders.get(role, chosen) if mine else ()),
        tuple(offers_to(state, scenario, role)) if mine and state.phase == "responses" else (),
        frozenset(state.orders), _records(state.records), state.breakdown, state.ledger, hidden,
    )


class FogRanges(Mapping):
    """Every role's support range as one viewer sees it, each worked out when first read.

    The AI builds a view for every decision but reads little more than its own exact
    support, so ranges are not computed up front. Reads the state it was made from, which
    never changes once made (like the read-only windows onto trust and milestones); like
    the view's `_ledger`, it keeps private data behind an underscore and serves only ranges."""

    __slots__ = ("_state", "_scenario", "_viewer", "_roles", "_found")

    def __init__(self, state: GameState, scenario: Scenario, viewer: str | None,
                 roles: tuple[str, ...]) -> None:
        self._state, self._scenario, self._viewer, self._roles = state, scenario, viewer, roles
        self._found: dict[str, tuple[int, int]] = {}

    def __getitem__(self, role: str) -> tuple[int, int]:
        found = self._found.get(role)
        if found is None:
            if role not in self._roles:
                raise KeyError(role)
            found = self._found[role] = fog_range(self._state, self._scenario, self._viewer, role)
        return found

    def __contains__(self, role: object) -> bool:  # without working out the range
        return role in self._roles

    def __iter__(self) -> Iterator[str]:
        return iter(self._roles)

    def __len__(self) -> int:
        return len(self._roles)

    def __repr__(self) -> str:
        return f"FogRanges({dict(self)!r})"


_RECORDS: list = [None, ()]  # the last records list seen and its contents as a tuple


def _records(records: list[RoundRecord]) -> tuple[RoundRecord, ...]:
    """The records as a tuple, reused while the list is the same one at the same length:
    states share their records list all round, and the list is only ever appended to."""
    if _RECORDS[0] is not records or len(_RECORDS[1]) != len(records):
        _RECORDS[0], _RECORDS[1] = records, tuple(records)
    return _RECORDS[1]


_PER_ROLE: dict[int, tuple[object, dict]] = {}


def _per_role(scenario: Scenario, ix, role: str | None) -> tuple[tuple, frozenset[str]]:
    """A role's objectives and the meters hidden from it while the game runs, built once:
    the AI builds a view for every decision, and these never change within a scenario."""
    hit = _PER_ROLE.get(id(ix))
    if hit is None or hit[0] is not ix:
        hit = _PER_ROLE[id(ix)] = (ix, {})
    found = hit[1].get(role)
    if found is None:
        objectives = tuple(scenario.role(role).objectives) if role is not None else ()
        hidden = frozenset(f"support.{r}" for r in ix.roles if r != role)
        found = hit[1][role] = (objectives, hidden)
    return found


def fog_range(state: GameState, scenario: Scenario, viewer: str | None,
              role: str) -> tuple[int, int]:
    """The range in which `viewer` sees `role`'s support; exact for itself or after the end.

    Everyone can see the public range on a shared screen, so a team's own range always
    lies inside it: putting the two side by side reveals nothing the team's range hides.
    """
    value = state.support[role]
    if viewer == role or state.phase == "over":
        return value, value
    r = scenario.rules
    wide = r.fog_width
    public, private = _fog_offsets(state.seed, viewer, role)
    low = value - round(public * wide)
    low = max(0, min(low, 100 - wide))
    if viewer is None:
        return low, low + wide
    measures = state.transparency.get((role, viewer), 0)
    width = min(wide, max(r.fog_min, wide - r.fog_narrow * measures))
    # Any start from `first` to `last` keeps the value inside and stays within the public range.
    first, last = max(low, value - width), min(value, low + wide - width)
    start = first + round(private * (last - first))
    return start, start + width


@lru_cache(maxsize=4096)
def _fog_offsets(seed: int, viewer: str | None, role: str) -> tuple[float, float]:
    """The public offset and the viewer's own (0.0 for the public view), in one look-up."""
    return _fog_offset(seed, "", role), 0.0 if viewer is None else _fog_offset(seed, viewer, role)


@lru_cache(maxsize=4096)
def _fog_offset(seed: int, viewer: str, role: str) -> float:
    """Where in the range the true value sits: fixed per game and pair, hidden from the viewer."""
    return (derive_seed(seed, 0, f"fog:{viewer}:{role}") % 1000) / 1000
