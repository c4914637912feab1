"""How an AI delegation bargains: propose, accept, counter and decline from its own values.

A delegation knows only its own values and walk-away value (`Own`), and what its view
shows: the messages it sent and received, trust, tension and the round. It aims high at
first and concedes toward its walk-away value as the rounds run out (a time-dependent
concession curve, shaped by its `Style`); it asks more of a delegation it trusts little.
It accepts a package worth at least what it aims for now; otherwise it counters with the
package it likes best among those it would accept that changes the fewest terms of the
one it received, or declines. Every decision comes with a `Reason` that names options,
never values: values are private. Rules of the talks: docs/rules.md, "The talks".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from game.model.actions import Talk
from game.model.results import Reason, ReasonKind
from game.model.state import Package
from game.rules.rng import Rng
from game.rules.talks import open_among
from game.rules.talks_tables import TalkTables
from game.rules.view import PlayerView

R = ReasonKind


@dataclass(frozen=True, slots=True)
class Style:
    """How a persona bargains.

    - `firmness`: the exponent of the concession curve: above 1 holds out long and
      concedes late, below 1 concedes early (1.0: evenly over the rounds).
    - `margin`: points above its walk-away value it never goes below.
    - `trust_needed`: trust (0-100) in a delegation below which it asks `distrust_premium`
      more points of a package that binds that delegation.
    - `proposes`: whether it opens with proposals of its own, or only answers."""

    firmness: float = 1.0
    margin: int = 1
    trust_needed: int = 40
    distrust_premium: int = 3
    proposes: bool = True


#: The style of a persona that sets none.
DEFAULT_STYLE = Style()


class Own(NamedTuple):
    """What a delegation knows of its own stakes: `value` of every package, in points, and
    its walk-away value now. Private: made for the delegation from its own values only."""

    value: dict[Package, int]
    walk_away: int


class Plan(NamedTuple):
    """A bargaining decision: the message to send (None: nothing) and why."""

    move: Talk | None
    reason: Reason


def aspiration(view: PlayerView, tables: TalkTables, own: Own, style: Style) -> int:
    """The least a package must be worth to this delegation now, in points: from its best
    package at the opening of the talks down toward walk-away + margin at the last round."""
    first = tables.spec.from_round
    span = max(1, view.rounds - first)
    time = min(1.0, max(0.0, (view.round - first) / span))
    floor = own.walk_away + style.margin
    best = max(own.value.values())
    if best <= floor:
        return floor
    return floor + round((best - floor) * (1.0 - time) ** style.firmness)


def needed(view: PlayerView, tables: TalkTables, package: Package, own: Own,
           style: Style) -> int:
    """What `package` must be worth to accept it: the aspiration, plus the distrust
    premium if it binds a delegation this one trusts less than `trust_needed`."""
    ask = aspiration(view, tables, own, style)
    me = view.role
    wary = [r for r in tables.bound(package) - {me}
            if view.trust[(me, r)] < style.trust_needed]
    return min(ask + (style.distrust_premium if wary else 0), max(own.value.values()))


def bargain(view: PlayerView, tables: TalkTables, own: Own, style: Style, left: int,
            rng: Rng) -> Plan:
    """One decision in the talks for `view.role`, with `left` messages it may still send
    this round. Answers the oldest proposal waiting for it first; otherwise proposes, once
    a round, if its style opens and it has no proposal open. Draws nothing from `rng` (kept
    for personas that bargain with chance)."""
    me = view.role
    if left <= 0:
        return Plan(None, Reason(R.TALK_WAITS, ()))
    waiting = _waiting_for(view, me)
    if waiting:
        return _answer(view, tables, own, style, waiting[0], left)
    if not style.proposes or _proposed_this_round(view, me):
        return Plan(None, Reason(R.TALK_WAITS, ()))
    others = tuple(r for r in tables.parties if r != me)
    base = _latest_received(view, me)
    best = _best_offer(view, tables, own, style, others, base)
    if best is None:
        return Plan(None, Reason(R.TALK_NOTHING, (own_band(own, view, tables, style),)))
    gives, needs = _give_and_need(tables, own, best, base)
    return Plan(Talk(me, "propose", 0, others, best),
                Reason(R.TALK_PROPOSES, (",".join(others), *needs, *gives)))


def own_band(own: Own, view: PlayerView, tables: TalkTables, style: Style) -> int:
    """How far it has come down, 0 (asks its most) to 4 (at its floor): public words for a
    private aspiration."""
    best = max(own.value.values())
    floor = own.walk_away + style.margin
    if best <= floor:
        return 4
    ask = aspiration(view, tables, own, style)
    return min(4, max(0, round(4 * (best - ask) / (best - floor))))


def _waiting_for(view: PlayerView, me: str) -> list:
    """Proposals of this round addressed to `me`, still open and not yet accepted by it."""
    if view.agreement is not None and view.agreement.status != "failed":
        return []
    return [p.message for p in open_among(view.talks, view.round)
            if me in p.message.to and me not in p.accepted]


def _proposed_this_round(view: PlayerView, me: str) -> bool:
    return any(m.round == view.round and m.sender == me and m.kind in ("propose", "counter")
               for m in view.talks)


def _latest_received(view: PlayerView, me: str) -> Package | None:
    for m in reversed(view.talks):
        if m.kind in ("propose", "counter") and m.sender != me and m.terms:
            return m.terms
    return None


def _changes(a: Package, b: Package | None) -> int:
    return 0 if b is None else sum(1 for x, y in zip(a, b, strict=True) if x != y)


def _best_offer(view: PlayerView, tables: TalkTables, own: Own, style: Style,
                to: tuple[str, ...], base: Package | None) -> Package | None:
    """The package it would propose to `to`: worth at least what it needs, binding no one
    outside the proposal, closest to `base` (the last package it received), then best for
    it, then first in the fixed order."""
    allowed = {view.role, *to}
    best, best_key = None, None
    for p in tables.packages:
        if not tables.bound(p) <= allowed or any(io in view.rejected for io in p):
            continue
        v = own.value[p]
        if v < needed(view, tables, p, own, style):
            continue
        key = (_changes(p, base), -v)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


def _give_and_need(tables: TalkTables, own: Own, mine: Package,
                   theirs: Package | None) -> tuple[tuple[str, str], tuple[str, str]]:
    """(gives, needs): an issue where `mine` moved toward `theirs` (or "", ""), and the issue
    of `mine` that matters most to it, each as (issue, option)."""
    needs = max(mine, key=lambda io: _option_weight(own, tables, io))
    gives = ("", "")
    if theirs is not None:
        same = [io for io in mine if io in theirs and io != needs]
        if same:
            gives = min(same, key=lambda io: _option_weight(own, tables, io))
    return gives, needs


def _option_weight(own: Own, tables: TalkTables, io: tuple[str, str]) -> int:
    """How much an option gains this delegation over the issue's worst option for it."""
    issue, option = io
    k = tables.issues.index(issue)
    by_option: dict[str, int] = {}
    for p, v in own.value.items():
        o = p[k][1]
        by_option[o] = max(by_option.get(o, v), v)
    return by_option[option] - min(by_option.values())


def _answer(view: PlayerView, tables: TalkTables, own: Own, style: Style, proposal,
            left: int) -> Plan:
    me, terms, sender = view.role, proposal.terms, proposal.sender
    need = needed(view, tables, terms, own, style)
    if own.value[terms] >= need:
        return Plan(Talk(me, "accept", proposal.id),
                    Reason(R.TALK_ACCEPTS, (sender, own_band(own, view, tables, style))))
    to = tuple(r for r in (sender, *proposal.to) if r != me)
    counter = _best_offer(view, tables, own, style, to, terms) if left > 1 else None
    trust = view.trust[(me, sender)]
    if counter is not None and counter != terms:
        gives, needs = _give_and_need(tables, own, counter, terms)
        return Plan(Talk(me, "counter", proposal.id, (), counter),
                    Reason(R.TALK_COUNTERS, (sender, *needs, *gives, trust)))
    worst = min(terms, key=lambda io: _option_weight(own, tables, io))
    return Plan(Talk(me, "decline", proposal.id),
                Reason(R.TALK_DECLINES, (sender, *worst, trust)))
