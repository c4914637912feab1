"""The facilitator brings events in: at most once a round, and a `once` event once a game."""

import pytest

from game.model.actions import IllegalAction, InjectEvent
from game.rules import apply_action
from game.rules.events import spent
from game.words.ledger import ledger_line
from tests.helpers import entries, play_round, start


def test_an_event_is_brought_in_at_most_once_a_round():
    """Bringing the same event in twice in a round is refused with a plain reason, and so is
    the event the round already opened with; the next round it may come again."""
    sc, s = start()
    s = apply_action(s, sc, InjectEvent("rumour"))  # rumour may happen many times a game
    with pytest.raises(IllegalAction, match="'Rumour' has already happened this round"):
        apply_action(s, sc, InjectEvent("rumour"))
    with pytest.raises(IllegalAction, match="'Opening' has already happened this round"):
        apply_action(s, sc, InjectEvent("opening"))
    s, _ = play_round(s, sc, {"north": ["north:shout"]})
    assert s.event == "alarm" and spent(s, sc.events["rumour"]) is None
    apply_action(s, sc, InjectEvent("rumour"))


def test_an_event_that_happens_once_cannot_be_brought_in_after_it_happened():
    """An event marked `once` that has happened is refused in every later round."""
    sc, s = start()
    s = apply_action(s, sc, InjectEvent("alarm"))
    s, _ = play_round(s, sc, {})
    assert spent(s, sc.events["alarm"]) == "game"
    with pytest.raises(IllegalAction, match="'Alarm' can happen only once a game and has already"):
        apply_action(s, sc, InjectEvent("alarm"))
    with pytest.raises(IllegalAction, match="only once a game"):
        apply_action(s, sc, InjectEvent("opening"))


def test_a_brought_in_event_names_its_title_once_in_the_ledger():
    """`Event: Alarm (brought in by the facilitator)`, not the title twice."""
    sc, s = start()
    s = apply_action(s, sc, InjectEvent("alarm"))
    line = ledger_line(sc, entries(s, cause="event")[-1])
    assert line.endswith("· Event: Alarm (brought in by the facilitator)")
    assert line.count("Alarm") == 1
