"""Pydantic's validation errors turned into located problems that say what to fix.

Each error becomes one Problem at the node it is about, in words a scenario writer
reads: what was found, what is allowed there, and the closest allowed key or value.
"""

from __future__ import annotations

import difflib
import json
import re

from pydantic import ValidationError

from game.authoring.problems import Path, Problem, SourceMap
from game.authoring.schema_paths import allowed_keys, field_info
from game.words import N_, _, ngettext


def validation_problems(exc: ValidationError, source: SourceMap) -> list[Problem]:
    """One located problem per error of `exc`, less those another one explains."""
    errors = _drop_misspelt_missing(exc.errors(include_url=False))
    return [_error_problem(err, source) for err in errors]


def later_problems(errors: list[dict], source: SourceMap) -> list[Problem]:
    """Located problems for raw error entries (found once stand-ins replaced earlier ones)."""
    return [_error_problem(err, source) for err in _drop_misspelt_missing(errors)]


def _drop_misspelt_missing(errors: list) -> list:
    """Errors without the `missing 'x'` that an unknown key's `did you mean 'x'?` explains."""
    meant = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            close = difflib.get_close_matches(str(loc[-1]), allowed_keys(loc[:-1]), n=1)
            meant |= {loc[:-1] + (c,) for c in close}
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def describe(value: object) -> str:
    """A short phrase for a value, as it would read in the file."""
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, dict):
        return _("a mapping (key: value lines)")
    if isinstance(value, list):
        return _("a list")
    text = str(value)
    return _("the text {text}").format(text=repr(text[:40]) + ("..." if len(text) > 40 else ""))


def _error_problem(err: dict, source: SourceMap) -> Problem:
    """One located problem from one entry of a pydantic ValidationError."""
    loc = tuple(err["loc"])
    kind = err["type"]
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    if kind == "missing":
        # A missing key has no node: point at the mapping that should hold it.
        return source.problem(loc[:-1], _missing(loc), "missing-key")
    message = _message(err, loc)
    # The same bad value written in several places is one mistake, repeated.
    cause = f"value:{kind}:{err.get('input')!r}" if kind in _REPEATABLE else ""
    return source.problem(loc, message, code_of(kind), key=is_key or kind == "extra_forbidden",
                          cause=cause)


_REPEATABLE = {"string_pattern_mismatch", "literal_error", "bool_type", "bool_parsing",
               "int_type", "int_parsing"}


def code_of(kind: str) -> str:
    """The message code for a kind of pydantic error."""
    return _CODES.get(kind, "wrong-type")


_CODES = {
    "extra_forbidden": "unknown-key", "missing": "missing-key", "literal_error": "not-allowed",
    "string_pattern_mismatch": "bad-id", "value_error": "inconsistent",
    "assertion_error": "inconsistent", "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range", "too_short": "out-of-range", "too_long": "out-of-range",
    "string_too_short": "out-of-range", "string_too_long": "out-of-range",
}


def _missing(loc: Path) -> str:
    info = field_info(loc)
    if info is not None and info.description:
        return _("missing required key '{key}' ({description})").format(
            key=loc[-1], description=info.description)
    return _("missing required key '{key}'").format(key=loc[-1])


def _message(err: dict, loc: Path) -> str:
    """The message for one error: what is wrong and what would be right."""
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return _("{value} is not allowed here; use one of: {allowed}").format(
            value=describe(value), allowed=", ".join(allowed)) + _did_you_mean(str(value), allowed)
    if kind == "string_pattern_mismatch":
        return _("{value} is not a valid id: use lower-case letters, digits and underscores, "
                 "starting with a letter").format(value=describe(value))
    if kind in ("int_type", "int_parsing") and isinstance(value, str) and \
            re.fullmatch(r"\s*[-+]?\d+\s*", value):
        return _("expected a whole number, got {got}; write the number without quotes").format(
            got=describe(value))
    if kind in ("bool_type", "bool_parsing") and isinstance(value, str | int):
        word = "true" if str(value).lower() in ("yes", "on", "y", "1", "true") else "false"
        if str(value).lower() in ("true", "false"):
            text = _("expected true or false, got {got}; write {word} without quotes")
        else:
            text = _("expected true or false, got {got}; write {word} (scenario files read yes, "
                     "no, on and off as text)")
        return text.format(got=describe(value), word=word)
    if kind in ("too_short", "too_long"):
        return _counted(kind, ctx)
    simple = _SIMPLE.get(kind)
    if simple:
        return _(simple).format(got=describe(value), **ctx) + \
            (_holds(loc) if kind in _SHAPES else "")
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return _("{error} (got {got})").format(error=err["msg"], got=describe(value))


def _counted(kind: str, ctx: dict) -> str:
    """A list with too few or too many items, the items counted."""
    found = ctx.get("actual_length", 0)
    if kind == "too_short":
        least = ctx.get("min_length", 0)
        return ngettext("needs at least {min_length} item, found {actual_length}",
                        "needs at least {min_length} items, found {actual_length}",
                        least).format(min_length=least, actual_length=found)
    most = ctx.get("max_length", 0)
    return ngettext("takes at most {max_length} item, found {actual_length}",
                    "takes at most {max_length} items, found {actual_length}",
                    most).format(max_length=most, actual_length=found)


_SIMPLE = {
    "int_type": N_("expected a whole number, got {got}"),
    "int_parsing": N_("expected a whole number, got {got}"),
    "int_from_float": N_("expected a whole number, got {got}"),
    "finite_number": N_("expected a finite whole number, got {got}"),
    "greater_than_equal": N_("must be at least {ge}, got {got}"),
    "less_than_equal": N_("must be at most {le}, got {got}"),
    "string_too_short": N_("must not be empty"),
    "string_too_long": N_("must be at most {max_length} characters, got {got}"),
    "string_type": N_("expected text, got {got}; put it in quotes if it is meant as text"),
    "bool_type": N_("expected true or false, got {got}"),
    "bool_parsing": N_("expected true or false, got {got}"),
    "list_type": N_("expected a list (one '- ' item per line), got {got}"),
    "dict_type": N_("expected a mapping (key: value lines), got {got}"),
    "model_type": N_("expected a mapping (key: value lines), got {got}"),
    "model_attributes_type": N_("expected a mapping (key: value lines), got {got}"),
}


#: Errors about the shape of a value (a list, a mapping), where saying what it holds helps.
_SHAPES = {"list_type", "dict_type", "model_type", "model_attributes_type"}


def _plain(value: object) -> bool:
    """True for a non-empty list or mapping of plain values, worth showing as an example
    (a default that is a whole model, such as `requires`, is not)."""
    if not value or not isinstance(value, list | dict):
        return False
    items = value.values() if isinstance(value, dict) else value
    return all(isinstance(v, str | int | float | bool) for v in items)


def _holds(loc: Path) -> str:
    """`; it holds: <the field's description>, for example [100, 60, 35, 20]`, or nothing."""
    info = field_info(loc) if loc else None
    if info is None or not info.description:
        return ""
    example = info.default_factory() if info.default_factory is not None else None
    what = info.description.rstrip(".")
    what = what[0].lower() + what[1:] if what[1:2].islower() else what
    if _plain(example):
        return _("; {key} holds: {what}, for example {example}").format(
            key=loc[-1], what=what, example=json.dumps(example))
    return _("; {key} holds: {what}").format(key=loc[-1], what=what)


def _unknown_key(loc: Path) -> str:
    allowed = allowed_keys(loc[:-1])
    name = str(loc[-1])
    hint = _did_you_mean(name, allowed)
    if not hint and allowed:
        hint = _("; allowed keys: {keys}").format(keys=", ".join(allowed))
    return _("unknown key '{key}'").format(key=name) + hint


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return _("; did you mean '{close}'?").format(close=close[0]) if close else ""
