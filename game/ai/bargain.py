"""How an AI delegation bargains: propose, accept, counter and decline from its own values.

A delegation knows only its own values and walk-away value (`Own`), its own exact
domestic support, and what its view shows: the messages it sent and received, trust,
tension and the round. It weighs an option that needs its own ratification by its odds
(`TermRatification.chance` at its support): a package with such an option is worth the
package if the vote passes and the walk-away value, less `FAIL_COST`, if it fails. It
aims high at first and concedes toward its walk-away value as the rounds run out (a
time-dependent concession curve, shaped by its `Style`, with a little seeded chance in
each decision); it asks more of a package that binds a delegation it trusts little. It
accepts a package worth at least what it aims for now; otherwise it counters with the
package it likes best among those it would accept that changes the fewest terms of the
one it received, or declines (as it does rather than send again a package it already
proposed or countered this round). Every decision comes with a `Reason` that names options,
never values: values are private. Rules of the talks: docs/rules.md, "The talks".

Speed: a role's stakes (every package's value to it, the options' weights, whom each
package binds, which options need its own ratification) are compiled with the scenario
(`TalkTables.roles`); a policy's `Stakes` reads them and works out its `Own` once per
walk-away value and the packages' worth once per walk-away value and support
(`stakes_for`, `Stakes.own`, `Stakes.worth`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from game.model.actions import Talk
from game.model.results import Reason, ReasonKind
from game.model.state import Package
from game.rules.rng import Rng
from game.rules.talks import open_among
from game.rules.talks_tables import TalkTables, role_table
from game.rules.view import PlayerView

R = ReasonKind

#: Points a delegation reckons a failed ratification costs it beyond no agreement (a
#: public defeat at home, and the talks set back a round).
FAIL_COST = 3


@dataclass(frozen=True, slots=True)
class Style:
    """How a persona bargains.

    - `firmness`: the exponent of the concession curve: above 1 holds out long and
      concedes late, below 1 concedes early (1.0: evenly over the rounds).
    - `margin`: points above its walk-away value it never goes below.
    - `trust_needed`: trust (0-100) in a delegation below which it asks up to
      `distrust_premium` more points of a package that binds that delegation (the full
      premium 20 points or more below, less nearer the mark).
    - `proposes`: whether it opens with proposals of its own, or only answers.
    - `jitter`: each decision its aspiration moves by up to this many points either way,
      drawn from the seeded generator (a delegation's mood on the day)."""

    firmness: float = 1.0
    margin: int = 1
    trust_needed: int = 40
    distrust_premium: int = 3
    proposes: bool = True
    jitter: int = 1


#: The most proposals and counters a delegation makes in one round; after that it answers
#: only accept or decline (a delegation restates its position, it does not haggle all day).
OFFERS_PER_ROUND = 2

#: The style of a persona that sets none.
DEFAULT_STYLE = Style()


class Stakes:
    """A role's stakes in the talks, read from its compiled `RoleTable` (see
    `game.rules.talks_tables`): `value[i]` of `packages[i]` to it, `index` (package -> i),
    `bound[i]` the other roles package i binds, `weight` (issue, option) -> what the option
    gains it over the issue's worst option, `own_rat[i]` the ratifications of package i
    that the role itself must pass, `risky` the indices with any, and `order` the indices
    best first. It keeps, for the policy that holds it, the packages' worth at each
    walk-away value and support met so far, and its `Own` at each walk-away value."""

    __slots__ = ("role", "tables", "packages", "value", "index", "bound", "weight", "own_rat",
                 "risky", "order", "best", "_own", "_worth")

    def __init__(self, tables: TalkTables, role: str) -> None:
        t = role_table(tables, role)
        self.role, self.tables = role, tables
        self.packages, self.index = tables.packages, tables.index
        self.value, self.bound, self.weight = t.value, t.bound, t.weight
        self.own_rat, self.risky, self.order, self.best = t.own_rat, t.risky, t.order, t.best
        self._own: dict[int, Own] = {}
        self._worth: dict[tuple[int, int], tuple] = {}

    def worth(self, walk_away: int,
              support: int) -> tuple[tuple[int, ...], int, tuple[int, ...]]:
        """(what each package is worth now, the best of them, the indices best first).
        A package with an option the role must ratify itself is worth its value if the
        vote passes (odds from `support`) and the walk-away value less FAIL_COST if it
        fails. Made once per (walk-away, support)."""
        key = (walk_away, support)
        found = self._worth.get(key)
        if found is None:
            ev = list(self.value)
            for i in self.risky:
                odds = 1.0
                for rat in self.own_rat[i]:
                    odds *= rat.chance(support) / 100
                ev[i] = round(odds * ev[i] + (1 - odds) * (walk_away - FAIL_COST))
            order = tuple(sorted(range(len(ev)), key=lambda i: -ev[i]))
            found = self._worth[key] = (tuple(ev), max(ev), order)
        return found

    def own(self, walk_away: int) -> Own:
        """The role's `Own` at this walk-away value (made once per value)."""
        found = self._own.get(walk_away)
        if found is None:
            found = self._own[walk_away] = Own(dict(zip(self.packages, self.value, strict=True)),
                                               walk_away, self)
        return found


def stakes_for(holder: object, tables: TalkTables, role: str) -> Stakes:
    """The `Stakes` of `role` in these talks, made once for the policy that asks
    (`holder`, which keeps them for the scenario it was made for) and rebuilt if it is
    asked about other talks."""
    kept = getattr(holder, "talk_stakes", None)
    if kept is None or kept[0] is not tables:
        kept = (tables, {})
        try:
            holder.talk_stakes = kept
        except AttributeError:  # a policy that keeps nothing: make them afresh
            return Stakes(tables, role)
    found = kept[1].get(role)
    if found is None:
        found = kept[1][role] = Stakes(tables, role)
    return found


class Own(NamedTuple):
    """What a delegation knows of its own stakes: `value` of every package, in points, and
    its walk-away value now (`stakes`: the same, as tables; made when None). Private: made
    for the delegation from its own values only."""

    value: dict[Package, int]
    walk_away: int
    stakes: Stakes | None = None


class Plan(NamedTuple):
    """A bargaining decision: the message to send (None: nothing) and why."""

    move: Talk | None
    reason: Reason


class Weighed(NamedTuple):
    """One decision's reckoning: `ev[i]` what package i is worth now (own ratification
    weighed by its odds), `premium` role -> points asked more of a package binding it,
    `ask` the aspiration now, `floor` walk-away + margin, `best` the best worth now,
    `barred` indices it may not propose (options that failed ratification), `order` the
    indices by worth, best first."""

    ev: tuple[int, ...]
    premium: dict[str, int]
    ask: int
    floor: int
    best: int
    barred: frozenset[int]
    order: tuple[int, ...]


def _stakes(own: Own, tables: TalkTables, role: str) -> Stakes:
    return own.stakes if own.stakes is not None else Stakes(tables, role)


def weigh(view: PlayerView, tables: TalkTables, own: Own, style: Style,
          rng: Rng | None = None) -> Weighed:
    """What every package is worth to `view.role` now, and what it asks (see `Weighed`)."""
    st = _stakes(own, tables, view.role)
    w = own.walk_away
    support = (view.own_support() or 0) if st.risky else 0
    ev, best, order = st.worth(w, support)
    barred = frozenset()
    if view.rejected:
        barred = frozenset(i for i, p in enumerate(st.packages)
                           if any(io in view.rejected for io in p))
        best = max(v for i, v in enumerate(ev) if i not in barred)
    floor = w + style.margin
    first = tables.spec.from_round
    span = max(1, view.rounds - first)
    time = min(1.0, max(0.0, (view.round - first) / span))
    ask = floor if best <= floor else floor + round((best - floor) * (1.0 - time) ** style.firmness)
    if rng is not None and style.jitter:
        ask += rng.below(2 * style.jitter + 1) - style.jitter
    me = view.role
    premium = {}
    for r in tables.parties:
        if r != me:
            short = style.trust_needed - view.trust[(me, r)]
            premium[r] = 0 if short <= 0 else round(style.distrust_premium * min(1.0, short / 20))
    return Weighed(ev, premium, max(ask, floor), floor, best, barred, order)


def aspiration(view: PlayerView, tables: TalkTables, own: Own, style: Style) -> int:
    """The least a package must be worth to this delegation now, in points: from its best
    package at the opening of the talks down toward walk-away + margin at the last round
    (without the day's chance)."""
    return weigh(view, tables, own, style).ask


def needed(view: PlayerView, tables: TalkTables, package: Package, own: Own,
           style: Style) -> int:
    """What `package` must be worth to accept it: the aspiration, plus the distrust
    premium for each delegation it binds that this one trusts less than `trust_needed`;
    never more than its best package is worth (it can always ask for its best)."""
    st = _stakes(own, tables, view.role)
    wd = weigh(view, tables, own, style)
    return min(wd.best, wd.ask + sum(wd.premium[r] for r in st.bound[st.index[package]]))


#: A persona's gate on packages: index -> None if it refuses that package now, else the
#: points it asks of it on top of its aspiration (its conditions, as a persona sets them).
Gate = Callable[[int], int | None]


def bargain(view: PlayerView, tables: TalkTables, own: Own, style: Style, left: int,
            rng: Rng, gate: Gate | None = None) -> Plan:
    """One decision in the talks for `view.role`, with `left` messages it may still send
    this round. Answers the oldest proposal waiting for it first; otherwise proposes, once
    a round, if its style opens and it has no proposal open. `gate` (if given) keeps it
    from proposing or accepting the packages it refuses now (a persona's conditions)."""
    me = view.role
    if left <= 0:
        return Plan(None, Reason(R.TALK_WAITS, ()))
    waiting = _waiting_for(view, me)
    if not waiting and (not style.proposes or _proposed_this_round(view, me)):
        return Plan(None, Reason(R.TALK_WAITS, ()))
    st = _stakes(own, tables, me)
    wd = weigh(view, tables, own, style, rng)
    if waiting:
        return _answer(view, st, wd, waiting[0], left, gate, rng)
    others = tuple(r for r in tables.parties if r != me)
    base = _latest_received(view, me)
    best = _best_offer(st, wd, others, base, gate, rng)
    if best is None:
        return Plan(None, Reason(R.TALK_NOTHING, (_band(wd),)))
    gives, needs = _give_and_need(st, best, base)
    return Plan(Talk(me, "propose", 0, others, best),
                Reason(R.TALK_PROPOSES, (",".join(others), *needs, *gives)))


def own_band(own: Own, view: PlayerView, tables: TalkTables, style: Style) -> int:
    """How far it has come down, 0 (asks its most) to 4 (at its floor): public words for a
    private aspiration."""
    return _band(weigh(view, tables, own, style))


def _band(wd: Weighed) -> int:
    if wd.best <= wd.floor:
        return 4
    return min(4, max(0, round(4 * (wd.best - wd.ask) / (wd.best - wd.floor))))


def _waiting_for(view: PlayerView, me: str) -> list:
    """Proposals of this round addressed to `me`, still open and not yet accepted by it."""
    if view.agreement is not None and view.agreement.status != "failed":
        return []
    if not any(m.round == view.round and me in m.to for m in view.talks):
        return []
    return [p.message for p in open_among(view.talks, view.round)
            if me in p.message.to and me not in p.accepted]


def _proposed_this_round(view: PlayerView, me: str) -> bool:
    return offers_this_round(view.talks, view.round, me) > 0


def offers_this_round(talks, round_no: int, me: str) -> int:
    """How many proposals and counters `me` made in round `round_no` among `talks` (in the
    order sent, so it reads back only this round's)."""
    n = 0
    for m in reversed(talks):
        if m.round != round_no:
            break
        if m.sender == me and m.kind in ("propose", "counter"):
            n += 1
    return n


def _sent_this_round(view: PlayerView, me: str, package: Package) -> bool:
    """Whether `me` already proposed or countered with `package` this round (it declines
    rather than say it again)."""
    for m in reversed(view.talks):
        if m.round != view.round:
            return False
        if m.sender == me and m.terms == package and m.kind in ("propose", "counter"):
            return True
    return False


def _latest_received(view: PlayerView, me: str) -> Package | None:
    for m in reversed(view.talks):
        if m.kind in ("propose", "counter") and m.sender != me and m.terms:
            return m.terms
    return None


def _need(wd: Weighed, st: Stakes, i: int) -> int:
    premium = wd.premium
    return min(wd.best, wd.ask + sum(premium[r] for r in st.bound[i]))


def _best_offer(st: Stakes, wd: Weighed, to: tuple[str, ...], base: Package | None,
                gate: Gate | None, rng: Rng | None = None) -> Package | None:
    """The package it would propose to `to`: worth at least what it needs, binding no one
    outside the proposal, allowed by its gate, closest to `base` (the last package it
    received); among the closest, the best for it, or with `rng` one of the best three
    drawn with weights 3, 2, 1."""
    allowed = set(to)
    ev, bound, barred, packages = wd.ev, st.bound, wd.barred, st.packages

    premium = wd.premium
    needs: dict[tuple[str, ...], int] = {}  # whom a package binds -> what it must be worth

    def ok(i: int) -> bool:
        v = ev[i]
        b = bound[i]
        if i in barred or not allowed.issuperset(b):
            return False
        need = needs.get(b)
        if need is None:
            need = needs[b] = min(wd.best, wd.ask + sum(premium[r] for r in b))
        if v < need:
            return False
        if gate is None:
            return True
        extra = gate(i)  # never more than its best package allowed is worth
        return extra is not None and v >= min(wd.best, need + extra)

    if base is not None and ok(st.index[base]):
        return base
    fewest = None
    found: list[int] = []
    ask = min(wd.ask, wd.best)
    for i in wd.order:
        if ev[i] < ask:
            break  # by worth, best first: none further is worth enough
        if not ok(i):
            continue
        n = _changes(packages[i], base)
        if fewest is None or n < fewest:
            fewest, found = n, [i]
        elif n == fewest:
            found.append(i)
    if not found:
        return None
    if rng is None or len(found) == 1:
        return packages[found[0]]
    # Among the closest, the better for it the likelier (weights 3, 2, 1 for the best three).
    top = found[:3]
    return packages[rng.weighted(top, (3, 2, 1)[:len(top)])]


def _gated(gate: Gate, i: int, v: int, wd: Weighed, st: Stakes) -> bool:
    extra = gate(i)
    return extra is not None and v >= min(wd.best, _need(wd, st, i) + extra)


def _changes(a: Package, b: Package | None) -> int:
    return 0 if b is None else sum(1 for x, y in zip(a, b, strict=True) if x != y)


def _give_and_need(st: Stakes, mine: Package,
                   theirs: Package | None) -> tuple[tuple[str, str], tuple[str, str]]:
    """(gives, needs): an issue where `mine` moved toward `theirs` (or "", ""), and the issue
    of `mine` that matters most to it, each as (issue, option)."""
    weight = st.weight
    needs = max(mine, key=weight.__getitem__)
    gives = ("", "")
    if theirs is not None:
        same = [io for io in mine if io in theirs and io != needs]
        if same:
            gives = min(same, key=weight.__getitem__)
    return gives, needs


def _answer(view: PlayerView, st: Stakes, wd: Weighed, proposal, left: int,
            gate: Gate | None, rng: Rng) -> Plan:
    me, terms, sender = view.role, proposal.terms, proposal.sender
    i = st.index[terms]
    v = wd.ev[i]
    if v >= _need(wd, st, i) and (gate is None or _gated(gate, i, v, wd, st)):
        return Plan(Talk(me, "accept", proposal.id),
                    Reason(R.TALK_ACCEPTS, (sender, _band(wd))))
    to = tuple(r for r in (sender, *proposal.to) if r != me)
    may = left > 1 and offers_this_round(view.talks, view.round, me) < OFFERS_PER_ROUND
    counter = _best_offer(st, wd, to, terms, gate, rng) if may else None
    trust = view.trust[(me, sender)]
    if counter is not None and counter != terms and not _sent_this_round(view, me, counter):
        gives, needs = _give_and_need(st, counter, terms)
        return Plan(Talk(me, "counter", proposal.id, (), counter),
                    Reason(R.TALK_COUNTERS, (sender, *needs, *gives, trust)))
    return Plan(Talk(me, "decline", proposal.id), why_declines(view, st, wd, proposal, gate))


def acceptable(view: PlayerView, st: Stakes, wd: Weighed, i: int, gate: Gate | None) -> bool:
    """Whether package `i` meets what the delegation needs now (and its gate allows it)."""
    v = wd.ev[i]
    return (i not in wd.barred and v >= _need(wd, st, i)
            and (gate is None or _gated(gate, i, v, wd, st)))


def why_declines(view: PlayerView, st: Stakes, wd: Weighed, proposal,
                 gate: Gate | None = None) -> Reason:
    """Why the delegation turns down THIS proposal, as it would say in declining it: the
    option it cannot accept and what would change its mind. If only its distrust of the
    sender stands between it and the package, more trust would (`talk_declines`);
    otherwise the one option whose change would make the package acceptable now, with
    that change (`talk_declines_option`), or, if no one change would, the option it can
    least accept and "" for the change."""
    me, terms, sender = view.role, proposal.terms, proposal.sender
    i = st.index[terms]
    v, premium = wd.ev[i], wd.premium.get(sender, 0)
    trust = view.trust[(me, sender)]
    if (premium and sender in st.bound[i] and i not in wd.barred
            and v >= _need(wd, st, i) - premium and (gate is None or gate(i) is not None)):
        worst = min(terms, key=st.weight.__getitem__)
        return Reason(R.TALK_DECLINES, (sender, *worst, trust))
    allowed = {sender, *proposal.to} - {me}
    found = None
    for k, (issue, option) in enumerate(terms):
        for other in st.tables.options[issue]:
            if other == option:
                continue
            swapped = (*terms[:k], (issue, other), *terms[k + 1:])
            j = st.index[swapped]
            if not allowed.issuperset(st.bound[j]) or not acceptable(view, st, wd, j, gate):
                continue
            if found is None or wd.ev[j] > found[0]:
                found = (wd.ev[j], issue, option, other)
    if found is not None:
        return Reason(R.TALK_DECLINES_OPTION, (sender, *found[1:]))
    worst = min(terms, key=st.weight.__getitem__)
    return Reason(R.TALK_DECLINES_OPTION, (sender, *worst, ""))
