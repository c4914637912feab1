"""Each hosted page reads its own language: `?lang=` or the browser's Accept-Language
choose the page's words and its `lang`, and its hello carries the language to the state
the server sends it, so teams in one game read different languages."""

from __future__ import annotations

import json
import re

import pytest

from game.words import i18n
from tests.engine.test_replay_language import Shouting
from tests.net.test_api import hello, opened, token


@pytest.fixture()
def shouting(monkeypatch):
    real = i18n.translation
    monkeypatch.setattr(i18n, "available", lambda: ("en", "ru", "shout"))
    monkeypatch.setattr(i18n, "translation", lambda lang: Shouting() if lang == "shout" else real(lang))


def test_a_page_is_served_in_the_language_it_asks_for(client):
    russian = client.get("/team?lang=ru").text
    assert '<html lang="ru">' in russian and '/texts.js?lang=ru"' in russian
    assert '<html lang="en">' in client.get("/team").text
    by_browser = client.get("/board", headers={"Accept-Language": "de-DE,ru;q=0.8,en;q=0.5"}).text
    assert '<html lang="ru">' in by_browser
    assert '<html lang="en">' in client.get("/join?lang=xx").text  # an unknown wish: the host's


def test_the_page_words_come_in_the_page_language(client):
    assert "Напряжённость" in client.get("/texts.js?lang=ru").text
    assert "Напряжённость" not in client.get("/texts.js").text


def test_two_teams_of_one_game_read_two_languages(client, hosted, shouting):
    pages = {}
    for role, lang in (("moscow", "shout"), ("washington", "en")):
        ws = client.websocket_connect("/ws")
        ws.__enter__()
        opened(client, ws)
        first = hello(ws, **{"as": "team", "token": token(hosted, role), "lang": lang})
        assert first["type"] == "state", first
        pages[lang] = json.dumps(first["data"], ensure_ascii=False)
    shouted = json.loads(pages["shout"])
    english = json.loads(pages["en"])
    assert shouted != english
    assert "ROUND" in pages["shout"].upper() and pages["shout"] != pages["shout"].lower()
    assert i18n.current_language() == "en", "the host's own language is untouched"



def test_a_talk_reply_reads_the_page_language(client, hosted):
    """The page posts its talk to /api/talk?lang=...; without one, the browser's wish."""
    body = {"token": token(hosted, "nato"), "key": "lang-talk-01", "kind": "propose", "to": []}
    english = client.post("/api/talk", json=body).json()["error"]
    russian = client.post("/api/talk?lang=ru", json={**body, "key": "lang-talk-02"}).json()["error"]
    by_browser = client.post("/api/talk", json={**body, "key": "lang-talk-03"},
                             headers={"Accept-Language": "ru-RU,ru;q=0.9"}).json()["error"]
    assert "delegation" in english and russian == by_browser
    assert re.search("[а-я]", russian) and "delegation" not in russian
    assert i18n.current_language() == "en", "the host's own language is untouched"


def test_a_join_refusal_reads_the_page_language(client):
    russian = client.post("/api/join?lang=ru", json={"code": "NOPE99"}).json()["error"]
    english = client.post("/api/join", json={"code": "NOPE98"}).json()["error"]
    assert "join code" in english and re.search("[а-я]", russian)


def _page(game, role, lang):
    from game.words.i18n import language

    with language(lang):
        return game.team_data(role), game.board_data()


def _companion_ru(english_text):
    """The Russian the scenario's companion gives for one English text of it."""
    from game.authoring.companion import companion_path, read_companion
    from game.authoring.scenarios import DEFAULT_SCENARIO

    data, _source = read_companion(companion_path(DEFAULT_SCENARIO, "ru"))
    found = [entry["ru"] for entry in data["texts"].values() if entry.get("en") == english_text]
    assert found, english_text
    return found[0]


@pytest.mark.parametrize("host_lang", ["en", "ru"])
def test_each_page_reads_the_scenario_in_its_own_language(tmp_path, host_lang):
    """A page's scenario texts (event, objectives, issues, options, orders, terms) follow the
    page's language, whatever the host plays in: as the scenario's companion translates them."""
    from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
    from game.words.i18n import language
    from tests.net.conftest import make_game

    with language(host_lang):
        game = make_game(tmp_path, load_for_play(DEFAULT_SCENARIO))
    with language("en"):
        english = load_for_play(DEFAULT_SCENARIO)
    (en, en_board), (ru, ru_board) = _page(game, "moscow", "en"), _page(game, "moscow", "ru")
    title = en["event"]["title"]
    assert title in {e.title for e in english.events}
    assert ru["event"]["title"] == _companion_ru(title) != title
    assert ru_board["event"]["title"] == ru["event"]["title"] and en_board["event"]["title"] == title
    goals = {o.id: o.text.strip() for o in english.role("moscow").objectives}
    assert [o["text"] for o in en["objectives"]] == [goals[o["id"]] for o in en["objectives"]]
    assert [o["text"] for o in ru["objectives"]] == [_companion_ru(goals[o["id"]]) for o in en["objectives"]]
    issues = [i["name"] for i in en["talks"]["issues"]]
    assert issues == [i.name for i in english.negotiation.issues]
    assert [i["name"] for i in ru["talks"]["issues"]] == [_companion_ru(n) for n in issues]
    assert en["menu"][0]["label"] != ru["menu"][0]["label"]
    assert en["band"] != ru["band"] and en["phase_label"] != ru["phase_label"]
    assert re.search("[а-я]", ru["phase_label"]) and not re.search("[а-я]", en["phase_label"])
    assert not re.search("[а-я]", json.dumps(en, ensure_ascii=False)), "an English page is English"


def test_a_russian_page_of_an_english_host_gets_russian_scenario_texts(client, hosted):
    """Over the connection: the hello's language chooses the scenario's words too."""
    pages = {}
    for role, lang in (("moscow", "ru"), ("nato", "en")):
        ws = client.websocket_connect("/ws")
        ws.__enter__()
        opened(client, ws)
        pages[lang] = hello(ws, **{"as": "team", "token": token(hosted, role), "lang": lang})["data"]
    assert pages["ru"]["event"]["title"] == _companion_ru(pages["en"]["event"]["title"])
    issue = pages["en"]["talks"]["issues"][0]["name"]
    assert pages["ru"]["talks"]["issues"][0]["name"] == _companion_ru(issue)
