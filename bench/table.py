#!/usr/bin/env python3
"""Merges the benchmark rows (one JSON object a line) into bench.json and
prints them as one table, with Lede's ratio to a peer where both ran."""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
with open(sys.argv[2], "w") as out:
    json.dump({"rows": rows}, out, indent=2)

print(f"{'group':<18} {'row':<28} {'who':<32} {'median':>10} {'p95':>10} {'min':>10} {'max':>10} {'runs':>5}")
for r in rows:
    unit = r["unit"]
    print(f"{r['group']:<18} {r['row']:<28} {r['who']:<32} "
          f"{r['median']:>8.2f}{unit:>2} {r['p95']:>8.2f}{unit:>2} {r['min']:>8.2f}{unit:>2} {r['max']:>8.2f}{unit:>2} {r['runs']:>5}")

# Ratios: Lede's median over the peer's, for rows measured by both.
print()
by_row = {}
for r in rows:
    by_row.setdefault((r["group"], r["row"]), {})[r["who"]] = r["median"]
for (group, row), who in by_row.items():
    lede = next((v for k, v in who.items() if k.startswith("Lede") and "debounce wait" not in k), None)
    peers = {k: v for k, v in who.items() if not k.startswith("Lede")}
    for peer, value in peers.items():
        if lede is not None and value > 0:
            print(f"{group} {row}: Lede / {peer} = {lede / value:.2f}x")
