"""Located scenario problems, and the map from scenario paths to file positions.

The loader and lint both report through these types: a `Problem` names the file, the
1-based line and column, the dotted path inside the scenario (`actions[3].cost`), what
to fix, a message code (listed in `game.authoring.codes` and explained in
docs/authoring.md) and whether it is an error or only a warning. A `SourceMap` knows
where each node of a file sits, so a problem found on the validated scenario can point
at the node it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.authoring.codes import severity_of
from game.words import _, ngettext

Path = tuple[str | int, ...]
Pos = tuple[int, int]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file, located for a person to fix.

    `cause` groups problems that one mistake explains (`unknown milestone 'x'` at five
    places); `folded` holds the follow-on problems printed under this one.
    """

    file: str
    line: int
    col: int
    path: str
    message: str
    code: str = ""
    cause: str = field(default="", compare=False)
    folded: tuple[Problem, ...] = field(default=(), compare=False)
    #: For an unknown id that resembles a defined one: (kind, the id used, the id defined).
    resembles: tuple[str, str, str] | None = field(default=None, compare=False, repr=False)

    @property
    def severity(self) -> str:
        """"error" (the file cannot be played as meant) or "warning" (probably a mistake)."""
        return severity_of(self.code)

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity == "error"

    def text(self) -> str:
        """The stable text form: `FILE:LINE:COL: [warning: ]path: message [code]`; a problem
        of the file as a whole (path `<root>`) has no path part."""
        kind = _("warning: ") if not self.is_error else ""
        code = f" [{self.code}]" if self.code else ""
        where = "" if self.path == ROOT else f"{self.path}: "
        return f"{self.file}:{self.line}:{self.col}: {kind}{where}{self.message}{code}"

    def lines(self) -> list[str]:
        """This problem's text, then each folded follow-on problem, indented."""
        if not self.folded:
            return [self.text()]
        n = len(self.folded)
        head = "    " + ngettext("... and {n} follow-on problem of the same cause:",
                                "... and {n} follow-on problems of the same cause:", n).format(n=n)
        return [self.text(), head, *("      " + p.text() for p in self.folded)]

    def with_folded(self, more: tuple[Problem, ...]) -> Problem:
        """A copy with `more` folded under it."""
        return replace(self, folded=more)


class ScenarioError(ValueError):
    """A scenario file could not be loaded; `problems` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.col))
        super().__init__("\n".join(line for p in self.problems for line in p.lines()))


#: The path of a problem about the file as a whole (its text form shows no path).
ROOT = "<root>"


def fail(filename: str, message: str, line: int = 1, col: int = 1,
         code: str = "file") -> ScenarioError:
    """An error with one problem about the file as a whole, at `<root>`."""
    return ScenarioError([Problem(filename, line, col, "<root>", message, code)])


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

    def problem(self, path: Path, message: str, code: str = "", *, key: bool = False,
                cause: str = "", resembles: tuple[str, str, str] | None = None) -> Problem:
        """A problem at the node on `path`."""
        line, col = self.locate(path, key=key)
        return Problem(self.filename, line, col, dotted(path), message, code, cause,
                       resembles=resembles)
