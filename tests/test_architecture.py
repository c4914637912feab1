"""Architecture rules that keep the game headless below the UI and deterministic."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_headless_packages_never_load_pygame():
    """Importing the model, rules, AI, engine and text mode does not load pygame at all."""
    code = ("import sys, game.model.scenario, game.rules, game.ai, game.session.session, "
            "game.session.saves, game.session.replay, game.debrief.debrief, game.textui.main, game.words; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_no_global_randomness_in_the_game():
    """The rules, AI and engine never draw from the global random module."""
    pattern = re.compile(r"^\s*(import random|from random import)", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if "ui" not in p.relative_to(ROOT / "game").parts[:1] and pattern.search(p.read_text())]
    assert offenders == []


def test_no_role_id_is_hard_coded():
    """Role ids come from scenarios only: the default scenario's ids never appear in code."""
    ids = ("washington", "moscow", "nato")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if any(f'"{i}"' in p.read_text() or f"'{i}'" in p.read_text() for i in ids)]
    assert offenders == []


def test_personas_read_only_the_public_view():
    """AI personas decide from their PlayerView's public fields: no private view internals, no state."""
    drivers = {"policy.py", "__init__.py"}  # the engine-side driver hands each persona its view
    offenders = []
    for path in (ROOT / "game" / "ai").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"view\._[a-z]", text) or (path.name not in drivers and "GameState" in text):
            offenders.append(path.name)
    assert offenders == []


def _reachable(*roots) -> list:
    """Every object reachable from `roots` through gc referents, without following classes,
    modules or functions (which lead to the whole program, not to data the roots hold)."""
    import gc
    import types

    stop = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType,
            types.MethodType, types.CodeType)
    seen, todo, found = set(), list(roots), []
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, stop):
            continue
        seen.add(id(obj))
        found.append(obj)
        todo.extend(gc.get_referents(obj))
    return found


def _state_containers(state) -> set[int]:
    """The ids of the state's mutable containers, and of the state itself."""
    parts = [state, state.meters, state.milestones, state.uses, state.orders, state.responses,
             state.ledger, state.records, *state.responses.values()]
    return {id(p) for p in parts}


def _running_session():
    from game.session.session import Seat, Session
    from tests.helpers import default_scenario

    sc = default_scenario()
    seats = {r: Seat(i == 0) for i, r in enumerate(sc.role_ids)}
    session = Session(sc, 5, seats)
    for _ in range(3):  # a few rounds: the human seat gives no orders, the AI seats play
        human = session.next_human()
        if human:
            from game.model.actions import Orders
            session.submit(Orders(human, ()))
        session.play_ai(one_round=True)
    return session


def test_a_view_reaches_no_game_state():
    """Walked from a running session, the object graph of every view (each team's and the
    public one) holds no GameState and none of the state's containers."""
    from game.model.state import GameState

    session = _running_session()
    for role in (*session.scenario.role_ids, None):
        view = session.view(role)
        found = _reachable(view)
        assert not [o for o in found if isinstance(o, GameState)]
        assert not {id(o) for o in found} & _state_containers(session.state)


def test_personas_are_handed_nothing_that_reaches_the_state():
    """What the engine hands a persona (its view, the legal orders, its generator) reaches no
    GameState and none of the state's containers."""
    from game.ai import make_policy
    from game.ai.policy import ai_orders, ai_responses
    from game.model.state import GameState

    session = _running_session()
    handed = []

    class Spy:
        name = "spy"

        def __init__(self, inner):
            self.inner = inner

        def choose(self, view, legal, rng):
            handed.append((view, legal, rng))
            return self.inner.choose(view, legal, rng)

        def respond(self, view, offer, rng):
            handed.append((view, offer, rng))
            return self.inner.respond(view, offer, rng)

    state, game = session.state, session.game
    for role in game.roles:
        if state.phase == "orders" and role not in state.orders:
            ai_orders(Spy(make_policy("reciprocator", game)), state, game, role)
        elif state.phase == "responses":
            ai_responses(Spy(make_policy("reciprocator", game)), state, game, role)
    assert handed
    found = _reachable(*handed)
    assert not [o for o in found if isinstance(o, GameState)]
    assert not {id(o) for o in found} & _state_containers(state)


def test_no_identity_or_module_level_caches_in_rules_or_ai():
    """The rules and the AI keep no caches: no id()-keyed tables, no lru_cache or cache
    decorators, no module-level dict or list that is written to."""
    pattern = re.compile(r"(?<!def )\bid\(|lru_cache|functools\.cache|@cache\b|^_[A-Z_]+: (dict|list)",
                         re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for pkg in ("rules", "ai")
                 for p in (ROOT / "game" / pkg).glob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_core_packages_never_import_the_front_ends():
    """The rooms below the front ends never import the text mode or the window."""
    pattern = re.compile(r"^\s*(from|import)\s+game\.(textui|ui)\b", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for pkg in ("ai", "rules", "model", "words", "files", "authoring",
                                                          "session", "debrief", "guide", "lab")
                 for p in (ROOT / "game" / pkg).rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


# --- the rooms of game/ and the way their imports run ------------------------------------

#: The layers, lowest first: a module imports only from its own layer or those below.
LAYERS = (
    {"game", "files", "resources", "program"},  # the ground: safe files, shipped files, the command's name
    {"model"},  # scenario schema, state, moves, results as data
    {"rules"},  # pure, deterministic rules
    {"ai", "words"},  # the AI delegations; the only place that makes sentences
    {"authoring", "session"},  # loading and checking scenarios; a game in progress and its saves
    {"debrief", "guide", "lab"},  # after the game, the guided first game, the balance lab
    {"textui", "ui", "net"},  # the front ends: terminal, window, hosted pages
    {"cli"},  # the command line
)

#: Imports left inside functions, by file and imported module, with the reason.
LAZY_IMPORTS = {
    "game/cli/main.py": "each command loads its own room when it runs; the window's "
                        "(game.ui, which imports pygame) must not load for text commands",
    "game/ui/app.py": "the scenes are made on demand from the scene table (Screens)",
    "game/ui/display.py": "pygame: asked only when the window is about to open",
    "game/ui/dpi.py": "pygame and ctypes (Windows only), before SDL starts",
    "game/ui/screenshots.py": "pygame with the dummy driver, only for --screenshot",
    "game/textui/terminal.py": "termios, msvcrt, ctypes: one platform's console each",
    "game/net/server.py": "uvicorn: only when a game is served",
    "game/net/cli.py": "uvicorn and the server: only for `host`; secrets where a code is made",
    "game/authoring/check.py": "not yet moved to the top (issue 17)",
    "game/guide/tutorial.py": "not yet moved to the top (issue 17)",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports() -> dict[str, set[str]]:
    """Each game module -> the game modules it imports at module level (TYPE_CHECKING too)."""
    import ast

    modules = {_module_name(p): p for p in (ROOT / "game").rglob("*.py")}

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str | None] = set()

        def visit(body: list, package=package, found=found) -> None:
            for node in body:
                if isinstance(node, ast.Import):
                    found.update(resolve(a.name) for a in node.names if a.name.startswith("game"))
                elif isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:
                        up = package.split(".")[: len(package.split(".")) - node.level + 1]
                        base = ".".join(up + ([base] if base else []))
                    if base.startswith("game"):
                        found.update(resolve(f"{base}.{a.name}") if f"{base}.{a.name}" in modules
                                     else resolve(base) for a in node.names)
                elif isinstance(node, (ast.If, ast.Try)):
                    visit(node.body)
                    visit(node.orelse)
                    for handler in getattr(node, "handlers", []):
                        visit(handler.body)
                    visit(getattr(node, "finalbody", []))

        visit(ast.parse(path.read_text(encoding="utf-8")).body)
        graph[name] = {m for m in found if m and m != name}
    return graph


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "game"


def test_no_import_cycle_in_the_game():
    """No game module reaches itself through module-level imports (over the whole package)."""
    graph = _module_imports()
    cycles, done = [], set()
    for start in graph:
        path, on_path, stack = [], set(), [(start, iter(sorted(graph[start])))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(path.pop())
                done.add(node)
            elif child in on_path:
                cycles.append(path[path.index(child):] + [child])
            elif child not in done:
                stack.append((child, iter(sorted(graph.get(child, ())))))
                path.append(child)
                on_path.add(child)
    assert cycles == []


def test_imports_never_run_up_the_layers():
    """A room imports only from its own layer or those below it (see LAYERS)."""
    layer = {room: n for n, rooms in enumerate(LAYERS) for room in rooms}
    graph = _module_imports()
    assert set(map(_room, graph)) <= set(layer), "a new room: give it a layer in LAYERS"
    upward = sorted(f"{a} -> {b}" for a, targets in graph.items() for b in targets
                    if layer[_room(b)] > layer[_room(a)])
    assert upward == []


def test_imports_inside_functions_are_only_the_allowed_ones():
    """Imports stand at the top of their modules, except in the files of LAZY_IMPORTS (each
    with its reason: an optional or heavy module that only some commands need)."""
    import ast

    offenders = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                offenders += [f"{rel}:{n.lineno}" for n in ast.walk(node)
                              if isinstance(n, (ast.Import, ast.ImportFrom)) and rel not in LAZY_IMPORTS]
    assert offenders == []
