"""Measure before which function words clean news writes a comma (for ``glue_commas.tsv``).

    python corpora/measure_glue_commas.py [LANG...] [--write]

A lost tag that glues two words together often takes the comma between them
with it (`medicinewhich`, `Máyneza young`, `gesagtdass`): MTN401 splits the
token, and whether its fix should put back `, ` or a bare space is a
question of how the language writes that word after such a word. For each
language this counts, in ``../shared/data/news.<lang>.txt``, every word of
``function_words.txt`` that follows a content word mid-sentence (one space,
or a comma and a space), apart for a lower-case and a capitalised content
word before it (a name: `Reuters, which`), and prints the share written
after a comma. ``--write`` writes the rows with MIN_USES uses or more whose
share is MIN_SHARE or more (a comma clearly more likely than not) to
``rules/<lang>/glue_commas.tsv``: only figures, no text.
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
MIN_USES = 40
MIN_SHARE = 0.65
_PAIR = re.compile(r"([^\W\d_]+)(,?) (?=([^\W\d_]+))")
_OPENS = set(".!?…:;\"“”«»„()[]—–-")


def comma_shares(lang: str) -> dict[tuple[str, str], tuple[float, int]]:
    """(function word, `lower` or `capitalised`) -> (share of its uses after
    such a content word that a comma stands between, uses)."""
    fw = word_list(lang, "function_words.txt")
    uses, commas = Counter(), Counter()
    with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
        for line in fh:
            for m in _PAIR.finditer(line):
                prev, comma, word = m.group(1), m.group(2), m.group(3)
                if word not in fw or prev.lower() in fw:
                    continue
                before = line[:m.start()].rstrip()
                if not before or before[-1] in _OPENS:
                    continue   # the first word of a sentence or a clause: its capital says nothing
                if prev.islower():
                    kind = "lower"
                elif prev[0].isupper() and prev[1:].islower():
                    kind = "capitalised"
                else:
                    continue
                uses[word, kind] += 1
                commas[word, kind] += bool(comma)
    return {k: (commas[k] / n, n) for k, n in uses.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    ap.add_argument("--write", action="store_true", help="write rules/<lang>/glue_commas.tsv")
    args = ap.parse_args(argv)
    for lang in args.langs:
        if not (DATA / f"news.{lang}.txt").is_file():
            print(lang, "(no news file)")
            continue
        shares = comma_shares(lang)
        rows = sorted((k for k, (share, n) in shares.items() if n >= MIN_USES and share >= MIN_SHARE),
                      key=lambda k: (-shares[k][0], k))
        print(lang, " ".join(f"{w}/{kind[0]} {shares[w, kind][0]:.2f}" for w, kind in rows) or "(none)")
        if args.write:
            path = rules_root() / lang / "glue_commas.tsv"
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(f"# Measured by corpora/measure_glue_commas.py on news.{lang}.txt: function words\n"
                         f"# that clean news writes after a comma in two cases of three or more when a content word\n"
                         f"# (lower-case or capitalised) comes before them ({MIN_USES} uses or more).\n"
                         f"# MTN401 puts the comma back where it splits such a pair glued together.\n"
                         "word\tafter\tshare\tuses\n")
                for w, kind in rows:
                    fh.write(f"{w}\t{kind}\t{shares[w, kind][0]:.2f}\t{shares[w, kind][1]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
