"""The policy interface that every AI delegation implements, and how the engine drives it.

A policy sees only its own `PlayerView`, picks from the legal actions it is given, and
draws chance only from the generator it is handed. Every decision comes with its reason
grounded in the meters, as data (a `Reason`, see `game.model.results`), which
`game.words.reasoning_line` puts in words, so a student can see why a delegation acted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Protocol

from game.ai.bargain import DEFAULT_STYLE, Own, bargain, offers_this_round, stakes_for
from game.model.actions import Action, Orders, Responses, Talk
from game.model.results import Reason, ReasonKind
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.legal import fitting, open_orders
from game.rules.offers import Offer
from game.rules.rng import Rng, derive_seed
from game.rules.talks import proposals_to, sent_this_round, talks_open
from game.rules.values import walk_away
from game.rules.view import PlayerView, talking_view, view_for


class Policy(Protocol):
    """An AI delegation."""

    name: str

    def choose(self, view: PlayerView, legal: list[Action],
               rng: Rng) -> tuple[Action | None, Reason]:
        """The next order to add (None ends the orders) and the reason for it."""
        ...

    def respond(self, view: PlayerView, offer: Offer, rng: Rng) -> tuple[bool, Reason]:
        """Accept (True) or decline an offer, and the reason."""
        ...


#: One step of a policy's reasoning: the order it gave or the offer it answered (an action
#: text; None when it chose to give no order at all), and why.
Reasoned = tuple[str | None, Reason]


class _Deferred(Rng):
    """The generator `derive(seed, round, purpose + role)`, seeded at its first draw.

    Most decisions draw nothing (ties are rare and no persona draws to answer an offer),
    and hashing the seed for every role and round was a measurable share of the AI's time.
    """

    __slots__ = ("_purpose",)

    def __init__(self, seed: int, round_no: int, purpose: str, role: str) -> None:
        self._purpose: tuple | None = (seed, round_no, purpose, role)

    def next64(self) -> int:
        """The next 64-bit output, seeding the generator first if this is the first draw."""
        if self._purpose is not None:
            seed, round_no, purpose, role = self._purpose
            super().__init__(derive_seed(seed, round_no, purpose + role))
            self._purpose = None
        return super().next64()


def ai_orders(policy: Policy, state: GameState, game: CompiledScenario,
              role: str) -> tuple[Orders, list[Reasoned]]:
    """Ask a policy for its orders this round; returns the move and its reasoning."""
    reasons: list[Reasoned] = []
    return draft_orders(policy, state, game, role, reasons), reasons


def draft_orders(policy: Policy, state: GameState, game: CompiledScenario, role: str,
                 reasons: list[Reasoned] | None = None, view: PlayerView | None = None) -> Orders:
    """A policy's orders this round, adding its reasoning to `reasons` if given.

    The headless runner passes none, as it never shows them. It passes
    `view_for(state, game, role)` as `view` when it has made it already."""
    rng = _Deferred(state.seed, state.round, "ai-orders:", role)
    chosen: list[Action] = []
    # One view per round; only the drafted orders change between picks.
    view = view or view_for(state, game, role)
    opened = open_orders(state, game, role)  # the state's part of legality, once a round
    while True:
        legal = fitting(state, game, role, opened, chosen)
        if not legal:
            break
        if chosen:
            view = view.with_orders(tuple(chosen))
        action, why = policy.choose(view, legal, rng)
        if action is None:
            if not chosen and reasons is not None:
                reasons.append((None, why))
            break
        if action not in legal:
            raise ValueError(f"policy {policy.name} chose an illegal action {action.text()}")
        chosen.append(action)
        if reasons is not None:
            reasons.append((action.text(), why))
    return Orders(role, tuple(chosen))


def ai_responses(policy: Policy, state: GameState, game: CompiledScenario,
                 role: str) -> tuple[Responses, list[Reasoned]]:
    """Ask a policy to answer every offer it received; returns the move and the reasoning."""
    reasons: list[Reasoned] = []
    return draft_responses(policy, state, game, role, reasons), reasons


def draft_responses(policy: Policy, state: GameState, game: CompiledScenario, role: str,
                    reasons: list[Reasoned] | None = None,
                    view: PlayerView | None = None) -> Responses:
    """A policy's answers to every offer it received, adding its reasoning to `reasons`
    if given (see `draft_orders`; a given `view` is the one `view_for` would make)."""
    rng = _Deferred(state.seed, state.round, "ai-responses:", role)
    view = view or view_for(state, game, role)
    decisions = []
    for offer in view.offers:  # the view holds exactly the offers due from this role
        ok, why = policy.respond(view, offer, rng)
        decisions.append((offer.key, ok))
        if reasons is not None:
            reasons.append((offer.key, why))
    return Responses(role, tuple(decisions))


def own_stakes(state: GameState, game: CompiledScenario, role: str,
               holder: object | None = None) -> Own:
    """What `role` knows of its own stakes in the talks: its value for every package and
    its walk-away value now (its own private values only). With `holder` (the policy), the
    tables behind it are made once per policy and the `Own` once per walk-away value."""
    tables = game.talks
    away = walk_away(state, game, role)
    if holder is None:
        return Own({p: tables.package_value(p, role) for p in tables.packages}, away)
    return stakes_for(holder, tables, role).own(away)


def ai_talk(policy: Policy, state: GameState, game: CompiledScenario,
            role: str, views: dict[str, PlayerView] | None = None) -> tuple[Talk | None, Reason]:
    """A policy's next message in the talks (None: it has nothing to say now), and why.

    The policy's `bargain(view, tables, own, left, rng)` decides if it has one; otherwise
    `game.ai.bargain.bargain` with its `style` (or the default style). `views` (role ->
    view), if given, holds each role's view of this round's orders phase once made: the
    view is made once a round and only its talks brought up to date between messages."""
    if talks_open(state, game) is not None or role not in game.talks.parties:
        return None, Reason(ReasonKind.TALK_WAITS)
    left = game.talks.spec.messages_per_round - sent_this_round(state, role)
    if left <= 0:
        return None, Reason(ReasonKind.TALK_WAITS)
    if not proposals_to(state, role) and (
            not getattr(getattr(policy, "style", DEFAULT_STYLE), "proposes", True)
            or offers_this_round(state.talks, state.round, role)):
        return None, Reason(ReasonKind.TALK_WAITS)  # nothing to answer, nothing to propose
    if views is None:
        view = view_for(state, game, role)
    elif role in views:
        view = views[role] = talking_view(views[role], state, game)
    else:
        view = views[role] = view_for(state, game, role)
    rng = _Deferred(state.seed, state.round, f"ai-talks{len(state.talks)}:", role)
    own = own_stakes(state, game, role, policy)
    decide = getattr(policy, "bargain", None)
    if decide is not None:
        plan = decide(view, game.talks, own, left, rng)
    else:
        plan = bargain(view, game.talks, own, getattr(policy, "style", DEFAULT_STYLE), left, rng)
    return plan.move, plan.reason


def ai_talk_turns(game: CompiledScenario, policies: Mapping[str, Policy],
                  state_of: Callable[[], GameState], speaks: Callable[[str], bool],
                  views: dict[str, PlayerView] | None = None
                  ) -> Iterator[tuple[str, Talk, Reason]]:
    """The AI delegations' messages in the talks this round, in order: every party that
    `speaks` is asked in role order, pass after pass, until none has more to say (each is
    held to the negotiation's `messages_per_round`). Yields (role, move, reason); the caller
    applies each move before the next is asked for, and `state_of()` gives the state as it
    then stands. The lab's runner, the session and what-if branches all play the talks
    through this one loop, so they speak in the same order."""
    if game.talks is None:
        return
    progressed = True
    while progressed and talks_open(state_of(), game) is None:
        progressed = False
        for role in game.talks.parties:
            if not speaks(role):
                continue
            move, why = ai_talk(policies[role], state_of(), game, role, views)
            if move is not None:
                yield role, move, why
                progressed = True
