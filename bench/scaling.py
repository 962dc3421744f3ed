"""Does the time and memory of one document grow linearly with its size? (not a test)

    python bench/scaling.py [--sizes 0.5 1 2 4 8] [--kinds dense news longline markdown repeats]
                            [--commands check fix] [--formats text json] [--repeat N]

Generates one document per kind and size (MB of UTF-8):

- ``dense``: the line ``The talks in brussels ended on Sunday.She left.``
  over and over (an artefact every few words);
- ``news``: clean news from ``../shared/data/news.en.txt``, lines in order,
  repeated as needed (skipped when the file is absent);
- ``longline``: one line without a space (letters, digits, marks);
- ``markdown``: paragraphs with code spans, links and a fenced block every
  twenty lines;
- ``repeats``: one sentence that writes a short bracketed phrase over and
  over with marks that make it no MT loop (``(as we did),or (as we did),or
  …``): the loop finder must not count the run again from every word.

Each (kind, command, format, size) runs ``mtnorm <command> FILE --format
<format>`` (``fix`` with ``--unsafe-fixes``, its output to a file) in a
fresh process, and prints its seconds and peak memory (the process's
maximum resident set, less that of an idle ``mtnorm`` start) and, per
doubling, the growth factor of each. Linear means about 2.0 per doubling;
the target is at most 2.3. With ``--repeat N`` each run is made N times and
the fastest kept (as ``timeit`` does: a slower run measures the machine's
other work, not the program); the memory is the largest of the N.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news.en.txt"
MB = 1_000_000

_CHILD = r"""
import resource, sys, time, os
sys.argv = ["mtnorm"] + sys.argv[1:]
from normalize.cli import main
t = time.perf_counter()
try:
    rc = main(sys.argv[1:])
except SystemExit as e:
    rc = e.code
el = time.perf_counter() - t
sys.stderr.write("\nSCALING %s %s %s\n" % (el, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, rc))
"""


def _repeat_to(unit: str, size: int) -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


def generate(kind: str, mb: float) -> str | None:
    size = int(mb * MB)
    if kind == "dense":
        return _repeat_to("The talks in brussels ended on Sunday.She left.\n", size)
    if kind == "news":
        if not NEWS.is_file():
            return None
        out, total = [], 0
        while total < size:
            with open(NEWS, encoding="utf-8") as fh:
                for line in fh:
                    out.append(line)
                    total += len(line.encode("utf-8"))
                    if total >= size:
                        break
        return "".join(out)
    if kind == "longline":
        rng = random.Random(7)
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789.,;:-'\"“”()"
        return "".join(rng.choice(alphabet) for _ in range(size)) + "\n"
    if kind == "markdown":
        para = ("The minister met `config.yaml` users in kyiv, see [the report](https://example.org/a.b?x=1) "
                "and `pip install mtnorm` for details.She said the summitthat ended was `x = y` fine.\n\n")
        block = "```python\nprint('talks in kyiv')  # not prose\n```\n\n"
        unit = para * 20 + block
        return _repeat_to(unit, size)
    if kind == "repeats":
        return _repeat_to("(as we did),or ", size) + "\n"
    raise ValueError(kind)


def run_one(path: Path, command: str, fmt: str) -> tuple[float, int]:
    args = [command, str(path), "--format", fmt, "--isolated"]
    args += ["--unsafe-fixes"] if command == "fix" else ["--exit-zero"]
    with tempfile.TemporaryFile() as out:
        proc = subprocess.run([sys.executable, "-c", _CHILD, *args], stdout=out, stderr=subprocess.PIPE,
                              cwd=str(path.parent), env=dict(os.environ, PYTHONPATH=str(ROOT)))
    tail = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.startswith("SCALING ")]
    if not tail:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace")[-2000:])
    _, secs, rss_kb, rc = tail[-1].split()
    return float(secs), int(rss_kb) * 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 4, 8])
    ap.add_argument("--kinds", nargs="+", default=["dense", "news", "longline", "markdown", "repeats"])
    ap.add_argument("--commands", nargs="+", default=["check", "fix"])
    ap.add_argument("--formats", nargs="+", default=["text", "json"])
    ap.add_argument("--repeat", type=int, default=1, help="runs per row; the fastest is kept (default 1)")
    ap.add_argument("--json", help="write the rows to this file too")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_text("x\n", encoding="utf-8")
        _, base_rss = run_one(empty, "check", "text")
        print(f"idle start: {base_rss / MB:.0f} MB resident")
        print(f"{'kind':9} {'command':7} {'format':6} {'MB':>5} {'seconds':>8} {'x':>5} {'mem MB':>7} {'x':>5}")
        worst = worst_mem = 0.0
        for kind in args.kinds:
            docs = {}
            for mb in args.sizes:
                text = generate(kind, mb)
                if text is None:
                    break
                p = Path(tmp) / f"{kind}-{mb}.md" if kind == "markdown" else Path(tmp) / f"{kind}-{mb}.txt"
                p.write_text(text, encoding="utf-8")
                docs[mb] = p
            if not docs:
                print(f"{kind}: skipped ({NEWS} is absent)")
                continue
            for command in args.commands:
                for fmt in args.formats:
                    prev = None
                    for mb, p in docs.items():
                        runs = [run_one(p, command, fmt) for _ in range(max(1, args.repeat))]
                        secs, rss = min(r[0] for r in runs), max(r[1] for r in runs)
                        mem = max(rss - base_rss, 1)
                        gt = gm = ""
                        if prev is not None:
                            ft, fm = secs / prev[0], mem / prev[1]
                            gt, gm = f"{ft:.2f}", f"{fm:.2f}"
                            if prev[2] * 2 == mb:
                                worst = max(worst, ft)
                                worst_mem = max(worst_mem, fm)
                        print(f"{kind:9} {command:7} {fmt:6} {mb:5g} {secs:8.2f} {gt:>5} {mem / MB:7.0f} {gm:>5}",
                              flush=True)
                        rows.append({"kind": kind, "command": command, "format": fmt, "mb": mb,
                                     "seconds": round(secs, 3), "memory_mb": round(mem / MB, 1)})
                        prev = (secs, mem, mb)
        print(f"largest growth per doubling: time {worst:.2f}, memory {worst_mem:.2f} (target <= 2.3)")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
