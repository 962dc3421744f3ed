"""The safe fixes `mtnorm fix` makes on correct text (not a test).

    python bench/safe_fixes.py [--lines N] [--show 20] [--sources news ntrex parallel mqm]

A safe fix is applied unattended, on corpora and by the pre-commit hook, so it
must be right every time on text that is already correct. This runs `fix`
(safe fixes only, the language detected as a user's run does) over the clean,
professionally edited text of ../shared/data, cut into articles of 20 lines:

- news.<lang>.txt, ntrex.<lang>.txt, both sides of parallel.*, and the human
  translations among the MQM zh->en targets (rater markup stripped);

and prints, per rule and language, the safe fixes made; those a person read
and found to be slips of the text itself (bench/clean_slips.tsv: `depotwas`,
a lower-case `thursday`), and repairs of C1 control characters and HTML
entities (never part of correct text), are counted as right; every other one is listed
with its context. A shape that changes a correct word must become unsafe
or gain the condition it lacked; tests/test_safe_fixes.py keeps the count of
unverified safe fixes at zero on the first lines of each file.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from normalize import Pipeline  # noqa: E402
from clean_gate import DATA, verified_slips, where  # noqa: E402

LANGS = ("en", "es", "fr", "de", "it", "pt", "ru")
PER_DOC = 20


def sources(kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """(file name, language) of the clean text present."""
    out = []
    if "news" in kinds:
        out += [(f"news.{lang}.txt", lang) for lang in LANGS]
    if "ntrex" in kinds:
        out += [(f"ntrex.{lang}.txt", lang) for lang in LANGS]
    if "parallel" in kinds:
        for pair in ("de-en", "es-en", "fr-en", "ru-en"):
            for lang in pair.split("-"):
                out.append((f"parallel.{pair}.{lang}", lang))
    if "mqm" in kinds:
        out += [("mqm.zhen.tsv", "en"), ("mqm.zhen.news2023.tsv", "en")]
    return [(name, lang) for name, lang in out if (DATA / name).is_file()]


_MQM_MARKUP = re.compile(r"</?v>")
_ENCODING_DAMAGE = re.compile(r"[\u0080-\u009f]|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+\d*);")


def lines_of(name: str, limit: int | None):
    """The file's lines; for an MQM file, each human translation's segment
    once, without the raters' span markup."""
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        if not name.startswith("mqm."):
            yield from islice(fh, limit)
            return
        seen = set()
        n = 0
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not (row.get("system") or "").lower().startswith(("human", "ref")):
                continue
            key = (row["system"], row["doc"], row["seg_id"])
            if key in seen:
                continue
            seen.add(key)
            yield _MQM_MARKUP.sub("", row["target"] or "") + "\n"
            n += 1
            if limit is not None and n >= limit:
                return


def articles(name: str, limit: int | None):
    """(text, first line) of each 20-line article."""
    buf, first = [], 1
    for i, line in enumerate(lines_of(name, limit)):
        if not buf:
            first = i + 1
        buf.append(line)
        if len(buf) == PER_DOC:
            yield "".join(buf), first
            buf = []
    if buf:
        yield "".join(buf), first


def audit(kinds=("news", "ntrex", "parallel", "mqm"), limit: int | None = None):
    """(counts[(rule, lang)] = [fixes, verified slips], unverified rows)."""
    pipe = Pipeline()   # safe fixes only, the language detected
    slips = verified_slips()
    counts: dict[tuple[str, str], list[int]] = {}
    unverified = []
    for name, file_lang in sources(kinds):
        for text, first in articles(name, limit):
            res = pipe.fix(text)
            for e in res.edits:
                for rule in e.rules:
                    key = (rule, res.language or file_lang)
                    row = counts.setdefault(key, [0, 0])
                    row[0] += 1
                    file, line, s, c = where(name, first, text, e.start, e.end)
                    if _ENCODING_DAMAGE.search(text, e.start, e.end):
                        row[1] += 1   # a C1 control or an HTML entity: no correct text holds one
                        continue
                    # a slip is listed under the finding's columns; an edit may
                    # be a finding's part (a space inside a span): either matches
                    if any((file, line, rule, a, b) in slips for a, b in ((s, c), (s, s), (c, c))) or \
                            any(f == file and ln == line and r == rule and a <= s and c <= b
                                for f, ln, r, a, b in slips):
                        row[1] += 1
                    else:
                        unverified.append((file, line, rule, s, c, text[max(0, e.start - 40):e.end + 40]
                                           .replace("\n", "⏎"), text[e.start:e.end], e.replacement))
    return counts, unverified


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", nargs="+", default=["news", "ntrex", "parallel", "mqm"],
                    choices=("news", "ntrex", "parallel", "mqm"))
    ap.add_argument("--lines", type=int, default=None, help="the first N lines of each file only")
    ap.add_argument("--show", type=int, default=30, help="list this many unverified fixes")
    args = ap.parse_args(argv)
    if not sources(tuple(args.sources)):
        print(f"no clean text under {DATA}")
        return 0
    counts, unverified = audit(tuple(args.sources), args.lines)
    print(f"{'rule':8} {'lang':4} {'safe fixes':>10} {'slips (right)':>13} {'on correct text':>15}")
    for (rule, lang), (n, ok) in sorted(counts.items()):
        print(f"{rule:8} {lang:4} {n:10} {ok:13} {n - ok:15}")
    total = sum(n for n, _ in counts.values())
    right = sum(ok for _, ok in counts.values())
    print(f"total: {total} safe fixes, {right} on real slips of the text, {total - right} on correct text")
    for row in unverified[:args.show]:
        file, line, rule, s, c, ctx, old, new = row
        print(f"{file}\t{line}\t{rule}\t{s}\t{c}\t`{old}` -> `{new}`\t{ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
