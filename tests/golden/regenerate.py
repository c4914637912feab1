"""Re-record the golden replays. Run only when a change to the rules is intended:

    .venv/bin/python tests/golden/regenerate.py

Each golden game is an all-AI game of a stored scenario with a fixed seed. The test
`test_golden.py` re-runs the stored moves and requires every ledger entry to match.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from ruamel.yaml import YAML  # noqa: E402

from game.model.scenario import Scenario  # noqa: E402
from game.session.saves import save_session  # noqa: E402
from game.session.session import Seat, Session  # noqa: E402

#: (scenario file in this folder, seed, replay file in this folder)
GOLDEN = [("two-roles.yaml", 11, "two-roles-seed11.json"),
          ("missile-defence-2011-v2.yaml", 7, "missile-defence-seed7.json"),
          ("missile-defence-2011.yaml", 7, "missile-defence-talks-seed7.json")]

#: The replays this script records. The others are kept as their versions wrote them, to
#: prove that old saves still load and verify: a replay of version 0.1 (two roles) and a
#: save of version 2 played on the default case as it stood then (its copy `-v2.yaml`).
RECORDED = [GOLDEN[2]]


def load(name: str) -> Scenario:
    """A stored scenario."""
    return Scenario.model_validate(YAML(typ="safe").load((HERE / name).read_text(encoding="utf-8")))


def record(name: str, seed: int, out: str) -> None:
    """Play an all-AI game and store it as a replay."""
    sc = load(name)
    session = Session(sc, seed, {r: Seat(False) for r in sc.role_ids}, scenario_path=name)
    session.play_ai()
    save_session(session, HERE / out)
    print(f"wrote {out}: {len(session.log)} moves, {len(session.state.ledger)} ledger entries")


if __name__ == "__main__":
    for args in RECORDED:
        record(*args)
