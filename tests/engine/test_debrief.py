"""The debrief: a self-contained HTML file with every part a class discusses."""

from game.debrief.debrief import debrief_html
from game.session.history import meter_history, turning_points
from game.session.session import Seat, Session
from tests.helpers import default_scenario

SC = default_scenario()


def finished(seed=7):
    s = Session(SC, seed, {r: Seat(False) for r in SC.role_ids})
    s.play_ai()
    return s


def test_debrief_has_every_section():
    """It holds the ending, scores, a chart, turning points, commitments, timeline and questions."""
    s = finished()
    html = debrief_html(s)
    for heading in ("Ending:", "Scores", "The meters over the game", "Turning points",
                    "Commitments", "Timeline", "Questions for discussion"):
        assert heading in html
    assert "<svg" in html and all(q.split("?")[0][:40] in html for q in SC.discussion[:1])


def test_debrief_is_self_contained():
    """Nothing is fetched: no scripts, stylesheets or images from elsewhere."""
    html = debrief_html(finished())
    assert "<script" not in html and "src=" not in html and "<link" not in html


def test_history_ends_at_the_final_meters():
    """The chart's last values are the final meter values, rebuilt from the ledger alone."""
    s = finished()
    history = meter_history(s.state, SC)
    assert history["tension"].values[-1] == s.state.tension
    assert len(history["tension"].values) == len(s.state.records) + 1
    for r in SC.role_ids:
        assert history[f"support.{r}"].values[-1] == s.state.support[r]


def test_turning_points_are_the_largest_swings():
    """Turning points are sorted by the size of their swing in tension and trust."""
    points = turning_points(finished().state, count=5)
    assert [p.swing for p in points] == sorted((p.swing for p in points), reverse=True)


def test_debrief_lists_the_scenario_sources():
    """The debrief ends with the scenario's sources, so the class can read them afterwards."""
    html = debrief_html(finished())
    assert "Sources" in html and all(src.split(",")[0] in html.replace("&quot;", '"')
                                     for src in SC.sources)
