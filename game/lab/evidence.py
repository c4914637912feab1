"""What the balance lab counts in each game so it can say why a flag is raised.

The lab plays with the ordinary headless runner and looks at the state around each
round; it never asks the personas anything. For each role and round it counts which
actions were open (legal at the start of the orders phase) and, for an action that
was closed, which requirement closed it, in scenario terms (a milestone not
operating, too little progress, support under `min_support`, ...). For each offer
answered it keeps who offered, who answered, the answer and how far the responder
trusted the offerer at the time. It also keeps the tension each role's actions
added, and the meters and commitment counts at the end, so the conditions of
objectives and endings can be read test by test.

Everything is kept as small tuples and dicts, because each game's record crosses
from a worker process to the parent. `Closure` kinds are the lab's own facts, read
from the state and the spec; see `closure`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from game.model.state import GameState
from game.rules import requirements as req
from game.rules.compiled import CompiledScenario
from game.rules.tables import Candidate


class Closure(NamedTuple):
    """Why an order was closed, as facts: the kind and what it names (an id or a number)."""

    kind: str  # support, needs_operating, blocked_by, demand_not_standing, demand_standing,
    #            used_up, not_party, already_operating, prerequisite, progress,
    #            nothing_to_withdraw, commitment_in_force, too_early, no_target_demanding,
    #            no_commitment_received
    subject: str  # the milestone, demand or action it names; "" when none


class Answered(NamedTuple):
    """Answers to one kind of offer (action, offerer, responder) in one game."""

    accepted: int
    declined: int
    trust_accepted: int  # sum of the responder's trust in the offerer when it accepted
    trust_declined: int  # ... when it declined
    lowest_accepted: int  # the lowest trust at which it accepted (101 if never)
    highest_declined: int  # the highest trust at which it declined (-1 if never)


class GameEvidence(NamedTuple):
    """What one game shows about why things happened (see the module docstring)."""

    open_rounds: tuple[int, ...]  # per action: role-rounds in which some order of it was open
    closed: Mapping[tuple[int, Closure], int]  # (action, why) -> role-rounds it was closed
    answers: Mapping[tuple[int, int, int], Answered]  # (action, offerer, responder) -> answers
    tension_added: tuple[int, ...]  # per role: tension its actions and offers added
    meters: tuple[int, ...]  # every meter's value at the end, by compiled meter index
    kept: tuple[int, ...]  # per role: commitments it kept
    broken: tuple[int, ...]  # per role: commitments it broke


#: The rules whose closure names something read from the state (which milestone, which
#: prerequisite); the facts of every other rule come from the spec alone.
STATEFUL = frozenset({req.milestones_operating, req.milestones_not_operating, req.proposal_ready})


def closure(state: GameState | None, role: str, cand: Candidate, rule) -> Closure:  # noqa: ANN001
    """The facts behind a requirement rule that closed an order."""
    spec = cand.row.spec
    need = spec.requires
    if rule is req.enough_support:
        return Closure("support", str(need.min_support))
    if rule is req.milestones_operating:
        return Closure("needs_operating", next(m for m in need.operating
                                               if state.milestones[m] != "operating"))
    if rule is req.milestones_not_operating:
        return Closure("blocked_by", next(m for m in need.not_operating
                                          if state.milestones[m] == "operating"))
    if rule is req.proposal_ready:
        return _proposal(state, role, cand)
    simple = {req.own_demand_standing: ("demand_not_standing", need.demand_standing),
              req.demand_not_yet_made: ("demand_standing", spec.makes_demand),
              req.uses_left: ("used_up", str(need.max_uses)),
              req.target_operating: ("nothing_to_withdraw", ""),
              req.commitment_not_in_force: ("commitment_in_force", spec.id),
              req.earliest_round: ("too_early", str(need.from_round)),
              req.target_holds_demand: ("no_target_demanding", need.target_demands),
              req.commitment_received: ("no_commitment_received", need.received_commitment)}
    kind, subject = simple.get(rule, (getattr(rule, "__name__", "rule"), ""))
    return Closure(kind, subject or "")


def _proposal(state: GameState, role: str, cand: Candidate) -> Closure:
    m = cand.row.proposes
    if role not in m.parties:
        return Closure("not_party", m.id)
    if state.milestones[m.id] == "operating":
        return Closure("already_operating", m.id)
    pre = next((p for p in m.requires if state.milestones[p] != "operating"), None)
    if pre is not None:
        return Closure("prerequisite", pre)
    return Closure("progress", m.id)


class Observer:
    """Counts one game's evidence round by round; `finish` gives the `GameEvidence`."""

    def __init__(self, game: CompiledScenario) -> None:
        self.game = game
        n = len(game.actions)
        self.open = [0] * n
        self.closed: dict[tuple[int, Closure], int] = {}
        self.answers: dict[tuple[int, int, int], list[int]] = {}
        self.tension = [0] * len(game.roles)
        self.offers = _offer_keys(game)
        # Per role: actions with an order no rule can close (always open), and the orders
        # of every other action, which are checked each round.
        self.always, self.checked = [], []
        for cands in game.candidates:
            free = {c.row.index for c in cands if not c.rules}
            self.always.append(tuple(sorted(free)))
            self.checked.append(tuple(c for c in cands if c.row.index not in free))
        self.cache: dict[tuple, Closure] = {}  # the stateful closures, by what they read
        # (action, rule) -> its Closure, for the rules whose facts never depend on the state.
        self.fixed = {(c.row.index, rule): closure(None, "", c, rule)
                      for cands in game.candidates for c in cands for rule in c.rules
                      if rule not in STATEFUL}

    def before_orders(self, state: GameState) -> None:
        """Count, for each role, the actions open to it this round and why the rest are not.

        One pass over every order a role could give, as `open_orders` makes: an action is
        open if any of its orders is; a closed one is counted under the first rule that
        closes its first order. Orders that no rule can close are counted without a look."""
        closed, fixed, cache = self.closed, self.fixed, self.cache
        track = tuple(state.milestones.values())  # what the stateful closures read
        for r, role in enumerate(self.game.roles):
            for index in self.always[r]:
                self.open[index] += 1
            status: dict[int, tuple | None] = {}
            for cand in self.checked[r]:
                index = cand.row.index
                if index in status and status[index] is None:
                    continue
                for rule in cand.rules:
                    if rule(state, role, cand):
                        if index not in status:
                            status[index] = (cand, rule)
                        break
                else:
                    status[index] = None
            for index, why in status.items():
                if why is None:
                    self.open[index] += 1
                    continue
                why_key = fixed.get((index, why[1]))
                if why_key is None:
                    seen = (index, why[1], role, track)
                    why_key = cache.get(seen) or cache.setdefault(seen, closure(state, role, *why))
                key = (index, why_key)
                closed[key] = closed.get(key, 0) + 1

    def after_round(self, before: GameState, after: GameState) -> None:
        """Count the answers given this round, with the trust at the time, and the tension
        each role's actions added."""
        game, record = self.game, after.records[-1]
        roles = game.role_index
        for responder, key, ok in record.responses:
            cand = self.offers[key]
            offerer = cand.action.role
            trust = before.meters[game.trust_meter[(responder, offerer)]]
            slot = self.answers.setdefault((cand.row.index, roles[offerer], roles[responder]),
                                           [0, 0, 0, 0, 101, -1])
            if ok:
                slot[0] += 1
                slot[2] += trust
                slot[4] = min(slot[4], trust)
            else:
                slot[1] += 1
                slot[3] += trust
                slot[5] = max(slot[5], trust)
        for entry in after.ledger[record.ledger_start:record.ledger_end]:
            if entry.meter == "tension" and entry.amount > 0 and entry.actor \
                    and entry.cause in ("action", "response"):
                self.tension[roles[entry.actor]] += entry.amount

    def finish(self, state: GameState) -> GameEvidence:
        """The game's evidence, once it is over."""
        roles = self.game.role_index
        kept, broken = [0] * len(roles), [0] * len(roles)
        for c in state.commitments:
            if c.status == "kept":
                kept[roles[c.actor]] += 1
            elif c.status == "broken":
                broken[roles[c.actor]] += 1
        return GameEvidence(tuple(self.open), dict(self.closed),
                            {k: Answered(*v) for k, v in self.answers.items()},
                            tuple(self.tension), tuple(state.meters), tuple(kept), tuple(broken))


_OFFER_KEYS: list[tuple[CompiledScenario, dict[str, Candidate]]] = []


def _offer_keys(game: CompiledScenario) -> dict[str, Candidate]:
    """Offer key (the order's text) -> its candidate, built once per compiled scenario."""
    if _OFFER_KEYS and _OFFER_KEYS[0][0] is game:
        return _OFFER_KEYS[0][1]
    found = {c.text: c for role in game.candidates for c in role if c.row.spec.offer}
    _OFFER_KEYS[:] = [(game, found)]
    return found
