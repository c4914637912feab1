"""Scenario block text as paragraphs, for screens that wrap text to their own width."""

from __future__ import annotations

import re


def prose(text: str) -> str:
    """Scenario block text reflowed: single line breaks become spaces, blank lines stay
    paragraph breaks (one `\\n` between paragraphs in the result)."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)
