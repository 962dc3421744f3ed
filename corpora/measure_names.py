"""Find the given names clean news uses (for ``rules/common/given_names.txt``).

    python corpora/measure_names.py [--write]

Reads the clean news of ``../shared/data`` in the supported languages but
German, which capitalises every noun (the text the casing lexicons are built
from; Portuguese lines 1998- only) and
counts, for each capitalised word mid-sentence, how often it opens a pair of
capitalised words (``Donald Trump``), closes one, or stands alone. People are
named by surname on their own, never by given name: a word that opens at
least MIN_PAIRS different pairs, is seen at least MIN_USES times, opens a
pair in at least FIRST_SHARE of its uses, and is capitalised in at least
MIN_CAP of its uses mid-sentence (``Prime``, ``United`` are not) is taken for
a given name. Places that open a pair (``Hong``, ``Los``) pass too; what the
casing stage reads from the list stays right for them (`Hong kong`).
Only the names are committed, never text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.resources import SUPPORTED_LANGUAGES, rules_root, word_list  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MIN_PAIRS = 2
MIN_USES = 3
FIRST_SHARE = 0.8
MIN_CAP = 0.98
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;][\"”»’)]*\s+")


def lines(lang: str):
    with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if lang == "pt" and n < 1998:
                continue
            yield line


def _capitalised(w: str) -> bool:
    """`Macron`, and a double-barrelled name's parts each so (`Jochner-Weiss`)."""
    return all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in w.split("-")) and len(w) > 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    seconds: dict[str, set[str]] = defaultdict(set)
    first, other, low = Counter(), Counter(), Counter()
    fw: set[str] = set()
    for lang in SUPPORTED_LANGUAGES:
        fw |= word_list(lang, "function_words.txt")
        if lang == "de":
            continue   # German capitalises every noun: no clue to names there
        for line in lines(lang):
            words = list(_WORD.finditer(line))
            if len(words) >= 4 and sum(_capitalised(w.group()) for w in words) > 0.5 * len(words):
                continue   # a title-case line
            starts = {0} | {m.end() for m in _SENTENCE_END.finditer(line)}
            for k, m in enumerate(words):
                w = m.group()
                if w.islower():
                    low[w] += 1
                    continue
                if not _capitalised(w) or m.start() in starts or line[:m.start()].strip() in ('"', "«", "„", "“"):
                    continue
                nxt = words[k + 1] if k + 1 < len(words) else None
                glued = nxt is not None and line[m.end():nxt.start()] == " " and _capitalised(nxt.group())
                if glued:
                    first[w] += 1
                    seconds[w].add(nxt.group())
                else:
                    other[w] += 1
    names = sorted(w.lower() for w, n in first.items()
                   if len(seconds[w]) >= MIN_PAIRS and n >= MIN_USES and len(w) >= 3 and w.lower() not in fw
                   and n >= FIRST_SHARE * (n + other[w])
                   and n + other[w] >= MIN_CAP * (n + other[w] + low[w.lower()]))
    print(f"{len(names)} given names")
    if args.write:
        d = rules_root() / "common"
        d.mkdir(exist_ok=True)
        with open(d / "given_names.txt", "w", encoding="utf-8") as fh:
            fh.write("# Given names: capitalised words that clean news writes mid-sentence right before\n"
                     "# another capitalised word (two or more different ones) in 80 % of their uses\n"
                     "# (corpora/measure_names.py on ../shared/data/news.*). Lower case; one a line.\n")
            for w in names:
                fh.write(w + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
