"""The guided first game: the coach's steps, loaded from a data file next to the scenario.

A tutorial file (`scenarios/tutorials/<scenario file name>`: beside the scenario, in a
folder of its own so that nothing listing `scenarios/*.yaml` takes it for a scenario)
names the student's role, the AI personas, the seed, how many rounds the coach guides,
and the coach's steps. Each step
brings in one idea at one moment of a round: before the student's orders ("orders"),
before its answers ("answers": in the first guided round from the step's own in which
offers came in) or once the round is revealed ("resolved"). Which steps apply is a pure
function of the round, the moment and what the coach has already shown, so the window
and the text mode share it and tests check it.

The coach speaks the game's language: a companion `NAME.<lang>.yaml` beside the tutorial
file (keys `welcome`, `farewell`, `steps.<id>.title`, `steps.<id>.text`, `steps.<id>.try`;
see game.authoring.tutorial_companion) gives its texts in that language. Each text falls
back to English on its own when its key is missing or stale (its `en:` is no longer the
tutorial's English), so a changed step never shows an out-of-date translation.

Whether the guided game was started or turned down is remembered in the data directory,
so it is offered first on a first run and never comes back unasked.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.ai import persona_problem
from game.authoring.problems import Problem, ScenarioError, SourceMap
from game.authoring.schema_messages import validation_problems
from game.authoring.tutorial_companion import current_texts, tutorial_texts
from game.authoring.yaml_tree import parse, plain
from game.files.atomic import write_atomic
from game.model.actions import Action, BadMoveText
from game.model.scenario import Scenario
from game.session.session import Seat, Session
from game.words import _, i18n

Moment = Literal["orders", "answers", "resolved"]
Idea = Literal["meters_and_ledger", "offer_and_answer", "commitment", "guarantee_and_ratification",
               "fog_and_transparency", "talks_and_conditions"]
#: The ideas a guided game must bring in, each in at least one step.
IDEAS: tuple[str, ...] = get_args(Idea)


class CoachStep(BaseModel):
    """One thing the coach says, at one moment of one round."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str = Field(description="A unique name for the step, for tests and progress.")
    idea: Idea = Field(description="The idea this step brings in.")
    round: int = Field(ge=1, description="The round in which the step is shown.")
    moment: Moment = Field(description="orders, answers (only if offers came in) or resolved.")
    title: str = Field(min_length=1, description="A short heading.")
    text: str = Field(min_length=1, description="What the coach says, in plain words.")
    suggest: tuple[str, ...] = Field(default=(), description="Orders the coach suggests, as "
                                     "action ids with an optional @target (e.g. brief_plans@moscow).")
    try_: str | None = Field(default=None, alias="try",
                             description="The suggestion in words, shown under the text.")
    odds: tuple[str, ...] = Field(default=(), description="Orders whose ratification odds "
                                  "are shown with the step, from the student's menu as it stands "
                                  "(action ids with an optional @target).")
    conditions: tuple[str, ...] = Field(default=(), description="Roles whose last words in "
                                        "the talks (their stated conditions) are shown with the "
                                        "step.")


class Tutorial(BaseModel):
    """A guided first game on one scenario."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scenario: str = Field(description="The id of the scenario this tutorial guides.")
    role: str = Field(description="The role the student plays.")
    seed: int = Field(ge=0, description="The seed, so every student meets the same chance.")
    personas: dict[str, str] = Field(description="The persona of each other role (role -> persona).")
    guided_rounds: int = Field(ge=1, le=10, description="How many rounds the coach guides.")
    welcome: str = Field(min_length=1, description="Shown when the guided game starts.")
    steps: tuple[CoachStep, ...] = Field(min_length=1, description="The coach's steps, in order.")
    farewell: str = Field(min_length=1, description="Shown when the coach steps back.")


class TutorialError(ValueError):
    """A tutorial file that cannot be used; the message locates every problem."""


def tutorial_path(scenario_path: str | Path) -> Path:
    """The tutorial file beside a scenario: `scenarios/x.yaml` -> `scenarios/tutorials/x.yaml`."""
    path = Path(scenario_path)
    return path.parent / "tutorials" / path.name


def load_tutorial(path: str | Path, scenario: Scenario, lang: str | None = None) -> Tutorial:
    """Read, validate and cross-check a tutorial file; raise TutorialError naming each problem.

    Its texts are in `lang` (by default the current language) where its companion in that
    language has them, else in English (see `in_language`)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise TutorialError(_("{f}: cannot read the guided game ({why})").format(
            f=path, why=exc.strerror or exc)) from None
    source = SourceMap(str(path))
    try:
        tutorial = Tutorial.model_validate(plain(parse(text, str(path)), (), source), by_alias=True)
    except ScenarioError as exc:
        raise TutorialError(str(exc)) from None
    except ValidationError as exc:
        raise TutorialError(str(ScenarioError(_problems(exc, source)))) from None
    problems = cross_check(tutorial, scenario)
    if problems:
        raise TutorialError("\n".join(f"{path}: {p}" for p in problems))
    return in_language(tutorial, path, lang or i18n.current_language())


def english_texts(tutorial: Tutorial) -> dict[str, str]:
    """The tutorial's texts by the keys its companions use (`welcome`, `steps.<id>.text`, ...)."""
    return tutorial_texts(tutorial.model_dump(mode="json", by_alias=True, exclude_none=True))


def in_language(tutorial: Tutorial, path: str | Path, lang: str) -> Tutorial:
    """The tutorial with each text its companion in `lang` (beside `path`) translates, for
    the current English only; every other text stays English."""
    wanted = current_texts(path, english_texts(tutorial), lang)
    if not wanted:
        return tutorial

    def text(key: str, english):
        return wanted.get(key, english)

    steps = tuple(step.model_copy(update={
        "title": text(f"steps.{step.id}.title", step.title),
        "text": text(f"steps.{step.id}.text", step.text),
        "try_": text(f"steps.{step.id}.try", step.try_) if step.try_ is not None else None,
    }) for step in tutorial.steps)
    return tutorial.model_copy(update={"welcome": text("welcome", tutorial.welcome),
                                       "farewell": text("farewell", tutorial.farewell),
                                       "steps": steps})


def _problems(exc: ValidationError, source: SourceMap) -> list[Problem]:
    """Located problems; unknown keys list this file's keys, not the scenario's."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if err["type"] != "extra_forbidden":
            continue
        model = CoachStep if len(loc) == 3 and loc[0] == "steps" else Tutorial
        keys = [f.alias or name for name, f in model.model_fields.items()]
        close = difflib.get_close_matches(str(loc[-1]), keys, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(keys)}"
        out.append(source.problem(loc, f"unknown key '{loc[-1]}'; {hint}", key=True))
    rest = [e for e in exc.errors(include_url=False) if e["type"] != "extra_forbidden"]
    if rest:
        out += validation_problems(ValidationError.from_exception_data(exc.title, rest), source)
    return out


def cross_check(tutorial: Tutorial, scenario: Scenario) -> list[str]:
    """Problems with how a tutorial fits its scenario, each as `where: what to fix`."""
    roles = scenario.role_ids
    out = []
    if tutorial.scenario != scenario.id:
        out.append(f"scenario: {tutorial.scenario!r} is not this scenario ({scenario.id!r})")
    if tutorial.role not in roles:
        out.append(f"role: unknown role {tutorial.role!r}; choose from {', '.join(roles)}")
    missing = [r for r in roles if r != tutorial.role and r not in tutorial.personas]
    if missing:
        out.append(f"personas: give a persona for {', '.join(missing)}")
    for role, name in tutorial.personas.items():
        problem = persona_problem(name) if role in roles else f"unknown role {role!r}"
        if problem:
            out.append(f"personas.{role}: {problem}")
    out += _check_steps(tutorial, scenario)
    return out


def _check_steps(tutorial: Tutorial, scenario: Scenario) -> list[str]:
    out, ids = [], set()
    actions = {a.id: a for a in scenario.actions}
    for i, step in enumerate(tutorial.steps):
        if step.id in ids:
            out.append(f"steps[{i}].id: {step.id!r} is used twice")
        ids.add(step.id)
        if step.round > tutorial.guided_rounds:
            out.append(f"steps[{i}].round: {step.round} is after the guided rounds "
                       f"({tutorial.guided_rounds})")
        for role in step.conditions:
            if role not in scenario.role_ids or role == tutorial.role:
                out.append(f"steps[{i}].conditions: {role!r} is not another role of the scenario")
        for text in (*step.suggest, *step.odds):
            try:
                action = Action.from_text(f"{tutorial.role}:{text}")
            except BadMoveText:
                action = None
            spec = actions.get(action.action_id) if action else None
            if spec is None or (spec.roles and tutorial.role not in spec.roles):
                out.append(f"steps[{i}].suggest: {text!r} is not an action {tutorial.role} can take")
            elif not _aim_allowed(spec, tutorial.role, action.target):
                out.append(f"steps[{i}].suggest: {text!r}: {tutorial.role} cannot aim "
                           f"{action.action_id} at {action.target}")
    absent = [idea for idea in IDEAS if idea not in {s.idea for s in tutorial.steps}]
    if absent:
        out.append(f"steps: no step brings in {', '.join(absent)}")
    return out


def _aim_allowed(spec, role: str, target: str | None) -> bool:
    """Whether the scenario lets `role` aim `spec` at `target` (scenarios may limit aims)."""
    aims = getattr(spec, "aims", None) or {}
    return role not in aims or target in aims[role]


# --- which step applies ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CoachState:
    """What the coach has shown so far, and whether the student has left the guided game."""

    shown: frozenset[str] = frozenset()
    left: bool = False
    done: bool = False  # the coach has said farewell


def steps_at(tutorial: Tutorial, state: CoachState, round_no: int, moment: Moment,
             offers: bool = False) -> tuple[list[CoachStep], CoachState]:
    """The steps to show now (pure) and the coach's state once they are shown.

    `round_no` is the round being played (for "orders"/"answers") or just revealed
    ("resolved"); an "answers" step applies only when `offers` came in, in the first guided
    round from its own that has any. Each step is shown once; nothing is shown after the
    student left or the coach said farewell."""
    if state.left or state.done:
        return [], state
    due = [s for s in tutorial.steps if s.moment == moment and s.id not in state.shown
           and _due_round(s, round_no, tutorial.guided_rounds) and (moment != "answers" or offers)]
    return due, replace(state, shown=state.shown | {s.id for s in due})


def _due_round(step: CoachStep, round_no: int, guided: int) -> bool:
    """An "answers" step waits from its round for the first guided round with offers;
    every other step belongs to its round alone."""
    if step.moment == "answers":
        return step.round <= round_no <= guided
    return step.round == round_no


def farewell_due(tutorial: Tutorial, state: CoachState, resolved_round: int) -> bool:
    """True once the last guided round has been revealed and the coach has not left yet."""
    return not (state.left or state.done) and resolved_round >= tutorial.guided_rounds


def suggested(step: CoachStep, role: str) -> tuple[Action, ...]:
    """A step's suggested orders as actions of `role`."""
    return tuple(Action.from_text(f"{role}:{s}") for s in step.suggest)


def step_facts(step: CoachStep, session: Session, role: str) -> list[str]:
    """Lines shown under a step's text, from the game as it stands: the ratification odds of
    the orders in `step.odds` (the turn service's stakes, as the menu shows them), and with
    what each role in `step.conditions` last said in the talks."""
    from game.session.turns import turn
    from game.words.coaching import no_conditions, odds_note

    out = []
    if step.odds:
        now = turn(session, role)
        for action in (Action.from_text(f"{role}:{t}") for t in step.odds):
            item = now.find(action)
            if item is not None and item.stakes.odds is not None:
                out.append(odds_note(item.label, item.stakes.line))
    if step.conditions:
        said = stated_conditions(session, role, step.conditions)
        out += said or [no_conditions()]
    return out


def stated_conditions(session: Session, role: str, who: tuple[str, ...] = ()) -> list[str]:
    """What each other delegation (or those in `who`) last said in the talks that `role`
    may read, one line each (its reason for its latest message: what it needs, what it would
    give, what would change its mind), in role order."""
    from game.words import reasoning_line

    latest = {}
    for note in session.notes:
        if note.role != role and note.audience is not None and note.readable_by(role) and (
                not who or note.role in who):
            latest[note.role] = note
    return [reasoning_line(session.scenario, r, latest[r]) for r in session.scenario.role_ids
            if r in latest]


def suggested_moves(tutorial: Tutorial) -> dict[tuple[int, str], tuple[Action, ...]]:
    """{(round, the student's role): the orders the coach suggests in that round}."""
    out: dict[tuple[int, str], tuple[Action, ...]] = {}
    for step in tutorial.steps:
        if step.suggest:
            key = (step.round, tutorial.role)
            out[key] = out.get(key, ()) + suggested(step, tutorial.role)
    return out


def guided(session: Session) -> Tutorial | None:
    """The tutorial `session` was started from, or None: a game on a scenario with a
    tutorial file, with the tutorial's seed, its role the one human seat and its personas
    in the other seats."""
    if not session.scenario_path:
        return None
    path = tutorial_path(session.scenario_path)
    if not path.is_file():
        return None
    try:
        tutorial = load_tutorial(path, session.scenario)
    except TutorialError:
        return None
    seats = session.seats
    if session.seed != tutorial.seed or tutorial.role not in seats:
        return None
    if any(seat.human != (role == tutorial.role) or
           (not seat.human and seat.persona != tutorial.personas.get(role))
           for role, seat in seats.items()):
        return None
    return tutorial


def guide_suggestions(session: Session) -> dict[tuple[int, str], tuple[Action, ...]]:
    """The orders a coach suggested in `session`, by (round, role); empty for a game that
    was not guided. The debrief's coach never counts these against the student."""
    tutorial = guided(session)
    return suggested_moves(tutorial) if tutorial is not None else {}


def tutorial_session(tutorial: Tutorial, scenario: Scenario, scenario_path: str | None = None,
                     on_save=None) -> Session:
    """The guided game: the student's seat human, the others played by the tutorial's personas."""
    seats = {r: Seat(r == tutorial.role, tutorial.personas.get(r, "reciprocator"))
             for r in scenario.role_ids}
    return Session(scenario, tutorial.seed, seats, None, scenario_path, on_save)


# --- remembering the offer ------------------------------------------------------------------------

def memory_path() -> Path:
    """Where the game remembers the guided game: tutorial.json in the data directory."""
    from game.session.saves import data_dir

    return data_dir() / "tutorial.json"


def offer_first() -> bool:
    """True until the student has started or turned down the guided game once.

    A missing or damaged memory file means a first run; a data directory that cannot be
    read at all (it is a file, say) does not, so a broken setup never pushes the guide."""
    try:
        data = json.loads(memory_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    except ValueError:
        return True
    return not (isinstance(data, dict) and data.get("answered"))


def remember(how: str) -> bool:
    """Record that the guided game was started, left, finished or turned down; False if
    the data directory cannot be written (the game goes on; it is only a courtesy)."""
    try:
        write_atomic(memory_path(), json.dumps({"answered": True, "last": how}))
    except OSError:
        return False
    return True
