"""Benchmark of the balance lab's default report, for the default scenario and a 4-role case,
and of `--suggest` on the default scenario.

Prints the wall and CPU time of `python main.py simulate SCENARIO` with its default
options (2,000 games spread over every assignment of the five lab personas: 125 for 3
roles, 625 for 4), on 2 workers unless told otherwise. Goal: under a minute for the
4-role case on 2 cores. Then the same report with `--suggest` at its defaults (up to
16 changes, each played on the same 300 games, plus the scenario as it stands), as
times and as a ratio to the plain report measured just before in this process.

Run: .venv/bin/python bench/bench_lab.py [--workers K] [--no-suggest]
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.lab import simulate  # noqa: E402

CASES = (("default scenario (3 roles)", ROOT / "scenarios" / "missile-defence-2011.yaml"),
         ("four_roles test case (4 roles)", ROOT / "tests" / "ai" / "fixtures" / "four_roles.yaml"))


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def default_report(path: Path, workers: int, *extra: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and lines printed for the default report of a scenario."""
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    args = parser.parse_args([str(path), "--workers", str(workers), "--quiet", *extra])
    out = io.StringIO()
    cpu, start = _cpu(), time.perf_counter()
    if simulate.run(args, out=out):
        raise SystemExit(f"simulate failed on {path}")
    return time.perf_counter() - start, _cpu() - cpu, len(out.getvalue().splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-suggest", action="store_true", help="skip the --suggest run")
    args = parser.parse_args()
    plain = {}
    for name, path in CASES:
        wall, cpu, lines = plain[path] = default_report(path, args.workers)
        print(f"{name}: default report ({simulate.DEFAULT_GAMES} games) in {wall:.1f} s wall, "
              f"{cpu:.1f} CPU-s on {args.workers} worker(s), {lines} lines "
              f"(target < 60 s wall; load average {os.getloadavg()[0]:.2f})")
    if args.no_suggest:
        return
    name, path = CASES[0]
    wall, cpu, lines = default_report(path, args.workers, "--suggest")
    base_wall, base_cpu, _lines = plain[path]
    print(f"{name}: report with --suggest (up to {simulate.DEFAULT_TRIES} changes x "
          f"{simulate.DEFAULT_SUGGEST_GAMES} games) in {wall:.1f} s wall, {cpu:.1f} CPU-s; "
          f"{wall / base_wall:.1f}x the plain report's wall time, {cpu / base_cpu:.1f}x its CPU "
          f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
