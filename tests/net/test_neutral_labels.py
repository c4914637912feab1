"""Students and teachers read an AI delegation's position in neutral words ("Moscow, 2011
position", "wants it in writing"), never a persona's id ("holdout"): on the facilitator's
page, in the host's terminal and in the line a change of seat prints. Ids stay in files
and flags (the seat pickers' values)."""

from __future__ import annotations

import json
import re

from game.ai import PERSONAS
from game.net import desk
from game.net.reseat import reseat
from tests.net.conftest import make_game

SHOWN_ID = re.compile(rf"\b({'|'.join(PERSONAS)})\b")


def shown_words(data) -> list[str]:
    """Every string of the host page's data a reader sees: the values, not the keys; the
    seats' persona ids and the pickers' option values (ids) are left out."""
    out: list[str] = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "personas" and isinstance(v, dict):
                    out.extend(v.values())  # {id: label}: the labels are what a picker shows
                elif k not in ("persona", "personas", "role", "id", "token", "code", "kind"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str):
            out.append(node)
    walk(data)
    return out


def test_the_host_page_names_ai_seats_by_their_position(tmp_path, scenario):
    game = make_game(tmp_path, scenario, ["moscow=holdout", "nato=legalist:hard"])
    data = game.host_data()
    seats = {s["role"]: s for s in data["seats"]}
    assert seats["moscow"]["persona_label"] == "Moscow, 2011 position"
    assert seats["nato"]["persona_label"] == "wants it in writing, harder"
    assert seats["washington"]["persona_label"] is None
    assert seats["moscow"]["personas"]["holdout"] == "Moscow, 2011 position"
    assert seats["washington"]["personas"]["holdout"] == "keeps its demand until assured"
    assert set(seats["nato"]["personas"]) == set(PERSONAS)  # the values a picker sends stay ids
    words = shown_words(json.loads(json.dumps(data)))
    assert words and not [w for w in words if w in PERSONAS or re.search(r"AI: \w+$", w)]
    labels = [label for s in data["seats"] for label in s["personas"].values()]
    assert not [w for w in labels if SHOWN_ID.fullmatch(w)]


def test_the_new_table_form_offers_positions_in_words_in_each_language():
    choices = desk.scenario_choices("en")
    default = next(c for c in choices if c["file"] == "missile-defence-2011.yaml")
    moscow = next(r for r in default["roles"] if r["id"] == "moscow")
    assert moscow["personas"]["holdout"] == "Moscow, 2011 position"
    assert not [label for c in choices for r in c["roles"] for label in r["personas"].values()
                if label in PERSONAS]
    russian = desk.scenario_choices("ru")
    moscow_ru = next(r for c in russian if c["file"] == "missile-defence-2011.yaml"
                     for r in c["roles"] if r["id"] == "moscow")
    assert moscow_ru["personas"]["holdout"] != "Moscow, 2011 position"


def test_a_change_of_seat_names_the_position_not_the_id(tmp_path, scenario):
    game = make_game(tmp_path, scenario)
    line = reseat(game.session, game.secrets, "moscow", "holdout")
    assert line == "Moscow now plays: as an AI delegation (Moscow, 2011 position)."
    assert not SHOWN_ID.search(line)
