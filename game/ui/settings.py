"""Settings saved between runs, as JSON in the user's config directory.

The directory is `platformdirs.user_config_dir("detente")`, or `$DETENTE_CONFIG_DIR`
when that is set (tests point it at a temporary directory). Writes are atomic: a
temporary file in the same directory, then `os.replace`. A corrupt file is reported
in one line, kept as `settings.json.bak`, and replaced by the defaults; when the
folder refuses the backup or the rewrite, the line says it could not be repaired and
why, and the game runs on the defaults. The game never crashes over its settings.
This module does not import pygame.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

from game.files.atomic import clean_stale_temps, write_atomic
from game.files.bounded import ReadRefused, parse_json, read_text
from game.words.i18n import _, ngettext

FILE_NAME = "settings.json"
SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
TIMER_CHOICES = (0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30)
WINDOW_SIZES = ((1280, 720), (1366, 768), (1600, 900), (1920, 1080))


@dataclass
class Settings:
    """Everything the player can set on the Settings screen."""

    ui_scale: float = 1.0
    high_contrast: bool = False
    timer_minutes: int = 5
    window_size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    #: The language of the game's words ("ru"), or "" to follow the environment (LANG).
    language: str = ""

    def validated(self) -> Settings:
        """A copy with every value brought into its allowed range."""
        w, h = self.window_size
        return Settings(
            ui_scale=max(1.0, min(2.0, float(self.ui_scale))),
            high_contrast=bool(self.high_contrast),
            timer_minutes=max(0, min(120, int(self.timer_minutes))),
            window_size=(max(640, min(7680, int(w))), max(360, min(4320, int(h)))),
            fullscreen=bool(self.fullscreen),
            language=self.language if isinstance(self.language, str) and len(self.language) <= 16
            else "",
        )


class SettingsError(ValueError):
    """The settings file exists but cannot be used."""


def config_dir() -> Path:
    """Where settings (and other per-user files) live."""
    override = os.environ.get("DETENTE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("detente"))


def settings_path(directory: Path | None = None) -> Path:
    """The settings file."""
    return (directory or config_dir()) / FILE_NAME


def _parse(text: str) -> Settings:
    data = parse_json(text, FILE_NAME, "settings file")  # bounded numbers and nesting
    if not isinstance(data, dict):
        raise SettingsError(_("expected a JSON object"))
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise SettingsError(ngettext("unknown key {keys}", "unknown keys {keys}",
                                     len(unknown)).format(keys=", ".join(unknown)))
    if "window_size" in data:
        size = data["window_size"]
        if not (isinstance(size, list) and len(size) == 2):
            raise SettingsError(_("window_size must be [width, height]"))
        data["window_size"] = tuple(size)
    for key in ("high_contrast", "fullscreen"):
        if key in data and not isinstance(data[key], bool):
            raise SettingsError(_("{key} must be true or false").format(key=key))
    try:
        return Settings(**data).validated()
    except (TypeError, ValueError) as exc:
        raise SettingsError(str(exc)) from exc


def load_settings(directory: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings, or the defaults; the second item is a one-line warning or None."""
    path = settings_path(directory)
    clean_stale_temps(path.parent)  # left by a write that was cut short
    try:  # a regular file of at most 64 KB, never a FIFO or device
        text = read_text(path, 65_536, "settings file", missing_ok=True)
    except ReadRefused as exc:
        return Settings(), _("settings: {problem}; using defaults").format(problem=exc)
    if text is None:
        return Settings(), None
    try:
        return _parse(text), None
    except (SettingsError, ValueError) as exc:
        return Settings(), _repair(path, directory, exc)


def _repair(path: Path, directory: Path | None, problem: Exception) -> str:
    """Keep an unreadable settings file as settings.json.bak and write the defaults in its
    place; returns the one-line warning. When the folder refuses either step (read-only,
    full disk), nothing is raised: the warning says the file could not be repaired, why,
    and that the defaults are used for this run only."""
    backup = path.with_name(FILE_NAME + ".bak")
    try:
        os.replace(path, backup)
    except OSError as exc:
        return _unrepaired(path, _("cannot rename it to {backup}: {error}").format(
            backup=backup.name, error=exc.strerror or exc))
    try:
        save_settings(Settings(), directory)
    except OSError as exc:
        return _unrepaired(path, _("kept it as {backup} but cannot write the defaults: "
                                   "{error}").format(backup=backup.name,
                                                     error=exc.strerror or exc))
    return _("settings: {path} was unreadable ({problem}); kept it as {backup} and restored "
             "the defaults").format(path=path, problem=problem, backup=backup.name)


def _unrepaired(path: Path, why: str) -> str:
    """The one line for a settings file that is not valid and could not be repaired; short
    enough for the title screen at UI scale 2.0 (the parse error is left out)."""
    return _("settings: {path} is not valid and could not be repaired ({why}); using the "
             "defaults for this run").format(path=path, why=why)


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write the settings atomically; returns the file written."""
    path = settings_path(directory)
    data = asdict(settings.validated())
    data["window_size"] = list(data["window_size"])
    write_atomic(path, json.dumps(data, indent=2) + "\n")
    return path


def load_or_report(directory: Path | None = None) -> Settings:
    """Load the settings, printing any warning as one line on stderr."""
    settings, warning = load_settings(directory)
    if warning:
        print(warning, file=sys.stderr)
    return settings
