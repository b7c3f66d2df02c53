#!/usr/bin/env python3
"""test-circles.py: no circle of files anywhere (issue 29).

Reads the object files of the given static libraries (and of any object
files given) with nm: object A calls into object B when A leaves undefined
a symbol B defines. Any strongly connected set of two or more objects is a
circle, printed with the symbols that close it, and the test fails.

Usage: test-circles.py LIB.a|FILE.o ...
SPDX-License-Identifier: GPL-3.0-or-later
"""
import subprocess
import sys
from collections import defaultdict


def read_symbols(paths):
    defines = {}                  # symbol -> object
    needs = defaultdict(set)      # object -> undefined symbols
    for path in paths:
        out = subprocess.run(["nm", "-A", path], check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            # "lib.a:dir/member.o:0000 T name" or "lib.a:dir/member.o:         U name"
            head, _, rest = line.rpartition(".o:")
            fields = rest.split()
            if not head or len(fields) < 2:
                continue
            kind, name = fields[-2], fields[-1]
            obj = head.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            needs.setdefault(obj, set())
            if kind == "U":
                needs[obj].add(name)
            elif kind.isupper():
                defines.setdefault(name, obj)
    return defines, needs


def circles(defines, needs):
    calls = defaultdict(dict)     # a -> b -> the symbols
    for obj, names in needs.items():
        for name in sorted(names):
            other = defines.get(name)
            if other and other != obj:
                calls[obj].setdefault(other, []).append(name)
    # Tarjan's strongly connected components, iteratively.
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = [0]
    for root in sorted(needs):
        if root in index:
            continue
        work = [(root, iter(sorted(calls[root])))]
        index[root] = low[root] = counter[0]; counter[0] += 1
        stack.append(root); on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]; counter[0] += 1
                    stack.append(nxt); on_stack.add(nxt)
                    work.append((nxt, iter(sorted(calls[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    part = []
                    while True:
                        top = stack.pop(); on_stack.discard(top); part.append(top)
                        if top == node:
                            break
                    if len(part) > 1:
                        found.append(sorted(part))
    return found, calls


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit("usage: test-circles.py LIB.a|FILE.o ...")
    defines, needs = read_symbols(paths)
    found, calls = circles(defines, needs)
    print(f"{len(needs)} object files read")
    for part in found:
        print("circle:", " ".join(part))
        members = set(part)
        for a in part:
            for b, names in sorted(calls[a].items()):
                if b in members:
                    print(f"  {a} -> {b} ({', '.join(names)})")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
