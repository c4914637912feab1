"""`python main.py new FILE --roles a,b[,c...]`: write a commented starter scenario.

The starter passes `check --strict` and plays to the end as it stands, so an author
starts from something that works and changes one thing at a time, checking after
each change. Every section carries a comment saying what it is for and where
docs/authoring.md explains it. Its `$schema` line names the schema by a path relative
to where the file is written, so editors find it wherever that is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from game.authoring.schema_export import SCHEMA_PATH, relative_schema
from game.files.atomic import write_atomic
from game.words import _

ID = re.compile(r"^[a-z][a-z0-9_]*$")


class StarterError(ValueError):
    """Bad input to `new`; the message is one line for the author."""


def add_arguments(parser) -> None:  # noqa: ANN001 - an argparse parser
    """The `new` command's options."""
    parser.add_argument("file", metavar="FILE", help=_("the scenario file to write (.yaml)"))
    parser.add_argument("--roles", required=True, metavar="ROLE,ROLE[,...]",
                        help=_("2 to 8 role ids, for example washington,moscow"))


def run(args, out: TextIO | None = None, err: TextIO | None = None) -> int:  # noqa: ANN001
    """Write the starter; 0 on success, 2 with one line on `err` on bad input."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        path = with_suffix(Path(args.file))
        roles = parse_roles(args.roles)
        if path.exists():
            raise StarterError(_("{path} already exists; choose another name or move it "
                                 "away first").format(path=path))
        if not path.parent.is_dir():
            raise StarterError(_("the folder {folder} does not exist").format(folder=path.parent))
        write_atomic(path, starter_text(roles, path))
    except StarterError as exc:
        print(_("new: error: {exc}").format(exc=exc), file=err)
        return 2
    except OSError as exc:
        print(_("new: error: cannot write {path}: {why}").format(
            path=args.file, why=exc.strerror or exc), file=err)
        return 2
    print(_("wrote {path}; check it with: python main.py check {path}").format(path=path),
          file=out)
    return 0


def with_suffix(path: Path) -> Path:
    """The file to write: `.yaml` is added to a name without a suffix (`new case` writes
    `case.yaml`), as the game lists .yaml files as scenarios; StarterError for a name
    with another suffix (.yml is kept)."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return path
    if path.suffix:
        raise StarterError(_("{path}: a scenario file ends in .yaml; give a name such as "
                             "{name}.yaml").format(path=path, name=path.stem))
    return path.with_name(path.name + ".yaml")


def parse_roles(text: str) -> list[str]:
    """The role ids from `a,b,c`, or StarterError saying what is wrong."""
    roles = [r.strip() for r in text.split(",") if r.strip()]
    for r in roles:
        if not ID.match(r) or len(r) > 40:
            raise StarterError(_("--roles: {role!r} is not a valid id: use lower-case letters, "
                                 "digits and underscores, starting with a letter").format(role=r))
    if len(set(roles)) != len(roles):
        raise StarterError(_("--roles: each role may be named only once"))
    if not 2 <= len(roles) <= 8:
        raise StarterError(_("--roles: give 2 to 8 roles, for example --roles north,south"))
    return roles


def scenario_id(path: Path) -> str:
    """An id from the file name: `my-case.yaml` -> `my_case`."""
    text = re.sub(r"[^a-z0-9_]+", "_", path.stem.lower()).strip("_")[:40]
    return text if ID.match(text) else "new_case"


def _name(role: str) -> str:
    """A display name from an id: `east_bloc` -> `East Bloc`; a short id of up to three
    letters reads as an abbreviation (`usa` -> `USA`, `eu` -> `EU`), not as `Usa`."""
    if len(role) <= 3 and role.isalpha():
        return role.upper()
    return role.replace("_", " ").title()


def starter_text(roles: list[str], path: Path) -> str:
    """The whole starter file for these roles, written to `path`."""
    schema = relative_schema(path, SCHEMA_PATH)
    parts = [_HEAD.format(schema=schema, id=scenario_id(path), rounds=8),
             "roles:\n" + "".join(_role(r, roles) for r in roles),
             _MILESTONES.format(parties=", ".join(roles)),
             _DEMANDS, _ACTIONS.format(last=roles[-1], first=roles[0]),
             _EVENTS.format(first=roles[0], last=roles[-1]),
             _ENDINGS.format(points0=_points(roles, 0), points8=_points(roles, 8),
                             points4=_points(roles, 4), points2=_points(roles, 2)),
             _DISCUSSION]
    return "\n".join(parts)


def _points(roles: list[str], n: int) -> str:
    return "{" + ", ".join(f"{r}: {n}" for r in roles) + "}"


def _role(role: str, roles: list[str]) -> str:
    partner = roles[(roles.index(role) + 1) % len(roles)]
    return f"""  - id: {role}
    name: {_name(role)}  # the display name: write it as it should read, such as Washington
    description: One line on who the {_name(role)} delegation is.
    domestic_label: {_name(role)} support at home  # name the audience, such as Senate support
    start_support: 55
    briefing: |
      Who you are, what you want from these talks, and what holds you back at
      home. Only this delegation reads its briefing and objectives.
    objectives:
      # Private aims, scored at the end. `self` means this role.
      - id: support_at_home
        text: Finish with support at home at 50 or more.
        points: 2
        when: {{support: [{{role: self, min: 50}}]}}
      - id: trusted_by_{partner}
        text: Bring {_name(partner)}'s trust in you to 45 or more.
        points: 3
        when: {{trust: [{{from: {partner}, to: self, min: 45}}]}}
"""


_HEAD = """\
# yaml-language-server: $schema={schema}
# A starter scenario. It passes `python main.py check` and plays as it stands:
# change one thing at a time and check again. docs/authoring.md explains every key,
# the rules of a round, and every message check can print.

id: {id}
title: "A new case"
summary: |
  A paragraph that sets the scene: when and where, who is at the table, and
  what is at stake. Players read it on the New game screen.
sources:
  # Where the facts come from. Take facts from sources, never their sentences.
  - "Author, title, publisher, date."
rounds: {rounds}

rules:
  # Tension drifts each round toward a baseline: drift_base - mean trust x drift_per_trust / 100.
  points_per_round: 2
  start_tension: 45
  default_trust: 35
  drift_base: 80
  drift_per_trust: 80
  drift_rate: 30
  drift_max: 4
"""

_MILESTONES = """\
milestones:
  # The cooperation track. A milestone operates once every party accepts a proposal
  # (an offer with `establishes:`), after its prerequisites (`requires`) operate and
  # once it has the progress it needs.
  - id: working_channel
    name: Working channel
    description: Regular meetings of experts from every delegation.
    parties: [{parties}]
    progress_needed: 2
    on_operating:
      - {{tension: -4}}
      - {{trust: 3, who: parties, toward: parties}}
    on_suspended:
      - {{tension: 5}}

  - id: joint_measure
    name: Joint measure
    description: A confidence-building measure that every delegation carries out.
    parties: [{parties}]
    requires: [working_channel]
    on_operating:
      - {{tension: -5}}
      - {{support: 2, who: parties}}
    on_suspended:
      - {{tension: 6}}
"""

_DEMANDS = """\
demands:
  # A public demand: backing down from it costs support at home (an audience cost).
  - id: guarantee
    name: a written guarantee
    audience_cost: 6
    satisfied_reward: 6
    backed_down_by: [propose_measure]
"""

_ACTIONS = """\
actions:
  # Each round every delegation spends 2 points on actions costing 1 or 2.
  # Actions resolve by family: transparency, assurance, cooperation, pressure, home_front.
  - id: brief
    name: Brief the others
    family: transparency
    cost: 1
    target: role
    concession: true
    description: Explain your plans to another delegation in detail.
    teaching_note: Builds trust, narrows the fog and adds progress toward the working channel.
    effects:
      - {{trust: 3, who: target, toward: actor}}
      - {{tension: -1}}
      - {{transparency: 1, who: actor, toward: target}}
      - {{progress: 1, milestone: working_channel}}

  - id: propose_channel
    name: Propose a working channel
    family: cooperation
    cost: 1
    offer: true
    concession: true
    establishes: working_channel
    description: Offer regular meetings of experts.
    teaching_note: Every party must accept; the first step on the cooperation track.
    on_accept:
      - {{trust: 2, who: responder, toward: actor}}
    on_decline:
      - {{trust: -2, who: actor, toward: responder}}

  - id: propose_measure
    name: Propose the joint measure
    family: cooperation
    cost: 2
    offer: true
    concession: true
    establishes: joint_measure
    description: Offer to carry out the joint measure together.
    teaching_note: Needs the working channel. Accepting it while making the demand is backing down.
    on_accept:
      - {{trust: 3, who: responder, toward: actor}}
    on_decline:
      - {{trust: -3, who: actor, toward: responder}}
      - {{tension: 2}}

  - id: assurance
    name: Give a written assurance
    family: assurance
    cost: 1
    target: role
    concession: true
    description: Promise in writing not to act against the other delegation's interests.
    teaching_note: A commitment; public criticism of that delegation while it runs breaks it.
    effects:
      - {{trust: 3, who: target, toward: actor}}
      - {{support: -1, who: actor}}
    commitment:
      name: written assurance
      term: 3
      broken_by: [criticise]
      keep_reward: 4
      break_penalty: 10

  - id: make_demand
    name: Demand a written guarantee
    family: assurance
    cost: 1
    roles: [{last}]
    target: role
    makes_demand: guarantee
    description: Say in public that nothing moves without a written guarantee.
    teaching_note: Popular at home; backing down later costs support.
    effects:
      - {{support: 4, who: actor}}
      - {{tension: 3}}

  - id: drop_demand
    name: Set the demand aside
    family: assurance
    cost: 1
    roles: [{last}]
    concession: true
    drops_demand: guarantee
    requires: {{demand_standing: guarantee}}
    description: Accept less than a guarantee for now.
    teaching_note: Pays the audience cost at home, but earns trust abroad.
    effects:
      - {{trust: 3, who: others, toward: actor}}

  - id: give_guarantee
    name: Give the written guarantee
    family: assurance
    cost: 2
    target: role
    concession: true
    satisfies_demand: guarantee
    description: Put the guarantee in writing.
    teaching_note: Meets the demand of a delegation that made it, which gains support at home.
    effects:
      - {{trust: 4, who: target, toward: actor}}
      - {{support: -3, who: actor}}

  - id: criticise
    name: Criticise in public
    family: pressure
    cost: 1
    target: role
    description: Accuse another delegation of bad faith in public.
    teaching_note: Popular at home; raises tension, costs trust and breaks assurances.
    effects:
      - {{trust: -4, who: target, toward: actor}}
      - {{tension: 4}}
      - {{support: 2, who: actor}}

  - id: withdraw
    name: Withdraw from an arrangement
    family: pressure
    cost: 1
    target: milestone
    withdraws: true
    description: Pull out of an arrangement that operates.
    teaching_note: Suspends it and everything built on it.
    effects:
      - {{trust: -5, who: others, toward: actor}}
      - {{tension: 4}}

  - id: case_at_home
    name: Make the case at home
    family: home_front
    cost: 1
    description: Explain the talks to the sceptics at home.
    teaching_note: Restores support at home; changes nothing abroad.
    effects:
      - {{support: 3, who: actor}}
"""

_EVENTS = """\
events:
  # At the start of each round: the first scripted event for that round, else the
  # first conditional event whose `when` holds, else a draw from the deck.
  - id: opening_statements
    title: Opening statements
    text: Each delegation sets out its position in public.
    kind: scripted
    round: 1
    effects:
      - {{tension: 1}}

  - id: press_interest
    title: The press takes an interest
    text: Reporters ask every delegation what it will give.
    kind: deck
    weight: 2
    effects:
      - {{support: -2, who: all}}

  - id: quiet_week
    title: A quiet week
    text: Nothing much moves outside the room.
    kind: deck
    weight: 3
    once: false

  - id: leaders_call
    title: Leaders call for calm
    text: With tension high, the leaders ask their delegations to calm things down.
    kind: conditional
    when: {{tension: {{min: 75}}}}
    effects:
      - {{tension: -5}}
"""

_ENDINGS = """\
endings:
  # Checked in this order when the game ends; the first that holds wins. Keep a
  # catch-all (`when: {{}}`) last, and give every role points in every ending.
  - id: breakdown
    name: Breakdown
    text: Tension reached its limit and the talks collapsed.
    when: {{breakdown: true}}
    points: {points0}

  - id: agreement
    name: Agreement
    text: The joint measure operates.
    when: {{operating: [joint_measure]}}
    points: {points8}

  - id: channel_only
    name: A channel, no more
    text: The experts meet, but nothing more came of it.
    when: {{operating: [working_channel]}}
    points: {points4}

  - id: no_progress
    name: No progress
    text: The rounds ran out with nothing in place.
    when: {{}}
    points: {points2}
"""

_DISCUSSION = """\
discussion:
  # Questions for the debrief.
  - Which round was the turning point, and what made it one? Use the ledger.
  - Did any delegation back down from a public demand? What did it cost at home?
"""
