"""Characters the bundled fonts cannot draw, found in a scenario's texts for `check`.

The window draws every text in DejaVu Sans (regular and bold; headings in League Spartan
when it has every glyph, else in DejaVu too), so a character DejaVu lacks shows as an
empty box: a CJK name, most emoji, a rare symbol. The fonts' character maps are read with
fontTools, never with pygame (nothing outside game/ui imports it). The text mode and the
HTML outputs use the reader's own fonts, so they are not concerned.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from fontTools.ttLib import TTFont

from game.authoring.problems import Problem, SourceMap
from game.authoring.translations import texts
from game.model.scenario import Scenario
from game.resources import assets_dir
from game.words import ngettext

#: The fonts every text may be drawn in (the display face falls back to these).
FONTS = ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf")
#: Characters that draw nothing of their own, so no font needs them.
INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Mn", "Me"})


@cache
def drawable() -> frozenset[int]:
    """The code points every bundled body font has a glyph for."""
    maps = []
    for name in FONTS:
        font = TTFont(str(assets_dir() / name), lazy=True)
        try:
            maps.append(set(font.getBestCmap()))
        finally:
            font.close()
    return frozenset(set.intersection(*maps))


def missing_glyphs(text: str) -> list[str]:
    """The characters of `text` the fonts cannot draw, each once, in order."""
    have = drawable()
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in have and not ch.isspace() and unicodedata.category(ch) not in INVISIBLE:
            seen.setdefault(ch, None)
    return list(seen)


def glyph_problems(scenario: Scenario, source: SourceMap, strings: dict[str, str] | None = None,
                   path_of=None) -> list[Problem]:
    """A warning for each text holding characters the window cannot draw.

    `strings` are texts by key (the scenario's own by default); `path_of(key)` turns a key
    into the path its SourceMap knows (the scenario's dotted key by default)."""
    strings = texts(scenario) if strings is None else strings
    path_of = path_of or (lambda key: _scenario_path(scenario, key))
    problems = []
    for key, text in strings.items():
        lacking = missing_glyphs(text)
        if not lacking:
            continue
        shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in lacking[:5])
        problems.append(source.problem(path_of(key), ngettext(
            "the window's fonts cannot draw {chars} in {key}; it shows as an empty box (the "
            "text mode and the HTML pages use the reader's fonts)",
            "the window's fonts cannot draw {chars} in {key}; they show as empty boxes (the "
            "text mode and the HTML pages use the reader's fonts)", len(lacking)).format(
            chars=shown, key=key), "glyph-missing"))
    return problems


def _scenario_path(scenario: Scenario, key: str) -> tuple:
    """The SourceMap path of a text's key: ids become list indexes again."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    path: list = []
    node = data
    for part in key.split("."):
        if isinstance(node, list):
            index = next((i for i, item in enumerate(node)
                          if isinstance(item, dict) and str(item.get("id")) == part), None)
            if index is None:
                index = int(part) if part.isdigit() else 0
            path.append(index)
            node = node[index] if index < len(node) else None
        elif isinstance(node, dict):
            path.append(part)
            node = node.get(part)
        else:
            break
    return tuple(path)

