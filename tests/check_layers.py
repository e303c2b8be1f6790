#!/usr/bin/env python3
"""architecture.layers: every #include in core/, ui/ and app/ goes down or sideways within its
own folder, never up. The core's table is the one core/CMakeLists.txt builds with (LAYERS, written
to the build tree); the build already fails on an upward include in a compiled file, and this check
also covers headers no source of their layer includes, relative paths ("../x/y.h") and the UI.

  core/LAYER       may include evograph/L/ for L = LAYER or a layer it USES (transitively);
                   evograph/error.h is the engine's; never "../"
  ui/common/       core only;  ui/VIEW/  its own folder, common/ and core (views are peers);
  ui/main_window   any view;   app/cli/  core and app/common only;  app/studio/ ui too
Usage: check_layers.py SOURCE_DIR LAYERS_FILE
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def read_table(path):
    uses = {}
    for line in pathlib.Path(path).read_text().splitlines():
        if ":" in line:
            name, rest = line.split(":", 1)
            uses[name.strip()] = rest.split()
    closure = {}

    def below(layer, seen=()):
        if layer in seen:
            sys.exit(f"layers table: a cycle through {' -> '.join(seen + (layer,))}")
        if layer not in closure:
            reach = set()
            for used in uses.get(layer, []):
                reach |= {used} | below(used, seen + (layer,))
            closure[layer] = reach
        return closure[layer]

    for layer in uses:
        below(layer)
    return uses, closure


def includes(path):
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        match = INCLUDE.match(line)
        if match:
            yield number, match.group(1)


def core_layer_of(target):
    """The layer an include names: evograph/L/x.h -> L, evograph/error.h -> engine."""
    parts = target.split("/")
    if parts[0] != "evograph":
        return None
    return "engine" if len(parts) == 2 else parts[1]


def main():
    source, table = pathlib.Path(sys.argv[1]), sys.argv[2]
    uses, closure = read_table(table)
    problems = []

    def refuse(path, number, what):
        problems.append(f"{path.relative_to(source)}:{number}: {what}")

    for layer in uses:
        for path in sorted((source / "core" / layer).rglob("*")):
            if path.suffix not in (".h", ".cpp"):
                continue
            for number, target in includes(path):
                if target.startswith("../") or "/../" in target:
                    refuse(path, number, f'"{target}": a relative path out of the folder; include the layer\'s public header')
                    continue
                named = core_layer_of(target)
                if named and named != layer and named not in closure[layer]:
                    refuse(path, number, f'{layer} -> {named} ("{target}") is not an allowed arrow; {layer} uses '
                           + (", ".join(sorted(closure[layer])) or "nothing"))
    unknown = sorted(d.name for d in (source / "core").iterdir() if d.is_dir() and d.name not in uses)
    for name in unknown:
        problems.append(f"core/{name}/: a folder that is no layer of core/CMakeLists.txt")

    views = sorted(d.name for d in (source / "ui").iterdir() if d.is_dir() and d.name != "common")
    for path in sorted((source / "ui").rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        folder = path.parent.name if path.parent != source / "ui" else None
        for number, target in includes(path):
            first = target.split("/")[0]
            if first not in views and first != "common":
                continue
            if folder == "common" and first in views:
                refuse(path, number, f'ui/common -> ui/{first} ("{target}"): common serves the views, never the reverse')
            elif folder in views and first in views and first != folder:
                refuse(path, number, f'ui/{folder} -> ui/{first} ("{target}"): views are peers; share it through ui/common')
    for path in sorted((source / "app" / "cli").rglob("*")):
        if path.suffix in (".h", ".cpp"):
            for number, target in includes(path):
                if target.split("/")[0] in views + ["common", "main_window.h"]:
                    refuse(path, number, f'app/cli -> ui ("{target}"): the CLI is built without Qt')

    for problem in problems:
        print(problem)
    if problems:
        print(f"architecture.layers: {len(problems)} include(s) against the layers")
        return 1
    print(f"architecture.layers: {len(uses)} core layers and {len(views)} views keep their arrows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
