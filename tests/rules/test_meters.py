"""Rule cases for meters, the ledger, drift and breakdown."""

import pytest

from game.model.state import tension_band
from game.rules import legal_actions, outcome
from tests.helpers import entries, play_round, start, two_roles


@pytest.mark.parametrize("value,band", [(0, "calm"), (24, "calm"), (25, "wary"), (49, "wary"),
                                        (50, "strained"), (74, "strained"), (75, "crisis"),
                                        (100, "crisis")])
def test_tension_bands(value, band):
    """Bands: calm < 25 <= wary < 50 <= strained < 75 <= crisis."""
    assert tension_band(value) == band


def test_meters_clamp_at_100():
    """Meters are clamped to 0-100 and the ledger records the clamped change."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:shout"], "south": ["south:shout"]})
    assert s.tension == 100
    assert all(0 <= e.after <= 100 for e in s.ledger)
    assert sum(e.amount for e in entries(s, "tension")) == 100 - 40


def test_every_change_is_in_the_ledger():
    """Each meter's start value plus its ledger amounts gives its current value."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:gift@south", "north:shout"], "south": ["south:gift@north"]})
    assert 40 + sum(e.amount for e in entries(s, "tension")) == s.tension
    assert 40 + sum(e.amount for e in entries(s, "trust.south.north")) == s.trust[("south", "north")]
    assert 50 + sum(e.amount for e in entries(s, "support.north")) == s.support["north"]


def test_ledger_entries_name_cause_and_actor():
    """A ledger entry holds round, meter, before, after, signed amount, cause and actor."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:shout"]})
    e = entries(s, "tension", "action")[0]
    assert (e.round, e.before, e.after, e.amount) == (1, 41, 71, 30)
    assert (e.cause, e.source, e.actor) == ("action", "north:shout", "north")


def test_drift_pulls_tension_toward_the_trust_baseline():
    """Each round, tension drifts toward a baseline set by the mean trust."""
    sc = two_roles(drift_base=80, drift_per_trust=100, drift_rate=50, drift_max=5)
    sc, s = start(sc)
    s, _ = play_round(s, sc, {})
    drift = entries(s, "tension", "drift")
    assert len(drift) == 1 and drift[0].amount == -1  # baseline 40, tension 41: closes the gap
    assert s.tension == 40


def test_drift_is_capped():
    """Drift moves tension by at most drift_max in a round."""
    sc = two_roles(drift_base=100, drift_per_trust=0, drift_rate=100, drift_max=3)
    sc, s = start(sc)
    s, _ = play_round(s, sc, {})
    assert entries(s, "tension", "drift")[0].amount == 3


def test_breakdown_at_100_ends_the_game():
    """At tension 100 the talks break down, the game ends, and the Breakdown ending is chosen."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:shout"], "south": ["south:shout"]})
    assert s.breakdown and s.over
    assert outcome(s, sc).ending == "breakdown"
    assert legal_actions(s, sc, "north") == []


def test_waiting_changes_nothing():
    """An action with no effects writes nothing to the ledger: waiting is a choice with no effect."""
    sc, s = start()
    before = len(s.ledger)
    s, _ = play_round(s, sc, {"north": ["north:wait"], "south": ["south:wait"]})
    assert len(s.ledger) == before
