"""Finding and loading scenarios for play: the default one, the folder, and clear failures."""

from __future__ import annotations

from pathlib import Path

from game.authoring.companion import companion_given, for_play, is_companion
from game.authoring.loader import ScenarioError, load_scenario
from game.model.scenario import Scenario
from game.resources import scenario_dir
from game.words import _, ngettext
from game.words.i18n import current_language

SCENARIO_DIR = scenario_dir()
DEFAULT_SCENARIO = SCENARIO_DIR / "missile-defence-2011.yaml"


class ScenarioLoadError(ValueError):
    """A scenario that cannot be played; the message lists every problem and the fix."""


def list_scenarios(folder: Path = SCENARIO_DIR) -> list[Path]:
    """Every scenario file in a folder: the default case first, then the others by name.

    The default comes first because menus preselect the first entry, and a teacher who
    opens New game expects the 2011 case the game is built around."""
    found = sorted(p for p in folder.glob("*.yaml") if p.is_file() and not is_companion(p))
    return sorted(found, key=lambda p: p != DEFAULT_SCENARIO)


def load_for_play(path: str | Path, *, translate: bool = True) -> Scenario:
    """Load and check a scenario; raise ScenarioLoadError with located problems if it is bad.

    With `translate`, its texts are in the current language when a companion file beside
    it (`NAME.<lang>.yaml`) translates them (game.authoring.companion). A companion
    given for the scenario is one line naming the scenario to give instead."""
    given = companion_given(path, play=translate)
    if given:
        raise ScenarioLoadError(given)
    try:
        scenario = load_scenario(path)
        return for_play(scenario, path, current_language()) if translate else scenario
    except ScenarioError as exc:
        lines = [line for p in exc.problems for line in p.lines()]
        if len(exc.problems) == 1 and exc.problems[0].code == "file":  # missing, a folder...
            raise ScenarioLoadError(lines[0]) from None
        head = ngettext("the scenario {path} has {n} problem:", "the scenario {path} has {n} "
                        "problems:", len(exc.problems)).format(path=path, n=len(exc.problems))
        tail = ngettext("Fix it and check again with: python main.py check {path}",
                        "Fix them and check again with: python main.py check {path}",
                        len(exc.problems)).format(path=path)
        raise ScenarioLoadError("\n".join([head, *lines, tail])) from None


def locate(recorded: str | None, scenario_id: str) -> Path:
    """The scenario file a save refers to: its recorded path, else the file with that id here."""
    if recorded and Path(recorded).is_file():
        return Path(recorded)
    for path in list_scenarios():
        if _declares_id(path, scenario_id):
            return path
    raise ScenarioLoadError(_("cannot find the scenario {id} (recorded as {recorded}); pass it "
                              "with --scenario PATH").format(id=repr(scenario_id),
                                                             recorded=recorded))


def _declares_id(path: Path, scenario_id: str) -> bool:
    """A cheap look at a file's top-level `id:` line, without loading it."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return False
    return any(line.split(":", 1)[1].strip().strip("'\"") == scenario_id
               for line in head.splitlines() if line.startswith("id:"))
