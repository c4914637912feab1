"""The HTML outputs say which language they are written in: `lang` is the current
language, never a hard-coded 'en', so readers' browsers pick fonts, hyphenation and
speech for it; the Russian words appear where the catalogue has them."""

from __future__ import annotations

import pytest

from game.debrief.briefs import briefs_html
from game.debrief.classdebrief import class_debrief_html
from game.debrief.debrief import debrief_html
from game.words import i18n
from tests.reports.test_reports import SC, game


@pytest.fixture(scope="module")
def played():
    return game(7)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_debriefs_and_briefs_carry_the_current_language(played, lang):
    with i18n.language(lang):
        pages = [debrief_html(played), class_debrief_html({"Table 1": played, "Table 2": game(8)}),
                 briefs_html(SC)]
    for html in pages:
        assert f'<html lang="{lang}">' in html
    assert ("Итоги" in pages[0]) == (lang == "ru")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_lab_report_carries_the_current_language(lang):
    from game.lab.html import report_html
    from tests.ai.test_simulate import FOUR, _record, _report, load_scenario

    report = _report(load_scenario(FOUR), [_record("no_progress", (1, 0, 0, 0))])
    with i18n.language(lang):
        assert f'<html lang="{lang}">' in report_html(report)
