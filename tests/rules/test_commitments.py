"""Rule cases for commitments, ratification and public demands (audience costs)."""

import pytest
from pydantic import ValidationError

from game.model.scenario import CommitmentSpec
from game.rules import legal_actions
from tests.helpers import a, entries, play_round, start, with_support


def test_breaking_must_cost_at_least_twice_keeping():
    """A scenario where a broken commitment costs less than twice a kept one earns is rejected."""
    with pytest.raises(ValidationError, match="at least twice"):
        CommitmentSpec(name="x", term=2, broken_by=["y"], keep_reward=6, break_penalty=11)


def test_commitment_kept_when_term_runs_out():
    """A commitment that runs its term unbroken is kept and earns the recipient's trust."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:promise@south"]})
    s, _ = play_round(s, sc, {})
    assert s.commitments[0].status ==  "active"
    s, _ = play_round(s, sc, {})
    assert s.commitments[0].status == "kept"
    assert entries(s, "trust.south.north", "commitment")[0].amount == 5


def test_contradicting_action_breaks_commitment():
    """An action listed in broken_by, by the committed role, breaks the commitment sharply."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:promise@south"]})
    s, _ = play_round(s, sc, {"north": ["north:shout"]})
    assert s.commitments[0].status == "broken"
    assert entries(s, "trust.south.north", "commitment")[0].amount == -12


def test_same_commitment_cannot_be_stacked():
    """A role cannot give the same commitment to the same role while one is in force."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:promise@south"]})
    assert a("north:promise@south") not in legal_actions(s, sc, "north")


def test_min_support_requirement():
    """Some actions need a minimum level of domestic support."""
    sc, s = start(with_support(north=20))
    assert a("north:promise@south") not in legal_actions(s, sc, "north")


def test_ratification_that_fails_costs_support():
    """Ratification is a seeded roll against support; with no chance it fails and costs support."""
    sc, s = start()  # support 50 = threshold: chance 0
    s, _ = play_round(s, sc, {"north": ["north:treaty@south"]})
    assert s.commitments == ()
    assert entries(s, "support.north", "ratification")[0].amount == -7


def test_ratification_passes_with_enough_support():
    """With support high enough for a certain pass, the commitment takes effect."""
    sc, s = start(with_support(north=100, south=100))
    s, _ = play_round(s, sc, {"north": ["north:treaty@south"]})
    assert [c.name for c in s.commitments] == ["treaty"]


def test_ratification_is_deterministic_by_seed():
    """The same seed gives the same ratification roll."""
    sc = with_support(north=75)
    results = set()
    for _ in range(3):
        sc, s = start(sc, seed=42)
        s, _ = play_round(s, sc, {"north": ["north:treaty@south"]})
        results.add(len(s.commitments))
    assert len(results) == 1


def test_demand_raises_support_and_tension():
    """A public demand raises the demander's support and the tension."""
    sc, s = start()
    s, _ = play_round(s, sc, {"south": ["south:demand@north"]})
    assert s.support["south"] == 55 and ("south", "treaty_demand") in s.demands


def test_backing_down_costs_audience_cost():
    """Taking or accepting an action that backs down from a standing demand costs support."""
    sc, s = start()
    s, _ = play_round(s, sc, {"south": ["south:demand@north"],
                              "north": ["north:propose_talks"]})
    s, _ = play_round(s, sc, {"north": ["north:propose_centre"]})
    assert entries(s, "support.south", "demand")[0].amount == -6
    assert ("south", "treaty_demand") not in s.demands


def test_meeting_a_demand_rewards_the_demander():
    """A demand met by the action that satisfies it earns the demander support."""
    sc, s = start(with_support(north=100))
    s, _ = play_round(s, sc, {"south": ["south:demand@north"]})
    s, _ = play_round(s, sc, {"north": ["north:treaty@south"]})
    assert entries(s, "support.south", "demand")[0].amount > 0
