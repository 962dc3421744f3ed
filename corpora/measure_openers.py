"""Measure which function words open sentences (for ``sentence_openers.txt``).

    python corpora/measure_openers.py [LANG...] [--write]

For each language, counts in ``../shared/data/news.<lang>.txt`` how often
each word of ``function_words.txt`` is the first word of a sentence. Words
with 20 uses or more that open at least 3 % of their sentences and are not in
``sentence_openers.txt`` yet are printed with their share; ``--write``
appends them under a comment. MTN501's fix is unsafe for an opener, since a
capital on one mid-sentence may be a lost full stop.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.resources import SUPPORTED_LANGUAGES, rules_root, word_list  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MIN_USES = 20
MIN_SHARE = 0.03
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_LEADING = "\"«»“„'(—–- "


def opener_shares(lang: str) -> dict[str, tuple[float, int]]:
    """function word -> (share of its uses that open a sentence, uses)."""
    fw = word_list(lang, "function_words.txt")
    first, total = Counter(), Counter()
    with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
        for line in fh:
            for sentence in _SENTENCE_END.split(line.strip()):
                for j, w in enumerate(_WORD.findall(sentence.lstrip(_LEADING))):
                    low = w.lower()
                    if low in fw:
                        total[low] += 1
                        first[low] += j == 0
    return {w: (first[w] / n, n) for w, n in total.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    ap.add_argument("--write", action="store_true", help="append the new openers to the rule packs")
    args = ap.parse_args(argv)
    for lang in args.langs:
        known = word_list(lang, "sentence_openers.txt")
        shares = opener_shares(lang)
        new = sorted(w for w, (share, n) in shares.items()
                     if n >= MIN_USES and share >= MIN_SHARE and w not in known)
        print(lang, " ".join(f"{w} {shares[w][0]:.2f}" for w in new) or "(none new)")
        if args.write and new:
            path = rules_root() / lang / "sentence_openers.txt"
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(f"# Measured: function words that open at least 3 % of the sentences they occur in\n"
                         f"# (news.{lang}.txt, 20 uses or more). A capital on one mid-sentence may be a lost "
                         "full stop.\n" + "\n".join(new) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
