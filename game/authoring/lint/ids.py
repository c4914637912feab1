"""Lint: ids are unique within each list, and objective ids within each role."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.problems import Path, Problem
from game.words import _


def check_unique_ids(ctx: Lint) -> Iterator[Problem]:
    """Ids are unique within each list, and objective ids within each role."""
    s = ctx.scenario
    lists: list[tuple[Path, list]] = [((name,), getattr(s, name)) for name in
                                      ("roles", "actions", "milestones", "events", "endings",
                                       "demands")]
    lists += [(("roles", r, "objectives"), role.objectives) for r, role in enumerate(s.roles)]
    for path, items in lists:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first:
                line = ctx.source.locate(path + (first[item.id], "id"))[0]
                yield ctx.problem(path + (i, "id"),
                                  _("duplicate id '{id}' (first used on line {line})")
                                  .format(id=item.id, line=line),
                                  "duplicate-id")
            first.setdefault(item.id, i)
