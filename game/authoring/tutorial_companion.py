"""Translations of a guided game: the coach's texts by key, and their companion files.

A tutorial file `scenarios/tutorials/NAME.yaml` (see game.guide.tutorial) may have
companions `NAME.<lang>.yaml` beside it, in the format of a scenario's companions
(game.authoring.translations): `language:` and `texts:`, each entry with `en:` (the
English it translates) and `<lang>:`. The keys are

    welcome                  the welcome
    steps.<id>.title         a step's heading
    steps.<id>.text          what the coach says in it
    steps.<id>.try           its suggestion in words (for steps that have one)
    farewell                 the farewell

This module works on the tutorial's plain data, so `check` (in this layer) and the guided
game (game.guide.tutorial) share it:

    tutorial_texts(data)              the keys a tutorial's companion should carry
    is_tutorial_companion(path)       a companion of a tutorial, not of a scenario
    tutorial_companion_problems(path) its missing, extra, stale and untranslated keys
    current_texts(path, english, lang) the translations to use: only those whose `en`
                                      is the current English
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.authoring.companion import (
    NAME,
    companion_path,
    companions,
    entry_problems,
    is_companion,
    read_companion,
    scenario_of,
    shape_problems,
)
from game.authoring.file_text import decode, read_bytes
from game.authoring.problems import Problem, ScenarioError, SourceMap
from game.authoring.yaml_tree import parse, plain
from game.words import _

#: The folder, beside the scenarios, that holds the tutorials.
FOLDER = "tutorials"
#: The fields of a step a player reads, in the order its keys are listed.
STEP_FIELDS = ("title", "text", "try")


def tutorial_texts(data: dict[str, Any]) -> dict[str, str]:
    """Every text of a tutorial (its plain data, `try` under that name) by key, in file order."""
    out: dict[str, str] = {}
    if isinstance(data.get("welcome"), str):
        out["welcome"] = data["welcome"]
    for step in data.get("steps") or ():
        if not isinstance(step, dict) or not isinstance(step.get("id"), str):
            continue
        for field in STEP_FIELDS:
            if isinstance(step.get(field), str):
                out[f"steps.{step['id']}.{field}"] = step[field]
    if isinstance(data.get("farewell"), str):
        out["farewell"] = data["farewell"]
    return out


def read_tutorial_data(path: str | Path) -> dict[str, Any]:
    """A tutorial file's plain data; ScenarioError if it cannot be read as YAML."""
    name = str(path)
    data = plain(parse(decode(read_bytes(Path(path)), name), name), (), SourceMap(name))
    return data if isinstance(data, dict) else {}


def is_tutorial_companion(path: str | Path) -> bool:
    """True for a companion of a tutorial: `NAME.<lang>.yaml` beside a `NAME.yaml` that sits
    in a `tutorials/` folder or has a tutorial's keys (`steps:` and `welcome:`)."""
    if not is_companion(path):
        return False
    base = scenario_of(path)
    if base.parent.name == FOLDER:
        return True
    try:
        data = read_tutorial_data(base)
    except (ScenarioError, OSError):
        return False
    return "steps" in data and "welcome" in data


def tutorial_companion_problems(path: str | Path) -> list[Problem]:
    """Every problem of one tutorial companion, located in the companion file."""
    found = NAME.match(Path(path).name)
    lang = found["lang"] if found else ""
    base = scenario_of(path)
    try:
        english = tutorial_texts(read_tutorial_data(base))
    except (ScenarioError, OSError):
        return [Problem(str(path), 1, 1, "<root>", _(
            "the scenario {name} this file translates has errors; check it first").format(
            name=base.name), "translation-file")]
    return entry_problems(path, english, lang)


def tutorial_companions(scenario_path: str | Path) -> list[Path]:
    """The companions of a scenario's tutorial (`tutorials/NAME.<lang>.yaml`), by language."""
    path = Path(scenario_path)
    tutorial = path.parent / FOLDER / path.name
    return companions(tutorial) if tutorial.is_file() else []


def current_texts(tutorial_path: str | Path, english: dict[str, str], lang: str) -> dict[str, str]:
    """{key: translation} from the tutorial's companion in `lang`, for each key whose `en`
    is the current English (`english`, by key) and whose translation is written; empty for
    English, without a companion, or with one that cannot be read (`check` says why)."""
    path = companion_path(tutorial_path, lang)
    if lang == "en" or not path.is_file():
        return {}
    try:
        data, source = read_companion(path)
    except (ScenarioError, OSError):
        return {}
    if any(p.is_error for p in shape_problems(data, source, lang)):
        return {}
    return {key: entry[lang] for key, entry in data["texts"].items()
            if key in english and entry.get("en") == english[key] and entry.get(lang)}
