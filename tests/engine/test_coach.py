"""Coaching: the decisions that moved a team's outcome most, and the AI seats' personas."""

from game.debrief.coach import TOP, coach
from game.debrief.whatif import branch
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
    assert lines[0].startswith("Moscow was played by the hardliner persona")
    assert lines[1].startswith("NATO was played by the legalist persona")
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
