"""Recall on real scraped machine-translated pages, per category and language (not a test).

    python bench/real_dev.py [DIR] [--category casing,quote] [--lang en] [--hits] [--no-misses]

DIR defaults to ../shared/data/real-dev (real pages annotated by hand in
mtnorm's gold format, with clean pages beside them). The run is the one
`mtnorm eval --unsafe-fixes DIR` makes: the document language from the gold
file, no source language. It prints

- the table: per category and language, flagged / annotated and fixed exactly /
  annotations with a fix (and the totals over each category and language);
- the misses: every annotation no finding of its category touches, and every
  flagged one whose fix is not the expected text, with its context (⟦span⟧);
- what went wrong on the other side: findings on clean pages and changes
  outside any annotation.

The CI ratchet is tests/test_real_dev.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.evaluate import CATEGORIES, evaluate, iter_gold  # noqa: E402

DATA = Path(__import__("os").environ.get("MTNORM_SHARED_DATA", ROOT.parent / "shared" / "data"))
LANGS = ("en", "es", "fr", "de", "it", "pt", "ru")


def table(items: list[dict]) -> str:
    cell = defaultdict(lambda: [0, 0, 0, 0])   # flagged, annotated, fixed, with fix
    for it in items:
        for key in ((it["category"], it["language"]), (it["category"], "all"), ("TOTAL", it["language"]),
                    ("TOTAL", "all")):
            c = cell[key]
            c[0] += it["flagged"]
            c[1] += 1
            c[2] += it["fixed_exact"]
            c[3] += it["fix"] is not None
    langs = [lang for lang in LANGS if any(k[1] == lang for k in cell)] + ["all"]
    head = f"{'category':20s}" + "".join(f"{lang:>15s}" for lang in langs)
    lines = [head, "-" * len(head)]
    for cat in [c for c in CATEGORIES if any(k[0] == c for k in cell)] + ["TOTAL"]:
        row = f"{cat:20s}"
        for lang in langs:
            c = cell.get((cat, lang))
            row += f"{'':>15s}" if c is None else f"{f'{c[0]}/{c[1]} {c[2]}/{c[3]}':>15s}"
        lines.append(row)
        if cat != "TOTAL":
            continue
    lines.append("(each cell: flagged/annotated fixed-exactly/with-a-fix)")
    flagged = cell[("TOTAL", "all")]
    lines.append(f"flagged {flagged[0]}/{flagged[1]} = {flagged[0] / max(1, flagged[1]):.1%}; "
                 f"fixed exactly {flagged[2]}/{flagged[3]} = {flagged[2] / max(1, flagged[3]):.1%}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(DATA / "real-dev"))
    ap.add_argument("--category", help="only these categories (comma-separated)")
    ap.add_argument("--lang", help="only these languages (comma-separated)")
    ap.add_argument("--hits", action="store_true", help="also list the annotations that were fixed exactly")
    ap.add_argument("--no-misses", action="store_true", help="print the table only")
    ap.add_argument("--safe-only", action="store_true", help="apply safe fixes only (default: --unsafe-fixes)")
    ap.add_argument("--json", action="store_true", help="the whole report as JSON")
    ap.add_argument("--segment-detector", help="name short segments' language with this detector (lingua, py3langid)")
    args = ap.parse_args(argv)
    if not Path(args.dir).is_dir():
        print(f"{args.dir}: no such folder", file=sys.stderr)
        return 2
    options = {"segment_detector": args.segment_detector} if args.segment_detector else None
    report = evaluate(iter_gold([args.dir]), {"unsafe_fixes": not args.safe_only, "options": options}, details=True)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    cats = set(args.category.split(",")) if args.category else None
    langs = set(args.lang.split(",")) if args.lang else None

    def keep(x: dict, cat_key: str = "category") -> bool:
        return (cats is None or x.get(cat_key) in cats) and (langs is None or x["language"] in langs)

    items = [it for it in report["items"] if keep(it)]
    print(table(items))
    if args.no_misses:
        return 0
    print("\nmisses (not flagged):")
    for it in items:
        if not it["flagged"]:
            print(f"  {it['category']:18s} {Path(it['document']).stem:4s} {it['context']!r} -> {it['fix']!r}")
    print("\nflagged, fix not exact:")
    for it in items:
        if it["flagged"] and it["fix"] is not None and not it["fixed_exact"]:
            print(f"  {it['category']:18s} {Path(it['document']).stem:4s} {it['context']!r} -> {it['fix']!r}"
                  f" got {it['got']!r} ({', '.join(it['rules'])})")
    if args.hits:
        print("\nfixed exactly:")
        for it in items:
            if it["fixed_exact"]:
                print(f"  {it['category']:18s} {Path(it['document']).stem:4s} {it['context']!r}")
    clean = [c for c in report["clean"] if langs is None or c["language"] in langs]
    print(f"\nfindings on clean pages: {len(clean)}")
    for c in clean:
        print(f"  {c['rule']} {Path(c['document']).stem:4s} {c['context']!r} -> {c['fix']!r}: {c['message']}")
    outside = [o for o in report["outside"] if langs is None or o["language"] in langs]
    print(f"\nchanges outside annotations: {len(outside)}")
    for o in outside:
        print(f"  {','.join(o['rules']):14s} {Path(o['document']).stem:4s} {o['context']!r} -> {o['replacement']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
