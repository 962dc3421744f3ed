"""Misplaced-space recall and stray moves on held-out news, per language (not a test).

    python bench/misplaced_space.py [LANG...] [--lines 2000] [--share 0.35] [--seed 1]
                                    [--show] [--stray] [--json]

Takes the glue bench's held-out clean articles (glue_shapes.FILES,
../shared/data) and, in a share of the lines, moves the space between two
lower-case alphabetic words by one letter, left or right at random (``the
high`` -> ``th ehigh`` or ``theh igh``), then runs ``fix --unsafe-fixes`` on
each whole article with its language given. Reports the moved spaces, how
many an MTN402 finding covers (flagged), how many its fix puts back exactly,
and the MTN402 findings anywhere else (stray: a move the text did not call
for). Moves that leave a word of the language on either side (``a nice`` ->
``an ice``) are counted apart as `word-left`: no detector can see them
without context, and MTN402 leaves them alone by design.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from clean_gate import documents  # noqa: E402
from glue_shapes import DATA, FILES, WORD, article_arguments  # noqa: E402

from normalize import Pipeline  # noqa: E402
from normalize.resources import word_frequencies  # noqa: E402
from normalize.stages.misplaced import no_word  # noqa: E402
from normalize.stages.runtogether import glue_words  # noqa: E402


def moved_documents(lang: str, n: int, rng: random.Random, share: float):
    """(original, moved, moves) for the held-out articles: ``moves`` lists
    (start, end, word_left) of each moved pair in the moved text, whose
    length is the original's."""
    freqs, fw = word_frequencies(lang), glue_words(lang)
    for text, _ in documents(FILES[lang], n):
        out, moves, pos = [], [], 0
        for line in text.splitlines(keepends=True):
            words = list(WORD.finditer(line))
            pairs = [(x, y) for x, y in zip(words, words[1:])
                     if line[x.end():y.start()] == " " and x.group().islower() and y.group().islower()
                     and len(x.group()) >= 2 and len(y.group()) >= 2]
            if pairs and rng.random() < share:
                x, y = rng.choice(pairs)
                a, b = x.group(), y.group()
                a, b = (a + b[0], b[1:]) if rng.random() < 0.5 else (a[:-1], a[-1] + b)
                word_left = not (no_word(a, freqs, fw) or no_word(b, freqs, fw))
                line = line[:x.start()] + a + " " + b + line[y.end():]
                moves.append((pos + x.start(), pos + y.end(), word_left))
            out.append(line)
            pos += len(line)
        yield text, "".join(out), moves


def run(lang: str, n: int, seed: int, share: float):
    rng = random.Random(seed)
    pipe = Pipeline(language=lang, unsafe_fixes=True, select=["MTN402"])
    counts = {"moved": 0, "word-left": 0, "flagged": 0, "exact": 0}
    missed, stray = [], []
    for text, moved, moves in moved_documents(lang, n, rng, share):
        result = pipe.fix(moved)
        found = [f for f in result.findings if f.rule == "MTN402"]
        used = set()
        for s, e, word_left in moves:
            counts["word-left" if word_left else "moved"] += 1
            hit = [f for f in found if f.start < e and s < f.end]
            if hit:
                f = hit[0]
                used.add(id(f))
                counts["flagged"] += 1
                counts["exact"] += f.replacements[:1] == (text[f.start:f.end],)
            elif not word_left:
                missed.append(moved[max(0, s - 25):e + 25])
        stray += [moved[max(0, f.start - 30):f.end + 30] for f in found if id(f) not in used]
    return counts, missed, stray


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    article_arguments(ap, "move one space")
    ap.add_argument("--show", action="store_true", help="print the moves not flagged (no word left)")
    ap.add_argument("--stray", action="store_true", help="print MTN402 findings away from the moves")
    args = ap.parse_args(argv)
    report = {}
    for lang in args.langs:
        if not (DATA / FILES[lang]).is_file():
            print(f"{lang}: {FILES[lang]} not found in {DATA}", file=sys.stderr)
            continue
        counts, missed, stray = run(lang, args.lines, args.seed, args.share)
        report[lang] = dict(counts, stray=len(stray))
        for s in missed if args.show else ():
            print(f"  {lang} missed: {s!r}")
        for s in stray if args.stray else ():
            print(f"  {lang} stray: {s!r}")
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'lang':6s}{'moved':>8s}{'flagged':>9s}{'exact':>7s}{'word-left':>11s}{'stray':>7s}")
    for lang, r in report.items():
        print(f"{lang:6s}{r['moved']:>8d}{r['flagged']:>9d}{r['exact']:>7d}{r['word-left']:>11d}{r['stray']:>7d}")
    print("(moved: moves that leave a piece that is no word; flagged counts hits on either kind)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
