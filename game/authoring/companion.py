"""Companion translation files beside a scenario: found, read with positions, checked,
applied for play, and written as a skeleton for translators.

A scenario `NAME.yaml` may have companions `NAME.<lang>.yaml` (the format is in
game.authoring.translations). This module:

    companion_path(scenario, lang)   where a scenario's companion in `lang` sits
    is_companion(path)               True for `NAME.<lang>.yaml` beside a `NAME.yaml`
    companion_given(path)            the one line when a companion is given for a scenario
    check_companions(path, scenario) each companion's problems, located by line and column
    for_play(scenario, path, lang)   the scenario in `lang` when a companion has it
    skeleton(scenario, lang, old)    the text of a companion to fill in (`translate`)
    merge(scenario, lang, old)       what that keeps, adds, marks stale and drops

`check` reports a companion's missing keys (a text of the scenario without an entry),
extra keys (no such text), stale keys (its `en` is not the current English) and
untranslated entries, with the codes in game.authoring.codes. A stale translation is
not used in play: the English shows until the translator updates it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from game import program
from game.authoring.file_text import decode, read_bytes
from game.authoring.problems import Problem, ScenarioError, SourceMap, dotted
from game.authoring.translations import texts, translated
from game.authoring.yaml_tree import parse, plain
from game.model.scenario import Scenario
from game.words import _, ngettext

#: `NAME.<lang>.yaml`: a language code of two or three letters, perhaps with a region.
NAME = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2,3}(?:_[A-Z]{2})?)\.ya?ml$")
LANG = re.compile(r"^[a-z]{2,3}(?:_[A-Z]{2})?$")
#: The keys of a companion file.
TOP_KEYS = ("language", "texts")


def companion_path(scenario_path: str | FilePath, lang: str) -> FilePath:
    """Where the companion of a scenario in `lang` sits: `NAME.<lang>.yaml` beside it."""
    path = FilePath(scenario_path)
    return path.with_name(f"{path.stem}.{lang}{path.suffix or '.yaml'}")


def is_companion(path: str | FilePath) -> bool:
    """True for a companion file: `NAME.<lang>.yaml` with its scenario `NAME.yaml` beside it."""
    path = FilePath(path)
    found = NAME.match(path.name)
    return bool(found) and any((path.parent / f"{found['base']}{ext}").is_file()
                               for ext in (".yaml", ".yml"))


def companion_given(path: str | FilePath, *, play: bool = True) -> str | None:
    """Why a file given where a scenario is expected is not one, when it is a companion
    (one line naming the scenario to give instead), or None.

    Every command that loads a scenario asks this first (game.authoring.scenarios and
    the lab), so a translation never reaches the schema as ten missing keys. `play` adds
    how to play the scenario in the companion's language."""
    if not is_companion(path):
        return None
    lang, scenario = NAME.match(FilePath(path).name)["lang"], scenario_of(path)
    if play:
        return _("{file} is the {lang} translation of {scenario}: give {scenario} (add --lang "
                 "{lang} to play it in that language)").format(file=path, lang=lang,
                                                             scenario=scenario)
    return _("{file} is the {lang} translation of {scenario}: give {scenario}").format(
        file=path, lang=lang, scenario=scenario)


def scenario_of(companion: str | FilePath) -> FilePath:
    """The scenario file a companion translates."""
    path = FilePath(companion)
    found = NAME.match(path.name)
    base = found["base"] if found else path.stem
    yml = path.parent / f"{base}.yml"
    return yml if yml.is_file() else path.parent / f"{base}.yaml"


def companions(scenario_path: str | FilePath) -> list[FilePath]:
    """Every companion of a scenario file, by language."""
    path = FilePath(scenario_path)
    return sorted(p for p in path.parent.glob(f"{path.stem}.*{path.suffix}")
                  if NAME.match(p.name) and NAME.match(p.name)["base"] == path.stem)


def read_companion(path: str | FilePath) -> tuple[dict[str, Any], SourceMap]:
    """A companion's data and where each of its keys sits; ScenarioError if it cannot be read."""
    name = str(path)
    tree = parse(decode(read_bytes(FilePath(path)), name), name)
    source = SourceMap(name)
    data = plain(tree, (), source)
    return data, source


def shape_problems(data: dict[str, Any], source: SourceMap, lang: str) -> list[Problem]:
    """Errors in a companion's shape: its keys, its language, each entry a mapping of texts."""
    problems = [source.problem((key,), _("a translation file holds only `language:` and "
                                         "`texts:`; remove `{key}`").format(key=key),
                               "translation-file", key=True)
                for key in data if key not in TOP_KEYS]
    if data.get("language") != lang:
        problems.append(source.problem(("language",), _(
            "the file name says the language is {lang}, so write `language: {lang}`").format(
            lang=lang), "translation-file"))
    entries = data.get("texts")
    if not isinstance(entries, dict):
        problems.append(source.problem(("texts",), _(
            "`texts:` should be a mapping of keys, each with `en:` and `{lang}:`").format(lang=lang),
            "translation-file"))
        return problems
    for key, entry in entries.items():
        if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
            problems.append(source.problem(("texts", key), _(
                "each entry holds `en:` (the English) and `{lang}:` (its translation), both "
                "texts").format(lang=lang), "translation-file", key=True))
    return problems


def companion_problems(scenario: Scenario, path: str | FilePath) -> list[Problem]:
    """Every problem of one companion of `scenario`, located in the companion file."""
    found = NAME.match(FilePath(path).name)
    lang = found["lang"] if found else ""
    command = f"{program.name()} translate {scenario_of(path)} --lang {lang}"
    return entry_problems(path, texts(scenario), lang, command)


def entry_problems(path: str | FilePath, english: dict[str, str], lang: str,
                   update: str = "") -> list[Problem]:
    """The problems of a companion file's shape and of its entries against `english` (every
    text it should translate, by key); `update` is the command that rewrites it, if any."""
    try:
        data, source = read_companion(path)
    except ScenarioError as exc:
        return exc.problems
    problems = shape_problems(data, source, lang)
    if any(p.is_error for p in problems):
        return problems
    return problems + key_problems(english, data["texts"], source, lang, update)


def key_problems(english: dict[str, str], entries: dict[str, dict[str, str]], source: SourceMap,
                 lang: str, update: str = "") -> list[Problem]:
    """Missing, extra, stale and untranslated keys of a companion's `texts:`.

    A missing key is placed where it belongs: at the entry it should come before, or
    after the last entry. `update` is the command that adds the missing entries (the
    `translate` of the real scenario file), if there is one."""
    problems = []
    for key in english:
        if key not in entries:
            line, col = _place_of_missing(key, english, entries, source)
            message = (_("no translation of {key} (\"{text}\"); add it, or run: {command}")
                       if update else _("no translation of {key} (\"{text}\"); add it"))
            problems.append(Problem(source.filename, line, col, dotted(("texts", key)), message.format(
                key=key, text=_short(english[key]), command=update), "translation-missing"))
    for key, entry in entries.items():
        if key not in english:
            problems.append(source.problem(("texts", key), _(
                "the scenario has no text {key}; remove this entry, or correct its key").format(
                key=key), "translation-extra", key=True))
        elif entry.get("en") != english[key]:
            problems.append(source.problem(("texts", key, "en"), _(
                "the English of {key} has changed to \"{text}\"; update the translation and "
                "its `en:`").format(key=key, text=_short(english[key])), "translation-stale"))
    empty = [key for key, entry in entries.items() if key in english and not entry.get(lang)]
    if empty:
        problems.append(source.problem(("texts", empty[0], lang), ngettext(
            "{n} text is not translated yet (first {key}); it shows in English",
            "{n} texts are not translated yet (first {key}); they show in English",
            len(empty)).format(n=len(empty), key=empty[0]), "translation-empty", key=True))
    return problems


def _place_of_missing(key: str, english: dict[str, str], entries: dict[str, dict[str, str]],
                      source: SourceMap) -> tuple[int, int]:
    """Where a missing entry belongs: at the next entry the file has in the scenario's
    order, else at the last entry (it belongs after it), else at `texts:` itself."""
    order = list(english)
    after = [k for k in order[order.index(key) + 1:] if ("texts", k) in source.keys]
    before = [k for k in entries if ("texts", k) in source.keys]
    if after or before:
        return source.keys[("texts", (after or before)[-1 if not after else 0])]
    return source.locate(("texts",), key=True)


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def check_companions(scenario_path: str | FilePath, scenario: Scenario) -> list[Problem]:
    """The problems of every companion of a scenario file."""
    return [p for path in companions(scenario_path) for p in companion_problems(scenario, path)]


def for_play(scenario: Scenario, scenario_path: str | FilePath, lang: str) -> Scenario:
    """The scenario in `lang` when a companion beside it translates it, else as it is.

    Only entries whose `en` is the current English are used; a companion that cannot be
    read changes nothing (`check` says why)."""
    path = companion_path(scenario_path, lang)
    if lang == "en" or not path.is_file():
        return scenario
    try:
        data, source = read_companion(path)
    except (ScenarioError, OSError):
        return scenario
    if any(p.is_error for p in shape_problems(data, source, lang)):
        return scenario
    english = texts(scenario)
    current = {key: entry for key, entry in data["texts"].items()
               if key in english and entry.get("en") == english[key] and entry.get(lang)}
    try:
        return translated(scenario, {"language": lang, "texts": current})
    except ValueError:  # a translation the schema refuses (too long, say): play in English
        return scenario


@dataclass
class Merge:
    """What bringing an earlier companion up to date does with each of its entries.

    `kept`: translated and still current; `stale`: translated, but the English has
    changed since (kept with its old `en:`, marked for review); `new`: texts it had no
    entry for; `extra`: entries the scenario no longer has that carry a translation,
    kept at the end so no translator's work is lost; `dropped`: entries the scenario no
    longer has with nothing translated, left out."""

    kept: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def merge(scenario: Scenario, lang: str, old: dict[str, Any] | None) -> Merge:
    """How `skeleton` treats each entry of an earlier companion's data (see Merge)."""
    before = (old or {}).get("texts") or {}
    english = texts(scenario)
    done = Merge()
    for key, text in english.items():
        prior = before.get(key)
        translation = _translation(prior, lang)
        if not isinstance(prior, dict):
            done.new.append(key)
        elif translation and prior.get("en") != text:
            done.stale.append(key)
        elif translation:
            done.kept.append(key)
    for key, prior in before.items():
        if key not in english:
            (done.extra if _translation(prior, lang) else done.dropped).append(str(key))
    return done


def _translation(entry: object, lang: str) -> str:
    """The translation an entry holds, or ""."""
    value = entry.get(lang) if isinstance(entry, dict) else None
    return value if isinstance(value, str) else ""


def skeleton(scenario: Scenario, lang: str, old: dict[str, Any] | None = None,
             source_name: str = "") -> str:
    """A companion to fill in: every text of the scenario with its English, and the
    translation from `old` (an earlier companion's data) where it had one, else empty.

    An old translation whose English has changed keeps its old `en:`, so `check` still
    says it is stale, under a comment asking for review; an entry the scenario no longer
    has is kept at the end, with a comment, when it carries a translation (see merge)."""
    before = (old or {}).get("texts") or {}
    plan = merge(scenario, lang, old)
    entries = CommentedMap()
    for key, english in texts(scenario).items():
        prior = before.get(key) if isinstance(before.get(key), dict) else {}
        entry = CommentedMap()
        kept = _translation(prior, lang)
        entry["en"] = _block(prior["en"] if kept and isinstance(prior.get("en"), str) else english)
        entry[lang] = _block(kept)
        entries[key] = entry
        if key in plan.stale:
            entries.yaml_set_comment_before_after_key(
                key, before=f"review: the English is now: {' '.join(english.split())}", indent=2)
    for key in plan.extra:
        prior = before[key]
        entries[key] = CommentedMap((k, _block(v)) for k, v in prior.items() if isinstance(v, str))
    if plan.extra:
        entries.yaml_set_comment_before_after_key(
            plan.extra[0], before="not in the scenario any more: kept for their translations; "
            "move each to its new key or remove it", indent=2)
    data = CommentedMap(language=lang, texts=entries)
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(data, out)
    head = (f"# The {lang} translation of {source_name or 'the scenario'}.\n"
            f"# Write each `{lang}:`; `en:` is the English it translates, so `check` can tell when\n"
            f"# the English changes. Ids, numbers and sources are never translated.\n"
            f"# An empty `{lang}:` shows in English. Check with: python main.py check "
            f"{source_name or 'SCENARIO'}\n")
    return head + out.getvalue()


def _block(text: str) -> str:
    return LiteralScalarString(text) if "\n" in text else text
