"""Scenario text to plain data, recording in a SourceMap where every node sits.

The YAML is read with ruamel's round-trip loader so every key and item keeps its
position. Scenario files need no anchors, aliases or tags, so those are refused
outright: that also shuts the door on alias bombs ("billion laughs").
"""

from __future__ import annotations

import datetime
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent

from game.authoring.file_text import position
from game.authoring.problems import ROOT, Path, Problem, ScenarioError, SourceMap, fail
from game.authoring.schema_messages import describe
from game.authoring.yaml_hints import diagnose
from game.authoring.yaml_scan import scan
from game.words import N_, _

#: Deeper nesting is refused; the deepest real path is about 8 levels.
MAX_DEPTH = 40
#: The only explicit tags allowed: the YAML core ones that change nothing surprising.
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq"))

NO_ALIASES = N_("anchors and aliases (&name, *name, <<:) are not allowed in scenario files; "
                 "write each value out in full (a text that starts with & or * goes in quotes)")
EMPTY = N_("the file holds no scenario: it should be a mapping that starts with keys like "
           "`id:`, `title:` and `rounds:`")


class _Refused(ComposerError):
    """A construct a scenario file may not use; its message needs no "syntax error"."""


class _StrictComposer(Composer):
    """Ruamel's composer, refusing anchors, aliases and unusual tags as they are read."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - ruamel's signature
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise _Refused(None, None, _(NO_ALIASES), event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None and str(tag) not in ALLOWED_TAGS:
            message = _("the tag {tag} is not allowed; scenario files need no tags").format(tag=tag)
            raise _Refused(None, None, message, event.start_mark)
        return super().compose_node(parent, index)


def parse(text: str, filename: str) -> CommentedMap:
    """The round-trip tree of the text, which must be one mapping."""
    yaml = YAML(typ="rt")
    yaml.Composer = _StrictComposer
    yaml.max_depth = MAX_DEPTH
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        raise _yaml_problem(exc, filename, text) from None
    except Exception as exc:  # noqa: BLE001
        # Ruamel has bugs on odd scalars (`+_` raises IndexError) and Python refuses huge
        # integers; those carry no position. ReaderError carries a character index.
        line, col = position(text, getattr(exc, "position", 0) or 0)
        raise fail(filename, _("cannot read the YAML ({error}); look for an unusual value or "
                               "character").format(error=f"{type(exc).__name__}: {exc}"),
                   line, col, "yaml-syntax") from None
    if tree is None:
        raise fail(filename, _(EMPTY), code="not-a-scenario")
    if not isinstance(tree, CommentedMap):
        raise fail(filename, _not_a_mapping(tree), code="not-a-scenario")
    return tree


def _yaml_problem(exc: MarkedYAMLError, filename: str, text: str) -> ScenarioError:
    """A located problem from ruamel's own error, diagnosed in plain words."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, _Refused):
        return fail(filename, str(exc.problem), line, col, "yaml-alias")
    if isinstance(exc, DuplicateKeyError):
        return fail(filename, _duplicate_key(str(exc.problem)), line, col, "yaml-duplicate-key")
    if "maximum depth" in str(exc.problem):
        return fail(filename, _("the file nests deeper than {depth} levels; a scenario never "
                                "needs that").format(depth=MAX_DEPTH), line, col, "yaml-depth")
    return ScenarioError([Problem(filename, line, col, ROOT, message, code)
                          for code, message, line, col in _slips(text, exc)])


def _slips(text: str, exc: MarkedYAMLError) -> list:
    """Every slip the line scan sees, and the parser's own error if it comes before them
    all (a later one is most likely a consequence of the first slip)."""
    found = scan(text)
    parser = diagnose(text, exc)
    if not found or parser[2] < found[0][2]:
        found.insert(0, parser)
    return found


def _not_a_mapping(tree: object) -> str:
    return _("the file holds {what}, but a scenario is a mapping of keys (`id:`, `title:`, "
             "`rounds:`, ...)").format(what=describe(tree))


def _duplicate_key(problem: str) -> str:
    found = re.search(r'duplicate key "(.*?)"', problem)
    name = found.group(1) if found else "?"
    return _("duplicate key '{key}': each key may appear only once in a mapping").format(key=name)


def plain(node: object, path: Path, source: SourceMap) -> object:
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
                    f'duplicate key "{text}"'), "yaml-duplicate-key", key=True)])
            mapping[text] = plain(value, path + (text,), source)
        return mapping
    if isinstance(node, CommentedSeq):
        items = []
        for i, item in enumerate(node):
            mark = node.lc.item(i)  # None when a tag made ruamel build the list itself
            source.nodes[path + (i,)] = (mark[0] + 1, mark[1] + 1) if mark else \
                source.locate(path)
            items.append(plain(item, path + (i,), source))
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
