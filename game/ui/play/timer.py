"""The negotiation timer: a countdown that the board shows and that never ends a round.

It stops when the talks end (the room moves on to orders) and starts again from its
full length at the next event card. The clock is injectable so tests can move time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from game.words import _


class CountdownTimer:
    """Counts down from `seconds`; can be paused, resumed, extended and restarted."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.length = max(0.0, seconds)  # each round's talks start from this (configured)
        self.total = self.length  # this round's length, extra minutes included
        self.clock = clock
        self._left = self.total
        self._since: float | None = None
        self.over = False  # the talks of this round have ended
        self.started = False  # the talks have begun at least once

    @property
    def enabled(self) -> bool:
        """False when the timer is set to 0 minutes (off)."""
        return self.length > 0

    @property
    def running(self) -> bool:
        """True while counting down."""
        return self._since is not None and self.remaining() > 0

    def remaining(self) -> float:
        """Seconds left (never below 0)."""
        if self._since is None:
            return self._left
        return max(0.0, self._left - (self.clock() - self._since))

    def restart(self) -> None:
        """Start again from the configured length (extra time given in an earlier round
        does not carry over)."""
        self.total = self.length
        self._left = self.total
        self._since = self.clock() if self.enabled else None
        self.over = False
        self.started = True

    def finish(self) -> None:
        """The talks are over for this round: stop counting."""
        self.pause()
        self.over = True

    def pause(self) -> None:
        """Stop counting, keeping the time left."""
        self._left, self._since = self.remaining(), None

    def resume(self) -> None:
        """Go on counting."""
        if self._since is None and self.enabled and not self.over:
            self._since = self.clock()

    def toggle(self) -> None:
        """Pause if running, else resume."""
        self.pause() if self._since is not None else self.resume()

    def add(self, seconds: float) -> None:
        """Give more time, this round only."""
        left = self.remaining() + seconds
        self._left = left
        self.total = max(self.total, left)
        if self._since is not None:
            self._since = self.clock()

    def next_tick(self) -> float | None:
        """Seconds until the shown time changes, or None when nothing will change."""
        if not self.running:
            return None
        left = self.remaining()
        return max(0.01, left - math.floor(left - 1e-6)) if left > 0 else None

    def clock_text(self) -> str:
        """The time left as mm:ss."""
        left = math.ceil(self.remaining())
        return f"{left // 60:02d}:{left % 60:02d}"

    def state(self) -> str:
        """The timer's state in words: off, not started, talks over, time is up, paused
        or running."""
        if not self.enabled:
            return "off"
        if not self.started:
            return "not started"
        if self.over:
            return "talks over"
        if math.ceil(self.remaining()) <= 0:
            return "time is up"
        return "running" if self.running else "paused"

    def text(self) -> str:
        """The timer in one line."""
        state = self.state()
        if state == "off":
            return _("Talks timer: off")
        if state == "talks over":
            return _("Talks are over for this round")
        if state == "not started":
            return _("Talks begin with the event card")
        if state == "time is up":
            return _("Talks timer: time is up (the round goes on)")
        if state == "running":
            return _("Talks timer: {clock}").format(clock=self.clock_text())
        return _("Talks timer: {clock} (paused)").format(clock=self.clock_text())
