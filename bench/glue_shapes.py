"""Run-together recall by the shape of the glued pair, per language (not a test).

    python bench/glue_shapes.py [LANG...] [--lines 2000] [--share 0.35] [--seed 1]
                                [--news BLOCK] [--show SHAPE] [--stray] [--json]

A lost tag glues two words wherever a link ended, not only where our own
injector plants glue. This bench takes held-out clean news (the clean gate's
files, ../shared/data), removes one space between two alphabetic words in a
share of the lines (chosen at random with a fixed seed), and runs ``fix
--unsafe-fixes`` on each whole article with its language given. Each glued
pair is classed by shape:

    fw+word   a function word, then a word        (`thestudy`)
    word+fw   a word, then a function word        (`studythe`)
    fw+fw     two function words                  (`ofthe`)
    Name+fw   a Capitalised word, then a function word (`Madridque`)
    fw+Name   a function word, then a Capitalised word (`theViterbi`)
    word+Name a word, then a Capitalised word     (`saidPresident`)
    word+word two content words                   (`townresidents`)
    Name+Name / Name+word: the rest

and the table gives, per shape: pairs, flagged (an MTN401 finding covers the
glue) and fixed exactly (its fix puts the space back; a comma put back with
it or a letter's case counts as right), and, per language, the MTN401
findings away from the glue (stray: a split the glue did not call for;
`clean_gate.py` counts findings on the clean text itself).
Content pairs (word+word) are left joined on purpose unless the evidence is
strong, so their recall is low by design.

With ``--share 1.0`` every line loses a space, as a PDF's text or a page
whose links all lost theirs does: the rules that weigh a document's damage
(``damaged_split``) act there, and ``stray`` is their price on the correct
words of such a text. ``--news BLOCK`` reads the news.* files (other text than
NTREX), BLOCK lines to a document, instead.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from clean_gate import documents  # noqa: E402

from normalize import Pipeline  # noqa: E402
from normalize.stages.runtogether import glue_words as function_words  # noqa: E402

DATA = Path(__import__("os").environ.get("MTNORM_SHARED_DATA", ROOT.parent / "shared" / "data"))
FILES = {"en": "ntrex.en.txt", "es": "ntrex.es.txt", "fr": "ntrex.fr.txt", "de": "ntrex.de.txt",
         "it": "ntrex.it.txt", "ru": "ntrex.ru.txt", "pt": "news.pt.txt"}
WORD = re.compile(r"(?<![\w@#/.'’-])[^\W\d_]+(?![\w@/'’-])")
SHAPES = ("fw+word", "word+fw", "fw+fw", "Name+fw", "fw+Name", "word+Name", "word+word", "Name+word", "Name+Name")


def shape(a: str, b: str, fw: frozenset[str]) -> str:
    """The shape of the pair ``a b`` (a Capitalised function word, one that
    opens a sentence, is still `fw`)."""
    def kind(w: str) -> str:
        if w.lower() in fw:
            return "fw"
        return "Name" if w[0].isupper() else "word"
    return f"{kind(a)}+{kind(b)}"


def glued_documents(lang: str, n: int, rng: random.Random, share: float, news: int = 0):
    """(original, glued, glues) for the held-out documents (NTREX articles,
    up to ``n`` lines in all): in a ``share`` of their lines one space between
    two alphabetic words is removed. ``glues`` lists (position of the removed
    space in the glued text, shape). Whole articles are fixed, so the
    document's own names count as they do on a real page."""
    fw = function_words(lang)
    source = documents(f"news.{lang}.txt", n, news) if news else documents(FILES[lang], n)
    for text, _ in source:
        out, glues, pos = [], [], 0
        for line in text.splitlines(keepends=True):
            words = list(WORD.finditer(line))
            pairs = [(x, y) for x, y in zip(words, words[1:]) if line[x.end():y.start()] == " "]
            if pairs and rng.random() < share:
                x, y = rng.choice(pairs)
                glues.append((pos + x.end(), shape(x.group(), y.group(), fw)))
                line = line[:x.end()] + line[y.start():]
            out.append(line)
            pos += len(line)
        yield text, "".join(out), glues


def run(lang: str, n: int, seed: int, share: float, show: str | None, news: int = 0):
    rng = random.Random(seed)
    pipe = Pipeline(language=lang, unsafe_fixes=True)
    table = defaultdict(lambda: [0, 0, 0])
    shown, stray = [], []
    for text, glued, glues in glued_documents(lang, n, rng, share, news):
        result = pipe.fix(glued)
        covered = []
        for p, kind in glues:
            # the glued text lacks one space per earlier glue: its position in the original
            k = sum(1 for q, _ in glues if q < p)
            row = table[kind]
            row[0] += 1
            hit = [f for f in result.findings if f.rule == "MTN401" and f.start < p < f.end]
            row[1] += bool(hit)
            if hit:
                f = hit[0]
                want = text[f.start + k:f.end + k + 1]
                row[2] += any(_same(r, want) for r in f.replacements[:1])
                covered.append((f.start, f.end))
            elif show and kind == show:
                shown.append(glued[max(0, p - 30):p + 30])
        for f in result.findings:
            if f.rule == "MTN401" and not any(s <= f.start and f.end <= e for s, e in covered):
                stray.append(glued[max(0, f.start - 30):f.end + 30])
    return table, shown, stray


def _same(repl: str, want: str) -> bool:
    """The split restores the space where it stood (a comma put back or a
    letter's case changed by the same fix count as right: other repairs;
    ``del ibertad`` for ``de libertad`` does not)."""
    def norm(t: str) -> str:
        return re.sub(r"\s+", " ", t.replace(",", "")).strip().lower()
    return norm(repl) == norm(want)


def article_arguments(ap: argparse.ArgumentParser, damage: str) -> None:
    """The arguments this bench and bench/misplaced_space.py share: the
    languages, how many held-out lines to read, the share of lines to damage
    (``damage`` says how) and the seed."""
    ap.add_argument("langs", nargs="*", default=list(FILES))
    ap.add_argument("--lines", type=int, default=2000, help="read this many lines per language")
    ap.add_argument("--share", type=float, default=0.35, help=f"{damage} in this share of lines")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    article_arguments(ap, "glue one pair")
    ap.add_argument("--show", help="print the unflagged pairs of this shape")
    ap.add_argument("--stray", action="store_true", help="print MTN401 findings away from the glue")
    ap.add_argument("--news", type=int, default=0, metavar="BLOCK",
                    help="read the news.* files, this many lines to a document, instead of NTREX")
    args = ap.parse_args(argv)
    report = {}
    for lang in args.langs:
        name = f"news.{lang}.txt" if args.news else FILES[lang]
        if not (DATA / name).is_file():
            print(f"{lang}: {name} not found in {DATA}", file=sys.stderr)
            continue
        table, shown, stray = run(lang, args.lines, args.seed, args.share, args.show, args.news)
        report[lang] = {k: dict(zip(("pairs", "flagged", "exact"), v)) for k, v in table.items()}
        report[lang]["stray"] = len(stray)
        for s in shown:
            print(f"  {lang} {args.show}: {s!r}")
        if args.stray:
            for s in stray:
                print(f"  {lang} stray: {s!r}")
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    langs = list(report)
    print(f"{'shape':10s}" + "".join(f"{lang:>14s}" for lang in langs))
    for kind in SHAPES:
        cells = []
        for lang in langs:
            r = report[lang].get(kind)
            cells.append(f"{r['flagged']}/{r['pairs']} {r['exact']}" if r else "-")
        print(f"{kind:10s}" + "".join(f"{c:>14s}" for c in cells))
    print(f"{'stray':10s}" + "".join(f"{report[lang]['stray']:>14d}" for lang in langs))
    print("(each cell: flagged/pairs exact; stray: MTN401 findings away from the glue)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
