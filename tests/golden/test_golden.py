"""Golden replays: stored games must reproduce every ledger entry exactly."""

import pytest

from game.session.replay import verify
from tests.golden.regenerate import GOLDEN, HERE, load


@pytest.mark.parametrize("scenario,seed,replay", GOLDEN)
def test_golden_replay_reproduces_exactly(scenario, seed, replay):
    """Re-running a stored game gives the same ledger and final state (if the rules changed on
    purpose, re-record with tests/golden/regenerate.py and review the diff)."""
    verdict = verify(HERE / replay, load(scenario))
    assert verdict.ok, verdict.message
