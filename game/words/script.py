"""Text in any script: how wide a text shows in a terminal, and how a line holding
right-to-left words is laid out, for the text mode and the window alike.

    display_width(text)   terminal columns: East Asian wide and full-width characters take
                          two, combining marks and zero-width characters none
    ljust / rjust         pad to a display width, as str.ljust and str.rjust pad to a length
    is_rtl(text)          True if the text holds a right-to-left letter (Hebrew, Arabic, ...)
    visual_runs(text)     a left-to-right line cut into runs in the order they are drawn,
                          each with its direction: what the window shapes run by run
    script_of(text)       the ISO 15924 code of a run's right-to-left script ("Arab", "Hebr")

Only unicodedata is used, so nothing here needs a terminal library or pygame.
"""

from __future__ import annotations

import unicodedata

RTL_CLASSES = frozenset({"R", "AL"})
#: Bidirectional classes that carry no direction of their own.
NEUTRAL = frozenset({"B", "S", "WS", "ON", "ET", "ES", "CS", "NSM", "BN", "EN", "AN"})
SCRIPTS = (("ARABIC", "Arab"), ("HEBREW", "Hebr"), ("SYRIAC", "Syrc"), ("THAANA", "Thaa"),
           ("NKO", "Nkoo"), ("SAMARITAN", "Samr"), ("MANDAIC", "Mand"))


def char_width(ch: str) -> int:
    """Terminal columns of one character: 2 wide, 0 combining or zero-width, else 1."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf") or ch == "\u200b":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """The columns `text` takes in a terminal."""
    return sum(char_width(ch) for ch in text)


def ljust(text: str, width: int) -> str:
    """`text` padded on the right to `width` columns."""
    return text + " " * max(0, width - display_width(text))


def rjust(text: str, width: int) -> str:
    """`text` padded on the left to `width` columns."""
    return " " * max(0, width - display_width(text)) + text


def is_rtl(text: str) -> bool:
    """True if `text` holds a letter written right to left."""
    return any(unicodedata.bidirectional(ch) in RTL_CLASSES for ch in text)


def script_of(text: str) -> str:
    """The ISO 15924 code of the first right-to-left letter's script (Arabic if unsure)."""
    for ch in text:
        if unicodedata.bidirectional(ch) in RTL_CLASSES:
            name = unicodedata.name(ch, "")
            return next((code for prefix, code in SCRIPTS if name.startswith(prefix)), "Arab")
    return "Zyyy"


def visual_runs(text: str) -> list[tuple[str, bool]]:
    """A left-to-right line cut into runs in drawing order, each `(text, right_to_left)`.

    A stretch from one right-to-left letter to the last one before any left-to-right
    letter is one right-to-left stretch (the spaces and digits between its words belong
    to it); inside it, digits stay left to right, and its pieces are drawn in reverse
    order. Each right-to-left run is given in logical order: the shaper (set_direction)
    lays it out right to left. Mirrored brackets and nested embeddings are left out."""
    kinds = [_kind(ch) for ch in text]
    runs: list[tuple[str, bool]] = []
    i = 0
    while i < len(text):
        if kinds[i] != "R":
            j = i
            while j < len(text) and kinds[j] != "R":
                j += 1
            runs.append((text[i:j], False))
            i = j
            continue
        j = last = i
        while j < len(text) and kinds[j] != "L":
            if kinds[j] == "R":
                last = j
            j += 1
        runs += list(reversed(_pieces(text[i:last + 1])))
        i = last + 1
    return [run for run in runs if run[0]]


def _kind(ch: str) -> str:
    cls = unicodedata.bidirectional(ch)
    return "R" if cls in RTL_CLASSES else "D" if cls in ("EN", "AN") else "N" if cls in NEUTRAL else "L"


def _pieces(stretch: str) -> list[tuple[str, bool]]:
    """A right-to-left stretch cut into its digit runs (left to right) and the rest."""
    out: list[tuple[str, bool]] = []
    for ch in stretch:
        rtl = _kind(ch) != "D"
        if out and out[-1][1] == rtl:
            out[-1] = (out[-1][0] + ch, rtl)
        else:
            out.append((ch, rtl))
    return out
