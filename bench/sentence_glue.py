"""Sentences glued together where a paragraph or a link ended: how many does MTN101 part? (not a test)

    python bench/sentence_glue.py [LANG...] [--docs 60] [--share 0.33] [--seed 1] [--show N]

Takes the first ``--docs`` held-out articles of each language (the clean
gate's files, ../shared/data), joins each article's lines into one paragraph,
and removes the space after a share of its sentence ends (a letter, then
``.``, ``!`` or ``?``, then a space and a word that does not start in lower
case), chosen at random with a fixed seed: `Sunday.She`, `Bücher.Dabei`,
`prochaine.L’ouragan`, `said.ABC`. Each paragraph is fixed with its language
given (safe fixes only, as a user's `mtnorm fix` would), and the table gives,
per language, the removed spaces put back, and the spaces inserted after a
sentence mark where none was removed (stray). ``--show N`` prints N misses.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from clean_gate import documents  # noqa: E402
from glue_shapes import DATA, FILES  # noqa: E402

from normalize import Pipeline  # noqa: E402

_END = re.compile(r"(?<=[^\W\d_][.!?]) (?=[^\W\d_])")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=list(FILES))
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--share", type=float, default=0.33)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args(argv)
    if not (DATA / FILES["en"]).is_file():
        print(f"no held-out articles in {DATA}: nothing to measure")
        return 0
    for lang in args.langs:
        rng = random.Random(f"{args.seed}-{lang}")
        pipe = Pipeline(language=lang)
        put_back = removed_total = stray = 0
        misses = []
        for n, (doc, _) in enumerate(documents(FILES[lang], None)):
            if n >= args.docs:
                break
            doc = " ".join(doc.split("\n")).strip()
            spots = [m.start() for m in _END.finditer(doc) if not doc[m.end()].islower()]
            chosen = sorted(rng.sample(spots, int(len(spots) * args.share))) if spots else []
            pieces, last, removed = [], 0, []
            for s in chosen:
                pieces.append(doc[last:s])
                removed.append(sum(map(len, pieces)))
                last = s + 1
            pieces.append(doc[last:])
            text = "".join(pieces)
            inserted = {e.start for e in pipe.fix(text).edits if e.start == e.end and e.replacement == " "}
            for p in removed:
                removed_total += 1
                if p in inserted:
                    put_back += 1
                elif len(misses) < args.show:
                    misses.append(text[max(0, p - 30):p + 20])
            stray += sum(1 for p in inserted - set(removed) if text[p - 1:p] in ".!?")
        print(f"{lang}  {put_back}/{removed_total} put back  stray {stray}")
        for m in misses:
            print(f"    {m!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
