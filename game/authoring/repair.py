"""Stand-in values for what failed the schema, so cross-reference checks still run.

When values fail the schema, the author should still hear about every other mistake
in the same run. So each failing value is replaced by a harmless stand-in - its
default, a number inside its limits, an id cleaned up, a consistent set of flags -
and validation is tried again, a few times, until the scenario validates or no
stand-in fits. Lint then runs on the stand-in scenario, and its problems at or under
a replaced value are dropped, since they are about the stand-ins, and so are its
warnings, which judge values some of which are stand-ins.
"""

from __future__ import annotations

import copy
import re
import types
import typing

from pydantic import BaseModel, ValidationError

from game.authoring.problems import Path
from game.authoring.schema_paths import field_info, type_at, unwrap
from game.model.scenario import Scenario

ROUNDS = 8


class _NoStandIn(Exception):
    """No stand-in fits this error; lint is skipped."""


def repaired(data: object) -> tuple[Scenario | None, list[Path], list[dict]]:
    """(the scenario with stand-ins, or None; the replaced paths; errors of later rounds).

    Errors of the first round are the caller's; later rounds can find errors that the
    first hid (a model's own rules run only once its fields are valid)."""
    work = copy.deepcopy(data)
    paths: list[Path] = []
    later: list[dict] = []
    for n in range(ROUNDS):
        try:
            return Scenario.model_validate(work, by_alias=True, by_name=False), paths, later
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        if n:
            later += [e for e in errors if not _touches(tuple(e["loc"]), paths)]
        try:
            for err in sorted(errors, key=lambda e: -len(e["loc"])):
                paths.append(_stand_in(work, err))
        except (_NoStandIn, KeyError, IndexError, TypeError, ValueError, AttributeError):
            # No stand-in fits: the schema errors alone are reported.
            return None, paths, later
    return None, paths, later


def _touches(loc: Path, paths: list[Path]) -> bool:
    return any(loc[:len(p)] == p or p[:len(loc)] == loc for p in paths)


def _stand_in(work: object, err: dict) -> Path:
    """Replace the value an error is about; return the replaced path."""
    loc = tuple(x for x in err["loc"] if x != "[key]")
    parent = _get(work, loc[:-1]) if loc else None
    kind = err["type"]
    if kind == "extra_forbidden" or (isinstance(parent, dict) and field_info(loc) is None
                                     and isinstance(loc[-1], str) and kind != "missing"
                                     and typing.get_origin(unwrap(type_at(loc[:-1]))) is dict):
        del parent[loc[-1]]
        return loc
    if kind in ("value_error", "assertion_error"):
        return _fix_model(work, loc)
    info = field_info(loc) if loc and isinstance(loc[-1], str) else None
    if kind not in ("missing", "string_pattern_mismatch") and info is not None \
            and not info.is_required():
        del parent[loc[-1]]
        return loc
    value = parent[loc[-1]] if kind != "missing" else None
    parent[loc[-1]] = _placeholder(type_at(loc), info, value, kind)
    return loc


def _get(work: object, loc: Path) -> object:
    for part in loc:
        work = work[part]
    return work


def _placeholder(tp: object, info, value: object, kind: str) -> object:  # noqa: ANN001
    """A valid value of type `tp` within the field's limits, close to `value`."""
    tp, limits = _limits(tp, info)
    origin = typing.get_origin(tp)
    if limits.get("min_length") and origin is list:
        raise _NoStandIn
    if tp is int:
        return _number(value, limits.get("ge"), limits.get("le"))
    if tp is bool:
        return False
    if tp is str:
        if limits.get("pattern"):
            text = re.sub(r"[^a-z0-9_]+", "_", str(value or "").lower()).strip("_")[:40]
            return text if re.match(r"^[a-z]", text) else "unnamed_" + text[:30]
        return str(value) if isinstance(value, str | int | float) and value is not None else "?"
    if origin is typing.Literal:
        return typing.get_args(tp)[0]
    if origin in (list, dict) or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return {dict: {}, list: []}.get(origin, {})
    raise _NoStandIn


def _limits(tp: object, info) -> tuple[object, dict]:  # noqa: ANN001
    """The plain type inside Annotated[...] and Optional[...], and the limits met on the way."""
    limits = {}
    for m in [*(getattr(info, "metadata", None) or [])]:
        limits.update(_limits_of(m))
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            args = typing.get_args(tp)
            for m in args[1:]:
                for inner in [m, *(getattr(m, "metadata", None) or [])]:
                    limits.update(_limits_of(inner))
            tp = args[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                raise _NoStandIn
            tp = args[0]
        else:
            return tp, limits


def _limits_of(meta: object) -> dict:
    return {k: getattr(meta, k) for k in ("ge", "le", "pattern", "min_length")
            if getattr(meta, k, None) is not None}


def _number(value: object, low: int | None, high: int | None) -> int:
    """The value if it is a whole number within limits; the generous end otherwise."""
    number = value if isinstance(value, int) and not isinstance(value, bool) else 0
    if low is not None and number < low:
        # The generous end: a stand-in of 40 rounds leaves no event "after the last round".
        return high if high is not None else low
    return min(high, number) if high is not None else number


def _fix_model(work: object, loc: Path) -> Path:
    """Make one item's fields agree with each other; return the item's path."""
    item = _get(work, loc)
    if not isinstance(item, dict):
        raise _NoStandIn
    model = unwrap(type_at(loc))
    fix = _MODEL_FIXES.get(getattr(model, "__name__", ""))
    if fix is None:
        raise _NoStandIn
    fix(item)
    return loc


def _fix_effect(e: dict) -> None:
    e.clear()
    e["tension"] = 0


def _fix_commitment(c: dict) -> None:
    c["break_penalty"] = 2 * int(c.get("keep_reward", 0))


def _fix_action(a: dict) -> None:
    if a.get("establishes"):
        a["offer"], a["target"] = True, "none"
        a.pop("commitment", None)
        a.pop("ratification", None)
    if a.get("offer") and a.get("target", "none") == "none" and not a.get("establishes"):
        a["target"] = "role"
    if a.get("withdraws") and a.get("target") != "milestone":
        a["withdraws"] = False
    if (a.get("commitment") or a.get("ratification")) and a.get("target") != "role":
        a["target"] = "role"
    if a.get("ratification") and not a.get("commitment"):
        a.pop("ratification")
    aims = a.get("aims")
    if isinstance(aims, dict):
        for actor, aimed in list(aims.items()):
            kept = [t for t in aimed if t != actor] if isinstance(aimed, list) else []
            if kept:
                aims[actor] = kept
            else:
                del aims[actor]
        if aims and a.get("target") != "role":
            a.pop("aims")
    requires = a.get("requires")
    if isinstance(requires, dict) and requires.get("target_demands") and a.get("target") != "role":
        requires.pop("target_demands")


def _fix_event(e: dict) -> None:
    if e.get("kind") == "scripted" and e.get("round") is None:
        e["kind"] = "deck"
    if e.get("kind") == "conditional" and e.get("when") is None:
        e["kind"] = "deck"
    if e.get("kind") != "scripted":
        e.pop("round", None)


_MODEL_FIXES = {"Effect": _fix_effect, "CommitmentSpec": _fix_commitment,
                "ActionSpec": _fix_action, "EventSpec": _fix_event}
