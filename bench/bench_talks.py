"""Benchmark of the AI delegations in the talks on the default scenario.

Prints (1) the CPU time of one AI talk decision (`game.ai.policy.ai_talk`: the view, the
stakes, the decision), median and max over every decision of `--games` all-AI games
with the default seats; (2) the CPU time of a whole game with the talks against the same
games without them (the scenario with no `negotiation`), in the same process.

Target: one decision at most 50 ms on one core; a game a few ms.

Run: .venv/bin/python bench/bench_talks.py [--games N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai import make_policy, seat_persona  # noqa: E402
from game.ai import policy as ai_policy  # noqa: E402
from game.authoring.loader import load_scenario  # noqa: E402
from game.rules import compile_scenario  # noqa: E402
from game.session import runner  # noqa: E402

SCENARIO = ROOT / "scenarios" / "missile-defence-2011.yaml"
TARGET_MS = 50.0


def _policies(game):
    return {r: make_policy(seat_persona(game, r), game) for r in game.roles}


def decisions(game, games: int) -> list[float]:
    """CPU ms of every AI talk decision over `games` games."""
    timed: list[float] = []
    plain = ai_policy.ai_talk

    def clocked(*args):
        start = time.process_time()
        out = plain(*args)
        timed.append(1000 * (time.process_time() - start))
        return out

    runner.ai_talk = clocked
    try:
        for seed in range(games):
            runner.play_game(game, seed, _policies(game))
    finally:
        runner.ai_talk = plain
    return timed


def per_game(game, games: int) -> float:
    """Mean CPU ms of one whole game (policies made per game, as the lab makes them)."""
    start = time.process_time()
    for seed in range(games):
        runner.play_game(game, seed, _policies(game))
    return 1000 * (time.process_time() - start) / games


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=200)
    args = parser.parse_args(argv)
    scenario = load_scenario(SCENARIO)
    with_talks = compile_scenario(scenario)
    without = compile_scenario(scenario.model_copy(update={"negotiation": None}))
    per_game(with_talks, 5)  # warm up: stakes, caches
    timed = decisions(with_talks, args.games)
    median, worst = statistics.median(timed), max(timed)
    print(f"talk decisions: {len(timed)} over {args.games} games; "
          f"median {median:.3f} ms, max {worst:.3f} ms (target <= {TARGET_MS:.0f} ms)")
    talks_ms, plain_ms = per_game(with_talks, args.games), per_game(without, args.games)
    print(f"game CPU: {talks_ms:.2f} ms with the talks, {plain_ms:.2f} ms without "
          f"(+{talks_ms - plain_ms:.2f} ms)")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
