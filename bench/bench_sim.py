"""Benchmark of the balance lab on the default scenario.

Prints (1) complete games per CPU-second on one core, playing the lab's persona
assignments in turn in this process, and (2) the wall time of a 10,000-game
simulate report (10,000 games spread over the 125 assignments) on every core.

Run: .venv/bin/python bench/bench_sim.py [--games N] [--workers K]
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai import LAB_PERSONAS, make_policy  # noqa: E402
from game.engine import simulate  # noqa: E402
from game.engine.runner import play_game  # noqa: E402

SCENARIO = ROOT / "scenarios" / "missile-defence-2011.yaml"


def one_core(games: int) -> tuple[float, float]:
    """Games per CPU-second and mean rounds, over `games` games cycling through assignments."""
    scenario = simulate.load(str(SCENARIO))
    assignments = list(itertools.product(LAB_PERSONAS, repeat=len(scenario.role_ids)))
    play_game(scenario, 0, {r: make_policy("reciprocator", scenario) for r in scenario.role_ids})
    rounds = 0
    start = time.process_time()
    for g in range(games):
        a = assignments[g % len(assignments)]
        policies = {r: make_policy(p, scenario) for r, p in zip(scenario.role_ids, a, strict=True)}
        rounds += play_game(scenario, g, policies)[1].round
    return games / (time.process_time() - start), rounds / games


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def report_wall(workers: int) -> tuple[float, float]:
    """Wall and CPU seconds for `simulate` with 10,000 games in total."""
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    args = parser.parse_args([str(SCENARIO), "--games", "10000", "--workers", str(workers), "--quiet"])
    cpu, start = _cpu(), time.perf_counter()
    code = simulate.run(args, out=io.StringIO())
    wall, cpu = time.perf_counter() - start, _cpu() - cpu
    if code:
        raise SystemExit(f"simulate failed with status {code}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="games for the one-core figure")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    rate, rounds = one_core(args.games)
    print(f"one core: {rate:.0f} complete games per CPU-second "
          f"({args.games} games, mean {rounds:.1f} rounds; target >= 500)")
    wall, cpu = report_wall(args.workers)
    print(f"10,000-game report on {args.workers} worker(s): {wall:.2f} s wall, {cpu:.1f} CPU-s "
          f"(target < 10 s wall; load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
