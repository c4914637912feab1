"""Lint the `rules:` section: starting trust names real pairs, the tuning numbers fit."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.context import Lint
from game.authoring.problems import Problem
from game.words import _


def check_trust_seeds(ctx: Lint) -> Iterator[Problem]:
    """Starting trust names existing roles, two different ones, each pair once."""
    seen: set[tuple[str, str]] = set()
    for i, seed in enumerate(ctx.scenario.rules.start_trust):
        path = ("rules", "start_trust", i)
        yield from ctx.unknown(path + ("from",), "role", seed.from_, ctx.roles)
        yield from ctx.unknown(path + ("to",), "role", seed.to, ctx.roles)
        if seed.from_ == seed.to:
            yield ctx.problem(path, _("'{role}' cannot trust itself: from and to must differ")
                              .format(role=seed.to),
                              "self-pair")
        elif (seed.from_, seed.to) in seen:
            yield ctx.problem(path, _("starting trust from '{source}' to '{target}' is given "
                                      "twice").format(source=seed.from_, target=seed.to),
                              "trust-seed-twice")
        seen.add((seed.from_, seed.to))


def check_rules(ctx: Lint) -> Iterator[Problem]:
    """The tuning numbers fit together: repeat decay is a list of percents, fog narrows."""
    rules = ctx.scenario.rules
    if not rules.repeat_decay:
        yield ctx.problem(("rules", "repeat_decay"), _("give at least one percent, for example "
                                                       "[100, 60, 35, 20]"),
                          "out-of-range", key=True)
    for i, percent in enumerate(rules.repeat_decay):
        if not 0 <= percent <= 100:
            yield ctx.problem(("rules", "repeat_decay", i),
                              _("{percent} is not a percent between 0 and 100")
                              .format(percent=percent),
                              "out-of-range")
    if rules.fog_min > rules.fog_width:
        yield ctx.problem(("rules", "fog_min"), _("fog_min {fog_min} is wider than fog_width "
                                                  "{fog_width}").format(fog_min=rules.fog_min,
                                                                        fog_width=rules.fog_width),
                          "fog",
                          cause="rules:fog")
