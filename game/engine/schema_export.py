"""Export the scenario JSON Schema, so editors can autocomplete and check scenario files.

The schema comes straight from the pydantic models, so it cannot drift from what the
loader accepts; a test compares the committed `scenarios/scenario.schema.json` with a
fresh export. Regenerate it with `python -m game.engine.schema_export`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from game.model.scenario import Scenario

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_json_schema() -> dict:
    """The JSON Schema of a scenario file, with the keys spelled as in the file (`from`)."""
    schema = Scenario.model_json_schema(by_alias=True)
    return {"$schema": DIALECT, "title": "Détente scenario", **{
        k: v for k, v in schema.items() if k not in ("$schema", "title")}}


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
