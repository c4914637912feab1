"""The talks timer: it only keeps time for the room; the rules never read it."""

from __future__ import annotations

from dataclasses import dataclass


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
