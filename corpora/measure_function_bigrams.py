"""Measure how often clean news writes two function words side by side (for ``function_bigrams.tsv``).

    python corpora/measure_function_bigrams.py [LANG...] [--write]

Two function words glued together (`weare`, `shouldbe`, `dela`) are often a
token the word list knows, because web text writes them so: wordfreq holds
`weare` at zipf 2.3. Whether such a token is glue is a question of how much
likelier the two words are side by side, and the product of their own
frequencies is a poor estimate of that for words that go together (`we are`
is far commoner than `we` times `are`). For each language this counts, in
``../shared/data/news.<lang>.txt`` (Portuguese: lines 1998-, the rest being
the clean gate's held-out half), every pair of words of ``function_words.txt``
or ``glue_words.txt`` written one after the other with one space between
them, case folded, and gives its frequency on wordfreq's zipf scale (log10
of uses per billion words). ``--write`` writes the pairs with MIN_USES uses
or more to ``rules/<lang>/function_bigrams.tsv``: only figures, no text.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.resources import SUPPORTED_LANGUAGES, rules_root, word_list  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MIN_USES = 5
FIRST_LINE = {"pt": 1997}   # lines before this are the clean gate's held-out text
_WORD = re.compile(r"[^\W\d_]+")


def pair_zipfs(lang: str) -> tuple[dict[tuple[str, str], tuple[float, int]], int]:
    """(first, second) -> (zipf of the pair, uses), and the words read."""
    fw = word_list(lang, "function_words.txt") | word_list(lang, "glue_words.txt")
    pairs: Counter = Counter()
    words = 0
    with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
        for line in islice(fh, FIRST_LINE.get(lang, 0), None):
            prev_end, prev = -1, None
            for m in _WORD.finditer(line):
                words += 1
                word = m.group().lower()
                if prev is not None and m.start() == prev_end + 1 and line[prev_end] == " " \
                        and prev in fw and word in fw:
                    pairs[prev, word] += 1
                prev, prev_end = word, m.end()
    return {k: (math.log10(n / words * 1e9), n) for k, n in pairs.items()}, words


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    ap.add_argument("--write", action="store_true", help="write rules/<lang>/function_bigrams.tsv")
    args = ap.parse_args(argv)
    for lang in args.langs:
        if not (DATA / f"news.{lang}.txt").is_file():
            print(lang, "(no news file)")
            continue
        zipfs, words = pair_zipfs(lang)
        rows = sorted((k for k, (_, n) in zipfs.items() if n >= MIN_USES), key=lambda k: (-zipfs[k][1], k))
        print(f"{lang}: {words} words, {len(rows)} pairs with {MIN_USES} uses or more")
        if args.write:
            path = rules_root() / lang / "function_bigrams.tsv"
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(f"# Measured by corpora/measure_function_bigrams.py on news.{lang}.txt ({words} words):\n"
                         f"# two function words written side by side, case folded ({MIN_USES} uses or more), and\n"
                         "# the pair's frequency on wordfreq's zipf scale (log10 of uses per billion words).\n"
                         "# MTN401 weighs a token that glues the pair (`weare`) against it.\n"
                         "first\tsecond\tzipf\tuses\n")
                for a, b in rows:
                    fh.write(f"{a}\t{b}\t{zipfs[a, b][0]:.2f}\t{zipfs[a, b][1]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
