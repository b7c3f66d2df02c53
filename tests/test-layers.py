#!/usr/bin/env python3
"""test-layers.py: the core's folders include only downward (issue 29).

The build already refuses an upward #include (each folder's library has
only itself and the folders below on its include path); this test says so
in words, names the file and line, and also catches an include path
widened by mistake in a meson.build. It checks too that no core file
includes GTK, libadwaita, GtkSourceView or WebKit, and that lede-cli
includes only the core.

Usage: test-layers.py SOURCE_ROOT
SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import re
import sys

# From the bottom, as src/core/meson.build builds them.
LAYERS = ["story", "writing", "library", "desk", "interchange"]
# Headers the build writes, by the folder that makes them.
GENERATED = {"lede-enums.h": "story", "lede-story-resources.h": "story",
             "lede-desk-resources.h": "desk", "lede-interchange-resources.h": "interchange"}
GUI = re.compile(r'#\s*include\s*<(gtk/|gdk/|adwaita\.h|gtksourceview|webkit)')
LOCAL = re.compile(r'#\s*include\s*"([^"]+)"')


def main():
    root = sys.argv[1]
    core = os.path.join(root, "src", "core")
    problems = []

    folders = sorted(d for d in os.listdir(core) if os.path.isdir(os.path.join(core, d)))
    for folder in folders:
        if folder not in LAYERS:
            problems.append(f"src/core/{folder}/ is in no layer: add it to LAYERS here and to src/core/meson.build")
    loose = [f for f in os.listdir(core) if f.endswith((".c", ".h"))]
    for name in sorted(loose):
        problems.append(f"src/core/{name} belongs in one of the folders {', '.join(LAYERS)}")

    home = {}
    for layer in LAYERS:
        for name in os.listdir(os.path.join(core, layer)):
            home[name] = layer
    home.update(GENERATED)

    checked = 0
    for i, layer in enumerate(LAYERS):
        folder = os.path.join(core, layer)
        for name in sorted(os.listdir(folder)):
            if not name.endswith((".c", ".h")):
                continue
            checked += 1
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    where = f"src/core/{layer}/{name}:{number}"
                    if GUI.search(line):
                        problems.append(f"{where}: the core includes no GUI toolkit: {line.strip()}")
                    m = LOCAL.search(line)
                    if not m or m.group(1) == "config.h":
                        continue
                    target = m.group(1)
                    if target not in home:
                        problems.append(f"{where}: {target} is no core header")
                    elif LAYERS.index(home[target]) > i:
                        problems.append(f"{where}: {layer}/ includes {target} from {home[target]}/, a layer above it")

    cli = os.path.join(root, "src", "cli")
    for name in sorted(os.listdir(cli)):
        if name.endswith((".c", ".h")):
            with open(os.path.join(cli, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = LOCAL.search(line)
                    if GUI.search(line) or (m and m.group(1) != "config.h" and m.group(1) not in home):
                        problems.append(f"src/cli/{name}:{number}: lede-cli uses the core only: {line.strip()}")

    print(f"{checked} core files in {len(LAYERS)} layers read")
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
