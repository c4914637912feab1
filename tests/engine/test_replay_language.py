"""A game saved in one language replays and verifies in another: saves and the replay
digest hold data (ids and numbers), and only game.words turns them into sentences."""

import gettext
import json
import re
import threading

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


@pytest.fixture(autouse=True)
def languages(monkeypatch):
    """The stand-in language `shout` beside the real ones; English again after each test."""
    real = i18n.translation
    monkeypatch.setattr(i18n, "available", lambda: ("en", "ru", "shout"))
    monkeypatch.setattr(i18n, "translation",
                        lambda lang: Shouting() if lang == "shout" else real(lang))
    yield
    i18n.set_language("en")


@pytest.fixture()
def shouting():
    """The stand-in language chosen for one test."""
    i18n.set_language("shout")


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
    i18n.set_language("shout")
    session = _game()
    sc = session.scenario
    lines = [ledger_line(sc, e) for e in session.state.ledger]
    said = [reasoning_line(sc, n.role, n) for n in session.notes]
    assert any("TENSION DRIFTS TOWARD" in line for line in lines)
    assert any(" · " in line and "TRUST IN" in line for line in said)
    path = save_session(session, tmp_path / "shouted.json")
    saved = json.loads(path.read_text())
    assert saved["ledger"] and saved["notes"]
    sentences = [value for value in _strings([saved["ledger"], saved["notes"]])
                 if " " in value and not value.startswith("T ")]  # a talks record: ids by spaces
    assert sentences == [], \
        "the ledger and the reasoning are ids and numbers, never a sentence"
    assert verify(path).ok
    i18n.set_language("en")
    english = verify(path)
    assert english.ok, english.message
    assert [ledger_line(sc, e) for e in session.state.ledger] != lines  # now in English


def test_a_game_saved_in_english_verifies_in_another_language(tmp_path, shouting):
    """The other way round: a save written in English verifies in the stand-in language,
    with the same digest."""
    path = tmp_path / "english.json"
    with i18n.language("en"):
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


def test_a_game_played_in_russian_replays_and_verifies_in_english(tmp_path):
    """The real Russian catalogue: a few rounds played in Russian read in Russian, and the
    save verifies in English, where the same ledger reads in English."""
    i18n.set_language("ru")
    session = _game(7)
    sc = session.scenario
    russian = [ledger_line(sc, e) for e in session.state.ledger]
    assert any("напряжённость стремится к" in line for line in russian)
    path = save_session(session, tmp_path / "russian.json")
    i18n.set_language("en")
    verdict = verify(path)
    assert verdict.ok, verdict.message
    english = [ledger_line(sc, e) for e in session.state.ledger]
    assert any("tension drifts toward" in line for line in english)
    assert not any("напряжённость" in line for line in english)


def test_plural_forms_follow_the_language():
    """Russian has three plural forms; an untranslated plural stays English, never empty."""
    from game.words import ngettext

    forms = {n: None for n in (1, 3, 5, 21, 22, 25, 111)}
    with i18n.language("ru"):
        for n in forms:
            forms[n] = ngettext("{n} error", "{n} errors", n).format(n=n)
        untranslated = ngettext("{n} plural no catalogue has", "{n} plurals no catalogue has",
                                5).format(n=5)
    assert forms == {1: "1 ошибка", 3: "3 ошибки", 5: "5 ошибок", 21: "21 ошибка",
                     22: "22 ошибки", 25: "25 ошибок", 111: "111 ошибок"}
    assert untranslated == "5 plurals no catalogue has"


def test_one_block_reads_another_language_in_its_own_thread_only():
    """`language()` is context-local: a page served in Russian in one thread leaves the
    program's English (and another thread's) untouched."""
    from game.words import _

    seen = {}
    ready, done = threading.Event(), threading.Event()

    def russian_page():
        with i18n.language("ru"):
            seen["inside"] = _("Tension")
            ready.set()
            done.wait(5)
        seen["after"] = _("Tension")

    worker = threading.Thread(target=russian_page)
    worker.start()
    ready.wait(5)
    seen["main"] = _("Tension")
    done.set()
    worker.join(5)
    assert seen == {"inside": "Напряжённость", "main": "Tension", "after": "Tension"}
    with i18n.language("zz"):  # a page's unknown wish keeps the current language
        assert i18n.current_language() == "en"


def test_the_environment_chooses_when_nothing_else_does():
    """LANGUAGE, then LC_ALL, LC_MESSAGES, LANG; unknown or C means English."""
    assert i18n.from_environment({"LANG": "ru_RU.UTF-8"}) == "ru"
    assert i18n.from_environment({"LANGUAGE": "de:ru", "LANG": "en_GB.UTF-8"}) == "ru"
    assert i18n.from_environment({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}) == "en"
    assert i18n.from_environment({"LC_MESSAGES": "", "LANG": "fr_FR"}) == "en"
    assert i18n.from_environment({}) == "en"
    with pytest.raises(i18n.UnknownLanguage, match="available: en, ru"):
        i18n.set_language("xx")
