"""Fixtures for the strategy tests: the default scenario as the game loads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.loader import load_scenario
from game.rules.compiled import compile_scenario

DEFAULT = Path(__file__).resolve().parents[2] / "scenarios" / "missile-defence-2011.yaml"


@pytest.fixture(scope="session")
def scenario():
    """The default scenario, loaded as the game loads it and compiled."""
    return compile_scenario(load_scenario(DEFAULT))
