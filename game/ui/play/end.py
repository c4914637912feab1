"""The End screen: the ending, every score part by part, meter charts, turning points,
commitments kept and broken, and an export of the HTML debrief.

Meter histories and turning points come from `game.session.history`, which reads them
back from the ledger, so the charts show exactly what the ledger explains.
"""

from __future__ import annotations

import pygame

from game.debrief.deal import deal_lines
from game.debrief.debrief import debrief_html
from game.session.history import meter_history, turning_points
from game.session.saves import data_dir, write_atomic
from game.ui.base import Widget
from game.ui.context import Ui
from game.ui.identity import EMBLEMS, GLYPHS, delegations, draw_emblem
from game.ui.play.gamescene import GameScene
from game.ui.play.text import points, prose, role_name, source_label
from game.ui.widgets import Button, Label, Panel
from game.words import _, ngettext, outcome_name, outcome_text, score_label

#: One line of a chart: its name, its value per round, and optionally its colour and
#: marker shape (by default the theme's series colours and the emblems in order).
Series = tuple[str, list[int], tuple[int, int, int] | None, str | None]


class LineChart(Widget):
    """Lines over rounds on a 0-100 scale; each series has its own marker shape."""

    def __init__(self, series: list[Series]) -> None:
        super().__init__()
        self.series = series

    def measure(self, ui: Ui, width: int) -> int:
        return ui.m.u(200)

    def _plot(self, ui: Ui) -> pygame.Rect:
        font = ui.font("small")
        left = font.size("100")[0] + ui.m.u(6)
        return pygame.Rect(self.rect.x + left, self.rect.y + ui.m.u(6),
                           self.rect.width - left - ui.m.u(8),
                           self.rect.height - font.get_linesize() - ui.m.u(10))

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        plot, th = self._plot(ui), ui.theme
        muted = th.style("screen_muted").fg
        for v in (0, 25, 50, 75, 100):
            y = plot.bottom - plot.height * v // 100
            pygame.draw.line(surface, th.colour("track"), (plot.x, y), (plot.right, y), 1)
            img = ui.render(str(v), "small", False, muted)
            surface.blit(img, img.get_rect(midright=(plot.x - ui.m.u(4), y)))
        n = max(1, max(len(s[1]) for s in self.series) - 1)
        for r in range(n + 1):
            x = plot.x + plot.width * r // n
            img = ui.render(str(r), "small", False, muted)
            surface.blit(img, img.get_rect(midtop=(x, plot.bottom + ui.m.u(3))))
        for i, series in enumerate(self.series):
            colour, shape = style_of(th, i, series)
            pts = [(plot.x + plot.width * r // n, plot.bottom - plot.height * v // 100)
                   for r, v in enumerate(series[1])]
            if len(pts) > 1:
                pygame.draw.lines(surface, colour, False, pts, ui.m.u(2))
            for p in pts:
                draw_emblem(surface, shape, p, ui.m.u(4), colour)

    def texts(self) -> list[str]:
        return [f"{name}: {values}" for name, values, *_ in self.series]


def style_of(theme, i: int, series: Series) -> tuple[tuple[int, int, int], str]:
    """The colour and marker shape of the `i`-th series."""
    _name, _values, colour, shape = series
    return (colour or theme.series[i % len(theme.series)], shape or EMBLEMS[i % len(EMBLEMS)])


def chart_panel(title: str, series: list[Series], theme) -> Panel:
    """A chart with a legend naming each line by its marker shape (never colour alone)."""
    legend = []
    for i, line in enumerate(series):
        shape = style_of(theme, i, line)[1]
        name, values = line[0], line[1]
        legend.append(Label(f"{GLYPHS[shape]} {shape}: {name} ({values[0]} → {values[-1]})",
                            "small", False, "panel"))
    return Panel([Label(title, "body", True, "panel_heading"), LineChart(series), *legend])


class EndScene(GameScene):
    """How the game ended, and why each team scored what it did."""

    viewer = None
    shared = True
    heading = ""

    def next_tick(self) -> float | None:
        """Nothing moves on the End screen (the talks timer no longer matters)."""
        return None

    def update(self, dt: float) -> bool:
        return False

    def body(self) -> list[Widget]:
        result = self.session.outcome()
        sc, view = self.scenario, self.view
        out: list[Widget] = []
        self.heading = _("The end")
        # The scores and the debrief button come first, so the room reads the scores and
        # the screen opens with the focus in view at any scale, however long the ending.
        if result is not None:
            self.heading = _("The end: {outcome}").format(outcome=outcome_name(sc, result))
            out.append(self._scoreboard(result))
        out.append(Button(_("Export the debrief (one HTML file)"), self.export,
                          key="end:debrief",
                          detail=self.exported or _("Ending, scores, chart, timeline, questions")))
        self.essential_n = len(out)
        if result is not None:
            out.append(Label(prose(outcome_text(sc, result)), "body"))
        out.append(Button(_("What if…? Replay a round with one decision changed"), self.what_if,
                          key="end:whatif",
                          detail=_("Same seed, same chance; the coach's picks are offered first")))
        out.append(Button(_("Back to the title screen"), self.to_title, key="end:title",
                          detail=_("The scores, charts and commitments are below (PageDown)")))
        if result is not None:
            out += [self._scores(result, role) for role in sc.role_ids]
            names = ", ".join(role_name(sc, r) for r in result.winners())
            out.append(Label(_("Highest score: {names}").format(names=names), "body", True,
                             "accent"))
        out += self._charts()
        deal = self._deal()
        if deal is not None:
            out.append(deal)
        out.append(self._turning_points())
        out.append(self._commitments(view))
        return out

    exported = ""

    def export(self) -> None:
        """Write the HTML debrief next to the saves and say where it is."""
        path = data_dir() / "debriefs" / f"{self.scenario.id}-seed{self.session.seed}.html"
        try:
            write_atomic(path, debrief_html(self.session))
            self.exported = _("Saved: {path}").format(path=path)
        except OSError as exc:
            self.exported = _("Could not save the debrief: {error}").format(
                error=exc.strerror or exc)
        self.invalidate()

    def _deal(self) -> Panel | None:
        """The deal, as the debrief tells it (None for a case without talks)."""
        lines = deal_lines(self.session)
        if not lines:
            return None
        return Panel([Label(lines[0].rstrip(":"), "large", True, "panel_heading"),
                      *(Label(line.strip(), "body", False, "panel") for line in lines[1:])])

    def _turning_points(self) -> Panel:
        sc = self.scenario
        lines = [Label(ngettext(
            "Round {round}: {source} (trust and tension moved {swing} point in all; "
            "tension {tension})",
            "Round {round}: {source} (trust and tension moved {swing} points in all; "
            "tension {tension})", p.swing).format(
                round=p.round, source=source_label(sc, p.entries[0]), swing=p.swing,
                tension=f"{p.tension:+d}"),
            "body", False, "panel") for p in turning_points(self.session.state)]
        return Panel([Label(_("Turning points: the largest swings"), "large", True,
                            "panel_heading"),
                      *(lines or [Label(_("No meter moved."), "body", False, "panel")])])

    def _scoreboard(self, result) -> Panel:
        """Every team's total on one line each, highest first (the parts are below)."""
        sc = self.scenario
        who = delegations(sc, self.app.ui.theme)
        order = sorted(sc.role_ids, key=lambda r: (-result.total(r), sc.role_ids.index(r)))
        best = set(result.winners())
        if len(best) == len(order):  # everyone level: no one is marked
            best = set()
        lines = [Label((_("{glyph} {name}: {points} · highest") if r in best else
                        _("{glyph} {name}: {points}")).format(
                     glyph=who[r].glyph, name=role_name(sc, r), points=points(result.total(r))),
                       "body", r in best, "panel")
                 for r in order]
        return Panel([Label(_("Scores"), "body", True, "panel_heading"), *lines],
                     key="end:scores", gap="border")

    def _scores(self, result, role: str) -> Panel:
        parts = [Label(f"{p.points:+d}  {score_label(self.scenario, result, role, p)}", "body",
                       False, "panel")
                 for p in result.scores[role]]
        glyph = delegations(self.scenario, self.app.ui.theme)[role].glyph
        return Panel([Label(_("{glyph} {name}: {points}").format(
                                glyph=glyph, name=role_name(self.scenario, role),
                                points=points(result.total(role))),
                            "large", True, "panel_heading"),
                      *(parts or [Label(_("No points."), "body", False, "panel")])])

    def _charts(self) -> list[Widget]:
        sc = self.scenario
        history = meter_history(self.session.state, sc)  # the game is over: all is public
        theme = self.app.ui.theme
        who = delegations(sc, theme)
        tension = [(_("Tension"), list(history["tension"].values), None, None)]
        # A → B in A's colour, marked with B's emblem
        trust = [(f"{role_name(sc, a)} → {role_name(sc, b)}",
                  list(history[f"trust.{a}.{b}"].values), who[a].colour, who[b].emblem)
                 for a in sc.role_ids for b in sc.role_ids if a != b]
        support = [(f"{r.name}: {r.domestic_label}", list(history[f"support.{r.id}"].values),
                    who[r.id].colour, who[r.id].emblem) for r in sc.roles]
        return [chart_panel(_("Tension over the rounds"), tension, theme),
                chart_panel(_("Trust over the rounds (A → B in A's colour, marked with B's "
                              "emblem)"), trust, theme),
                chart_panel(_("Domestic support over the rounds"), support, theme)]

    def _commitments(self, view) -> Panel:
        sc = self.scenario
        lines = []
        for c in view.commitments:
            if c.status == "active":
                continue
            line = (_("✓ kept: {name}, {actor} to {recipient} (round {made} to {ended})")
                    if c.status == "kept" else
                    _("✖ broken: {name}, {actor} to {recipient} (round {made} to {ended})"))
            lines.append(Label(line.format(name=c.name, actor=role_name(sc, c.actor),
                                           recipient=role_name(sc, c.recipient), made=c.made,
                                           ended=c.ended), "body", False, "panel"))
        active = [c for c in view.commitments if c.status == "active"]
        if active:
            lines.append(Label(ngettext("{n} still running at the end.",
                                        "{n} still running at the end.", len(active)).format(
                                   n=len(active)), "small", False, "panel_muted"))
        return Panel([Label(_("Commitments kept and broken"), "large", True, "panel_heading"),
                      *(lines or [Label(_("None were kept or broken."), "body", False,
                                        "panel")])])

    def what_if(self) -> None:
        """Open the what-if chooser for this game."""
        self.app.stack.push(self.app.screens.make("whatif", self.session))

    def to_title(self) -> None:
        """Leave the game (it stays saved as the last autosave)."""
        self.app.stack.clear_to(self.app.screens.make("title"))

