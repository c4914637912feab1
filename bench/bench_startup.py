"""Start-up benchmark: how long a command takes from a new Python process to its exit.

Run: .venv/bin/python bench/bench_startup.py [--runs N]

Times, best of --runs (7 by default), each in a fresh process:
(a) `python main.py --help`: the command line alone;
(b) `python main.py check scenarios/missile-defence-2011.yaml`: loading and linting a scenario;
(c) `python -c "import game.cli.main"`: what every command pays before it starts;
(d) `python -c "pass"`: the interpreter itself, for comparison.
Use it to decide whether an import may stay at the top of its module (the usual place) or
must wait inside the function that needs it: lazy loading is kept only where it shows here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = (
    ("main.py --help", ["main.py", "--help"]),
    ("main.py check missile-defence-2011", ["main.py", "check", "scenarios/missile-defence-2011.yaml"]),
    ("import game.cli.main", ["-c", "import game.cli.main"]),
    ("python -c pass", ["-c", "pass"]),
)


def best_of(args: list[str], runs: int) -> float:
    """The shortest wall time, in seconds, of `runs` fresh processes running `args`."""
    env = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1", LANG="C.UTF-8")
    env.pop("LANGUAGE", None)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    """Print the best wall time of each case, in milliseconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="processes per case (default 7)")
    runs = parser.parse_args().runs
    for label, args in CASES:
        print(f"{label:<40} {best_of(args, runs) * 1000:7.0f} ms  (best of {runs})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
