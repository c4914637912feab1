"""What one team may see: public meters, its own secrets, and fog over others' support.

`view_for(state, game, role)` is the only way the UI, the text mode and the AI read a
game. The view is plain, immutable data made afresh from the state: it holds no
reference to the state, only what its viewer may see, and `to_dict()` gives it as
JSON-ready data. A view for `None` is the public view shown on a shared screen: it holds
no private information at all. When the game is over, everything is revealed.

While the game runs a viewer sees:
- tension, trust, milestones, progress, commitments, standing demands, the event and
  every revealed round in full (all of them are public);
- its own domestic support exactly, every other team's only as a fog range;
- its own objectives, orders and the offers it must answer, and no one else's;
- the ledger without the entries that change another team's domestic support;
- the talk messages it sent or received (all of them if the negotiation is public), and
  the agreement and its terms (public).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from game.model.actions import Action
from game.model.results import Phase, Track
from game.model.scenario import EventSpec, ObjectiveSpec
from game.model.state import (
    Agreement,
    Commitment,
    GameState,
    LedgerEntry,
    RoundRecord,
    TalkMessage,
    TermRecord,
    tension_band,
)
from game.rules.compiled import CompiledScenario
from game.rules.offers import Offer, offers_to
from game.rules.rng import derive
from game.rules.talks import visible_talks

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
OVER, RESPONSES = Phase.OVER, Phase.RESPONSES


class PlayerView(NamedTuple):
    """A read-only picture of the game for one team (or for everyone, if role is None).

    A named tuple: immutable, and cheap to make, which matters because the AI makes one
    for every decision."""

    role: str | None
    round: int
    rounds: int
    phase: Phase
    tension: int
    band: str
    trust: Mapping[tuple[str, str], int]  # (truster, trusted) -> 0-100
    support: Mapping[str, tuple[int, int]]  # role -> (low, high); exact when low == high
    milestones: Mapping[str, Track]  # milestone -> its status on the track
    progress: Mapping[str, int]
    commitments: tuple[Commitment, ...]
    demands: frozenset[tuple[str, str]]  # (role, demand id) standing
    event: EventSpec | None
    objectives: tuple[ObjectiveSpec, ...]
    orders: tuple[Action, ...]  # the viewer's own orders (or its draft) this round
    offers: tuple[Offer, ...]  # offers the viewer must answer this round
    submitted: frozenset[str]  # roles that have given their orders this round
    records: tuple[RoundRecord, ...]
    breakdown: bool
    entries: tuple[LedgerEntry, ...]  # the ledger entries this viewer may see
    talks: tuple[TalkMessage, ...] = ()  # the talk messages this viewer may see
    agreement: Agreement | None = None  # the package agreed (public)
    terms: tuple[TermRecord, ...] = ()  # the agreement's terms as they run (public)
    rejected: frozenset[tuple[str, str]] = frozenset()  # options that failed ratification

    @property
    def over(self) -> bool:
        """True once the game has ended."""
        return self.phase == OVER

    def ledger(self, round_no: int | None = None) -> list[LedgerEntry]:
        """Ledger entries this viewer may see, for one round or the whole game."""
        if round_no is None:
            return list(self.entries)
        return [e for e in self.entries if e.round == round_no]

    def own_support(self) -> int | None:
        """This team's exact domestic support, or None for the public view."""
        return self.support[self.role][0] if self.role else None

    def with_orders(self, orders: tuple[Action, ...]) -> PlayerView:
        """The same view with another draft of the viewer's own orders."""
        return PlayerView(*self[:_ORDERS], orders, *self[_ORDERS + 1:])

    def replace(self, **changes) -> PlayerView:
        """A copy with some fields changed (for example meters eased in for display)."""
        return self._replace(**changes)

    def to_dict(self) -> dict:
        """The view as JSON-ready data (only str, int, bool, None, lists and dicts).

        Shape: scalars as named; `trust` {truster: {trusted: value}}; `support`
        {role: [low, high]}; `milestones`, `progress` by id; `commitments` as dicts;
        `demands` [[role, demand]]; `event` its id; `objectives` [{id, text, points}];
        `orders` action texts; `offers` [{key, action, responders}]; `submitted` roles;
        `records` [{round, event, orders, responses: [[responder, offer, accepted]]}];
        `ledger` [{round, meter, before, after, amount, cause, source, actor, detail}], the
        detail as [kind, *args] (see `game.model.results`).
        """
        trust: dict[str, dict[str, int]] = {}
        for (a, b), v in self.trust.items():
            trust.setdefault(a, {})[b] = v
        return {
            "role": self.role, "round": self.round, "rounds": self.rounds, "phase": self.phase,
            "tension": self.tension, "band": self.band, "trust": trust,
            "support": {r: list(span) for r, span in self.support.items()},
            "milestones": dict(self.milestones), "progress": dict(self.progress),
            "commitments": [_commitment(c) for c in self.commitments],
            "demands": sorted([r, d] for r, d in self.demands),
            "event": self.event.id if self.event else None,
            "objectives": [{"id": o.id, "text": o.text, "points": o.points} for o in self.objectives],
            "orders": [a.text() for a in self.orders],
            "offers": [o.to_dict() for o in self.offers],
            "submitted": sorted(self.submitted),
            "records": [_record(r) for r in self.records],
            "breakdown": self.breakdown,
            "ledger": [e.as_dict() for e in self.entries],
            "talks": [m.as_data() for m in self.talks],
            "agreement": _agreement(self.agreement),
            "terms": [{"key": r.key, "role": r.role, "toward": r.toward, "made": r.made,
                       "expires": r.expires, "deed": r.deed, "status": r.status,
                       "ended": r.ended} for r in self.terms],
            "rejected": sorted(list(io) for io in self.rejected),
        }


_ORDERS = PlayerView._fields.index("orders")


def _commitment(c: Commitment) -> dict:
    return {"key": c.key, "action": c.action_id, "name": c.name, "actor": c.actor,
            "recipient": c.recipient, "made": c.made, "expires": c.expires, "status": c.status,
            "ended": c.ended}


def _agreement(a: Agreement | None) -> dict | None:
    if a is None:
        return None
    return {"proposal": a.proposal, "parties": list(a.parties), "terms": dict(a.terms),
            "concluded": a.concluded, "status": a.status}


def _record(r: RoundRecord) -> dict:
    return {"round": r.round, "event": r.event, "orders": [a.text() for a in r.orders],
            "responses": [list(x) for x in r.responses]}


def view_for(state: GameState, game: CompiledScenario, role: str | None,
             chosen: tuple[Action, ...] = ()) -> PlayerView:
    """The view of the game that `role` may see (None: the public view); `chosen` are its
    orders being drafted. ValueError for a role the scenario does not have."""
    if role is not None and role not in game.role_index:
        raise ValueError(f"unknown role {role!r}")
    over = state.phase == OVER
    mine = role is not None
    meters = state.meters
    return PlayerView(
        role, state.round, state.rounds, state.phase, meters[0], tension_band(meters[0]),
        MappingProxyType({pair: meters[i] for pair, i in game.trust_meter.items()}),
        MappingProxyType({r: fog_range(state, game, role, r) for r in game.roles}),
        MappingProxyType(dict(state.milestones)),
        MappingProxyType({m: meters[i] for m, i in game.progress_meter.items()}),
        state.commitments, state.demands, game.events.get(state.event) if state.event else None,
        game.objectives[role], state.orders.get(role, chosen) if mine else (),
        tuple(offers_to(state, game, role)) if mine and state.phase == RESPONSES else (),
        frozenset(state.orders), tuple(state.records), state.breakdown,
        tuple(state.ledger if over else state.seen[role]),
        visible_talks(state, game, role), state.agreement, state.terms, state.rejected,
    )


def answering_view(view: PlayerView, state: GameState, game: CompiledScenario) -> PlayerView:
    """The view `view_for(state, game, view.role)` gives in the responses phase, made from
    the viewer's own `view` of the same round's orders phase.

    Giving orders moves no meter, writes no ledger entry and reveals nothing, so between the
    two phases only the phase, the viewer's orders, the offers it must answer and who has
    given orders change. ValueError unless `state` is in the responses phase of `view`'s round."""
    role = view.role
    if state.phase != RESPONSES or state.round != view.round or role is None:
        raise ValueError("an answering view needs a team's view from this round's orders phase")
    return view._replace(phase=state.phase, orders=state.orders.get(role, ()),
                         offers=tuple(offers_to(state, game, role)),
                         submitted=frozenset(state.orders))


def talking_view(view: PlayerView, state: GameState, game: CompiledScenario) -> PlayerView:
    """The view `view_for(state, game, view.role)` gives during this round's talks, made
    from the viewer's own `view` of the same round's orders phase, before any orders.

    A talk message moves no meter, writes no ledger entry and reveals nothing but itself,
    so between messages only the talks and the agreement (concluded, pending) change."""
    if state.round != view.round or state.phase != view.phase or view.role is None:
        raise ValueError("a talking view needs a team's view from this round's orders phase")
    return view._replace(talks=visible_talks(state, game, view.role), agreement=state.agreement)


def fog_range(state: GameState, game: CompiledScenario, viewer: str | None,
              role: str) -> tuple[int, int]:
    """The range in which `viewer` sees `role`'s support; exact for itself or after the end.

    Everyone can see the public range on a shared screen, so a team's own range always
    lies inside it: putting the two side by side reveals nothing the team's range hides.
    Where the true value sits inside each range is drawn afresh every round (see
    `fog_offset`), so a range that moves does not move by exactly the hidden change.
    """
    value = state.meters[game.support_meter[role]]
    if viewer == role or state.phase == OVER:
        return value, value
    r = game.rules
    wide = r.fog_width
    low = value - round(fog_offset(state, None, role) * wide)
    low = max(0, min(low, 100 - wide))
    if viewer is None:
        return low, low + wide
    measures = state.meters[game.transparency_meter[(role, viewer)]]
    width = min(wide, max(r.fog_min, wide - r.fog_narrow * measures))
    # Any start from `first` to `last` keeps the value inside and stays within the public range.
    first, last = max(low, value - width), min(value, low + wide - width)
    start = first + round(fog_offset(state, viewer, role) * (last - first))
    return start, start + width



def fog_offset(state: GameState, viewer: str | None, role: str) -> float:
    """Where in `viewer`'s range (None: the public range) `role`'s true support sits this
    round, 0.0-1.0 in steps of 0.001: drawn from the game's seed for each round, so it is the
    same in every view and replay of that round and changes from one round to the next."""
    return derive(state.seed, state.round, f"fog:{viewer or ''}:{role}").below(1000) / 1000
