"""The talks compiled once per scenario: issues, options, values and terms as tables.

`compile_talks` turns a scenario's `negotiation` (see `game.model.negotiation`) into a
`TalkTables` that the rules, the AI and the lab read: every package in a fixed order,
each role's value for each option, each term by its key, and each party's bargaining
table (`RoleTable`: what every package is worth to it, whom it binds, the options' weights
and the ratifications it must pass itself), so a delegation reads its stakes rather than
working them out. Rules: docs/rules.md, "The talks".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product
from types import MappingProxyType

from game.model.negotiation import IssueSpec, Negotiation, OptionSpec, TermRatification, TermSpec
from game.model.scenario import Scenario
from game.model.state import Package


@dataclass(frozen=True, slots=True, eq=False)
class RoleTable:
    """One party's bargaining table, by package index (the order of `TalkTables.packages`).

    - `value[i]`: what package i is worth to the role, in points; `best`: the most.
    - `order`: the indices by value, best first.
    - `bound[i]`: the other roles package i binds, in sorted order.
    - `weight`: (issue, option) -> what the option gains the role over the issue's worst.
    - `own_rat[i]`: the ratifications of package i the role must pass itself; `risky`:
      the indices with any.
    """

    role: str
    value: tuple[int, ...]
    best: int
    order: tuple[int, ...]
    bound: tuple[tuple[str, ...], ...]
    weight: Mapping[tuple[str, str], int]
    own_rat: tuple[tuple[TermRatification, ...], ...]
    risky: tuple[int, ...]


@dataclass(frozen=True, slots=True, eq=False)
class TalkTables:
    """A negotiation as tables.

    - `spec`: the scenario's `Negotiation`.
    - `issues`: issue ids in file order; `options`: issue id -> its option ids in order.
    - `parties`: the roles that may take part, in the scenario's role order.
    - `value`: (role, issue id, option id) -> points (0 where the scenario gives none).
    - `packages`: every whole package, in a fixed order (issue order, option order).
    - `terms`: term key (`issue.option.n`) -> its `TermSpec`; `term_keys`: (issue, option)
      -> the keys of that option's terms.
    - `index`: package -> its index in `packages`; `binds[i]`: every role package i binds.
    - `roles`: party -> its `RoleTable`.
    """

    spec: Negotiation
    issues: tuple[str, ...]
    options: Mapping[str, tuple[str, ...]]
    parties: tuple[str, ...]
    value: Mapping[tuple[str, str, str], int]
    packages: tuple[Package, ...]
    terms: Mapping[str, TermSpec]
    term_keys: Mapping[tuple[str, str], tuple[str, ...]]
    index: Mapping[Package, int]
    binds: tuple[frozenset[str], ...]
    roles: Mapping[str, RoleTable]

    def issue(self, issue_id: str) -> IssueSpec:
        """The issue with this id; StopIteration if there is none."""
        return self.spec.issue(issue_id)

    def option(self, issue_id: str, option_id: str) -> OptionSpec:
        """The option of that issue; StopIteration if there is none."""
        return self.spec.issue(issue_id).option(option_id)

    def package_value(self, package: Package, role: str) -> int:
        """What a whole package is worth to `role`, in points: the sum of its options' values."""
        value = self.value
        return sum(value.get((role, i, o), 0) for i, o in package)

    def bound(self, package: Package) -> frozenset[str]:
        """The roles the package's terms bind, as carrying out or as owed."""
        i = self.index.get(package)
        return self.binds[i] if i is not None else _binds(package, self.term_keys, self.terms)


def role_table(tables: TalkTables, role: str) -> RoleTable:
    """`role`'s bargaining table: the compiled one for a party, made now for any other."""
    found = tables.roles.get(role)
    if found is None:
        found = _role_table(tables.spec, role, tables.issues, tables.packages, tables.value,
                            tables.binds)
    return found


def _binds(package: Package, term_keys: Mapping, terms: Mapping) -> frozenset[str]:
    out: set[str] = set()
    for issue, option in package:
        for key in term_keys[(issue, option)]:
            t = terms[key]
            out.update((t.role, t.toward))
    return frozenset(out)


def _role_table(n: Negotiation, role: str, issues: tuple[str, ...], packages: tuple,
                value: Mapping, binds: tuple[frozenset[str], ...]) -> RoleTable:
    worth = tuple(sum(value.get((role, i, o), 0) for i, o in p) for p in packages)
    weight: dict[tuple[str, str], int] = {}
    rats: dict[tuple[str, str], TermRatification] = {}
    for issue in n.issues:
        low = min(value.get((role, issue.id, o.id), 0) for o in issue.options)
        for o in issue.options:
            weight[(issue.id, o.id)] = value.get((role, issue.id, o.id), 0) - low
            if o.ratification is not None and o.ratification.role == role:
                rats[(issue.id, o.id)] = o.ratification
    own_rat = tuple(tuple(rats[io] for io in p if io in rats) for p in packages)
    return RoleTable(
        role, worth, max(worth), tuple(sorted(range(len(packages)), key=lambda i: -worth[i])),
        tuple(tuple(sorted(b - {role})) for b in binds), MappingProxyType(weight), own_rat,
        tuple(i for i, r in enumerate(own_rat) if r))


def compile_talks(scenario: Scenario) -> TalkTables | None:
    """The scenario's talks as tables, or None if it has no `negotiation`."""
    n = scenario.negotiation
    if n is None:
        return None
    roles = scenario.role_ids
    parties = tuple(r for r in roles if not n.parties or r in n.parties)
    value = {}
    terms = {}
    term_keys = {}
    for issue in n.issues:
        for option in issue.options:
            for role, points in option.values.items():
                value[(role, issue.id, option.id)] = points
            keys = []
            for k, term in enumerate(option.terms, 1):
                key = f"{issue.id}.{option.id}.{k}"
                terms[key] = term
                keys.append(key)
            term_keys[(issue.id, option.id)] = tuple(keys)
    options = {i.id: tuple(o.id for o in i.options) for i in n.issues}
    issues = tuple(i.id for i in n.issues)
    packages = tuple(tuple(zip(issues, combo, strict=True))
                     for combo in product(*(options[i] for i in issues)))
    binds = tuple(_binds(p, term_keys, terms) for p in packages)
    tables = {r: _role_table(n, r, issues, packages, value, binds) for r in parties}
    return TalkTables(n, issues, MappingProxyType(options), parties, MappingProxyType(value),
                      packages, MappingProxyType(terms), MappingProxyType(term_keys),
                      MappingProxyType({p: i for i, p in enumerate(packages)}), binds,
                      MappingProxyType(tables))
