"""What the scenario schema expects at a path: the annotation, the field, the allowed keys.

Pydantic reports an error's location as a path of keys and indexes; walking the
`Scenario` model down that path tells the messages what would have been right there.
"""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel

from game.authoring.problems import Path
from game.model.scenario import Scenario


def allowed_keys(loc: Path) -> list[str]:
    """The keys the mapping at `loc` accepts, as they are spelled in a file."""
    model = unwrap(type_at(loc))
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def field_info(loc: Path):  # noqa: ANN201 - pydantic's FieldInfo, or None
    """The schema field at `loc` (by name or file spelling), or None."""
    model = unwrap(type_at(loc[:-1]))
    if isinstance(model, type) and issubclass(model, BaseModel):
        for name, info in model.model_fields.items():
            if loc[-1] in (name, info.alias):
                return info
    return None


def type_at(loc: Path) -> object:
    """The annotation that governs the value at `loc`, walking down from Scenario."""
    current: object = Scenario
    for part in loc:
        current = unwrap(current)
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


def unwrap(tp: object) -> object:
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
