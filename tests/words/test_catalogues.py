"""The gettext catalogues: the compiled .mo files the game ships hold exactly what their
.po sources say (run `make compile` after editing a .po), and every message the code
marks is in the template (run `make update`)."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from game.words import i18n

LOCALE = Path(__file__).resolve().parents[2] / "assets" / "locale"
SOURCES = sorted(LOCALE.glob("*/LC_MESSAGES/detente.po"))


def _messages(mo: Path) -> dict:
    with mo.open("rb") as f:
        return dict(gettext.GNUTranslations(f)._catalog)


def test_there_is_a_russian_catalogue():
    assert [p.parts[-3] for p in SOURCES] == ["ru"]
    assert "ru" in i18n.available()


@pytest.mark.parametrize("po", SOURCES, ids=lambda p: p.parts[-3])
def test_the_shipped_mo_is_the_compiled_po(po, tmp_path):
    """Compiled afresh into a temporary folder, the .po gives the same messages as the
    shipped .mo, and the .mo is not older than the .po."""
    shipped = po.with_suffix(".mo")
    assert shipped.is_file(), f"run: make compile ({shipped} is missing)"
    with po.open("rb") as f:
        catalogue = read_po(f, locale=po.parts[-3])
    fresh = tmp_path / "fresh.mo"
    with fresh.open("wb") as f:
        write_mo(f, catalogue, use_fuzzy=False)
    assert _messages(fresh) == _messages(shipped), f"run: make compile ({shipped} is stale)"


@pytest.mark.parametrize("po", SOURCES, ids=lambda p: p.parts[-3])
def test_translations_keep_their_placeholders(po):
    """A translation names the same {places} as its English, or format() would fail."""
    import re

    with po.open("rb") as f:
        catalogue = read_po(f)
    wrong = []
    for message in catalogue:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{(\w*)\}", ids[-1]))
        wrong += [(ids[0], s) for s in strings if s and set(re.findall(r"\{(\w*)\}", s)) != wanted
                  and set(re.findall(r"\{(\w*)\}", s)) != set(re.findall(r"\{(\w*)\}", ids[0]))]
    assert wrong == []
