"""Export the scenario JSON Schema, so editors can autocomplete and check scenario files.

The schema comes straight from the pydantic models, so it cannot drift from what the
loader accepts; a test compares the committed `scenarios/scenario.schema.json` with a
fresh export. Regenerate it with `python -m game.authoring.schema_export`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from game.model.scenario import Scenario
from game.resources import schema_file

SCHEMA_PATH = schema_file()
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_json_schema() -> dict:
    """The JSON Schema of a scenario file, with the keys spelled as in the file (`from`),
    the rules that tie an item's fields together, and a note on what only `check` sees."""
    schema = Scenario.model_json_schema(by_alias=True)
    for name, rules in ITEM_RULES.items():
        schema["$defs"][name]["allOf"] = rules
    schema["$defs"]["CommitmentSpec"]["description"] += BREAK_RULE
    schema["description"] = schema.get("description", "") + CHECK_NOTE
    return {"$schema": DIALECT, "title": "Détente scenario", **{
        k: v for k, v in schema.items() if k not in ("$schema", "title")}}


def _given(key: str) -> dict:
    """A test that `key` is present and not null."""
    return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}


KINDS = ("tension", "trust", "support", "progress", "transparency")

#: The rules each item's own validator enforces, as JSON Schema, for editors.
ITEM_RULES: dict[str, list[dict]] = {
    "Effect": [
        {"oneOf": [_given(k) for k in KINDS],
         "description": "An effect sets exactly one of tension, trust, support, progress, "
                        "transparency."},
        {"if": _given("progress"), "then": _given("milestone"),
         "description": "A progress effect needs `milestone`."},
    ],
    "ActionSpec": [
        {"if": _given("establishes"),
         "then": {"required": ["offer"], "properties": {"offer": {"const": True},
                                                        "target": {"const": "none"}}},
         "description": "A milestone proposal is an offer with target: none."},
        {"if": {"required": ["offer"], "properties": {"offer": {"const": True},
                                                       "target": {"const": "none"}}},
         "then": _given("establishes"),
         "description": "An offer needs target: role, or `establishes`."},
        {"if": {"required": ["withdraws"], "properties": {"withdraws": {"const": True}}},
         "then": {"required": ["target"], "properties": {"target": {"const": "milestone"}}},
         "description": "A withdrawal needs target: milestone."},
        {"if": {"anyOf": [_given("commitment"), _given("ratification")]},
         "then": {"required": ["target"], "properties": {"target": {"const": "role"}}},
         "description": "A commitment is made toward a role: target: role."},
        {"if": _given("ratification"), "then": _given("commitment"),
         "description": "Ratification needs a commitment."},
        {"if": {"anyOf": [{"required": ["aims"], "properties": {"aims": {"minProperties": 1}}},
                          {"required": ["requires"], "properties": {"requires": _given(
                              "target_demands")}}]},
         "then": {"required": ["target"], "properties": {"target": {"const": "role"}}},
         "description": "`aims` and requires.target_demands need target: role."},
    ],
    "EventSpec": [
        {"if": {"properties": {"kind": {"const": "scripted"}}},
         "then": _given("round"), "else": {"not": _given("round")},
         "description": "Scripted events, and only they, take `round`."},
        {"if": {"properties": {"kind": {"const": "conditional"}}}, "then": _given("when"),
         "description": "A conditional event needs `when`."},
    ],
}

BREAK_RULE = " break_penalty must be at least twice keep_reward: trust is quick to lose."
CHECK_NOTE = (" Beyond this schema, `python main.py check FILE` checks that ids exist and "
              "are unique, that role words mean something where they are used, and that the "
              "design can play: every action can be taken, milestone operate, demand end, "
              "ratification pass, event fire, objective be met and ending be reached; see "
              "docs/authoring.md for every message.")


def schema_text() -> str:
    """The schema as the exact text written to disk."""
    return json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: str | Path = SCHEMA_PATH) -> Path:
    """Write the schema to `path` and return the path."""
    path = Path(path)
    path.write_text(schema_text(), encoding="utf-8")
    return path


def relative_schema(scenario_file: Path, schema: Path = SCHEMA_PATH) -> str:
    """How a scenario file at `scenario_file` names the schema: a path relative to its
    folder, or an absolute file URI when there is no relative path (another drive)."""
    folder = Path(scenario_file).resolve().parent
    try:
        return Path(os.path.relpath(Path(schema).resolve(), folder)).as_posix()
    except ValueError:
        return Path(schema).resolve().as_uri()


if __name__ == "__main__":
    print(write_schema())
