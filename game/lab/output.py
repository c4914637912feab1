"""The balance lab's output files: checked before any game is played, rendered, written all or none.

`check_outputs` refuses, with one line, an output path that is the scenario file, a
YAML file, the same as another output, a folder, something other than a regular file
(a FIFO would block), or in a folder that is missing or not writable. `write_all`
(game.files.atomic, shared with every command that writes several files) writes every
file to a temporary beside it and renames them only once all are written, so a failure
leaves the earlier files as they were.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from game.lab.html import report_html
from game.lab.report import GameRecord, Report, figure_rows, figures, games_csv_rows
from game.words import _

#: The output options, as (kind, option) in the order they are checked and written.
KINDS = (("json", "--json"), ("csv", "--csv"), ("html", "--html"), ("games_csv", "--games-csv"),
         ("patch", "--patch"))

#: Suffixes of scenario files, which an output never overwrites.
SCENARIO_SUFFIXES = (".yaml", ".yml")


class OutputError(ValueError):
    """An output path that cannot be written; the message is one line for the author."""


def check_outputs(scenario: str, wanted: dict[str, str]) -> dict[str, Path]:
    """kind -> path for each output given (kind as in KINDS; None or "" means not wanted).

    Raises OutputError naming the option and what to fix."""
    seen: dict[Path, str] = {}
    chosen = {}
    for kind, option in KINDS:
        if not wanted.get(kind):
            continue
        path = Path(wanted[kind])
        _check_one(option, path, scenario)
        key = _identity(path)
        if key in seen:
            raise OutputError(_("{option} {path}: {other} writes that file too; give each output "
                                "its own file").format(option=option, path=path, other=seen[key]))
        seen[key] = option
        chosen[kind] = path
    return chosen


def _identity(path: Path) -> Path:
    return path.resolve() if path.parent.exists() else path.absolute()


def _check_one(option: str, path: Path, scenario: str) -> None:
    def refuse(why: str) -> OutputError:
        return OutputError(f"{option} {path}: {why}")

    if _same_file(path, Path(scenario)):
        raise refuse(_("that is the scenario file; write the report to another file"))
    if path.suffix.lower() in SCENARIO_SUFFIXES:
        raise refuse(_("an output never goes to a .yaml file, which could be a scenario; "
                       "use a name such as report{suffix}").format(suffix=_suffix(option)))
    if path.is_dir():
        raise refuse(_("that is a folder; give a file name inside it"))
    if path.exists() and not path.is_file():
        raise refuse(_("that is not a regular file; give a file name"))
    folder = path.parent
    if not folder.is_dir():
        raise refuse(_("there is no folder {folder}; create it first").format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise refuse(_("cannot write there (permission denied); choose another place"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _suffix(option: str) -> str:
    return {"--json": ".json", "--html": ".html", "--patch": ".patch"}.get(option, ".csv")


def render_outputs(report: Report, games: list[GameRecord], wanted: dict[str, object]) -> dict:
    """Each requested output's text, keyed like `wanted` (kind -> path; kinds json, csv,
    html, games_csv); nothing is written here, so the files can all be written or none."""
    makers = {"json": lambda: json.dumps(figures(report), indent=2) + "\n",
              "csv": lambda: _csv_text([["section", "key", "measure", "value"],
                                        *figure_rows(report)]),
              "html": lambda: report_html(report),
              "games_csv": lambda: _csv_text(games_csv_rows(report, games))}
    return {kind: makers[kind]() for kind in wanted}


def _csv_text(rows: list) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()
