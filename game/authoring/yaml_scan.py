"""A line-by-line scan for the usual YAML slips, so one run reports all of them.

A YAML parser stops at its first error. When it does, this scan looks at every line
for the slips it can see on its own - a tab or an invisible character in the
indentation, a missing space after ':' or '-', a plain text with ': ' inside it,
block text (after `key: |`) not indented under its key - and reports each, in file
order. Lines inside block text, and inside quotes or brackets that span lines, are
not scanned. The parser's own error is kept for what the scan cannot see.
"""

from __future__ import annotations

import re

from game.authoring.yaml_hints import (
    INVISIBLE,
    Diagnosis,
    _indent,
    block_indent,
    colon_in_text,
    invisible_here,
    space_after_colon,
    space_after_dash,
    tab_in_indent,
)

#: `key:` or `key: value` (a plain or quoted key), after any `- ` item markers.
_KEY_LINE = re.compile(r"""^(?P<key>[A-Za-z_][\w.-]*|"[^"]*"|'[^']*'):(?:[ \t]+(?P<value>.*))?$""")
_NO_SPACE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<rest>[^\s:/].*)$")
_DASH = re.compile(r"^-[A-Za-z_{\[\"']")
_BLOCK = re.compile(r"^[|>][-+0-9]*\s*(#.*)?$")
_ITEM = re.compile(r"^-(?: +|$)")


def scan(text: str) -> list[Diagnosis]:
    """Every slip the scan can see, one per line at most, in file order."""
    lines = text.split("\n")
    found: list[Diagnosis] = []
    state = _State()
    for n, line in enumerate(lines, 1):
        if state.skip(line):
            continue
        slip = tab_in_indent(line, n) or _invisible(line, n) or _line_slip(lines, n, state)
        if slip:
            found.append(slip)
    return found


class _State:
    """What the lines so far leave open: block text, or quotes and brackets spanning lines."""

    def __init__(self) -> None:
        self.block: int | None = None  # the indentation of a `key: |` line whose text follows
        self.block_told = False
        self.closer: str | None = None  # a quote or bracket still open from earlier lines
        self.opener = 0  # the indentation of the key whose value opened it
        self.depth = 0

    def skip(self, line: str) -> bool:
        """True if the line is not scanned: blank, a comment, block text, or inside an
        open quote or bracket (which this line may close)."""
        stripped = line.strip()
        if self.closer and stripped and _indent(line) <= self.opener:
            self.closer, self.depth = None, 0  # never closed: the parser reports that
        if self.closer:
            self._continue(line)
            return True
        if not stripped or stripped.startswith("#"):
            return True
        if self.block is not None and _indent(line) > self.block:
            return True
        return False

    def _continue(self, line: str) -> None:
        if self.closer in "\"'":
            if _closes(line, self.closer):
                self.closer = None
            return
        self.depth += _balance(line)
        if self.depth <= 0:
            self.closer, self.depth = None, 0


def _invisible(line: str, n: int) -> Diagnosis | None:
    for m in INVISIBLE.finditer(line):
        before = line[:m.start()]
        if before.strip() in ("", "-") or before.rstrip().endswith(":") or \
                line[m.end():m.end() + 1] == ":":
            return ("yaml-invisible", invisible_here(m.group()), n, m.start() + 1)
    return None


def _line_slip(lines: list[str], n: int, state: _State) -> Diagnosis | None:
    line = lines[n - 1]
    indent = _indent(line)
    body, at = line[indent:], indent
    while _ITEM.match(body):
        step = _ITEM.match(body).end()
        body, at = body[step:], at + step
    if state.block is not None:
        if not (_KEY_LINE.match(body) or at > indent):
            return _unindented_block(lines, n, state)
        state.block, state.block_told = None, False
    if _DASH.match(body) and _in_list(lines, n):
        return ("yaml-space-after-dash", space_after_dash(body[1:]), n, at + 2)
    slip = _NO_SPACE.match(body)
    if slip and not _KEY_LINE.match(body):
        head = line[:at] + slip.group("key")
        return ("yaml-space-after-colon",
                space_after_colon(line.strip(), f"{head.strip()}: {slip.group('rest')}"),
                n, len(head) + 2)
    key = _KEY_LINE.match(body)
    return _value_slip(key, line, n, at, state) if key else None


def _unindented_block(lines: list[str], n: int, state: _State) -> Diagnosis | None:
    if state.block_told:
        return None
    state.block_told = True
    owner = next(k for k in range(n - 1, 0, -1) if lines[k - 1].strip()
                 and not lines[k - 1].strip().startswith("#") and _indent(lines[k - 1]) <= state.block
                 and _opens_block(lines[k - 1]))
    return ("yaml-block-indent", block_indent(owner, lines[owner - 1].strip()), n,
            _indent(lines[n - 1]) + 1)


def _opens_block(line: str) -> bool:
    return bool(re.search(r":\s+[|>][-+0-9]*\s*(#.*)?$", line))


def _value_slip(key: re.Match, line: str, n: int, at: int, state: _State) -> Diagnosis | None:
    value = (key.group("value") or "").strip()
    start = at + key.start("value") if key.group("value") is not None else 0
    if not value:
        return None
    if _BLOCK.match(value):
        state.block = at
        return None
    if value[:1] in "\"'":
        if not _closes(value[1:], value[0]):
            state.closer, state.opener = value[0], at
        return None
    if value[:1] in "[{":
        depth = _balance(value)
        if depth > 0:
            state.closer, state.depth, state.opener = value[0], depth, at
        return None
    plain = re.split(r"\s#", value, maxsplit=1)[0].rstrip()
    if value[:1] in "!&*|>%@`" or not (": " in plain or plain.endswith(":")):
        return None
    return ("yaml-colon", colon_in_text(key.group('key'), plain), n, start + 1)


def _closes(text: str, quote: str) -> bool:
    """True if an unescaped closing quote is in the text."""
    if quote == "'":
        return "'" in text.replace("''", "")
    return '"' in re.sub(r"\\.", "", text)


def _balance(text: str) -> int:
    """Open brackets minus closed ones, outside quotes."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'', "", text)
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def _in_list(lines: list[str], n: int) -> bool:
    """True if line n sits where a list item belongs: after an item at its indentation, or
    first under a `key:` line."""
    mine = _indent(lines[n - 1])
    for k in range(n - 1, 0, -1):
        text = lines[k - 1]
        if not text.strip() or text.strip().startswith("#"):
            continue
        if _indent(text) == mine and text.strip().startswith("-"):
            return True
        return _indent(text) < mine and text.rstrip().endswith(":") or \
            _indent(text) == mine and text.rstrip().endswith(":")
    return False
