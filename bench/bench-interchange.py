#!/usr/bin/env python3
"""Export 10,000 stories to HTML, Markdown and DOCX with lede-cli, import
10,000 Markdown files, and turn the same Markdown into HTML and DOCX with
pandoc (`pandoc -f gfm -t html|docx -s`, one process a file, as a newsroom
script would).

pandoc takes about a tenth of a second a file, so it runs on the first
PANDOC_FILES files and its rate is given per story; Lede's rows are whole
runs over all 10,000. Prints one JSON row a line, like the other benches.

With --tag, exports only the stories of TAG from a large library (issue
30: 10,000 stories out of 100,000 or 1,000,000), to HTML, and stops
(--force: these generated stories lack the bylines the checks ask for).

usage: bench-interchange.py BUILD_DIR LIBRARY_10K
       bench-interchange.py --tag TAG SIZE BUILD_DIR LIBRARY"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
tag = size = None
if sys.argv[1] == "--tag":
    tag, size = sys.argv[2], sys.argv[3]
    del sys.argv[1:4]
build, library = sys.argv[1], sys.argv[2]
cli = os.path.join(build, "src", "cli", "lede-cli")
work = os.path.join(build, "interchange")
RUNS = 3
PANDOC_FILES = 200


def report(row, who, unit, samples):
    samples = sorted(samples)
    print(json.dumps({
        "group": "interchange", "row": row, "who": who, "unit": unit,
        "median": statistics.median(samples), "p95": samples[min(len(samples) - 1, int(len(samples) * 0.95))],
        "min": samples[0], "max": samples[-1], "runs": len(samples)}), flush=True)


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def timed(argv):
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def count_stories():
    out = subprocess.run([cli, "--library", library, "list"], check=True, capture_output=True, text=True).stdout
    return len(out.splitlines())


if tag is not None:
    rates = []
    for _ in range(RUNS):
        out = fresh(os.path.join(work, "tag-html"))
        seconds = timed([cli, "--library", library, "export", "--format", "html", "--out", out, "--tag", tag, "--force"])
        n = len([f for f in os.listdir(out) if f.endswith(".html")])
        rates.append(n / seconds)
    shutil.rmtree(os.path.join(work, "tag-html"))
    report(f"export to HTML, the {n} stories of one tag in {size}", "Lede (lede-cli)", "st/s", rates)
    sys.exit(0)

n = count_stories()
for fmt, row in (("html", "export to HTML"), ("md", "export to Markdown"), ("docx", "export to DOCX")):
    rates = []
    for _ in range(RUNS):
        out = fresh(os.path.join(work, fmt))
        rates.append(n / timed([cli, "--library", library, "export", "--format", fmt, "--out", out, "--all"]))
    report(f"{row} ({n} stories)", "Lede (lede-cli)", "st/s", rates)

md_dir = os.path.join(work, "md")
files = sorted(os.path.join(md_dir, f) for f in os.listdir(md_dir))
rates = []
for run in range(RUNS):
    target = os.path.join(work, f"import-{run}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    rates.append(len(files) / timed([cli, "--library", target, "import", *files]))
report(f"import Markdown ({len(files)} files)", "Lede (lede-cli)", "st/s", rates)

if shutil.which("pandoc"):
    for fmt, row, extension in (("html", "export to HTML", ".html"), ("docx", "export to DOCX", ".docx")):
        out = fresh(os.path.join(work, "pandoc-" + fmt))
        rates = []
        for run in range(RUNS):
            chunk = files[run * PANDOC_FILES:(run + 1) * PANDOC_FILES]
            start = time.perf_counter()
            for f in chunk:
                subprocess.run(["pandoc", "-f", "gfm", "-t", fmt, "-s", "--metadata", "title=story",
                                "-o", os.path.join(out, os.path.basename(f) + extension), f],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            rates.append(len(chunk) / (time.perf_counter() - start))
        report(f"{row} ({n} stories)", f"pandoc -f gfm -t {fmt} -s ({PANDOC_FILES} files a run)", "st/s", rates)
