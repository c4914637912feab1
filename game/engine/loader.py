"""Load a scenario file: YAML text in, a validated `Scenario` out, or every problem located.

Each problem names the file, the 1-based line and column, the dotted path inside the
scenario (`actions[3].cost`) and what to fix. The YAML is read with ruamel's round-trip
loader so every key and item keeps its position; the positions are kept in a
`SourceMap` that lint uses to point at the node it complains about.

Scenario files need no anchors, aliases or tags, so those are refused outright: that
also shuts the door on alias bombs ("billion laughs").
"""

from __future__ import annotations

import datetime
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path as FilePath

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent

from game.model.scenario import Scenario

#: Larger files are refused unread: real scenarios are tens of kilobytes, and ruamel
#: takes about 20 seconds per megabyte.
MAX_BYTES = 1_000_000
#: Deeper nesting is refused; the deepest real path is about 8 levels.
MAX_DEPTH = 40
#: The only explicit tags allowed: the YAML core ones that change nothing surprising.
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq"))

#: Characters YAML refuses (the same set as ruamel's reader), found here first so the
#: message can say which character and where.
NOT_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Path = tuple[str | int, ...]
Pos = tuple[int, int]

NO_ALIASES = ("anchors and aliases (&name, *name, <<:) are not allowed in scenario files; "
              "write each value out in full")
EMPTY = ("the file holds no scenario: it should be a mapping that starts with keys like "
         "`id:`, `title:` and `rounds:`")


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


def load_scenario(path: str | FilePath, *, lint: bool = True) -> Scenario:
    """Load and validate a scenario file; raise ScenarioError listing every problem."""
    return load_with_source(path, lint=lint)[0]


def load_scenario_text(text: str | bytes, filename: str, *, lint: bool = True) -> Scenario:
    """Load and validate scenario text that claims to come from `filename`."""
    return load_text_with_source(text, filename, lint=lint)[0]


def load_with_source(path: str | FilePath, *, lint: bool = True) -> tuple[Scenario, SourceMap]:
    """Load a scenario file and keep where each of its nodes sits."""
    return load_text_with_source(_read(FilePath(path)), str(path), lint=lint)


def load_text_with_source(text: str | bytes, filename: str, *,
                          lint: bool = True) -> tuple[Scenario, SourceMap]:
    """Parse, validate and (unless lint=False) lint scenario text; keep the positions."""
    tree = _parse(_decode(text, filename), filename)
    source = SourceMap(filename)
    data = _plain(tree, (), source)
    scenario = _validate(data, source)
    if lint:
        # Imported here because lint builds its problems with this module's types.
        from game.engine.lint import lint as run_lint
        problems = run_lint(scenario, source)
        if problems:
            raise ScenarioError(problems)
    return scenario, source


def _fail(filename: str, message: str, line: int = 1, col: int = 1) -> ScenarioError:
    return ScenarioError([Problem(filename, line, col, "<root>", message)])


def _read(path: FilePath) -> bytes:
    """The file's bytes, or a ScenarioError saying why it cannot be read."""
    name = str(path)
    if not path.exists():
        raise _fail(name, "no such file")
    if path.is_dir():
        raise _fail(name, "this is a directory, not a scenario file")
    try:
        with path.open("rb") as stream:
            # Read one byte past the cap so a huge (or endless) file is never read whole.
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _fail(name, f"cannot read the file: {exc.strerror or exc}") from None
    _check_size(len(data), name)
    return data


def _check_size(size: int, filename: str) -> None:
    if size > MAX_BYTES:
        raise _fail(filename, f"the file is larger than {MAX_BYTES:,} bytes; a scenario "
                              "file is a few tens of kilobytes, so this is probably not one")


def _decode(text: str | bytes, filename: str) -> str:
    """Text from bytes that must be UTF-8, free of NUL and other control characters."""
    if isinstance(text, bytes):
        _check_size(len(text), filename)
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, col = _position(text[:exc.start].decode("utf-8", "replace"), -1)
            raise _fail(filename, f"byte 0x{text[exc.start]:02x} is not UTF-8 text; "
                                  "save the file as UTF-8", line, col) from None
    _check_size(len(text), filename)
    text = text.removeprefix("\ufeff")
    bad = NOT_PRINTABLE.search(text)
    if bad:
        char = bad.group()
        what = "a NUL byte (is this a binary file?)" if char == "\0" else \
            f"the unprintable character U+{ord(char):04X}"
        raise _fail(filename, f"the file contains {what}; a scenario file is plain text",
                    *_position(text, bad.start()))
    return text


def _position(text: str, index: int) -> Pos:
    """1-based line and column of text[index]; index -1 means just past the end."""
    index = len(text) if index < 0 else index
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


class _Refused(ComposerError):
    """A construct a scenario file may not use; its message needs no "syntax error"."""


class _StrictComposer(Composer):
    """Ruamel's composer, refusing anchors, aliases and unusual tags as they are read."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - ruamel's signature
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise _Refused(None, None, NO_ALIASES, event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None and str(tag) not in ALLOWED_TAGS:
            message = f"the tag {tag} is not allowed; scenario files need no tags"
            raise _Refused(None, None, message, event.start_mark)
        return super().compose_node(parent, index)


def _parse(text: str, filename: str) -> CommentedMap:
    """The round-trip tree of the text, which must be one mapping."""
    yaml = YAML(typ="rt")
    yaml.Composer = _StrictComposer
    yaml.max_depth = MAX_DEPTH
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        raise _yaml_problem(exc, filename) from None
    except Exception as exc:  # noqa: BLE001
        # Ruamel has bugs on odd scalars (`+_` raises IndexError) and Python refuses huge
        # integers; those carry no position. ReaderError carries a character index.
        line, col = _position(text, getattr(exc, "position", 0) or 0)
        raise _fail(filename, f"cannot read the YAML ({type(exc).__name__}: {exc}); look "
                              "for an unusual value or character", line, col) from None
    if tree is None:
        raise _fail(filename, EMPTY)
    if not isinstance(tree, CommentedMap):
        raise _fail(filename, _not_a_mapping(tree))
    return tree


def _yaml_problem(exc: MarkedYAMLError, filename: str) -> ScenarioError:
    """A located problem from ruamel's own error and its problem mark."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, _Refused):
        return _fail(filename, str(exc.problem), line, col)
    if isinstance(exc, DuplicateKeyError):
        return _fail(filename, _duplicate_key(str(exc.problem)), line, col)
    if "maximum depth" in str(exc.problem):
        return _fail(filename, f"the file nests deeper than {MAX_DEPTH} levels; "
                               "a scenario never needs that", line, col)
    text = str(exc.problem or exc)
    if exc.context and exc.context != exc.problem:
        text += f" ({exc.context})"
    return _fail(filename, f"YAML syntax error: {text}", line, col)


def _plain(node: object, path: Path, source: SourceMap) -> object:
    """Plain dicts, lists and scalars from the ruamel tree, recording positions."""
    if not path:
        source.nodes[()] = (node.lc.line + 1, node.lc.col + 1)
    if isinstance(node, CommentedMap):
        mapping = {}
        for key, value in node.items():
            text = _record_key(node, key, path, source)
            if text in mapping:
                # `1:` and `"1":` are different to YAML but the same key to a scenario.
                raise ScenarioError([source.problem(path + (text,), _duplicate_key(
                    f'duplicate key "{text}"'), key=True)])
            mapping[text] = _plain(value, path + (text,), source)
        return mapping
    if isinstance(node, CommentedSeq):
        items = []
        for i, item in enumerate(node):
            line, col = node.lc.item(i)
            source.nodes[path + (i,)] = (line + 1, col + 1)
            items.append(_plain(item, path + (i,), source))
        return items
    return _plain_scalar(node)


def _record_key(node: CommentedMap, key: object, path: Path, source: SourceMap) -> str:
    """The key as text, after recording where the key and its value sit."""
    text = _scalar_text(key)
    line, col = node.lc.key(key)
    source.keys[path + (text,)] = (line + 1, col + 1)
    if not isinstance(node[key], (CommentedMap, CommentedSeq)):
        # Scalars are located at their value; containers at their key.
        line, col = node.lc.value(key)
    source.nodes[path + (text,)] = (line + 1, col + 1)
    return text


def _scalar_text(value: object) -> str:
    """How a scalar key reads in the file; YAML also allows numbers, dates and lists."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list, dict)):
        return str(list(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _plain_scalar(value: object) -> object:
    """Plain Python scalars from ruamel's subclasses; dates become their ISO text."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _validate(data: object, source: SourceMap) -> Scenario:
    """The Scenario, or a ScenarioError with one located problem per validation error."""
    try:
        # by_alias only: the file says `from:`, and `from_:` is an unknown key.
        return Scenario.model_validate(data, by_alias=True, by_name=False)
    except ValidationError as exc:
        errors = _drop_misspelt_missing(exc.errors(include_url=False))
        raise ScenarioError([_error_problem(err, source) for err in errors]) from None


def _drop_misspelt_missing(errors: list) -> list:
    """Errors without the `missing 'x'` that an unknown key's `did you mean 'x'?` explains."""
    meant = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            close = difflib.get_close_matches(str(loc[-1]), _allowed_keys(loc[:-1]), n=1)
            meant |= {loc[:-1] + (c,) for c in close}
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


# --- Turning pydantic's errors into messages that say what to fix. ---

def _not_a_mapping(tree: object) -> str:
    return (f"the file holds {_describe(tree)}, but a scenario is a mapping of keys "
            "(`id:`, `title:`, `rounds:`, ...)")


def _duplicate_key(problem: str) -> str:
    found = re.search(r'duplicate key "(.*?)"', problem)
    name = found.group(1) if found else "?"
    return f"duplicate key '{name}': each key may appear only once in a mapping"


def _describe(value: object) -> str:
    """A short phrase for a value, as it would read in the file."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"the text {text[:40]!r}" + ("..." if len(text) > 40 else "")


def _error_problem(err: dict, source: SourceMap) -> Problem:
    """One located problem from one entry of a pydantic ValidationError."""
    loc = tuple(err["loc"])
    kind = err["type"]
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    if kind == "missing":
        # A missing key has no node: point at the mapping that should hold it.
        return source.problem(loc[:-1], _missing(loc))
    message = _message(err, loc)
    return source.problem(loc, message, key=is_key or kind == "extra_forbidden")


def _missing(loc: Path) -> str:
    info = _field_info(loc)
    hint = f" ({info.description})" if info is not None and info.description else ""
    return f"missing required key '{loc[-1]}'{hint}"


def _message(err: dict, loc: Path) -> str:
    """The message for one error: what is wrong and what would be right."""
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{_describe(value)} is not allowed here; use one of: {', '.join(allowed)}" + \
            _did_you_mean(str(value), allowed)
    if kind == "string_pattern_mismatch":
        return (f"{_describe(value)} is not a valid id: use lower-case letters, digits and "
                "underscores, starting with a letter")
    simple = _SIMPLE.get(kind)
    if simple:
        return simple.format(got=_describe(value), **ctx)
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return f"{err['msg']} (got {_describe(value)})"


_SIMPLE = {
    "int_type": "expected a whole number, got {got}",
    "int_parsing": "expected a whole number, got {got}",
    "int_from_float": "expected a whole number, got {got}",
    "finite_number": "expected a finite whole number, got {got}",
    "greater_than_equal": "must be at least {ge}, got {got}",
    "less_than_equal": "must be at most {le}, got {got}",
    "too_short": "needs at least {min_length} item(s), found {actual_length}",
    "too_long": "takes at most {max_length} item(s), found {actual_length}",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters, got {got}",
    "string_type": "expected text, got {got}; put it in quotes if it is meant as text",
    "bool_type": "expected true or false, got {got}",
    "bool_parsing": "expected true or false, got {got}",
    "list_type": "expected a list (one '- ' item per line), got {got}",
    "dict_type": "expected a mapping (key: value lines), got {got}",
    "model_type": "expected a mapping (key: value lines), got {got}",
    "model_attributes_type": "expected a mapping (key: value lines), got {got}",
}


def _unknown_key(loc: Path) -> str:
    allowed = _allowed_keys(loc[:-1])
    name = str(loc[-1])
    hint = _did_you_mean(name, allowed)
    if not hint and allowed:
        hint = f"; allowed keys: {', '.join(allowed)}"
    return f"unknown key '{name}'{hint}"


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _allowed_keys(loc: Path) -> list[str]:
    """The keys the mapping at `loc` accepts, as they are spelled in a file."""
    model = _unwrap(_type_at(loc))
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _field_info(loc: Path):  # noqa: ANN202 - pydantic's FieldInfo, or None
    model = _unwrap(_type_at(loc[:-1]))
    if isinstance(model, type) and issubclass(model, BaseModel):
        for name, info in model.model_fields.items():
            if loc[-1] in (name, info.alias):
                return info
    return None


def _type_at(loc: Path) -> object:
    """The annotation that governs the value at `loc`, walking down from Scenario."""
    current: object = Scenario
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = current.model_fields
            info = next((i for n, i in fields.items() if part in (n, i.alias)), None)
            current = info.annotation if info else None
        elif typing.get_origin(current) is list:
            current = typing.get_args(current)[0]
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return current


def _unwrap(tp: object) -> object:
    """The type inside Annotated[...] and Optional[...]."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp
