"""Short clauses left in another language: how many does MTN80x find? (not a test)

    python bench/untranslated_phrases.py [--words 4] [--per-pair 15] [--seed 1] [--line | --sentence] [LANG...]

For each pair of supported languages (the host and the fragment's), takes
``--per-pair`` three-sentence passages of the host's clean news
(``../shared/data/news.<lang>.txt``, Portuguese from line 1998) and inserts,
inside the middle sentence, ``--words`` consecutive lower-case words of the
other language's news (no digits, no capitals: a clause, not a name). Each
passage is checked with its language given; a case counts as found when an
untranslated finding (MTN801-MTN807) overlaps the inserted words. The table
gives found/cases per pair, and ``s<n>`` where findings stand away from the
insertion (in clean text: the clean gate counts those on the whole corpus);
the last line, how many of the found cases name the fragment's language right
(the finding's ``language``).
Lines are drawn with a seeded reservoir, so the files are read, not held.

With ``--line``, a whole sentence of the other language's news is put on a
line of its own between host paragraphs (two before, two after: a teaser, a
caption, a paragraph the translation skipped); ``w<n>`` then counts the
cases where one finding covers four fifths of that line or more.

With ``--sentence``, a whole sentence of the other language's news, with its
capital and its full stop, stands between two of the host's sentences on one
line (a sentence the translation skipped inside a paragraph); ``w<n>`` counts
as with ``--line``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize import Pipeline  # noqa: E402
from normalize.resources import SUPPORTED_LANGUAGES  # noqa: E402

DATA = Path(os.environ.get("MTNORM_SHARED_DATA", ROOT.parent / "shared" / "data"))
POOL = 600   # lines kept per language (a reservoir)
_WORD = re.compile(r"[^\W\d_]+")


def pool(lang: str, seed: int) -> list[str]:
    """POOL sentence-like lines (60-220 characters, ending in a full stop) of
    the language's news, drawn evenly from the file."""
    rng = random.Random(f"{seed}-{lang}")
    kept: list[str] = []
    seen = 0
    with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if lang == "pt" and n < 1998:
                continue
            line = line.strip()
            if not (60 < len(line) < 220 and line.endswith(".")):
                continue
            seen += 1
            if len(kept) < POOL:
                kept.append(line)
            else:
                k = rng.randrange(seen)
                if k < POOL:
                    kept[k] = line
    return kept


def clause(lines: list[str], words: int, rng: random.Random) -> str:
    """``words`` consecutive lower-case words, none the line's first."""
    while True:
        ws = rng.choice(lines).rstrip(".").split()
        if len(ws) < words + 2:
            continue
        i = rng.randrange(1, len(ws) - words)
        got = ws[i:i + words]
        if all(_WORD.fullmatch(w) and w.islower() for w in got):
            return " ".join(got)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    ap.add_argument("--words", type=int, default=4)
    ap.add_argument("--per-pair", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--line", action="store_true", help="insert a whole sentence on a line of its own")
    ap.add_argument("--sentence", action="store_true",
                    help="insert a whole sentence between two of the host's, on one line")
    args = ap.parse_args(argv)
    if not (DATA / "news.en.txt").is_file():
        print(f"no clean news in {DATA}: nothing to measure")
        return 0
    pools = {lang: pool(lang, args.seed) for lang in SUPPORTED_LANGUAGES}
    found = cases = wholes = named = 0
    for host in args.langs:
        pipe = Pipeline(language=host)
        cells = []
        for other in SUPPORTED_LANGUAGES:
            if other == host:
                continue
            rng = random.Random(f"{args.seed}-{host}-{other}")
            hit = stray = whole_line = 0
            for _ in range(args.per_pair):
                if args.line:
                    paragraphs = [rng.choice(pools[host]) for _ in range(4)]
                    inserted = rng.choice(pools[other])
                    head = "\n".join(paragraphs[:2]) + "\n"
                    text = f"{head}{inserted}\n" + "\n".join(paragraphs[2:]) + "\n"
                elif args.sentence:
                    before, after, more = (rng.choice(pools[host]) for _ in range(3))
                    inserted = rng.choice(pools[other])
                    head = f"{before} "
                    text = f"{head}{inserted} {after}\n{more}\n"
                else:
                    before, middle, after = (rng.choice(pools[host]) for _ in range(3))
                    ws = middle.split()
                    j = rng.randrange(2, len(ws) - 1)
                    inserted = clause(pools[other], args.words, rng)
                    head = f"{before} {' '.join(ws[:j])} "
                    text = f"{head}{inserted} {' '.join(ws[j:])} {after}"
                s, e = len(head), len(head) + len(inserted)
                marks = [f for f in pipe.check(text).findings if f.rule.startswith("MTN80")]
                hit += any(f.start < e and s < f.end for f in marks)
                named += any(f.start < e and s < f.end and f.evidence.get("language") == other for f in marks)
                whole_line += any(min(e, f.end) - max(s, f.start) >= 0.8 * (e - s) for f in marks)
                stray += sum(1 for f in marks if not (f.start < e and s < f.end))
            found += hit
            cases += args.per_pair
            wholes += whole_line
            cells.append(f"{other}:{hit}/{args.per_pair}" + (f"(w{whole_line})" if args.line or args.sentence else "")
                         + (f"(s{stray})" if stray else ""))
        print(host, " ".join(cells))
    if args.line or args.sentence:
        where = "on its own line" if args.line else "between two of the host's"
        print(f"found {found}/{cases} = {found / cases:.1%}, the whole sentence {wholes}/{cases} = "
              f"{wholes / cases:.1%} (a sentence {where})")
    else:
        print(f"found {found}/{cases} = {found / cases:.1%} ({args.words} words)")
    print(f"the fragment's language named: {named}/{found} = {named / max(1, found):.1%} of the found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
