"""A hosted game in each page's language: its scenario, and a session that reads it.

A host plays its game in one language (`host --lang`), but each page reads its own
(`?lang=`, else the browser's wish). The page's buttons and sentences are translated by
gettext under `language(page_lang)`; the scenario's own texts (events, objectives,
issues, options, actions, terms) come from the scenario, so a page's data must be built
from the scenario in the page's language: the scenario file untranslated, put into that
language by its companion (`game.authoring.companion.for_play`).

That is done only when the file still gives the game's own scenario in some language
(the save may embed a scenario the file no longer matches: then every page reads the
game's scenario as it is). `Worded.session(lang)` is the game's session seen through the
scenario in `lang`: the same state, log and seats, the scenario and its compiled tables
in that language. It is for reading only: moves still go to the game's own session.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from game.authoring.companion import for_play
from game.authoring.loader import ScenarioError, load_scenario
from game.model.scenario import Scenario
from game.rules import compile_scenario
from game.session.session import Session
from game.words.i18n import available, current_language


class Worded:
    """The scenario of one game in each language a page asks for, made once per language."""

    def __init__(self, session: Callable) -> None:
        self._session = session  # the game's session now (a hosted game may swap it)
        self._made_for: Scenario | None = None
        self._english: Scenario | None = None
        self._path: str | None = None
        self._by_lang: dict[str, tuple[Scenario, object]] = {}

    def _reset(self, session: Session) -> None:
        self._made_for, self._by_lang = session.scenario, {}
        self._english, self._path = _source(session), session.scenario_path

    def scenario(self, lang: str | None = None) -> Scenario:
        """The game's scenario in `lang` (else the current language)."""
        return self._made(lang)[0]

    def session(self, lang: str | None = None) -> Session:
        """The game's session reading the scenario in `lang` (else the current language)."""
        session = self._session()
        scenario, game = self._made(lang)
        if scenario is session.scenario:
            return session
        seen = copy.copy(session)
        seen.scenario, seen.game = scenario, game
        return seen

    def _made(self, lang: str | None) -> tuple[Scenario, object]:
        session = self._session()
        if session.scenario is not self._made_for:
            self._reset(session)
        lang = lang or current_language()
        found = self._by_lang.get(lang)
        if found is None:
            scenario = session.scenario
            if self._english is not None:
                scenario = for_play(self._english, self._path, lang)
            game = session.game if scenario == session.scenario else compile_scenario(scenario)
            if game is session.game:
                scenario = session.scenario
            found = self._by_lang[lang] = (scenario, game)
        return found


def _source(session: Session) -> Scenario | None:
    """The untranslated scenario of the game's file, if the file in some language is still
    the game's scenario; else None (every page then reads the game's own scenario)."""
    path = session.scenario_path
    if not path or not Path(path).is_file():
        return None
    try:
        english = load_scenario(path)
    except (ScenarioError, OSError, ValueError):
        return None
    for lang in available():
        if for_play(english, path, lang) == session.scenario:
            return english
    return None
