"""Rule cases for the cooperation track: prerequisites, acceptance, withdrawal."""

from game.rules import legal_actions
from tests.helpers import a, entries, play_round, start


def test_milestone_needs_prerequisites():
    """A milestone cannot be proposed until its prerequisites are operating."""
    sc, s = start()
    assert a("north:propose_centre") not in legal_actions(s, sc, "north")
    s, _ = play_round(s, sc, {"north": ["north:propose_talks"]})
    assert a("north:propose_centre") in legal_actions(s, sc, "north")


def test_milestone_needs_every_party():
    """A milestone operates only if every party it names accepts."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:propose_talks"]}, accept=False)
    assert s.milestones["talks"] == "inactive"
    s, _ = play_round(s, sc, {"north": ["north:propose_talks"]}, accept=True)
    assert s.milestones["talks"] == "operating"
    assert entries(s, "tension", "milestone")[0].amount == -5


def test_withdrawal_suspends_milestone_and_dependents():
    """A party may withdraw at any time; the milestone and those built on it are suspended."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:propose_talks"]})
    s, _ = play_round(s, sc, {"north": ["north:propose_centre"]})
    assert s.milestones == {"talks": "operating", "centre": "operating"}
    s, _ = play_round(s, sc, {"south": ["south:leave@talks"]})
    assert s.milestones == {"talks": "suspended", "centre": "suspended"}


def test_decline_has_its_own_effects():
    """Declining an offer applies its on_decline effects instead of on_accept."""
    sc, s = start()
    s, rec = play_round(s, sc, {"north": ["north:observe@south"]}, accept=False)
    assert rec.responses == (("south", "north:observe@south", False),)
    assert [e.amount for e in entries(s, "trust.north.south", "response")] == [-2]
