"""The AI delegations in the talks: the dilemma, the default seats' conditions, the figures.

Figures over modest numbers of all-AI games with the default seats (the full check plays
200): an agreement in force in 30-80% of games, at least three different packages
agreed, the legal guarantee proposed in at least half the games and ratified in at most
10% of those; the default seats state their conditions for the central choice before
they make it; reasons never carry a value or exact support; one decision is fast.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest

from game.ai import PERSONAS, make_policy, seat_persona
from game.ai.bargain import Stakes, Style, stakes_for, weigh
from game.ai.policy import ai_talk, own_stakes
from game.authoring.loader import load_scenario
from game.model.results import REASON_ARGS, ReasonKind
from game.rules import apply_action, compile_scenario, new_game
from game.rules.view import view_for
from game.session.runner import play_game, play_round

SCENARIO = "scenarios/missile-defence-2011.yaml"
GAMES = 60
R = ReasonKind


@pytest.fixture(scope="module")
def game():
    return compile_scenario(load_scenario(SCENARIO))


@pytest.fixture(scope="module")
def played(game):
    """(final state, outcome) of GAMES all-AI games with the default seats."""
    out = []
    for seed in range(GAMES):
        policies = {r: make_policy(seat_persona(game, r), game) for r in game.roles}
        out.append(play_game(game, seed, policies))
    return out


def _legal_proposed(state) -> bool:
    return any(m.kind in ("propose", "counter") and dict(m.terms).get("assurance") == "legal"
               for m in state.talks)


def test_default_seats_agree_in_some_games_on_several_packages(played):
    """An agreement in force in 30-80% of games, on at least three different packages."""
    agreed = Counter(s.agreement.terms for s, _ in played
                     if s.agreement is not None and s.agreement.status == "in_force")
    share = sum(agreed.values()) / len(played)
    assert 0.3 <= share <= 0.8, (share, agreed)
    assert len(agreed) >= 3, agreed


def test_legal_guarantee_is_asked_for_and_rarely_ratified(played):
    """Moscow asks for the legal guarantee in at least half the games; it is in force in
    at most 10% of those."""
    asked = [s for s, _ in played if _legal_proposed(s)]
    assert len(asked) >= len(played) / 2
    ratified = [s for s in asked if s.agreement is not None and s.agreement.status == "in_force"
                and dict(s.agreement.terms)["assurance"] == "legal"]
    assert len(ratified) <= 0.1 * len(asked)


def test_results_vary_by_seed_and_repeat_with_it(game):
    """The same seed gives the same talks; different seeds give different talks."""
    def talks(seed):
        policies = {r: make_policy(seat_persona(game, r), game) for r in game.roles}
        return play_game(game, seed, policies)[0].talks
    assert talks(7) == talks(7)
    assert len({talks(s) for s in range(8)}) > 1


def test_washington_weighs_the_guarantee_by_its_odds(game):
    """At the start Washington's odds of ratifying the guarantee are low: every package with
    it is worth less to Washington than its walk-away value, though at face value some
    beat it."""
    state = new_game(game, 1)
    own = own_stakes(state, game, "washington", object())
    st = own.stakes
    wd = weigh(view_for(state, game, "washington"), game.talks, own, Style())
    legal = [i for i, p in enumerate(st.packages) if dict(p)["assurance"] == "legal"]
    assert any(st.value[i] > own.walk_away for i in legal)
    assert all(wd.ev[i] < own.walk_away for i in legal)


def test_moscow_values_the_guarantee_most(game):
    """Moscow's best package has the legal guarantee; its best without it has the written
    assurance."""
    st = Stakes(game.talks, "moscow")
    best = st.packages[st.value.index(max(st.value))]
    assert dict(best)["assurance"] == "legal"
    written = max((v, p) for v, p in zip(st.value, st.packages, strict=True)
                  if dict(p)["assurance"] != "legal")[1]
    assert dict(written)["assurance"] == "written"


def test_stakes_are_made_once(game):
    """A policy makes a role's stakes once and keeps them (no module-level cache)."""
    a, b = make_policy("holdout", game), make_policy("hardliner", game)
    assert stakes_for(a, game.talks, "moscow") is stakes_for(a, game.talks, "moscow")
    assert stakes_for(b, game.talks, "moscow") is not stakes_for(a, game.talks, "moscow")
    # The tables behind them are compiled with the scenario, shared, not built per policy.
    assert stakes_for(b, game.talks, "moscow").value is game.talks.roles["moscow"].value
    state = new_game(game, 1)
    assert own_stakes(state, game, "moscow", a) is own_stakes(state, game, "moscow", a)


def test_every_persona_has_its_own_style():
    """Each persona bargains in a style of its own."""
    styles = {name: factory.STYLE for name, factory in PERSONAS.items() if hasattr(factory, "STYLE")}
    named = set(PERSONAS) - {"baseline"}
    assert named <= set(styles)
    assert len({styles[n] for n in named}) == len(named)


def _talk_reasons(game, seed: int, rounds: int):
    """(round, role, move, reason) of every AI talk message in the first `rounds` rounds,
    with the orders each role gave, in order."""
    policies = {r: make_policy(seat_persona(game, r), game) for r in game.roles}
    state = new_game(game, seed)
    said = []
    while state.phase != "over" and state.round <= rounds:
        progressed = True
        while progressed:
            progressed = False
            for role in game.talks.parties:
                move, why = ai_talk(policies[role], state, game, role)
                if move is not None:
                    said.append((state.round, role, move, why))
                    state = apply_action(state, game, move)
                    progressed = True
        state = play_round(state, game, policies)
    return said


def test_default_seats_state_their_conditions_before_the_central_choice(game):
    """In round 1 Moscow asks for the guarantee and states when it would set its demand
    aside (the written assurance, and trust it names as numbers); Washington states that it
    offers the written assurance rather than a treaty, with its support as a band (and
    whether support at its height would change that)."""
    said = _talk_reasons(game, 3, 1)
    moscow = [why for r, role, _, why in said if role == "moscow" and r == 1]
    washington = [why for r, role, _, why in said if role == "washington" and r == 1]
    holds = [w for w in moscow if w.kind == R.TALK_HOLDS_DEMAND]
    assert holds, moscow
    args = dict(zip(REASON_ARGS[R.TALK_HOLDS_DEMAND], holds[0].args, strict=True))
    assert args["partner"] == "washington" and args["option"] == "written"
    assert args["demand"] == "legal_guarantee" and args["trust"] < args["threshold"]
    instead = [w for w in washington if w.kind in (R.TALK_WRITTEN_INSTEAD, R.TALK_NO_TREATY)]
    assert instead, washington
    args = dict(zip(REASON_ARGS[instead[0].kind], instead[0].args, strict=True))
    assert args["option"] == "legal" and args["instead"] in ("written", "none")
    assert 0 <= args["band"] <= 4


def test_moscow_sets_the_demand_aside_in_the_talks_only_after_stating_it(game, played):
    """Whenever Moscow proposes or accepts a package without the guarantee while its demand
    stands, it said earlier in the same game what it would take."""
    for seed in range(6):
        said = _talk_reasons(game, seed, 10)
        kinds = [why.kind for _, role, _, why in said if role == "moscow"]
        if R.TALK_SETS_ASIDE in kinds:
            assert R.TALK_HOLDS_DEMAND in kinds[:kinds.index(R.TALK_SETS_ASIDE)]


def test_talk_reasons_carry_no_values_or_support(game):
    """A talk reason's args are role, option, issue and demand ids, trust and thresholds,
    bands: never a package's value or a walk-away value (private) or exact support."""
    said = _talk_reasons(game, 2, 4)
    allowed_numbers = {"trust", "threshold", "band", "come_down"}
    for _, _, _, why in said:
        for name, value in zip(REASON_ARGS[why.kind], why.args, strict=True):
            if isinstance(value, int):
                assert name in allowed_numbers, (why.kind, name)


def test_one_decision_is_fast(game):
    """One AI talk decision takes well under 50 ms (median over a game's decisions)."""
    policies = {r: make_policy(seat_persona(game, r), game) for r in game.roles}
    state = new_game(game, 5)
    times = []
    for role in game.talks.parties:
        start = time.process_time()
        move, _ = ai_talk(policies[role], state, game, role)
        times.append(time.process_time() - start)
        if move is not None:
            state = apply_action(state, game, move)
    assert max(times) < 0.05
