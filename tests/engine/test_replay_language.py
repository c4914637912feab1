"""A game saved in one language replays and verifies in another: saves and the replay
digest hold data (ids and numbers), and only game.words turns them into sentences."""

import gettext
import json
import re

import pytest

from game.model.results import Refusal, RefusalKind
from game.session.replay import verify
from game.session.saves import save_session
from game.session.session import Seat, Session
from game.words import i18n, ledger_line, reasoning_line, refusal_line
from tests.helpers import default_scenario


class Shouting(gettext.NullTranslations):
    """A stand-in language: every message upper-cased, its {placeholders} left as they are."""

    def gettext(self, message):
        return "".join(part if part.startswith("{") else part.upper()
                       for part in re.split(r"(\{[^}]*\})", message))

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)


@pytest.fixture()
def shouting(monkeypatch):
    """The stand-in language installed for one test."""
    monkeypatch.setattr(i18n, "_translation", Shouting())


def _strings(data) -> list[str]:
    """Every string in nested JSON data."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data or () for s in _strings(item)] if isinstance(data, list) else []


def _game(seed=3) -> Session:
    sc = default_scenario()
    session = Session(sc, seed, {r: Seat(False) for r in sc.role_ids})
    session.play_ai()
    return session


def test_a_game_saved_in_one_language_verifies_in_another(tmp_path, monkeypatch):
    """Played and saved in the stand-in language, the game's ledger and reasoning read in
    it; the save holds none of those words, and verifies in it and in English alike."""
    monkeypatch.setattr(i18n, "_translation", Shouting())
    session = _game()
    sc = session.scenario
    lines = [ledger_line(sc, e) for e in session.state.ledger]
    said = [reasoning_line(sc, n.role, n) for n in session.notes]
    assert any("TENSION DRIFTS TOWARD" in line for line in lines)
    assert any(" · " in line and "TRUST IN" in line for line in said)
    path = save_session(session, tmp_path / "shouted.json")
    saved = json.loads(path.read_text())
    assert saved["ledger"] and saved["notes"]
    assert all(" " not in value for value in _strings([saved["ledger"], saved["notes"]])), \
        "the ledger and the reasoning are ids and numbers, never a sentence"
    assert verify(path).ok
    monkeypatch.setattr(i18n, "_translation", gettext.NullTranslations())
    english = verify(path)
    assert english.ok, english.message
    assert [ledger_line(sc, e) for e in session.state.ledger] != lines  # now in English


def test_a_game_saved_in_english_verifies_in_another_language(tmp_path, shouting):
    """The other way round: a save written in English verifies in the stand-in language,
    with the same digest."""
    path = tmp_path / "english.json"
    with pytest.MonkeyPatch.context() as english:
        english.setattr(i18n, "_translation", gettext.NullTranslations())
        save_session(_game(5), path)
    digest = json.loads(path.read_text())["state_digest"]
    verdict = verify(path)
    assert verdict.ok, verdict.message
    assert json.loads(path.read_text())["state_digest"] == digest


def test_refusals_are_worded_in_the_language_in_use(shouting):
    """A refusal is data until it is shown: worded in the language in use."""
    sc = default_scenario()
    line = refusal_line(sc, Refusal(RefusalKind.NOT_A_PARTY, ("nato", "joint_exercises")))
    assert line == "NATO IS NOT ONE OF THE PARTIES TO Joint exercises"
