"""Measure how clean news writes each word mid-sentence (for ``lower_words.tsv``).

    python corpora/measure_casing.py [LANG...] [--write]

For each language, counts in the clean news of ``../shared/data`` (the text
the casing lexicons are built from: ``news.<lang>.txt``; for Portuguese lines
1998- of ``news.pt.txt``, the held-out clean gate reading lines 1-1997) how
often each word is written in lower case and how often Capitalised when it
neither opens a sentence nor stands in a title-case line. Words seen at
least MIN_USES times and written in lower case at least MIN_LOWER of the time
go to ``rules/<lang>/lower_words.tsv`` (``--write``; otherwise a summary is
printed). The casing stage reads it: a word the language writes in lower
case mid-sentence, Capitalised in the middle of a sentence (`mortaio
Ucraino`, `Gandhi Attacked the`), is a capital the translation or the page's
markup put there. Only counts are committed, never text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.resources import SUPPORTED_LANGUAGES, rules_root  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MIN_USES = 10
MIN_LOWER = 0.97
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;][\"”»’)]*\s+")
_QUOTE_OPEN = "\"«“„‘'(—–-"


def lines(lang: str):
    with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if lang == "pt" and n < 1998:
                continue   # the clean gate's half
            yield line


def casing_counts(lang: str) -> tuple[Counter, Counter]:
    """(lower-case uses, Capitalised uses) mid-sentence, by lower-cased word."""
    low, cap = Counter(), Counter()
    for line in lines(lang):
        words = _WORD.findall(line)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.5 * len(words):
            continue   # a title-case line
        starts = {0} | {m.end() for m in _SENTENCE_END.finditer(line)}
        for m in _WORD.finditer(line):
            w = m.group()
            i = m.start()
            while i > 0 and line[i - 1] in _QUOTE_OPEN + " ":
                i -= 1
            if i in starts or i == 0:
                continue
            if w.islower():
                low[w] += 1
            elif w[0].isupper() and (len(w) == 1 or w[1:].islower()):
                cap[w.lower()] += 1
    return low, cap


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    ap.add_argument("--write", action="store_true", help="write rules/<lang>/lower_words.tsv")
    args = ap.parse_args(argv)
    for lang in args.langs:
        low, cap = casing_counts(lang)
        rows = sorted((w, n, cap[w]) for w, n in low.items()
                      if n + cap[w] >= MIN_USES and n / (n + cap[w]) >= MIN_LOWER)
        print(f"{lang}: {len(rows)} words written in lower case mid-sentence "
              f"(of {len(low)} lower-case forms)")
        if args.write:
            path = rules_root() / lang / "lower_words.tsv"
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(f"# Words clean news writes in lower case mid-sentence (at least {MIN_LOWER:.0%} of "
                         f"{MIN_USES}+ uses), counted by corpora/measure_casing.py\n"
                         f"# in ../shared/data/news.{lang}.txt (Portuguese: lines 1998-). Counts only.\n"
                         "word\tlow\tcap\n")
                for w, n, c in rows:
                    fh.write(f"{w}\t{n}\t{c}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
