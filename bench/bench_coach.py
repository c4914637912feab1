"""Benchmark of the debrief's coaching on the default scenario (goal: under 5 s per game).

For each of several games that ran all 10 rounds (each with a different mix of personas, and with one,
then all three seats seated as human teams), it times `coach()` in CPU seconds on one core
and prints the what-if replays it ran, the mean and the worst time.

Run: .venv/bin/python bench/bench_coach.py [--games N]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai import LAB_PERSONAS  # noqa: E402
from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play  # noqa: E402
from game.debrief.coach import coach  # noqa: E402
from game.session.session import Seat, Session  # noqa: E402


def game(scenario, seed: int, personas: tuple[str, ...], humans: int) -> Session:
    """A finished game by AI seats, reseated with the first `humans` roles as human teams."""
    roles = scenario.role_ids
    ai = Session(scenario, seed, {r: Seat(False, p) for r, p in zip(roles, personas, strict=True)})
    ai.play_ai()
    seats = {r: Seat(i < humans, p) for i, (r, p) in enumerate(zip(roles, personas, strict=True))}
    return Session.from_log(scenario, seed, seats, ai.log, notes=ai.notes)


def full_games(scenario, mixes, humans: int, count: int):
    """`count` games that ran every round (breakdowns end early and would flatter the time)."""
    found, g = 0, 0
    while found < count:
        session = game(scenario, 100 + g, mixes[(g * 7) % len(mixes)], humans)
        g += 1
        if session.state.round == session.rounds and not session.state.breakdown:
            found += 1
            yield session


def main() -> int:
    """Print the coaching time per game for one human team and for three."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", type=int, default=10, help="games per line (default 10)")
    args = parser.parse_args()
    scenario = load_for_play(str(DEFAULT_SCENARIO))
    mixes = list(itertools.product(LAB_PERSONAS, repeat=len(scenario.role_ids)))
    for humans in (1, len(scenario.role_ids)):
        times, replays, rounds = [], 0, 0
        for session in full_games(scenario, mixes, humans, args.games):
            start = time.process_time()
            result = coach(session)
            times.append(time.process_time() - start)
            replays += result.replays
            rounds += session.state.round
        print(f"{humans} human team(s): {args.games} games, {rounds / args.games:.1f} rounds each, "
              f"{replays / args.games:.0f} what-if replays each; coaching CPU time "
              f"mean {sum(times) / len(times):.2f} s, worst {max(times):.2f} s (goal < 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
