"""The balance lab side by side with the peer game's balance simulator, in one run.

The peer is Brinksmanship (github.com/kuitang/brink), whose `scripts/balance_simulation.py`
plays every pairing of its six deterministic opponents. Each round this runs, one after
the other and alternating which goes first, our whole lab process
(`python main.py simulate SCENARIO --games N --workers 1 --quiet`) and the peer's whole
process (`balance_simulation.py --games M --workers 1 --seed 1 --quiet`), and counts the
CPU seconds (user + system, the process and all its children) each took. It prints games
per CPU-second for both, round by round and in total, and the ratio ours/peer.

The peer is looked for in $PEER_BRINK (default /work/peer/brink) with the interpreter
$PEER_PYTHON (default /work/peer/venv/bin/python): a clone of the repository and a venv
with it installed (`pip install -e`). If either is missing or the peer fails, this says so
in one line and exits 0.

Run: .venv/bin/python bench/bench_peer.py [--rounds R] [--games N] [--peer-games M]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "missile-defence-2011.yaml"
PEER = Path(os.environ.get("PEER_BRINK", "/work/peer/brink"))
PEER_PYTHON = Path(os.environ.get("PEER_PYTHON", "/work/peer/venv/bin/python"))
GOAL = 3.0


def _children_cpu() -> float:
    """CPU seconds of every finished child process (and theirs) so far."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def _timed(argv: list[str], cwd: Path) -> tuple[float, str]:
    """CPU seconds a whole process tree took, and what it printed; RuntimeError if it failed."""
    before = _children_cpu()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    cpu = _children_cpu() - before
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{Path(argv[1]).name} exited {done.returncode}: {last}")
    return cpu, done.stdout


def ours(games: int) -> tuple[float, int]:
    """CPU seconds and games of one whole lab run on one worker."""
    cpu, _out = _timed([sys.executable, str(ROOT / "main.py"), "simulate", str(SCENARIO),
                        "--games", str(games), "--workers", "1", "--quiet"], ROOT)
    return cpu, games


def peer(games: int) -> tuple[float, int]:
    """CPU seconds and games of one whole peer run on one worker (all its pairings)."""
    cpu, out = _timed([str(PEER_PYTHON), str(PEER / "scripts" / "balance_simulation.py"),
                       "--games", str(games), "--workers", "1", "--seed", "1", "--quiet"], PEER)
    pairings = re.findall(r"\[\d+/(\d+)\]", out)
    if not pairings:
        raise RuntimeError("the peer printed no pairings")
    return cpu, int(pairings[-1]) * games


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of one run each")
    parser.add_argument("--games", type=int, default=2000, help="lab games a run")
    parser.add_argument("--peer-games", type=int, default=100, help="peer games a pairing")
    args = parser.parse_args(argv)
    if not (PEER / "scripts" / "balance_simulation.py").is_file() or not PEER_PYTHON.is_file():
        print(f"peer not available (no {PEER}/scripts/balance_simulation.py or no "
              f"{PEER_PYTHON}); clone github.com/kuitang/brink there to compare")
        return 0
    totals = {"ours": [0.0, 0], "peer": [0.0, 0]}
    runs = (("ours", lambda: ours(args.games)), ("peer", lambda: peer(args.peer_games)))
    try:
        for r in range(args.rounds):
            line = []
            for name, run in runs if r % 2 == 0 else runs[::-1]:  # alternate who goes first
                cpu, games = run()
                totals[name][0] += cpu
                totals[name][1] += games
                line.append(f"{name} {games} games in {cpu:.2f} CPU-s = {games / cpu:.0f}/CPU-s")
            print(f"round {r + 1}: " + "; ".join(sorted(line)), flush=True)
    except (OSError, RuntimeError) as e:
        print(f"peer comparison not run: {e}")
        return 0
    rate = {name: games / cpu for name, (cpu, games) in totals.items()}
    ratio = rate["ours"] / rate["peer"]
    print(f"lab {rate['ours']:.0f} games/CPU-s, peer {rate['peer']:.0f} games/CPU-s: "
          f"ratio ours/peer {ratio:.2f}x (goal >= {GOAL:.0f}x: {'met' if ratio >= GOAL else 'not met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
