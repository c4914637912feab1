"""Located scenario problems, and the map from scenario paths to file positions.

The loader and lint both report through these types: a `Problem` names the file, the
1-based line and column, the dotted path inside the scenario (`actions[3].cost`) and
what to fix; a `SourceMap` knows where each node of a file sits, so a problem found on
the validated scenario can point at the node it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]
Pos = tuple[int, int]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file, located for a person to fix."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def text(self) -> str:
        """The stable text form: `FILE:LINE:COL: path: message`."""
        return f"{self.file}:{self.line}:{self.col}: {self.path}: {self.message}"


class ScenarioError(ValueError):
    """A scenario file could not be loaded; `problems` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.col))
        super().__init__("\n".join(p.text() for p in self.problems))


def fail(filename: str, message: str, line: int = 1, col: int = 1) -> ScenarioError:
    """An error with one problem about the file as a whole, at `<root>`."""
    return ScenarioError([Problem(filename, line, col, "<root>", message)])


def dotted(path: Path) -> str:
    """The path as a person reads it: `roles[0].objectives[1].when`; `<root>` if empty."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "<root>"


@dataclass
class SourceMap:
    """Where each node of a scenario file sits, keyed by its path.

    `nodes` holds, for a scalar, where its value starts and, for a mapping or list,
    where its key or list item starts. `keys` holds where each mapping key starts.
    """

    filename: str
    nodes: dict[Path, Pos] = field(default_factory=dict)
    keys: dict[Path, Pos] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> Pos:
        """Line and column of the deepest node on `path` that exists in the file."""
        if key and tuple(path) in self.keys:
            return self.keys[tuple(path)]
        for end in range(len(path), -1, -1):
            if tuple(path[:end]) in self.nodes:
                return self.nodes[tuple(path[:end])]
        return (1, 1)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """A problem at the node on `path`."""
        line, col = self.locate(path, key=key)
        return Problem(self.filename, line, col, dotted(path), message)
