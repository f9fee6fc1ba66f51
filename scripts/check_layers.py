#!/usr/bin/env python3
"""Fails when an include climbs a layer.

The layers are the tasklane_layer(FOLDER DEPS ...) calls in core/CMakeLists.txt and
app/CMakeLists.txt, the same calls the build makes its include roots from, so the two cannot
disagree. A file in folder F may include "G/..." only when G is F or reachable from F through
DEPS. The window (app/gui) and the command line (app/cli) sit above every layer and never
include each other. The declared graph itself must have no cycle, and no source may reach
another folder through "../".

Usage: scripts/check_layers.py [REPO_ROOT]; prints one line per violation, exits 1 if any.
"""

import pathlib
import re
import sys

LAYER_CALL = re.compile(r"tasklane_layer\((.*?)\)", re.S)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
KEYWORDS = {"HEADER_ONLY", "DEPS", "LIBS", "PRIVATE_LIBS", "SOURCES"}
TOP = ("gui", "cli")  # app/gui and app/cli: above every layer, never each other


def strip_comments(cmake):
    return "\n".join(line.split("#", 1)[0] for line in cmake.splitlines())


def read_layers(root):
    """{folder: (source dir, [declared deps])} from every tasklane_layer call."""
    layers = {}
    for cmake in (root / "core" / "CMakeLists.txt", root / "app" / "CMakeLists.txt"):
        for call in LAYER_CALL.finditer(strip_comments(cmake.read_text())):
            words = call.group(1).split()
            folder, deps, section = words[0], [], None
            for word in words[1:]:
                if word in KEYWORDS:
                    section = word
                elif section == "DEPS":
                    deps.append(word)
            layers[folder] = (cmake.parent / folder, deps)
    return layers


def find_cycle(layers):
    state = {}

    def visit(folder, path):
        state[folder] = "open"
        for dep in layers.get(folder, (None, []))[1]:
            if state.get(dep) == "open":
                return path + [folder, dep]
            if dep not in state:
                found = visit(dep, path + [folder])
                if found:
                    return found
        state[folder] = "done"
        return None

    for folder in layers:
        if folder not in state:
            found = visit(folder, [])
            if found:
                return found
    return None


def reachable(layers, folder):
    seen, todo = {folder}, [folder]
    while todo:
        for dep in layers[todo.pop()][1]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def sources(directory):
    return sorted(p for p in directory.rglob("*") if p.suffix in (".h", ".cpp"))


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    layers = read_layers(root)
    problems = []
    for folder, (_, deps) in layers.items():
        for dep in deps:
            if dep not in layers:
                problems.append(f"{folder}: DEPS names '{dep}', which is not a layer")
    cycle = find_cycle(layers)
    if cycle:
        problems.append("layers depend on each other in a circle: " + " -> ".join(cycle))

    def check(path, allowed, others):
        text = path.read_text(errors="replace")
        for match in INCLUDE.finditer(text):
            target = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            where = f"{path.relative_to(root)}:{line}"
            head = target.split("/", 1)[0]
            if ".." in target.split("/"):
                problems.append(f'{where}: "{target}" reaches another folder through ".."')
            elif "/" in target and head in layers and head not in allowed:
                problems.append(f'{where}: "{target}" climbs a layer '
                                f"({path.parent.name} may use: {', '.join(sorted(allowed))})")
            elif "/" not in target and target in others:
                problems.append(f'{where}: "{target}" belongs to {others[target]}')

    gui_cli = {name: root / "app" / name for name in TOP}
    for folder, (directory, _) in layers.items():
        for path in sources(directory):
            check(path, reachable(layers, folder), {})
    for name, directory in gui_cli.items():
        other = gui_cli[TOP[1 - TOP.index(name)]]
        headers = {p.name: f"app/{other.name}" for p in sources(other) if p.suffix == ".h"}
        for path in sources(directory):
            check(path, set(layers), headers)

    for problem in problems:
        print(f"check_layers: {problem}")
    if not problems:
        print(f"check_layers: {len(layers)} layers, every include goes down")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
