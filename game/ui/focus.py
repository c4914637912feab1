"""Keyboard focus for every screen: one focused widget, moved by keys or the mouse.

- Tab / Shift+Tab, Up / Down (and Left / Right when the widget does not use them)
  move the focus through the focusable widgets in tree order, wrapping around.
- Enter, keypad Enter and Space activate the focused widget; if it is scrolled out of
  view, the first press only scrolls it into view (nothing happens unseen). A widget
  that Enter must not change (a stepper) declines, and the focus moves on instead.
- Number keys 1-9 pick the n-th item of a numbered list: the list holding the focus,
  or else the first numbered list on the screen.
- Esc is left to the scene (it means "back").
- Moving the mouse over a widget focuses it, but only when the pointer really moved:
  the first position a screen hears of (the window opening under a resting pointer,
  a new screen appearing under it) is only remembered. A left click focuses and
  activates; the wheel scrolls the ScrollView under the pointer.

The focus is remembered by widget key, so it survives a rebuild of the widget tree.
`follow` says whether the view should keep the focused widget in sight when the tree
is rebuilt: True after the keyboard moved the focus, False once the user scrolled the
page (PageDown, the wheel) or pointed with the mouse, so a rebuild caused by a timer
tick or an animation never scrolls the page back under the reader's eyes. `settled` is
the focused key the view was last placed for: when code moves the focus (a picked
order hands it to Confirm) the key differs, and the next rebuild scrolls to it.
It is drawn as a thick outline in the focus colour plus a ▶ marker inside the widget,
so it never depends on colour alone.
"""

from __future__ import annotations

import pygame

from game.ui.base import Widget, walk
from game.ui.containers import ScrollView
from game.ui.context import Ui

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})


class FocusManager:
    """Tracks the focused widget of one screen by key."""

    def __init__(self) -> None:
        self.key: str | None = None
        self.index = 0  # where the focus was, for when its widget disappears
        self.pointer: tuple[int, int] | None = None  # last mouse position seen
        self.follow = False  # keep the focused widget in view on rebuilds
        self.settled: str | None = None  # the focused key the view was last placed for

    @staticmethod
    def focusables(root: Widget) -> list[Widget]:
        """Focusable widgets in tree order."""
        return [w for w in walk(root) if w.focusable]

    def current(self, root: Widget) -> Widget | None:
        """The focused widget, falling back to the first focusable one."""
        items = self.focusables(root)
        found = next((w for w in items if w.key == self.key), None)
        if found is None and items:
            found = items[min(self.index, len(items) - 1)]
            self.key = found.key
        if found is not None:
            self.index = items.index(found)
        return found

    def focus(self, root: Widget, widget: Widget) -> None:
        """Focus `widget` and scroll it into view."""
        self.key = self.settled = widget.key
        self.follow = True
        items = self.focusables(root)
        self.index = items.index(widget) if widget in items else self.index
        for sv in (w for w in walk(root) if isinstance(w, ScrollView)):
            if widget in walk(sv.child):
                sv.ensure_visible(widget)

    def move(self, root: Widget, delta: int) -> bool:
        """Move the focus `delta` places, wrapping around."""
        items = self.focusables(root)
        if not items:
            return False
        cur = self.current(root)
        i = items.index(cur) if cur in items else 0
        self.focus(root, items[(i + delta) % len(items)])
        return True

    def handle_key(self, root: Widget, event: pygame.event.Event) -> bool:
        """Apply a KEYDOWN event; True if it was used."""
        cur = self.current(root)
        if cur is not None and cur.on_key(event):
            return True
        key, shift = event.key, bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
        if key == pygame.K_TAB:
            return self.move(root, -1 if shift else 1)
        if key in (pygame.K_UP, pygame.K_LEFT):
            return self.move(root, -1)
        if key in (pygame.K_DOWN, pygame.K_RIGHT):
            return self.move(root, 1)
        if key in ACTIVATE_KEYS and cur is not None:
            if cur.clip is not None and not cur.clip.contains(cur.rect):
                self.focus(root, cur)  # first show what Enter would do; the next Enter does it
                return True
            if not cur.activate() and getattr(cur, "enter_moves_on", False):
                self.move(root, 1)
            return True
        if key in DIGITS:
            return self.pick_number(root, DIGITS[key])
        return False

    def pick_number(self, root: Widget, n: int) -> bool:
        """Focus and activate item `n` of the current (or first) numbered list."""
        numbered = [w for w in self.focusables(root) if getattr(w, "number", None) is not None]
        if not numbered:
            return False
        cur = self.current(root)
        group = getattr(cur, "group", None)
        if group is None or all(getattr(w, "group", None) != group for w in numbered):
            group = getattr(numbered[0], "group", None)
        item = next((w for w in numbered if w.group == group and w.number == n), None)
        if item is None:
            return False
        self.focus(root, item)
        item.activate()
        return True

    def handle_mouse(self, root: Widget, event: pygame.event.Event) -> bool:
        """Apply a mouse event; True if anything changed."""
        self.follow = False
        if event.type == pygame.MOUSEWHEEL:
            pos = self.pointer or pygame.mouse.get_pos()
            views = [w for w in walk(root) if isinstance(w, ScrollView) and w.hit(pos)]
            step = (self._ui_step(root)) * -event.y
            return any(v.scroll(step) for v in views[-1:])
        moved = self.pointer is not None and tuple(event.pos) != self.pointer
        self.pointer = tuple(event.pos)
        under = next((w for w in reversed(self.focusables(root)) if w.hit(event.pos)), None)
        if under is None:
            return False
        if event.type == pygame.MOUSEMOTION:
            if not moved:
                return False
            changed = under.key != self.key
            self.key = self.settled = under.key
            return changed
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.key = self.settled = under.key
            under.on_click(event.pos)
            return True
        return False

    def after_scroll(self, root: Widget, view: ScrollView, last: bool = False) -> None:
        """The user scrolled `view`: if the focus left the visible part, move it to the
        first (with `last`, the last) focusable widget now wholly in view, so the focus
        ring stays on screen."""
        self.follow = False
        inside = [w for w in self.focusables(root) if w in walk(view.child)]
        cur = self.current(root)
        self.settled = self.key
        if cur is None or cur not in inside or view.rect.contains(cur.rect):
            return
        shown = next((w for w in (reversed(inside) if last else inside)
                      if view.rect.contains(w.rect)), None)
        if shown is not None:
            self.key = self.settled = shown.key
            self.index = self.focusables(root).index(shown)

    @staticmethod
    def _ui_step(root: Widget) -> int:
        return root.ui.m.u(40) if root.ui else 40

    def draw(self, surface: pygame.Surface, ui: Ui, root: Widget) -> None:
        """Draw the focus ring around the focused widget."""
        cur = self.current(root)
        if cur is None:
            return
        ring = ui.m.px("ring")
        old = surface.get_clip()
        if cur.clip is not None:
            surface.set_clip(cur.clip.inflate(2 * ring, 2 * ring))
        pygame.draw.rect(surface, ui.theme.colour("focus"), cur.rect.inflate(2 * ring, 2 * ring),
                         ring, border_radius=ring)
        surface.set_clip(old)
