"""`simulate --suggest`: small changes to a scenario's numbers, each played, the best as patches.

The changes come from the flags and their causes (`game.lab.causes`): a cost lowered
to the cheaper step personas took instead, a `min_support` or ratification threshold
lowered, a `progress_needed` lowered, trust raised between a persona that declined
offers and the role that made them, an objective's bound moved toward what the
games reached, points moved toward a role that is behind, then a few general knobs
(`default_trust`, `start_tension`). At most `--suggest-tries` of them are tried, each
checked as `check` would (a change that breaks the file is never tried) and played
on the same `--suggest-games` games as the scenario as it stands: the same
assignments and seeds, so a difference comes from the change and not from chance.
The few that leave the fewest flags (then the smallest overshoot of the flags left,
see `flags.distance`) are shown with the flags they remove and add, each as a
unified diff of the file.

A change is written into the file's own text at the number's position (from the
loader's source map), so the patch keeps every comment, quote and indentation. A
YAML round trip (ruamel.yaml) would re-indent lists and re-wrap text: on the default
scenario it changes over a thousand lines for one number. Results depend only on the
seed: the changes, their order and the games are fixed, and the workers' results are
combined in task order.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace

from game.authoring.loader import check_text
from game.authoring.problems import Path, SourceMap, dotted
from game.lab.flags import distance
from game.model.scenario import Condition, Scenario
from game.words import _, ngettext

DEFAULT_TRIES = 16
DEFAULT_GAMES = 300
MAX_TRIES = 64
SHOWN = 3


@dataclass(frozen=True)
class Change:
    """One number of the file changed: where (a path as the loader names it), from, to,
    and the flag (kind:subject) it answers."""

    path: Path
    old: int
    new: int
    answers: str

    def text(self, scenario: Scenario) -> str:
        """`actions[18].cost (suspend_talks): 2 -> 1`."""
        return f"{dotted(self.path)}{_item(scenario, self.path)}: {self.old} -> {self.new}"


def _item(scenario: Scenario, path: Path) -> str:
    """` (id)` of the item a path starts in, for a reader of the change."""
    if len(path) > 1 and isinstance(path[1], int):
        items = getattr(scenario, str(path[0]), None)
        if isinstance(items, list) and path[1] < len(items):
            item = items[path[1]]
            if len(path) > 3 and path[2] == "objectives":
                return f" ({item.id}.{item.objectives[path[3]].id})"
            return f" ({getattr(item, 'id', '')})" if hasattr(item, "id") else ""
    return ""


@dataclass
class Tried:
    """A change as played: the flags left (headlines and kind:subject keys) and their
    overshoot; `change` is None for the scenario as it stands."""

    change: Change | None
    flags: list[str]
    keys: list[str]
    overshoot: float
    text: str = ""
    patch: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def score(self) -> tuple[int, float]:
        """Fewer flags first, then less overshoot."""
        return len(self.flags), round(self.overshoot, 6)


# --- Which changes to try. -------------------------------------------------------------

def proposals(scenario: Scenario, source: SourceMap, notes: list[dict]) -> list[Change]:
    """Every change worth trying for these notes, most targeted first, each once."""
    out: list[Change] = []
    for n in notes:
        answers = f"{n['kind']}:{n['subject']}"
        for cause in n["causes"]:
            out += _for_cause(scenario, cause["kind"], cause["facts"], n, answers)
    r = scenario.rules
    out += [Change(("rules", "default_trust"), r.default_trust, min(100, r.default_trust + 10),
                   "general"),
            Change(("rules", "start_tension"), r.start_tension, max(0, r.start_tension - 10),
                   "general"),
            Change(("rules", "default_trust"), r.default_trust, max(0, r.default_trust - 10),
                   "general")]
    seen: set[tuple[Path, int]] = set()
    kept = []
    for c in out:
        if c.new != c.old and tuple(c.path) in source.nodes and (c.path, c.new) not in seen:
            seen.add((c.path, c.new))
            kept.append(c)
    return kept


def _index(items: list, some_id: str) -> int | None:
    return next((i for i, x in enumerate(items) if x.id == some_id), None)


def _for_cause(s: Scenario, kind: str, f: dict, note: dict, answers: str) -> list[Change]:
    finder = {"passed_over": _passed, "closed": _closed, "declined": _declined,
              "test": _test, "score_gap": _score, "persona_profile": _profile,
              "catch_all": lambda s, f, n, a: []}.get(kind)
    return finder(s, f, note, answers) if finder else []


def _passed(s: Scenario, f: dict, note: dict, answers: str) -> list[Change]:
    i = _index(s.actions, f["action"])
    a = s.actions[i]
    if f["why"] == "pressure_costly" or (f["why"] == "outranked" and f.get("rival_cost", 2) < a.cost):
        return [Change(("actions", i, "cost"), a.cost, 1, answers)]
    if f["why"] == "outranked" and f.get("rival"):
        r = _index(s.actions, f["rival"])
        points = s.rules.points_per_round
        return [Change(("rules", "points_per_round"), points, min(6, points + 1), answers),
                *([Change(("actions", r, "cost"), 2, 1, answers)] if s.actions[r].cost == 2 else [])]
    if f["why"] == "ratification_odds":
        t = a.ratification.threshold
        return [Change(("actions", i, "ratification", "threshold"), t, max(0, t - d), answers)
                for d in (15, 30)]
    return []


def _closed(s: Scenario, f: dict, note: dict, answers: str) -> list[Change]:
    i = _index(s.actions, f["action"])
    need = s.actions[i].requires
    why = f["why"]
    if why == "support" and need.min_support:
        return [Change(("actions", i, "requires", "min_support"), need.min_support,
                       max(0, need.min_support - d), answers) for d in (10, 20)]
    if why == "too_early" and need.from_round:
        return [Change(("actions", i, "requires", "from_round"), need.from_round,
                       max(1, need.from_round - 2), answers)]
    if why == "used_up" and need.max_uses:
        return [Change(("actions", i, "requires", "max_uses"), need.max_uses, need.max_uses + 1,
                       answers)]
    if why == "progress":
        m = _index(s.milestones, f["subject"])
        have = s.milestones[m].progress_needed
        return [Change(("milestones", m, "progress_needed"), have, max(1, have * 2 // 3), answers),
                *_more_progress(s, f["subject"], answers)]
    return []


def _more_progress(s: Scenario, milestone: str, answers: str) -> list[Change]:
    """One more point on the first progress effect toward the milestone."""
    for i, a in enumerate(s.actions):
        for j, e in enumerate(a.effects):
            if e.progress and e.progress > 0 and e.milestone == milestone:
                return [Change(("actions", i, "effects", j, "progress"), e.progress,
                               min(100, e.progress + 1), answers)]
    return []


def _declined(s: Scenario, f: dict, note: dict, answers: str) -> list[Change]:
    pair = (f["responder"], f["offerer"])
    for k, seed in enumerate(s.rules.start_trust):
        if (seed.from_, seed.to) == pair:
            return [Change(("rules", "start_trust", k, "value"), seed.value,
                           min(100, seed.value + 10), answers)]
    t = s.rules.default_trust
    return [Change(("rules", "default_trust"), t, min(100, t + 10), answers)]


def _test(s: Scenario, f: dict, note: dict, answers: str) -> list[Change]:
    found = _condition_of(s, note)
    if found is None or f["kind"] in ("operating", "not_operating", "breakdown", "any_of"):
        return []
    base, cond, owner = found
    catch_all = any(c["kind"] == "catch_all" for c in note["causes"])
    # A gift is tightened; a rare ending, a dead letter or the ending above a catch-all
    # that ends too many games is loosened; an ending that ends too many is tightened.
    tighten = note["kind"] == "objective_always" or (note["kind"] == "ending_dominant"
                                                     and not catch_all)
    path, bound = _test_path(cond, base, f, owner)
    if path is None or f["mean"] is None:
        return []
    end, mean = path[-1], f["mean"]
    step = max(1, round(abs(mean - bound) / 2))
    if tighten:
        new = bound + step if end == "min" else bound - step
    else:
        new = bound - step if end == "min" else bound + step
    return [Change(path, bound, max(0, min(100, new)), answers)]


def _condition_of(s: Scenario, note: dict) -> tuple[Path, Condition, str | None] | None:
    """(path, condition, owner) of the objective or ending a note is about."""
    if note["kind"].startswith("objective_"):
        role, obj = note["facts"]["role"], note["facts"]["objective"]
        r = _index(s.roles, role)
        o = _index(s.roles[r].objectives, obj)
        return ("roles", r, "objectives", o, "when"), s.roles[r].objectives[o].when, role
    if note["kind"].startswith("ending_"):
        above = next((c["facts"]["above"] for c in note["causes"] if c["kind"] == "catch_all"), None)
        e = _index(s.endings, above or note["subject"])
        return ("endings", e, "when"), s.endings[e].when, None
    return None


def _test_path(cond: Condition, base: Path, f: dict, owner: str | None) -> tuple[Path | None, int]:
    """The path of the bound a test reads (its min if given, else its max) and its value."""
    kind, subject = f["kind"], tuple(f["subject"])
    if kind in ("tension", "round", "operating_count"):
        span = getattr(cond, kind)
        end = "min" if span.min is not None else "max"
        return base + (kind, end), getattr(span, end)
    tests = getattr(cond, kind)
    for j, t in enumerate(tests):
        names = (t.from_, t.to) if kind == "trust" else (t.role,)
        if tuple(owner if x == "self" else x for x in names) == subject:
            end = "min" if t.min is not None else "max"
            return base + (kind, j, end), getattr(t, end)
    return None, 0


def _score(s: Scenario, f: dict, note: dict, answers: str) -> list[Change]:
    r = _index(s.roles, f["role"])
    objectives = s.roles[r].objectives
    if not f["hardest"] or not objectives:
        return []
    if note["kind"] == "role_top_low":
        o = _index(objectives, f["hardest"])
        return [Change(("roles", r, "objectives", o, "points"), objectives[o].points,
                       min(100, objectives[o].points + d), answers) for d in (2, 4)]
    o = max(range(len(objectives)), key=lambda k: objectives[k].points)
    return [Change(("roles", r, "objectives", o, "points"), objectives[o].points,
                   max(0, objectives[o].points - 2), answers)]


def _profile(s: Scenario, f: dict, note: dict, answers: str) -> list[Change]:
    if f["tension"] <= 1.5 * max(1.0, f["others_tension"]):
        return []
    return [Change(("rules", "drift_base"), s.rules.drift_base, max(0, s.rules.drift_base - 5),
                   answers)]


# --- Writing a change into the file and showing it. -------------------------------------

NUMBER = re.compile(r"[-+]?\d+")


def splice(text: str, source: SourceMap, change: Change) -> str:
    """The file's text with the number at the change's path replaced; ValueError if no
    number stands there."""
    line, col = source.nodes[tuple(change.path)]
    lines = text.splitlines(keepends=True)
    row = lines[line - 1]
    found = NUMBER.match(row, col - 1)
    if not found or int(found.group()) != change.old:
        raise ValueError(f"no number {change.old} at {line}:{col}")
    lines[line - 1] = row[:found.start()] + str(change.new) + row[found.end():]
    return "".join(lines)


def unified(path: str, old: str, new: str) -> str:
    """A unified diff of the file, `a/NAME` to `b/NAME`: NAME is the path as given when it
    lies under the current folder, else the file's own name (patch refuses `..`), so
    `patch -p1 < FILE` applies it from the current folder or from the file's folder;
    `patch SCENARIO < FILE` applies it from anywhere."""
    name = os.path.relpath(path)
    if name.startswith("..") or os.path.isabs(name):
        name = os.path.basename(path)
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}", n=2))


def variants(path: str, text: str, source: SourceMap, changes: list[Change],
             tries: int) -> list[tuple[Change, str, Scenario]]:
    """The first `tries` changes that leave a file `check` accepts, with its text and scenario."""
    out = []
    for change in changes:
        if len(out) >= tries:
            break
        try:
            new = splice(text, source, change)
            scenario, _source, problems = check_text(new, path)
        except ValueError:
            continue
        if scenario is not None and not any(p.is_error for p in problems):
            out.append((change, new, scenario))
    return out


def ranked(base: Tried, tried: list[Tried]) -> list[Tried]:
    """The tried changes that leave fewer flags, or as many with less overshoot, best
    first, one per number changed (stable: ties keep the order they were tried in)."""
    better = sorted((t for t in tried if t.score < base.score), key=lambda t: t.score)
    best: dict[Path, Tried] = {}
    for t in better:  # one change per number: the best of the values tried for it
        best.setdefault(tuple(t.change.path), t)
    return list(best.values())[:SHOWN]


def tried_from(change: Change | None, report) -> Tried:  # noqa: ANN001 - a Report
    """What a played change left: its flags and their overshoot."""
    keys = [f"{f.kind}:{f.subject}" for f in report.found]
    return Tried(change, list(report.flags), keys, sum(distance(f) for f in report.found))


def lines(scenario: Scenario, base: Tried, tried: list[Tried], best: list[Tried],
          games: int, seed: int) -> list[str]:
    """The suggestions as the terminal prints them, each with its patch."""
    head = ngettext("Suggestions: {n} change tried, each on the same {games} games (seed {seed}); "
                    "in those games the scenario as it stands has {flags} flag(s).",
                    "Suggestions: {n} changes tried, each on the same {games} games (seed {seed}); "
                    "in those games the scenario as it stands has {flags} flag(s).",
                    len(tried)).format(n=len(tried), games=games, seed=seed, flags=len(base.flags))
    out = ["", head]
    if not best:
        out.append(_("  None of them left fewer flags; try the `try:` lines above by hand, or "
                     "more changes with --suggest-tries."))
        return out
    for k, t in enumerate(best, 1):
        gone = [f for f, key in zip(base.flags, base.keys, strict=True) if key not in t.keys]
        new = [f for f, key in zip(t.flags, t.keys, strict=True) if key not in base.keys]
        out.append(ngettext("  {k}. {change}: {before} flag -> {after}",
                            "  {k}. {change}: {before} flags -> {after}",
                            len(base.flags)).format(
            k=k, change=t.change.text(scenario), before=len(base.flags), after=len(t.flags)))
        out += [_("       gone: {flag}").format(flag=f) for f in gone]
        out += [_("       new: {flag}").format(flag=f) for f in new]
        if not gone and not new:
            out.append(_("       the same flags, each nearer its threshold"))
        out += ["       " + line for line in t.patch.splitlines()]
    out.append(_("  Apply one by hand, or write the first with --patch FILE and run: "
                 "patch SCENARIO < FILE; then run the lab again with the same seed."))
    return out


def with_patch(t: Tried, path: str, text: str) -> Tried:
    """The tried change with its unified diff against the file as it stands."""
    return replace(t, patch=unified(path, text, t.text))
