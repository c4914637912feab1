"""Plain-words diagnoses of YAML syntax errors, located at their real cause.

A YAML parser reports where it noticed trouble, which is often a line after the
mistake. These rules look at the text around that point for the usual mistakes of
people writing YAML by hand - a tab, an invisible character, a missing space after
`:` or `-`, a text with `: ` inside it, block text not indented under `|` - and say
where the mistake is and what to type instead.
"""

from __future__ import annotations

import re
import unicodedata

from ruamel.yaml.error import MarkedYAMLError

from game.words import _

Diagnosis = tuple[str, str, int, int]  # (code, message, line, column), 1-based

#: Characters that look like a space, or like nothing, but are not one to YAML.
INVISIBLE = re.compile("[\u00a0\u00ad\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")
_KEY = re.compile(r"^(\s*)(- +)?([^\s:#'\"-][^:#]*?):(\s+|$)")
_EARLY_QUOTE = re.compile(r"^(\s*(?:- +)?[^\s:#'\"]+:\s+)(['\"])(?:(?!\2).)*\2[ \t]*[^\s,}\]#]")
_BLOCK = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")


def diagnose(text: str, exc: MarkedYAMLError) -> Diagnosis:
    """The code, message and position of the mistake behind a YAML error."""
    lines = text.split("\n")
    found = _invisible(lines) or _tab(lines)
    if found:
        return found
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem, context = str(exc.problem or ""), str(exc.context or "")
    ctx_line = exc.context_mark.line + 1 if exc.context_mark else line
    for rule in (_quote, _quote_ends_early, _special_start, _flow, _colon_in_text, _simple_key,
                 _block_end):
        found = rule(lines, problem, context, line, col, ctx_line, exc)
        if found:
            return found
    if "another document" in problem:
        return ("yaml-syntax", _("a scenario file holds one YAML document: remove this '---' "
                                 "line and anything after it that belongs to another file"),
                line, col)
    error = f"{problem or exc} ({context})" if context and context != problem else \
        f"{problem or exc}"
    return ("yaml-syntax", _("YAML syntax error: {error}; check this line and the one above it "
                             "for a missing ':' or '- ', or uneven indentation").format(error=error),
            line, col)


def _invisible(lines: list[str]) -> Diagnosis | None:
    """An invisible character where YAML reads structure: indentation, or beside ':' or '-'."""
    for n, text in enumerate(lines, 1):
        for m in INVISIBLE.finditer(text):
            before = text[:m.start()]
            if before.strip() in ("", "-") or before.rstrip().endswith(":") or \
                    text[m.end():m.end() + 1] == ":":
                return ("yaml-invisible", invisible_here(m.group()), n, m.start() + 1)
    return None


def invisible_here(char: str) -> str:
    """The message for an invisible character where YAML reads structure."""
    name = unicodedata.name(char, "").lower()
    if not name:
        return _("an invisible character, an unnamed character ({code}), is here; YAML does "
                 "not read it as a space: delete it and type an ordinary space").format(
            code=f"U+{ord(char):04X}")
    return _("an invisible character, a {name} ({code}), is here; YAML does not read it as a "
             "space: delete it and type an ordinary space").format(
        name=name, code=f"U+{ord(char):04X}")


def _tab(lines: list[str]) -> Diagnosis | None:
    """A tab in the indentation of a line."""
    return next((found for n, text in enumerate(lines, 1) if (found := tab_in_indent(text, n))), None)


def tab_in_indent(line: str, n: int) -> Diagnosis | None:
    """A tab in the indentation of line `n` (1-based), as a diagnosis at the tab."""
    indent = len(line) - len(line.lstrip(" \t-"))
    if "\t" in line[:indent]:
        return ("yaml-tab", _("a tab is used for indentation; YAML allows only spaces: replace "
                              "the tab with spaces (two per level, lined up with the lines above)"),
                n, line.index("\t") + 1)
    return None


def _quote(lines, problem, context, line, col, ctx_line, exc) -> Diagnosis | None:  # noqa: ANN001
    if "quoted scalar" in context and exc.context_mark is not None:
        q = exc.context_mark
        return ("yaml-quote", _("this quoted text is never closed; add the closing quote at the "
                                "end of the text (write \\\" for a quote inside \"...\")"),
                q.line + 1, q.column + 1)
    return None


def _quote_ends_early(lines, problem, context, line, col, ctx_line, exc) -> Diagnosis | None:  # noqa: ANN001
    """`text: 'It's here'`: the quote closes early and text follows it."""
    for n in (line, line - 1):
        if 1 <= n <= len(lines):
            found = _EARLY_QUOTE.match(lines[n - 1])
            if found:
                q = found.group(2)
                message = _("this quoted text ends early: the quote inside it closes it; write a "
                            "' inside '...' as '' (two), or quote the text with the other kind "
                            "of quote") if q == "'" else \
                    _("this quoted text ends early: the quote inside it closes it; write a \" "
                      "inside \"...\" as \\\", or quote the text with the other kind of quote")
                return ("yaml-quote", message, n, found.end(1) + 1)
    return None


def _special_start(lines, problem, context, line, col, ctx_line, exc) -> Diagnosis | None:  # noqa: ANN001
    """A plain text starting with a character YAML reserves, or with '- ' after a key."""
    if "found character '\\t'" in problem:
        return ("yaml-tab", _("a tab where YAML expects a space; replace the tab with a space"),
                line, col)
    found = re.search(r"found character '(.)' that cannot start any token", problem)
    if found:
        return ("yaml-special-char", _("a text cannot start with '{char}' unless it is in "
                                       "quotes; put the whole text in quotes")
                .format(char=found.group(1)), line, col)
    if "sequence entries are not allowed here" in problem:
        return ("yaml-special-char", _("a text cannot start with '- ' after a key unless it is "
                                       "in quotes; quote the text, or start the list on the "
                                       "next line"), line, col)
    return None


def _flow(lines, problem, context, line, col, ctx_line, exc) -> Diagnosis | None:  # noqa: ANN001
    """A list in [...] or a mapping in {...} that is not closed."""
    if "flow sequence" in context or "flow mapping" in context:
        close = "]" if "sequence" in context else "}"
        opener = exc.context_mark
        where = (opener.line + 1, opener.column + 1) if opener else (line, col)
        message = _("the list that opens here is not closed; add ']' at its end (and keep it on "
                    "one line)") if close == "]" else \
            _("the mapping that opens here is not closed; add '}}' at its end (and keep it on "
              "one line)").format()
        return ("yaml-flow", message, *where)
    return None


def _colon_in_text(lines, problem, context, line, col, ctx_line, exc) -> Diagnosis | None:  # noqa: ANN001
    if "mapping values are not allowed" not in problem or line > len(lines):
        return None
    text = lines[line - 1]
    key = _KEY.match(text)
    if key and key.end() < col:
        start = key.end() + 1
        return ("yaml-colon", colon_in_text(key.group(3), text[key.end():].strip()), line, start)
    prev = _previous(lines, line)
    if prev is not None and _indent(text) > _indent(lines[prev - 1]):
        return ("yaml-indent", _("this line is indented more than the line above it, so YAML "
                                 "reads it as part of that line's value; line its key up with "
                                 "the keys above"),
                line, _indent(text) + 1)
    return None


def _simple_key(lines, problem, context, line, col, ctx_line, exc) -> Diagnosis | None:  # noqa: ANN001
    if "could not find expected ':'" not in problem or ctx_line > len(lines):
        return None
    return _line_shape(lines, ctx_line)


def _block_end(lines, problem, context, line, col, ctx_line, exc) -> Diagnosis | None:  # noqa: ANN001
    if "expected <block end>" not in problem or line > len(lines):
        return None
    found = _line_shape(lines, line)
    if found:
        return found
    return ("yaml-indent", _("this line does not line up with the lines above it; indent it "
                             "exactly as far as the other keys or '- ' items of its list or "
                             "mapping"),
            line, _indent(lines[line - 1]) + 1)


def _line_shape(lines: list[str], n: int) -> Diagnosis | None:
    """A diagnosis for a line that is neither `key: value` nor `- item`, if one fits."""
    text = lines[n - 1]
    stripped = text.strip()
    at = _indent(text) + 1
    if re.match(r"-[^\s\-]", stripped) and not re.match(r"-\d", stripped):
        return ("yaml-space-after-dash", space_after_dash(stripped[1:]), n, at + 1)
    block = _block_owner(lines, n)
    if block is not None:
        return ("yaml-block-indent", block_indent(block, lines[block - 1].strip()), n, at)
    colon = re.match(r"(\s*(?:- +)?[^\s:#'\"]+):(\S)", text)
    if colon:
        return ("yaml-space-after-colon",
                space_after_colon(stripped, f"{colon.group(1).strip()}: {text[colon.end() - 1:]}"),
                n, colon.end())
    return None


def space_after_dash(rest: str) -> str:
    """A list item written `-item`: write `- item`."""
    return _("a list item needs a space after '-': write '- {rest}'").format(rest=rest)


def space_after_colon(line: str, fixed: str) -> str:
    """A key written `key:value`: write `key: value`."""
    return _("add a space after ':' in '{line}': write '{fixed}'").format(line=line, fixed=fixed)


def block_indent(owner: int, text: str) -> str:
    """Block text under `key: |` on line `owner` that is not indented under it."""
    return _("the block text under line {line} ('{text}') must be indented further than its "
             "key; indent this line and the rest of the text by two more spaces").format(
        line=owner, text=text)


def colon_in_text(key: str, text: str) -> str:
    """A plain text holding ': ', to be quoted."""
    return _("this text contains ': ', which YAML reads as a new key; put the whole text in "
             "quotes: {key}: \"{text}\"").format(key=key, text=text)


def _block_owner(lines: list[str], n: int) -> int | None:
    """The line of a `key: |` whose block text line n should belong to, if it is not indented."""
    mine = _indent(lines[n - 1])
    for k in range(n - 1, 0, -1):
        text = lines[k - 1]
        if not text.strip():
            continue
        if _BLOCK.search(text) and _indent(text) >= mine:
            return k
        if _indent(text) <= mine and ":" in text:
            return None
    return None


def _previous(lines: list[str], n: int) -> int | None:
    for k in range(n - 1, 0, -1):
        if lines[k - 1].strip() and not lines[k - 1].lstrip().startswith("#"):
            return k
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))
