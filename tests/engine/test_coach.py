"""Coaching: the decisions that moved a team's outcome most, and the AI seats' personas."""

import re

from game.ai import PERSONAS, seat_alternatives
from game.debrief.coach import TOP, alternatives_for, coach, comparison_set
from game.debrief.whatif import branch
from game.model.actions import Action
from game.session.session import Seat, Session
from tests.engine.test_whatif import SC, played


def test_each_human_team_gets_at_most_three_decisions_and_ai_seats_none():
    """Only human teams are coached, each on its top decisions, largest effect first."""
    s = played(seed=4, human=("moscow", "nato"), personas=("cooperative", "legalist", "reciprocator"))
    c = coach(s)
    assert set(c.decisions) == {"moscow", "nato"}
    for decisions in c.decisions.values():
        assert len(decisions) <= TOP
        assert [d.impact for d in decisions] == sorted((d.impact for d in decisions), reverse=True)
        assert all(d.impact > 0 and d.text.startswith(f"Round {d.round}") for d in decisions)


def test_a_decision_is_what_a_branch_of_it_gives():
    """The coach's lean replay and a full what-if branch of the same change agree."""
    s = played(seed=2, human=("nato",), personas=("legalist", "legalist", "cooperative"))
    decisions = coach(s).decisions["nato"]
    assert decisions, "this game has decisions that moved NATO's score"
    d = decisions[0]
    b = branch(s, d.trial.change)
    assert b.branched.state.ledger == d.trial.state.ledger
    assert b.branched.outcome().total("nato") - s.outcome().total("nato") == d.trial.gain
    assert f"{b.branched.outcome().total('nato')} points for NATO" in d.text


def test_coaching_is_deterministic():
    """The same game gets the same coaching, word for word."""
    s = played(seed=9, human=("washington",))
    a, b = coach(s), coach(s)
    assert [d.text for d in a.decisions["washington"]] == [d.text for d in b.decisions["washington"]]
    assert a.personas == b.personas


def test_personas_are_named_with_evidence_from_the_game():
    """Each AI seat's paragraph names its persona and what it did in the game."""
    s = played(seed=9, human=("washington",))
    lines = coach(s).personas
    assert len(lines) == 2
    assert lines[0].startswith("Moscow played the position “holds firm”")
    assert lines[1].startswith("NATO played the position “wants it in writing”")
    assert all("its orders were" in line for line in lines)
    assert all("For example, in round" in line for line in lines)


def test_an_unfinished_game_is_coached_within_the_fog():
    """Mid-game coaching names no score, no domestic support and quotes no AI reasoning."""
    s = played(seed=4, human=("moscow",), personas=("cooperative", "legalist", "reciprocator"), stop=6)
    c = coach(s)
    assert not c.finished
    words = " ".join([*c.summaries.values(), *c.personas,
                      *(d.text for ds in c.decisions.values() for d in ds)])
    assert "points" not in words and "For example" not in words
    for role in SC.roles:
        assert role.domestic_label not in words
    assert "round 6" in c.summaries["moscow"]


def test_personas_are_named_in_neutral_words_never_by_their_ids():
    """The default seats read as the case's positions ("Moscow, 2011 position"); no line
    shown to students names a persona id such as holdout."""
    s = played(seed=9, human=("washington",), personas=("assurer", "holdout", "alliance"))
    c = coach(s)
    assert c.personas[0].startswith("Moscow played the position “Moscow, 2011 position”")
    assert c.personas[1].startswith("NATO played the position “NATO, 2011 position”")
    words = " ".join([*c.personas, *(d.text for ds in c.decisions.values() for d in ds)])
    assert not re.search(r"\b(" + "|".join(PERSONAS) + r")\b", words)


def test_moves_are_weighed_against_plausible_ways_to_play_the_seat():
    """The comparison set is the seat's own position and the lab personas that fit it:
    never a hardliner's or an opportunist's. A seat that made a public demand is not
    compared with one that concedes everything at once."""
    assert seat_alternatives(SC, "moscow") == ("holdout", "reciprocator", "legalist")
    assert seat_alternatives(SC, "washington") == ("assurer", "reciprocator", "legalist",
                                                   "cooperative")
    assert seat_alternatives(SC, "nato") == ("alliance", "reciprocator", "legalist", "cooperative")
    s = played(seed=4, human=("moscow",), personas=("assurer", "holdout", "alliance"))
    assert comparison_set(s, "moscow") == ("holdout", "reciprocator", "legalist")
    whys = list(alternatives_for(s, "moscow"))
    assert whys[0] == "a plausible alternative for this seat: Moscow, 2011 position"
    assert not any("hardliner" in w or "holds firm" in w or "opportunist" in w for w in whys)
    for d in coach(s).decisions["moscow"]:
        assert "hardliner" not in d.text and "holds firm" not in d.text


def test_coaching_names_the_central_choice_in_words():
    """Each team's coaching names the demand, the guarantee, the assurance and backing
    down, and what the team itself did about them."""
    for role in ("washington", "moscow", "nato"):
        s = played(seed=5, human=(role,), personas=("assurer", "holdout", "alliance"))
        text = coach(s).dilemmas[role]
        for word in ("demand", "guarantee", "assurance", "back down"):
            assert word in text, (role, text)
    s = played(seed=5, human=("washington",), personas=("assurer", "holdout", "alliance"))
    gave = [r.round for r in s.state.records for a in r.orders
            if a.role == "washington" and a.action_id == "political_assurance"]
    text = coach(s).dilemmas["washington"]
    assert gave and f"In round {gave[0]} you gave the political assurance" in text


#: What the guided game used to suggest to Washington, round by round: ending on the legal
#: guarantee, whose vote fails at the tutorial's seed.
OLD_ADVICE = {1: ("brief_plans@moscow", "coordinate_allies"),
              2: ("expert_talks@moscow", "make_case_at_home"),
              3: ("political_assurance@moscow", "brief_plans@moscow"),
              4: ("legal_guarantee@moscow",)}


def advised_game() -> Session:
    """Washington (the student) follows OLD_ADVICE, then gives no orders; answers yes."""
    from game.model.actions import Orders, Responses

    seats = {r: Seat(r == "washington", p) for r, p in zip(SC.role_ids, ("assurer", "holdout",
                                                                         "alliance"), strict=True)}
    s = Session(SC, 2011, seats)
    while not s.state.over:
        role = s.next_human()
        if role is None:
            s.play_ai(one_round=True)
        elif s.state.phase == "orders":
            s.submit(Orders(role, tuple(Action.from_text(f"{role}:{t}")
                                        for t in OLD_ADVICE.get(s.state.round, ()))))
        else:
            s.submit(Responses(role, tuple((o.key, True) for o in s.view(role).offers)))
    return s


def test_a_move_the_coach_suggested_never_counts_against_the_student():
    """Told which orders a coach suggested, the coach tries no alternative that drops one,
    so following the coach is never ranked as a mistake."""
    s = advised_game()
    suggested = {(rnd, "washington"): tuple(Action.from_text(f"washington:{t}") for t in texts)
                 for rnd, texts in OLD_ADVICE.items()}
    told = coach(s, suggested=suggested)
    for d in told.decisions["washington"]:
        if d.kind == "orders" and d.round in OLD_ADVICE:
            assert all(a in d.trial.change.orders for a in suggested[(d.round, "washington")]), d.text
    free = coach(s, suggested={})
    assert any(d.kind == "orders" and d.round in OLD_ADVICE and not all(
        a in d.trial.change.orders for a in suggested[(d.round, "washington")])
        for d in free.decisions["washington"]), "without the exemption a suggestion is weighed"


def test_a_guided_game_knows_its_coach_s_suggestions():
    """A game started from the tutorial (its seed, role and personas) is recognised, and the
    coach reads the suggestions from the tutorial file; any other game has none."""
    from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
    from game.guide.tutorial import (
        guide_suggestions,
        load_tutorial,
        suggested_moves,
        tutorial_path,
        tutorial_session,
    )

    sc = load_for_play(DEFAULT_SCENARIO)
    tutorial = load_tutorial(tutorial_path(DEFAULT_SCENARIO), sc)
    session = tutorial_session(tutorial, sc, str(DEFAULT_SCENARIO))
    got = guide_suggestions(session)
    assert got == suggested_moves(tutorial) and got
    assert all(role == tutorial.role and all(isinstance(a, Action) for a in acts)
               for (_r, role), acts in got.items())
    other = Session(sc, tutorial.seed + 1, {r: Seat(r == tutorial.role, tutorial.personas.get(r, ""))
                                             if r != tutorial.role else Seat(True)
                                             for r in sc.role_ids}, None, str(DEFAULT_SCENARIO))
    assert guide_suggestions(other) == {}
