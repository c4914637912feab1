"""The theme: colours, text styles, font sizes and spacing, read from a JSON file in assets/.

Text is only ever drawn through a named *style*, a (foreground, background) pair.
Because every style is declared in the theme file, a test can compute the WCAG
contrast of every text/background pair the game can show (`contrast_ratio`).
This module does not import pygame: colours are plain RGB tuples.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from game.resources import assets_dir

ASSETS = assets_dir()
THEME_FILES = {"default": "theme.json", "high_contrast": "theme-high-contrast.json"}

RGB = tuple[int, int, int]


def parse_colour(text: str) -> RGB:
    """An RGB tuple from `#rrggbb`."""
    value = text.strip().lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {text!r}")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def relative_luminance(colour: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(c1: RGB | str, c2: RGB | str) -> float:
    """WCAG contrast ratio between two colours, from 1.0 to 21.0."""
    a = parse_colour(c1) if isinstance(c1, str) else c1
    b = parse_colour(c2) if isinstance(c2, str) else c2
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@dataclass(frozen=True)
class Style:
    """A text style: foreground on background."""

    name: str
    fg: RGB
    bg: RGB


@dataclass(frozen=True)
class Theme:
    """A loaded theme. Sizes are base units at UI scale 1.0; see `layout.Metrics`."""

    name: str
    colours: dict[str, RGB]
    styles: dict[str, Style]
    font_sizes: dict[str, int]
    spacing: dict[str, int]
    fonts: dict[str, Path]
    series: tuple[RGB, ...]
    delegations: tuple[RGB, ...] = ()  # one per role, in the scenario's role order
    bands: tuple[RGB, ...] = ()  # the tension gauge: calm, wary, strained, crisis

    def colour(self, name: str) -> RGB:
        """A named colour."""
        return self.colours[name]

    def style(self, name: str) -> Style:
        """A named text style."""
        return self.styles[name]

    def pairs(self) -> list[tuple[str, RGB, RGB]]:
        """Every text/background pair the theme declares, as (style name, fg, bg)."""
        return [(s.name, s.fg, s.bg) for s in self.styles.values()]


def _resolve(colours: dict[str, RGB], ref: str) -> RGB:
    return parse_colour(ref) if ref.startswith("#") else colours[ref]


def load_theme(name: str = "default", path: Path | None = None) -> Theme:
    """Load a theme by name (`default` or `high_contrast`) or from an explicit path."""
    file = path or ASSETS / THEME_FILES[name]
    data = json.loads(file.read_text(encoding="utf-8"))
    colours = {k: parse_colour(v) for k, v in data["colors"].items()}
    styles = {
        k: Style(k, _resolve(colours, v["fg"]), _resolve(colours, v["bg"]))
        for k, v in data["styles"].items()
    }
    return Theme(
        name=data["name"],
        colours=colours,
        styles=styles,
        font_sizes={k: int(v) for k, v in data["font_sizes"].items()},
        spacing={k: int(v) for k, v in data["spacing"].items()},
        fonts={k: file.parent / v for k, v in data["fonts"].items()},
        series=tuple(_resolve(colours, c) for c in data["series"]),
        delegations=tuple(_resolve(colours, c) for c in data["delegations"]),
        bands=tuple(_resolve(colours, c) for c in data["bands"]),
    )
