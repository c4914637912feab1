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
