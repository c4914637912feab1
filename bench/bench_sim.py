"""Benchmark of the balance lab on the default scenario.

Prints (1) complete games per CPU-second on one core, playing the lab's persona
assignments in turn in this process, as the simulator plays them (one set of policies
per assignment); (2) the wall and CPU time of a 10,000-game simulate report
(10,000 games spread over the 125 assignments) with `--workers` processes; and the load average before
and after, since the figures mean little on a busy machine.

Targets: at least 1,000 games per CPU-second on one core; the report in 6 s or less on
2 cores.

Run: .venv/bin/python bench/bench_sim.py [--games N] [--workers K] [--repeat R]
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
from game.lab import simulate  # noqa: E402
from game.rules import compile_scenario  # noqa: E402
from game.session.runner import play_game  # noqa: E402

SCENARIO = ROOT / "scenarios" / "missile-defence-2011.yaml"


def one_core(games: int) -> tuple[float, float]:
    """Games per CPU-second and mean rounds, over `games` games cycling through assignments."""
    game = compile_scenario(simulate.load(str(SCENARIO)))
    roles = game.roles
    teams = [{r: make_policy(p, game) for r, p in zip(roles, a, strict=True)}
             for a in itertools.product(LAB_PERSONAS, repeat=len(roles))]
    play_game(game, 0, teams[0])  # warm up imports and first-call costs
    rounds = 0
    start = time.process_time()
    for g in range(games):
        rounds += play_game(game, g, teams[g % len(teams)])[1].round
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


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="games for the one-core figure")
    parser.add_argument("--workers", type=int, default=2, help="processes for the report (default 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement")
    args = parser.parse_args()
    print(f"before: {_load()} on {os.cpu_count()} core(s)")
    for _ in range(args.repeat):
        rate, rounds = one_core(args.games)
        print(f"one core: {rate:.0f} complete games per CPU-second "
              f"({args.games} games, mean {rounds:.1f} rounds; target >= 1000)")
    for _ in range(args.repeat):
        wall, cpu = report_wall(args.workers)
        print(f"10,000-game report on {args.workers} worker(s): {wall:.2f} s wall, {cpu:.1f} CPU-s "
              f"(target <= 6 s wall)")
    print(f"after: {_load()}")


if __name__ == "__main__":
    main()
