"""The AI delegations' stated conditions in the talks are their real conditions, and every
reason they give reads whole (no name left out)."""

from __future__ import annotations

import pytest

from game.ai import make_policy, seat_persona
from game.ai.bargain import Stakes
from game.ai.policy import ai_talk
from game.authoring.loader import load_scenario
from game.model.actions import Talk
from game.model.results import REASON_ARGS, ReasonKind
from game.rules import apply_action, compile_scenario, new_game
from game.session.session import Seat, Session
from game.words.reasoning import reasoning_line

SCENARIO = "scenarios/missile-defence-2011.yaml"
R = ReasonKind


@pytest.fixture(scope="module")
def game():
    return compile_scenario(load_scenario(SCENARIO))


def _best_written(game):
    st = Stakes(game.talks, "moscow")
    return max((v, p) for v, p in zip(st.value, st.packages, strict=True)
               if dict(p)["assurance"] == "written")[1]


def test_moscow_sets_its_demand_aside_once_its_stated_conditions_hold(game):
    """The guarantee failed ratification and Moscow trusts Washington above the mark it
    states: offered its best package with the written assurance, it takes it at once, and
    says it sets the demand aside with the facts its decision used."""
    holdout = make_policy("holdout", game)
    state = new_game(game, 5)
    state.meters[game.trust_meter[("moscow", "washington")]] = holdout.talk_trust + 11
    state.rejected = frozenset({("assurance", "legal")})
    state = apply_action(state, game, Talk("washington", "propose", 0, ("moscow", "nato"),
                                           _best_written(game)))
    move, why = ai_talk(holdout, state, game, "moscow")
    assert move.kind == "accept" and why.kind == R.TALK_SETS_ASIDE, (move, why)
    args = dict(zip(REASON_ARGS[why.kind], why.args, strict=True))
    assert args["trust"] == holdout.talk_trust + 11 and args["threshold"] == holdout.talk_trust


def test_moscow_states_the_facts_its_decision_used(game):
    """Over default-seat games, every condition Moscow states names the trust it has and the
    mark it uses; it sets the demand aside only with that trust; and it never holds to the
    demand against a package with the written assurance once it has the trust, unless the
    package falls short (then it says which option, not its usual stance)."""
    seen = 0
    for seed in range(8):
        policies = {r: make_policy(seat_persona(game, r), game) for r in game.roles}
        holdout = policies["moscow"]
        session = Session(game.scenario, seed, {r: Seat(False, seat_persona(game, r))
                                                for r in game.roles})
        while not session.state.over:
            state = session.state
            if state.phase == "orders":
                for role in game.talks.parties:
                    move, why = ai_talk(policies[role], session.state, game, role)
                    if move is None:
                        continue
                    if role == "moscow" and why.kind in (R.TALK_HOLDS_DEMAND, R.TALK_SETS_ASIDE):
                        seen += 1
                        args = dict(zip(REASON_ARGS[why.kind], why.args, strict=True))
                        trust = session.state.meters[game.trust_meter[("moscow", "washington")]]
                        assert args["trust"] == trust and args["threshold"] == holdout.talk_trust
                        if why.kind == R.TALK_SETS_ASIDE:
                            assert trust >= holdout.talk_trust
                    if role == "moscow" and move.kind == "decline":
                        assert why.kind in (R.TALK_DECLINES, R.TALK_DECLINES_OPTION), why
                    session.submit(move, [(move.text(), why)])
            session.play_ai(one_round=True)
    assert seen


def _all_notes(game, seeds):
    personas = ["holdout", "assurer", "legalist", "hardliner", "cooperative", "opportunist",
                "reciprocator", "alliance", "baseline"]
    for seed in seeds:
        seats = {r: Seat(False, seat_persona(game, r) if seed % 2 else
                         personas[(seed + i) % len(personas)])
                 for i, r in enumerate(game.roles)}
        session = Session(game.scenario, seed, seats)
        while not session.state.over:
            session.play_ai(one_round=True)
        yield from session.notes


def test_every_reason_of_twenty_games_reads_whole(game):
    """Every note of 20 AI games, worded: no name left out (no double space, no empty
    quotes, no placeholder), for every kind that came up."""
    kinds = set()
    for note in _all_notes(game, range(20)):
        kinds.add(note.reason.kind)
        line = reasoning_line(game.scenario, note.role, note)
        assert "  " not in line and "''" not in line and "{" not in line, (note, line)
        assert not line.rstrip().endswith((":", "'")) or line.endswith("'"), line
    assert {R.TALK_DECLINES_OPTION, R.TALK_HOLDS_DEMAND} <= kinds, kinds


def test_a_teams_proposal_gets_readable_reasons_for_every_answer(game):
    """Washington, played by a team, proposes; every AI answer to it comes with a reason
    the team can read."""
    seats = {r: Seat(r == "washington", seat_persona(game, r)) for r in game.roles}
    for seed in range(4):
        session = Session(game.scenario, seed, seats)
        session.play_talks()
        terms = _best_written(game)
        session.talk(Talk("washington", "propose", 0, ("moscow", "nato"), terms))
        mine = session.state.talks[-1].id if False else next(
            m.id for m in session.state.talks if m.sender == "washington")
        answers = [m for m in session.state.talks if m.ref == mine]
        assert answers
        readable = {n.action for n in session.talk_notes("washington")}
        for m in answers:
            said = Talk(m.sender, m.kind, m.ref, (), m.terms).text()
            assert said in readable, (m, readable)
