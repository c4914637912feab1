"""A fingerprint of the rules' output: sha256 over the ledgers of many lab games.

Plays `--games` AI-only games of a scenario (default: the default scenario, 2,000 games),
cycling through every assignment of the lab's personas to the roles, game g with seed g,
and hashes the data fields of every ledger entry in order: round, meter, before, after,
amount, cause, source and actor (one tab-separated line each; no words, so the hash does
not depend on the language or on how notes are worded). Two trees that print the same
hash resolve every one of those games identically, which is what a change made for
speed alone must keep.

Run: .venv/bin/python bench/ledger_hash.py [--games N] [--scenario FILE]
Prints the hash, the number of games and of ledger entries, and the CPU seconds taken.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
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


def entry_line(e) -> str:
    """The data fields of one ledger entry as one line: enums by value, no actor as ''."""
    fields = (e.round, e.meter, e.before, e.after, e.amount, e.cause, e.source, e.actor or "")
    return "\t".join(str(f) for f in fields) + "\n"


def ledger_hash(scenario: Path, games: int) -> tuple[str, int]:
    """The sha256 (hex) over every ledger entry of `games` games, and the number of entries."""
    game = compile_scenario(simulate.load(str(scenario)))
    assignments = list(itertools.product(LAB_PERSONAS, repeat=len(game.roles)))
    digest, entries = hashlib.sha256(), 0
    for g in range(games):
        personas = assignments[g % len(assignments)]
        policies = {r: make_policy(p, game) for r, p in zip(game.roles, personas, strict=True)}
        state, _outcome = play_game(game, g, policies)
        for e in state.ledger:
            digest.update(entry_line(e).encode())
        entries += len(state.ledger)
    return digest.hexdigest(), entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="games to play (default 2000)")
    parser.add_argument("--scenario", type=Path, default=SCENARIO, help="scenario file")
    args = parser.parse_args()
    start = time.process_time()
    digest, entries = ledger_hash(args.scenario, args.games)
    print(f"ledger sha256 {digest}")
    print(f"{args.games} games, {entries} ledger entries, "
          f"{time.process_time() - start:.1f} CPU-s")


if __name__ == "__main__":
    main()
