"""The talks timer: it only keeps time for the room; the rules never read it."""

from __future__ import annotations

from dataclasses import dataclass

#: Minutes of talks the facilitator's page offers each round unless changed. Three minutes
#: fit the hosted lesson plans in docs/teachers-guide.md (six rounds in 45 minutes, ten
#: in 90); a test holds the guide to this number.
DEFAULT_TALKS_MINUTES = 3


@dataclass
class Timer:
    """The talks timer: it only keeps time, the rules never read it. Seconds, monotonic clock."""

    remaining: float = 0.0
    running_since: float | None = None

    def left(self, now: float) -> float:
        """Seconds left at `now`, never below zero."""
        spent = now - self.running_since if self.running_since is not None else 0.0
        return max(0.0, self.remaining - spent)

    def start(self, seconds: float, now: float) -> None:
        """Set the timer to `seconds` and run it."""
        self.remaining, self.running_since = seconds, now

    def pause(self, now: float) -> None:
        """Stop the clock, keeping the time left."""
        self.remaining, self.running_since = self.left(now), None

    def resume(self, now: float) -> None:
        """Run the clock again from the time left."""
        if self.running_since is None and self.remaining > 0:
            self.running_since = now

    def add(self, seconds: float, now: float) -> None:
        """Give the talks more time (or less, never below zero)."""
        self.remaining = max(0.0, self.left(now) + seconds)
        if self.running_since is not None:
            self.running_since = now

    def data(self, now: float) -> dict:
        """{"running": bool, "left": seconds}."""
        return {"running": self.running_since is not None and self.left(now) > 0,
                "left": round(self.left(now), 1)}

    def saved(self, now: float, wall: float) -> dict:
        """The timer as saved with the hosted game: {"left": seconds left at wall-clock time
        `at` (seconds since the epoch), "running": bool, "at": wall}."""
        return {"left": round(self.left(now), 3), "running": self.running_since is not None,
                "at": round(wall, 3)}

    @classmethod
    def restored(cls, saved: dict, now: float, wall: float) -> Timer:
        """The timer again after a restart, from `saved` (see `saved`; {} for none). A running
        timer has kept running in the room while the host was down, so the time since it was
        saved is taken off; a paused one keeps its time left. `now` is the monotonic clock."""
        if not saved:
            return cls()
        left = float(saved["left"])
        if not saved["running"]:
            return cls(left, None)
        return cls(max(0.0, left - max(0.0, wall - float(saved["at"]))), now)


def saved_timer_ok(saved: object) -> bool:
    """True if `saved` is {} or a timer as `Timer.saved` writes it."""
    if saved == {}:
        return True
    number = (int, float)
    return (isinstance(saved, dict) and set(saved) == {"left", "running", "at"}
            and isinstance(saved["running"], bool)
            and all(isinstance(saved[k], number) and not isinstance(saved[k], bool)
                    and saved[k] >= 0 for k in ("left", "at")))
