"""The teachers' guide and the code agree on the talks timer's defaults and the commands."""

from __future__ import annotations

import re
from pathlib import Path

from game.net.timer import DEFAULT_TALKS_MINUTES
from game.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "teachers-guide.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
STATED = re.compile(r"the (host|window)'s default of (\d+) minutes?")


def test_every_default_talks_time_the_guide_states_is_the_codes():
    """Wherever the guide or the README states the host's or the window's default talks
    time, it is the number in the code (the facilitator's page and the Settings screen)."""
    code = {"host": DEFAULT_TALKS_MINUTES, "window": Settings().timer_minutes}
    stated = [(who, int(n)) for text in (GUIDE, README) for who, n in STATED.findall(text)]
    assert {who for who, _n in stated} == {"host", "window"}
    assert [(who, n) for who, n in stated if n != code[who]] == []


def test_hosted_plans_time_their_talks_at_the_hosts_default():
    """Every round of the hosted plans has the talks the facilitator's page offers by default."""
    hosted = GUIDE.split("## The hosted classroom", 1)[1].split("## Hot-seat", 1)[0]
    plans = re.findall(r"(\d+) rounds of about [\d½]+ minutes: (\d+) minutes of talks", hosted)
    assert len(plans) == 2 and all(int(m) == DEFAULT_TALKS_MINUTES for _rounds, m in plans)


def test_the_guide_names_commands_that_exist():
    """Every `python main.py COMMAND` in the guide is a command of the game."""
    from game.cli.main import commands

    used = set(re.findall(r"python main\.py ([a-z]+)", GUIDE))
    assert used and used <= set(commands())
