#!/usr/bin/env python3
"""Merges the benchmark rows (one JSON object a line) into bench.json and
prints them as one table, with Lede's ratio to a peer where both ran."""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
with open(sys.argv[2], "w") as out:
    json.dump({"rows": rows}, out, indent=2)

print(f"{'group':<16} {'row':<36} {'who':<28} {'median':>12} {'p95':>12} {'min':>12} {'max':>12} {'runs':>5}")
for r in rows:
    unit = r["unit"]
    print(f"{r['group']:<16} {r['row']:<36} {r['who']:<28} "
          f"{r['median']:>8.2f}{unit:>4} {r['p95']:>8.2f}{unit:>4} {r['min']:>8.2f}{unit:>4} {r['max']:>8.2f}{unit:>4} {r['runs']:>5}")

# Ratios: Lede's median over the peer's (for st/s, stories a second, higher
# is better; for times, lower is), for rows measured by both. In the
# startup and memory groups the peers open a file rather than a library, so
# each Lede row is set beside the peer rows that measure the same thing
# (the part after the colon: first frame, settled, PSS…).
print()
def what(r):
    return (r["group"], r["row"].split(": ", 1)[1] if r["group"] in ("startup", "memory") else r["row"])
for r in rows:
    if not r["who"].startswith("Lede") or "debounce wait" in r["who"] or r["unit"] == "keys":
        continue
    for peer in rows:
        if not peer["who"].startswith("Lede") and what(peer) == what(r) and peer["median"] > 0:
            print(f"{r['group']} {r['row']}: Lede / {peer['who']} = {r['median'] / peer['median']:.2f}x")

# The worst cases (bench/bench-worst-cases.c): each stage at n, 2n and 4n,
# and its growth exponent from 2n to 4n; over 1.2 where 4n takes over
# 10 ms is a stage growing faster than n log n.
worst = [r for r in rows if "growth" in r]
if worst:
    print()
    print(f"{'worst case':<52} {'n':>7} {'t(n)':>10} {'t(2n)':>10} {'t(4n)':>10} {'growth':>7}")
    for r in worst:
        t = r["ms"]
        flag = "  <- over 1.2" if r["growth"] > 1.2 and t[2] > 10 else ""
        print(f"{r['row']:<52} {r['n']:>7} {t[0]:>8.1f}ms {t[1]:>8.1f}ms {t[2]:>8.1f}ms {r['growth']:>7.2f}{flag}")
