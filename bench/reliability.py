"""Fix, then fix again, over every clean and dirty text we have (not a test).

    python bench/reliability.py [--max-docs N]

Reads ../shared/data (news, ntrex, parallel, the ACL corrupt lines, MQM MT
outputs) and corpora/gold, as documents of 20 lines, and counts crashes,
documents whose second fix changes them again (not idempotent), and edits not
covered by a reported finding (changes outside findings).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize import Pipeline  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def docs_from_lines(path: Path, per_doc: int = 20):
    buf = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            buf.append(line)
            if len(buf) == per_doc:
                yield "".join(buf)
                buf = []
    if buf:
        yield "".join(buf)


def mqm_targets(path: Path):
    csv.field_size_limit(10 ** 9)
    seen = set()
    with open(path, encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows, None)
        for row in rows:
            if len(row) > 6:
                t = row[6].replace("<v>", "").replace("</v>", "")
                if t not in seen:
                    seen.add(t)
                    yield t


def sources():
    if DATA.is_dir():
        for p in sorted(DATA.glob("*.txt")) + sorted(DATA.glob("parallel.*")):
            if "docids" in p.name or "source_files" in p.name:
                continue
            yield p.name, docs_from_lines(p)
        for p in sorted(DATA.glob("mqm.*.tsv")):
            yield p.name, mqm_targets(p)
    gold = ROOT / "corpora" / "gold"
    yield "corpora/gold", (p.read_text(encoding="utf-8") for p in sorted(gold.rglob("*.txt")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-docs", type=int, default=0, help="per source (0: all)")
    args = ap.parse_args(argv)
    pipe = Pipeline(unsafe_fixes=True)
    totals = {"documents": 0, "crashes": 0, "not_idempotent": 0, "outside_findings": 0, "changed": 0}
    t0 = time.time()
    for name, docs in sources():
        row = dict.fromkeys(totals, 0)
        for i, text in enumerate(docs):
            if args.max_docs and i >= args.max_docs:
                break
            row["documents"] += 1
            try:
                res = pipe.fix(text)
                again = pipe.fix(res.text)
            except Exception:  # noqa: BLE001 - count and show every crash
                row["crashes"] += 1
                print(f"CRASH in {name} document {i}:\n{traceback.format_exc(limit=4)}")
                continue
            row["changed"] += res.changed
            if again.text != res.text:
                row["not_idempotent"] += 1
                print(f"NOT IDEMPOTENT in {name} document {i}: {again.edits[:3]}")
            for e in res.edits:
                if not any(f.start <= e.end and e.start <= f.end and f.rule in e.rules for f in res.findings):
                    row["outside_findings"] += 1
        print(f"{name:32s} " + " ".join(f"{k}={v}" for k, v in row.items()), flush=True)
        for k in totals:
            totals[k] += row[k]
    print(f"{'TOTAL':32s} " + " ".join(f"{k}={v}" for k, v in totals.items()) + f" ({time.time() - t0:.0f}s)")
    return 1 if totals["crashes"] or totals["not_idempotent"] or totals["outside_findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
