"""The key reference of docs/authoring.md, generated from the scenario schema.

Every key of every part of a scenario file, with whether it is required or its
default, the values it takes and what it does, comes straight from the pydantic
models in `game.model.scenario` (their fields, bounds and descriptions), so the
reference cannot drift from what the loader accepts: a test compares the section
in docs/authoring.md with a fresh one. Rewrite it with
`python main.py schema --docs docs/authoring.md`.
"""

from __future__ import annotations

import json

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.authoring.schema_export import scenario_json_schema
from game.model import negotiation as talks
from game.model import scenario as model

BEGIN = "<!-- keys: generated from the schema by `python main.py schema --docs FILE`; do not edit -->"
END = "<!-- keys: end of the generated part -->"

#: Each part of a file: (model, its name, where an author writes it).
PARTS: tuple[tuple[type[BaseModel], str, str], ...] = (
    (model.Scenario, "File", "the top level of the file"),
    (model.Rules, "Rules", "`rules:`"),
    (model.TrustSeed, "Trust seed", "each item of `rules.start_trust:`"),
    (model.RoleSpec, "Role", "each item of `roles:`"),
    (model.ObjectiveSpec, "Objective", "each item of a role's `objectives:`"),
    (model.MilestoneSpec, "Milestone", "each item of `milestones:`"),
    (model.DemandSpec, "Demand", "each item of `demands:`"),
    (model.StartDemand, "Start demand", "each item of `start_demands:`"),
    (model.ActionSpec, "Action", "each item of `actions:`"),
    (model.Requirements, "Requirements", "an action's `requires:`"),
    (model.CommitmentSpec, "Commitment", "an action's `commitment:`"),
    (model.Ratification, "Ratification", "an action's `ratification:`"),
    (model.Effect, "Effect", "each item of `effects`, `on_accept`, `on_decline`, `on_pass`, "
                             "`on_fail`, `on_operating`, `on_suspended` and `on_agreement`"),
    (model.EventSpec, "Event", "each item of `events:`"),
    (model.EndingSpec, "Ending", "each item of `endings:`"),
    (model.Condition, "Condition", "`when:` of events, objectives, endings and walk-away "
                                   "changes, and each item of `any_of`"),
    (model.Span, "Range", "`tension`, `round` and `operating_count` in a condition"),
    (model.TrustTest, "Trust test", "each item of a condition's `trust:`"),
    (model.SupportTest, "Support test", "each item of a condition's `support:`"),
    (model.CountTest, "Count test", "each item of a condition's `commitments_kept:` and "
                                    "`commitments_broken:`"),
    (model.Aftermath, "Aftermath", "`aftermath:`"),
    (talks.Negotiation, "Negotiation", "`negotiation:`"),
    (talks.IssueSpec, "Issue", "each item of `negotiation.issues:`"),
    (talks.OptionSpec, "Option", "each item of an issue's `options:`"),
    (talks.TermSpec, "Term", "each item of an option's `terms:`"),
    (talks.TermRatification, "Term ratification", "an option's `ratification:`"),
    (talks.WalkAway, "Walk-away value", "each value of `negotiation.walk_away:`"),
    (talks.WalkAwayChange, "Walk-away change", "each item of a walk-away value's `changes:`"),
)


def key_reference() -> str:
    """The generated section, markers included, as it stands in docs/authoring.md."""
    defs = scenario_json_schema()["$defs"]
    titles = {m.__name__: name for m, name, _where in PARTS}
    parts = [BEGIN, ""]
    for kind, name, where in PARTS:
        props = defs[kind.__name__]["properties"] if kind is not model.Scenario else \
            scenario_json_schema()["properties"]
        parts += _part(kind, f"{name} ({where})", props, titles)
    return "\n".join(parts + [END])


def _part(kind: type[BaseModel], title: str, props: dict, titles: dict[str, str]) -> list[str]:
    doc = " ".join((kind.__doc__ or "").strip().split("\n\n")[0].split())
    lines = [f"#### {title}", "", doc, "", "| key | required or default | values | what it does |",
             "|---|---|---|---|"]
    for name, info in kind.model_fields.items():
        key = info.alias or name
        lines.append(f"| `{key}` | {_default(info)} | {_values(props[key], titles)} | "
                     f"{_cell(info.description or '')} |")
    return lines + [""]


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    value = info.default_factory() if info.default_factory is not None else info.default
    if value is None:
        return "none"
    if isinstance(value, BaseModel):
        return "every key at its default"
    return f"`{json.dumps(value)}`"


def _values(prop: dict, titles: dict[str, str]) -> str:
    """The values a key takes, in words, from its JSON Schema property."""
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(options) == 1:
            return _values(options[0], titles)
        if any("enum" in p for p in options):
            return "a role id or a role word (`" + "`, `".join(
                next(p["enum"] for p in options if "enum" in p)) + "`)"
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"see *{titles.get(name, name)}*"
    kind = prop.get("type")
    if "enum" in prop or "const" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop.get("enum", [prop.get("const")]))
    if kind == "integer":
        return _number(prop)
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "string":
        return "an id" if "pattern" in prop else "text"
    if kind == "array":
        size = f" (at least {prop['minItems']})" if prop.get("minItems") else ""
        size = f" ({prop['minItems']} to {prop['maxItems']})" if "maxItems" in prop else size
        return f"a list{size} of: " + _values(prop.get("items", {}), titles)
    if kind == "object":
        inner = prop.get("additionalProperties") or next(iter(prop.get("patternProperties", {}).values()), {})
        return "a mapping of id to: " + (_values(inner, titles) if inner else "any value")
    return "see the description"


def _number(prop: dict) -> str:
    low, high = prop.get("minimum"), prop.get("maximum")
    if low is not None and high is not None:
        return f"a whole number, {low} to {high}"
    if low is not None:
        return f"a whole number, at least {low}"
    return "a whole number"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def replace_section(doc: str) -> str:
    """The document with its generated section replaced by a fresh one.

    Raises ValueError if the markers are missing or out of order."""
    start, end = doc.find(BEGIN), doc.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the document has no generated key section ({BEGIN} ... {END})")
    return doc[:start] + key_reference() + doc[end + len(END):]


def section_in(doc: str) -> str:
    """The generated section as it stands in a document (empty if it has none)."""
    start, end = doc.find(BEGIN), doc.find(END)
    return doc[start:end + len(END)] if 0 <= start < end else ""


__all__ = ["BEGIN", "END", "PARTS", "key_reference", "replace_section", "section_in"]
