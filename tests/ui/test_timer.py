"""The negotiation timer counts down, pauses and never ends a round."""

from game.ui.play.timer import CountdownTimer


class Clock:
    """A hand-moved clock."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_counts_down_and_pauses():
    """Time passes only while running; paused time is kept."""
    clock = Clock()
    t = CountdownTimer(120, clock)
    t.restart()
    clock.now += 30
    assert t.text() == "Talks timer: 01:30"
    t.pause()
    clock.now += 50
    assert t.remaining() == 90 and "paused" in t.text() and t.next_tick() is None
    t.resume()
    clock.now += 0.25
    assert 0 < t.next_tick() <= 1


def test_time_up_does_not_end_anything():
    """At zero the timer says so and stops asking to be woken."""
    clock = Clock()
    t = CountdownTimer(60, clock)
    t.restart()
    clock.now += 75
    assert t.remaining() == 0 and "time is up" in t.text() and t.next_tick() is None


def test_off_and_extend():
    """0 minutes means off; adding a minute extends a running timer."""
    assert CountdownTimer(0).text() == "Talks timer: off"
    clock = Clock()
    t = CountdownTimer(60, clock)
    t.restart()
    t.add(60)
    assert t.remaining() == 120
