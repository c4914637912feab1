"""The Settings screen: every change is applied at once and saved."""

from __future__ import annotations

from dataclasses import replace

from game.ui.base import Widget
from game.ui.screens.common import PageScene
from game.ui.settings import SCALES, TIMER_CHOICES, WINDOW_SIZES, Settings, settings_path
from game.ui.widgets import Button, Label, Stepper, Toggle
from game.words import _
from game.words.i18n import available, from_environment, set_language


def _nearest(values, value) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def _language_text(lang: str) -> str:
    if not lang:
        return _("as the system ({language})").format(language=from_environment())
    return NATIVE.get(lang, lang)


#: Each language's name in itself, as a language menu shows it.
NATIVE = {"en": "English", "ru": "Русский"}


def _timer_text(minutes: int) -> str:
    return _("off") if minutes == 0 else _("{minutes} min").format(minutes=minutes)


class SettingsScene(PageScene):
    """UI scale, high contrast, negotiation timer default, window size, full screen."""

    @property
    def heading(self) -> str:
        return _("Settings")

    @property
    def subheading(self) -> str:
        return _("Changes apply at once and are saved for next time.")

    def change(self, **values) -> None:
        """Apply and save one changed setting."""
        self.app.apply_settings(replace(self.app.settings, **values))
        self.invalidate()

    def change_language(self, lang: str) -> None:
        """Translate the game's words into `lang` ("" for the environment's) and save it."""
        set_language(lang or from_environment())
        self.change(language=lang)

    def body(self) -> list[Widget]:
        s: Settings = self.app.settings
        languages = ["", *available()]
        if s.language not in languages:
            languages.append(s.language)
        sizes = list(WINDOW_SIZES)
        if tuple(s.window_size) not in sizes:
            sizes.append(tuple(s.window_size))
        return [
            Stepper(_("UI scale"), SCALES, _nearest(SCALES, s.ui_scale),
                    lambda v: self.change(ui_scale=v), fmt=lambda v: f"{v:.2f}×",
                    key="set:scale",
                    detail=_("Bigger text for projectors. Also Ctrl+plus, Ctrl+minus")),
            Toggle(_("High-contrast theme"), s.high_contrast,
                   lambda v: self.change(high_contrast=v), key="set:contrast",
                   detail=_("Black background, white text, yellow focus")),
            Stepper(_("Negotiation timer"), TIMER_CHOICES,
                    _nearest(TIMER_CHOICES, s.timer_minutes),
                    lambda v: self.change(timer_minutes=v), fmt=_timer_text, key="set:timer",
                    detail=_("Default minutes of talks each round; the timer never ends a round")),
            Stepper(_("Window size"), sizes, sizes.index(tuple(s.window_size)),
                    lambda v: self.change(window_size=tuple(v)), fmt=lambda v: f"{v[0]} × {v[1]}",
                    key="set:size", detail=_("Used when not in full screen")),
            Stepper(_("Language"), languages, languages.index(s.language), self.change_language,
                    fmt=_language_text, key="set:language",
                    detail=_("The game's words; --lang chooses for one run")),
            Toggle(_("Full screen"), s.fullscreen, lambda v: self.change(fullscreen=v),
                   key="set:fullscreen", detail=_("Also F11")),
            Button(_("Back"), self.back, detail=_("Return to the previous screen"),
                   key="set:back"),
            Label(_("Saved in {path}").format(path=settings_path(self.app.config_dir)), "small",
                  False, "screen_muted"),
        ]
