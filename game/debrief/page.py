"""What the printed reports share: one jinja2 environment and the isolation of right-to-left names.

The debrief, the class debrief and the role briefs are jinja2 templates in this package's
`templates/` folder, loaded as package files (never from a path relative to a checkout)
and rendered with autoescaping, so no scenario text can become markup. They extend
`base.html.j2`, which holds the one stylesheet: it reflows to a 320 px screen and prints
without stranding a heading at the foot of a page or splitting a chart.

A name written right to left (a role, milestone or event named in Arabic or Hebrew) inside
an English or Russian line would pull the numbers and names beside it into its own
direction, so that a change seems credited to the wrong delegation. The `bdi` filter
escapes a line and wraps each such name in `<bdi>`, which isolates it; whole paragraphs of
scenario text get `dir="auto"` in the templates instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from game.model.scenario import Scenario
from game.words import _, ngettext
from game.words.i18n import current_language


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The jinja2 environment of the reports: package templates, autoescaping, gettext."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("game.debrief", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(_, ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.filters["bdi"] = bdi
    return env


def render(template: str, **context) -> str:
    """Render one of the package's templates (for example `debrief.html.j2`) to a str.

    Give `names=rtl_names(scenario)` so the `bdi` filter knows which names to isolate."""
    context.setdefault("names", ())
    context.setdefault("lang", current_language())
    return environment().get_template(template).render(**context)


def is_rtl(text: str) -> bool:
    """True if `text` holds a letter written right to left (Hebrew, Arabic, Syriac, ...)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def rtl_names(scenario: Scenario, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Every name in `scenario` (and `extra`) written right to left, longest first."""
    names = {scenario.title, *extra}
    for role in scenario.roles:
        names |= {role.name, role.domestic_label}
    names |= {m.name for m in scenario.milestones} | {e.title for e in scenario.events}
    names |= {a.name for a in scenario.actions} | {e.name for e in scenario.endings}
    names |= {d.name for d in scenario.demands}
    names |= {a.commitment.name for a in scenario.actions if a.commitment}
    if scenario.negotiation is not None:
        for issue in scenario.negotiation.issues:
            names.add(issue.name)
            for option in issue.options:
                names |= {option.name, *(t.name for t in option.terms)}
    return tuple(sorted((n for n in names if n and is_rtl(n)), key=len, reverse=True))


#: How a name is isolated in HTML, and inside SVG text (where <bdi> does not exist).
_ISOLATE = {"html": "<bdi>{}</bdi>", "svg": "<tspan style=\"unicode-bidi:isolate\">{}</tspan>"}


@jinja2.pass_context
def bdi(context, text, within: str = "html") -> Markup:
    """`text` escaped, with every right-to-left name of the render's `names` isolated:
    in `<bdi>`, or `within="svg"` in a `<tspan>` styled `unicode-bidi: isolate`."""
    safe = escape(text)
    names = context.get("names") or ()
    if not names:
        return safe
    wrap = _ISOLATE[within]
    return Markup(_pattern(tuple(names)).sub(lambda m: wrap.format(m.group(0)), str(safe)))


@lru_cache(maxsize=32)
def _pattern(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(str(escape(n))) for n in names))
