"""Rule cases for directed trust: slow to build, quick to lose, less for repeats, GRIT."""

from tests.helpers import entries, play_round, start, two_roles


def test_trust_is_directed():
    """Trust is one value per ordered pair: a gift raises the recipient's trust in the giver only."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:gift@south"]})
    assert s.trust[("south", "north")] == 50
    assert s.trust[("north", "south")] == 40


def test_trust_gains_are_scaled_down():
    """Positive trust changes are scaled to trust_gain_percent: trust is slow to build."""
    sc, s = start(two_roles(trust_gain_percent=60))
    s, _ = play_round(s, sc, {"north": ["north:gift@south"]})
    assert s.trust[("south", "north")] == 46


def test_trust_losses_are_not_scaled():
    """Negative trust changes apply in full: trust is quick to lose."""
    sc, s = start(two_roles(trust_gain_percent=60))
    s, _ = play_round(s, sc, {"north": ["north:observe@south"]}, accept=False)
    assert s.trust[("north", "south")] == 38


def test_repeated_concession_earns_less():
    """Repeating the same concession toward the same role earns less each time."""
    sc, s = start()
    gains = []
    for _ in range(3):
        s, _ = play_round(s, sc, {"north": ["north:gift@south"]})
        gains.append(entries(s, "trust.south.north", "action", s.records[-1].round)[0].amount)
    assert gains == [10, 5, 3]


def test_reciprocated_concession_earns_grit_bonus():
    """A concession reciprocated within the round earns both sides the GRIT bonus."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:gift@south"], "south": ["south:gift@north"]})
    bonus = entries(s, cause="rule")
    assert {e.meter for e in bonus} == {"trust.north.south", "trust.south.north"}
    assert all(e.amount == 3 for e in bonus)


def test_unreciprocated_concession_earns_no_bonus():
    """A concession that is not matched in the same round earns no bonus."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:gift@south"], "south": ["south:wait"]})
    assert entries(s, cause="rule") == []


def test_reciprocation_bonus_shrinks_with_repeats():
    """Trading the same concession round after round earns a smaller GRIT bonus each time."""
    sc, s = start()
    bonuses = []
    for _ in range(4):
        s, rec = play_round(s, sc, {"north": ["north:gift@south"], "south": ["south:gift@north"]})
        found = entries(s, "trust.north.south", "rule", rec.round)
        bonuses.append(found[0].amount if found else 0)
    assert bonuses == [3, 1, 0, 0]


def test_declined_offer_is_not_reciprocated():
    """An offer the other side declined does not count as a concession matched in the round."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:gift@south"], "south": ["south:observe@north"]},
                      accept=False)
    assert entries(s, cause="rule") == []
