"""Draw the rooms of `game/` and the imports between them, as docs/structure.svg.

    python docs/structure.py [--out docs/structure.svg] [--root DIR]

Each room (a package of `game/`, or a module at its top) is a box whose label gives its
lines of code; an arrow A -> B says some module of A imports one of B at module level,
with how many such imports. Rooms are ranked by the layers of docs/architecture.md
(tests/test_architecture.py holds the same table). An arrow that runs up a layer, or a
circle of rooms, is drawn red. The drawing is made by Graphviz's `dot` (Debian:
`apt install graphviz`); without it the DOT text is written beside the SVG's name.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

#: The layers, lowest first, as in docs/architecture.md.
LAYERS = [["files", "resources", "program"], ["model"], ["rules"], ["ai", "words"],
          ["authoring", "session", "engine"], ["debrief", "guide", "lab"],
          ["textui", "ui", "net"], ["cli"]]
LAYER = {room: n for n, rooms in enumerate(LAYERS) for room in rooms}


def room_of(module: str) -> str | None:
    """`game.rules.talks` -> `rules`; None outside game/."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "game" else None


def graph(root: Path) -> tuple[Counter, Counter]:
    """(lines per room, module-level imports per (from room, to room)) of root/game."""
    lines, arrows = Counter(), Counter()
    for path in sorted((root / "game").rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        me = room_of(module.removesuffix(".__init__"))
        if me is None:
            continue
        text = path.read_text(encoding="utf-8")
        lines[me] += text.count("\n")
        for node in ast.parse(text).body:
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                other = room_of(name)
                if other and other != me:
                    arrows[(me, other)] += 1
    return lines, arrows


def dot(lines: Counter, arrows: Counter) -> str:
    """The graph in Graphviz's DOT language, the highest layer on top."""
    out = ["digraph rooms {", '  rankdir=TB; nodesep=0.3; ranksep=0.7; concentrate=true; '
           'newrank=true; size="11,8"; ratio=compress;',
           '  node [shape=box, style="rounded,filled", fillcolor="#f4f1e8", '
           'fontname="DejaVu Sans", fontsize=12];', '  edge [color="#555555", fontsize=9, '
           'fontname="DejaVu Sans"];']
    rooms = sorted(lines, key=lambda r: (-LAYER.get(r, 9), r))
    layers = sorted({LAYER.get(r, 9) for r in rooms}, reverse=True)
    for layer in layers:
        same = [r for r in rooms if LAYER.get(r, 9) == layer]
        out.append(f'  "layer {layer}" [shape=plaintext, style="", label="layer {layer + 1}"];')
        out.append("  { rank=same; " + f'"layer {layer}"; ' +
                   " ".join(f'"{r}";' for r in same) + " }")
    out.append("  " + " -> ".join(f'"layer {n}"' for n in layers) + " [style=invis];")
    for r in rooms:
        out.append(f'  "{r}" [label="{r}\\n{lines[r]} lines"];')
    back = {(a, b) for (a, b) in arrows if (b, a) in arrows}
    for (a, b), n in sorted(arrows.items()):
        up = LAYER.get(b, 9) > LAYER.get(a, 9)
        colour = ' color="#c0392b", penwidth=2' if up or (a, b) in back else ""
        out.append(f'  "{a}" -> "{b}" [label="{n}"{colour}];')
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the rooms of game/ and their imports.")
    parser.add_argument("--out", default="docs/structure.svg", help="the SVG to write")
    parser.add_argument("--root", default=".", help="the checkout to read (default: here)")
    args = parser.parse_args(argv)
    text = dot(*graph(Path(args.root)))
    out = Path(args.out)
    if shutil.which("dot") is None:
        out.with_suffix(".dot").write_text(text, encoding="utf-8")
        print(f"dot is not installed (apt install graphviz); wrote {out.with_suffix('.dot')}")
        return 0
    svg = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True,
                         check=True).stdout
    out.write_text(svg, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
