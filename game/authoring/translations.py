"""Scenario translations: the texts of a scenario by key, and a companion file that
carries them in another language.

A scenario `NAME.yaml` may have companions `NAME.<lang>.yaml` beside it, for example
`missile-defence-2011.ru.yaml`:

    language: ru
    texts:
      title:
        en: Missile defence in Europe, 2011
        ru: Противоракетная оборона в Европе, 2011 год

Each key names one text of the scenario by ids (`roles.moscow.briefing`,
`actions.brief_plans.name`, `negotiation.issues.assurance.options.legal.name`,
`discussion.2`); `en` is the English text it translates, so a text changed since is
found stale; `ru` (the companion's language) is the translation. `texts(scenario)` lists
the keys a companion should carry; `translated(scenario, companion)` is the scenario in
the companion's language. Ids, numbers and sources are never translated.
"""

from __future__ import annotations

from typing import Any

from game.model.scenario import Scenario

#: The fields that hold words a player reads; every other field is an id, a number, a
#: reference or a source.
TEXT_FIELDS = frozenset({"title", "summary", "name", "description", "teaching_note", "text",
                         "briefing", "domestic_label", "question", "paragraphs", "discussion"})


def texts(scenario: Scenario) -> dict[str, str]:
    """Every translatable text of the scenario by its key, in file order."""
    out: dict[str, str] = {}
    _walk(scenario.model_dump(mode="json", by_alias=True, exclude_none=True), "", out)
    return out


def _walk(node: Any, path: str, out: dict[str, str], field: str = "") -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _walk(value, f"{path}.{key}" if path else key, out, key)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            name = item.get("id") if isinstance(item, dict) else None
            _walk(item, f"{path}.{name if name is not None else i}", out, field)
    elif isinstance(node, str) and field in TEXT_FIELDS:
        out[path] = node


def translated(scenario: Scenario, companion: dict[str, Any]) -> Scenario:
    """The scenario with each text the companion translates replaced by its translation
    (`companion["texts"][key][companion["language"]]`); texts it lacks stay English.
    Raises KeyError for a companion without `language`."""
    lang = companion["language"]
    wanted = {k: v[lang] for k, v in (companion.get("texts") or {}).items()
              if isinstance(v, dict) and isinstance(v.get(lang), str)}
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    _replace(data, "", wanted, "")
    return Scenario.model_validate(data)


def _replace(node: Any, path: str, wanted: dict[str, str], field: str) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = _replace(value, f"{path}.{key}" if path else key, wanted, key)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            name = item.get("id") if isinstance(item, dict) else None
            node[i] = _replace(item, f"{path}.{name if name is not None else i}", wanted, field)
    elif isinstance(node, str) and field in TEXT_FIELDS and path in wanted:
        return wanted[path]
    return node
