"""Shared screen scaffolding: a centred, scrolling page with a heading and a key hint."""

from __future__ import annotations

import pygame

from game.ui.base import Widget
from game.ui.layout import content_rect
from game.ui.scene import Scene
from game.ui.widgets import Column, Label, ScrollView, notice
from game.words import N_, _

KEY_HINT = N_("Tab or arrows: move · Enter: choose · Esc: back · 1-9: pick a numbered item · "
            "PageUp/PageDown: scroll")


class PageScene(Scene):
    """A screen laid out as one centred column that scrolls when it is too tall."""

    heading = ""
    subheading = ""

    def body(self) -> list[Widget]:
        """The widgets below the heading."""
        return []

    def layout_rect(self) -> pygame.Rect:
        return content_rect(self.app.ui.m, self.app.surface.get_rect())

    def build(self) -> Widget:
        parts: list[Widget] = [Label(self.heading, "heading", True, "heading")]
        if self.subheading:
            parts.append(Label(self.subheading, "body", False, "screen_muted"))
        parts += self.body()
        if self.app.message:
            parts.append(notice(self.app.message))
        parts.append(Label(_(KEY_HINT), "small", False, "screen_muted"))
        return ScrollView(Column(parts, gap="pad"), key="page")
