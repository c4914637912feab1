"""Widgets: Label, Button (also a numbered choice item), ChoiceList, Toggle, Stepper, TextInput.

Every widget follows one protocol:
- `measure(ui, width) -> height`: the height it needs at that width (text wraps);
- `place(ui, rect)`: its rect, given by its container;
- `draw(surface, ui, focused)`: draw only, never change game state;
- `activate()` / `on_key(event)` / `on_click(pos)`: input, each returning True if handled;
- `overflow() -> bool`: True if any rendered text is larger than the widget's rect.

Containers (Column, Row, Panel, ScrollView) live in `containers.py` and are re-exported here.
Focusable widgets reserve a gutter on their left for the focus marker, so focusing
never changes the layout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.base import MARKER, Widget, draw_lines
from game.ui.context import Ui
from game.words import _


class Label(Widget):
    """Wrapping text in one style."""

    def __init__(self, text: str, size: str = "body", bold: bool = False, style: str = "screen",
                 align: str = "left", key: str | None = None) -> None:
        super().__init__(key)
        self.text, self.size, self.bold, self.style, self.align = text, size, bold, style, align

    def measure(self, ui: Ui, width: int) -> int:
        return ui.text_height(self.text, self.size, self.bold, width)

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        style = ui.theme.style(self.style)
        lines = ui.wrap(self.text, self.size, self.bold, self.rect.width)
        draw_lines(surface, ui, lines, self.size, self.bold, style.fg, self.rect.x, self.rect.y,
                   self.rect.width, self.align)

    def overflow(self) -> bool:
        if self.ui is None:
            return False
        ui, w = self.ui, self.rect.width
        lines = ui.wrap(self.text, self.size, self.bold, w)
        widest = max((ui.font(self.size, self.bold, self.text).size(s)[0] for s in lines), default=0)
        return widest > w or self.measure(ui, w) > self.rect.height

    def texts(self) -> list[str]:
        return [self.text]


class Button(Widget):
    """A focusable button; with `number` it is an item of a numbered list (keys 1-9).

    `selected` None makes a plain button; True/False makes a choice item showing ☑/☐.
    A disabled button says so in its detail, unless `explained` (its detail already
    gives the reason in words). A `marked` button (a guide's suggestion) starts with ★,
    says why in its first detail line, and has a second border in the accent colour.
    """

    focusable = True

    def __init__(self, text: str, on_click: Callable[[], object] | None = None, *,
                 detail: str = "", number: int | None = None, group: str | None = None,
                 selected: bool | None = None, enabled: bool = True, key: str | None = None,
                 style: str = "button", explained: bool = False, marked: str = "") -> None:
        super().__init__(key or f"button:{text}")
        if not enabled and not explained:  # say so in words: the dim look alone is colour only
            detail = _("{detail} (not available now)").format(detail=detail) if detail else \
                _("Not available now")
        if marked:
            text, detail = f"★ {text}", f"{marked}\n{detail}" if detail else marked
        self.marked = bool(marked)
        self.text, self.detail, self.number, self.group = text, detail, number, group
        self.callback, self.selected, self.enabled, self.style = on_click, selected, enabled, style
        self.focusable = enabled

    def _prefix(self) -> str:
        num = f"{self.number}." if self.number is not None and self.number <= 9 else ""
        check = {True: "☑", False: "☐", None: ""}[self.selected]
        return " ".join(p for p in (num, check) if p)

    def _inner(self, ui: Ui, width: int) -> tuple[int, int]:
        """(x offset, width) of the text column inside a rect of `width`."""
        m = ui.m
        left = m.px("marker_w") + m.px("pad")
        if self._prefix():
            left += ui.font("body", True).size(self._prefix())[0] + m.px("gap")
        return left, max(1, width - left - m.px("pad"))

    def measure(self, ui: Ui, width: int) -> int:
        _, w = self._inner(ui, width)
        h = ui.text_height(self.text, "body", True, w)
        if self.detail:
            h += ui.text_height(self.detail, "small", False, w)
        return max(ui.m.px("button_h"), h + 2 * ui.m.px("gap"))

    def _styles(self, ui: Ui, focused: bool):
        if not self.enabled:
            return ui.theme.style("disabled"), ui.theme.style("disabled")
        if focused:
            s = ui.theme.style("button_focus")
            return s, s
        if self.selected:
            s = ui.theme.style("selected")
            return s, s
        return ui.theme.style(self.style), ui.theme.style("button_muted")

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        main, sub = self._styles(ui, focused)
        m = ui.m
        pygame.draw.rect(surface, main.bg, self.rect, border_radius=m.px("border"))
        border = main.fg if focused else ui.theme.colour("border")
        pygame.draw.rect(surface, border, self.rect, m.px("border"), border_radius=m.px("border"))
        if self.marked:
            inner = self.rect.inflate(-2 * m.px("border"), -2 * m.px("border"))
            pygame.draw.rect(surface, ui.theme.style("accent").fg, inner, 2 * m.px("border"),
                             border_radius=m.px("border"))
        top = self.rect.y + m.px("gap")
        if focused:
            surface.blit(ui.render(MARKER, "body", True, main.fg), (self.rect.x + m.u(4), top))
        if self._prefix():
            x = self.rect.x + m.px("marker_w") + m.px("pad")
            surface.blit(ui.render(self._prefix(), "body", True, main.fg), (x, top))
        dx, w = self._inner(ui, self.rect.width)
        lines = ui.wrap(self.text, "body", True, w)
        y = draw_lines(surface, ui, lines, "body", True, main.fg, self.rect.x + dx, top)
        if self.detail:
            lines = ui.wrap(self.detail, "small", False, w)
            draw_lines(surface, ui, lines, "small", False, sub.fg, self.rect.x + dx, y)

    def activate(self) -> bool:
        if not self.enabled or self.callback is None:
            return False
        self.callback()
        return True

    def overflow(self) -> bool:
        if self.ui is None:
            return False
        return self.measure(self.ui, self.rect.width) > self.rect.height

    def texts(self) -> list[str]:
        return [t for t in (self.text, self.detail) if t]


class Toggle(Button):
    """An on/off setting; Enter, Space or a click flips it."""

    def __init__(self, label: str, value: bool, on_change: Callable[[bool], object],
                 key: str | None = None, detail: str = "") -> None:
        state = "on" if value else "off"
        super().__init__(f"{label}: {state}", None, detail=detail, selected=value,
                         key=key or f"toggle:{label}")
        self.value, self.on_change = value, on_change

    def activate(self) -> bool:
        self.on_change(not self.value)
        return True


class Stepper(Button):
    """A value picked from a list: Left/Right, -/+ or clicking either half step it.

    Enter and Space never change the value (a class pressing Enter to move on must not
    turn a human team into an AI): they move the focus on to the next widget.
    """

    enter_moves_on = True

    def __init__(self, label: str, values: Sequence, index: int,
                 on_change: Callable[[object], object], fmt: Callable[[object], str] = str,
                 key: str | None = None, detail: str = "") -> None:
        self.values, self.index, self.on_change = list(values), index, on_change
        self._before, self._value = f"{label}:  ◀ ", fmt(self.values[index])
        text = f"{self._before}{self._value} ▶"
        hint = _("◀ ▶ (Left/Right arrows) change the value; Enter moves on")
        super().__init__(text, None, detail=f"{detail} · {hint}" if detail else hint,
                         key=key or f"stepper:{label}")

    def step(self, delta: int) -> bool:
        """Move to the neighbouring value, if there is one."""
        new = self.index + delta
        if not 0 <= new < len(self.values):
            return False
        self.on_change(self.values[new])
        return True

    def on_key(self, event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_MINUS, pygame.K_KP_MINUS):
            return self.step(-1) or True
        if event.key in (pygame.K_RIGHT, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            return self.step(1) or True
        return False

    def activate(self) -> bool:
        return False

    def on_click(self, pos) -> bool:
        """A click left of the middle of the shown value steps back (◀), right of it
        steps on (▶), wherever the arrows sit in the widget."""
        return self.step(-1 if pos[0] < self._value_middle() else 1)

    def _value_middle(self) -> int:
        if self.ui is None:
            return self.rect.centerx
        font = self.ui.font("body", True)
        dx, _ = self._inner(self.ui, self.rect.width)
        return self.rect.x + dx + font.size(self._before)[0] + font.size(self._value)[0] // 2


def ascii_digit(char: str) -> bool:
    """True for 0-9 only (str.isdigit also accepts ², ٣ and other digits int() may refuse)."""
    return len(char) == 1 and "0" <= char <= "9"


class TextInput(Button):
    """A one-line text field; typed characters that pass `allowed` are added, anything
    else is ignored, so the field only ever holds text its owner can parse."""

    def __init__(self, label: str, text: str, on_change: Callable[[str], object],
                 allowed: Callable[[str], bool] = str.isprintable, max_len: int = 12,
                 key: str | None = None, detail: str = "") -> None:
        self.label, self.value, self.on_change = label, text, on_change
        self.allowed, self.max_len = allowed, max_len
        hint = _("Type to edit, Backspace deletes, Enter moves on")
        super().__init__(f"{label}: {text}▏", None, detail=f"{detail} · {hint}" if detail else hint,
                         key=key or f"input:{label}")

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        """The text cursor shows only while the field has the focus (typing goes there)."""
        full = self.text
        if not focused:
            self.text = full[:-1] + " "
        try:
            super().draw(surface, ui, focused)
        finally:
            self.text = full

    def on_key(self, event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.on_change(self.value[:-1])
            return True
        char = getattr(event, "unicode", "")
        if char and len(char) == 1 and self.allowed(char) and len(self.value) < self.max_len:
            self.on_change(self.value + char)
            return True
        return False

    enter_moves_on = True

    def activate(self) -> bool:
        return False


from game.ui.containers import Centre, Column, Dock, Fit, Panel, Row, ScrollView, Spacer, Split  # noqa: E402, I001


class ChoiceList(Column):
    """A numbered list of choices: keys 1-9 pick the first nine, arrows move between them.

    Each item is (text, detail, callback, enabled), or (text, detail, callback, enabled,
    name) where a fixed `name` keys the item instead of its text, so that its focus key
    is the same in every language; `selected` marks the chosen item(s) when the list
    shows a state (None: a plain menu).
    """

    def __init__(self, group: str, items: Sequence[tuple],
                 selected: Sequence[bool] | None = None, key_prefix: str | None = None,
                 start: int = 1) -> None:
        """`start` numbers the first item: two lists of one `group` shown one after the
        other (Continue's games in progress, then its finished ones) number on from each
        other, so every number on the screen names one item."""
        prefix = key_prefix or group
        buttons = [Button(text, cb, detail=detail, number=i, group=group, enabled=ok,
                          selected=None if selected is None else selected[i - start],
                          key=f"{prefix}:{name[0] if name else text}")
                   for i, (text, detail, cb, ok, *name) in enumerate(items, start=start)]
        super().__init__(buttons, key=f"list:{prefix}")



def notice(text: str, size: str = "body") -> Panel:
    """A warning or message on its own box in the `warning` style (dark text on yellow):
    a Label alone would draw that dark text straight onto the dark page."""
    return Panel([Label(text, size, True, "warning")], style="warning")


__all__ = ["Widget", "Label", "Button", "Toggle", "Stepper", "TextInput", "ChoiceList", "ascii_digit",
           "Centre", "Column", "Dock", "Fit", "Row", "Panel", "ScrollView", "Spacer", "Split",
           "draw_lines", "notice"]
