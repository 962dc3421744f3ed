"""What mtnorm finds in real MT English, by the errors people marked there (not a test).

    python bench/mqm.py [--categories Fluency/Grammar,Fluency/Spelling] [--show 20] [--rules]

Google's MQM annotations of WMT zh->en systems (``../shared/data/mqm.zhen*.tsv``:
each row one error a rater marked in a system's English, its span between
``<v>`` and ``</v>``, its category and severity) are the one large set of real
MT output with its errors marked that mtnorm has. Each distinct English segment
is checked once, as an English document of its own, with no source. It prints,
per MQM category: the errors marked, how many a finding touches (any rule), and
which rules touched them; then the findings on segments every rater of the
segment found error-free (`No-error`): there, a finding is a false alarm unless
the raters missed something. ``--show N`` prints N examples of misses for the
categories asked for.

The source is Chinese, and the segments are single sentences (no document to
learn names or spellings from): this measures the English-side detectors
(grammar, agreement, punctuation, spelling, untranslated fragments), not the
ones that need a document.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize import Pipeline  # noqa: E402

DATA = Path(__import__("os").environ.get("MTNORM_SHARED_DATA", ROOT.parent / "shared" / "data"))
FILES = ("mqm.zhen.tsv", "mqm.zhen.news2023.tsv")
_TAG = re.compile(r"</?v>")


def errors():
    """(segment key, plain target, category, severity, start, end) per marked
    error, and (segment key, plain target, None, ...) for a rater's No-error."""
    csv.field_size_limit(1 << 24)
    for name in FILES:
        path = DATA / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                target = row.get("target") or ""
                plain = _TAG.sub("", target)
                key = (name, row.get("system"), row.get("doc"), row.get("seg_id"))
                category = row.get("category") or ""
                if category == "No-error":
                    yield key, plain, None, None, 0, 0
                    continue
                m = re.search(r"<v>(.*?)</v>", target)
                if not m:
                    continue   # (an omission: no span in the target)
                start = len(_TAG.sub("", target[:m.start()]))
                yield key, plain, category, row.get("severity"), start, start + len(m.group(1))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--categories", default="", help="comma-separated MQM categories to list misses of")
    ap.add_argument("--show", type=int, default=0, help="misses (and false alarms) to print")
    args = ap.parse_args(argv)
    if not any((DATA / f).is_file() for f in FILES):
        print(f"no MQM files under {DATA}", file=sys.stderr)
        return 1
    pipe = Pipeline(language="en", unsafe_fixes=True)
    findings: dict[tuple, list] = {}
    marked: dict[tuple, list] = defaultdict(list)
    clean_votes: Counter = Counter()
    texts: dict[tuple, str] = {}
    for key, plain, category, severity, s, e in errors():
        texts[key] = plain
        if category is None:
            clean_votes[key] += 1
        else:
            marked[key].append((category, severity, s, e))
    for key, plain in texts.items():
        findings[key] = pipe.check(plain).findings if plain.strip() else []
    per = defaultdict(lambda: [0, 0])
    rules_per: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, list] = defaultdict(list)
    for key, errs in marked.items():
        for category, severity, s, e in errs:
            hit = [f for f in findings[key] if f.start <= e and s <= f.end]
            per[category][0] += 1
            per[category][1] += bool(hit)
            for f in hit:
                rules_per[category][f.rule] += 1
            if not hit:
                misses[category].append((texts[key], s, e))
    print(f"{'MQM category':45s} {'marked':>7s} {'touched':>8s}  rules")
    for category, (n, k) in sorted(per.items(), key=lambda kv: -kv[1][0]):
        top = ", ".join(f"{r} {c}" for r, c in rules_per[category].most_common(4))
        print(f"{category:45s} {n:7d} {k:8d}  {top}")
    clean = [k for k in texts if clean_votes[k] and not marked.get(k)]
    alarms = [(k, f) for k in clean for f in findings[k]]
    words = sum(len(texts[k].split()) for k in clean)
    print(f"\nsegments no rater marked: {len(clean)} ({words} words), findings there: {len(alarms)} "
          f"{dict(Counter(f.rule for _, f in alarms))}")
    wanted = [c for c in args.categories.split(",") if c]
    for category in wanted:
        print(f"\nmisses, {category}:")
        for text, s, e in misses.get(category, [])[:args.show]:
            print(f"  {text[max(0, s - 50):s]}⟦{text[s:e]}⟧{text[e:e + 40]}")
    if args.show:
        print("\nfindings on segments no rater marked:")
        for k, f in alarms[:args.show]:
            t = texts[k]
            print(f"  {f.rule} {t[max(0, f.start - 50):f.start]}⟦{t[f.start:f.end]}⟧{t[f.end:f.end + 40]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
