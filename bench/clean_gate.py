"""Findings per 10,000 words on clean, professionally edited news (not a test).

    python bench/clean_gate.py [LANG...] [--files ntrex|news|parallel|all] [--show 10] [--select RULES]
                               [--unverified] [--block 30]

The CI gate (tests/test_clean_gate.py) reads the held-out sets: ntrex.<lang>.txt,
and news.pt.txt lines 1-1997 for Portuguese, one article (ntrex.docids.txt) at a time. `--files news` reads the news.*
files the casing lexicons were built from (in-sample), which also contain real
artefacts of their own: glued words, mojibake, wrong quotes.

Professionally edited text has slips of its own (`conmemorar.”.`, a lower-case
sentence start, an unclosed quotation). A finding on one is right, and it is
listed in bench/clean_slips.tsv (file, line, rule, columns, and why it is a
slip, in words: the data's text is not copied) after a person read it. The
table reports every finding and, apart, how many were not verified slips;
`--unverified` prints those in the slips file's format, for review.

The news.* and parallel files are read a line to a document, unless `--block
N` groups N lines into one: rules that weigh the whole document's evidence
(a name or a pair the text writes elsewhere) then meet a page's worth of
words, and their false findings show.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize import Pipeline  # noqa: E402

DATA = Path(__import__("os").environ.get("MTNORM_SHARED_DATA", ROOT.parent / "shared" / "data"))
HELD_OUT = {"en": ("ntrex.en.txt", None), "es": ("ntrex.es.txt", None), "fr": ("ntrex.fr.txt", None),
            "de": ("ntrex.de.txt", None), "it": ("ntrex.it.txt", None), "ru": ("ntrex.ru.txt", None),
            "pt": ("news.pt.txt", 1997)}


def lines(name: str, limit: int | None):
    with open(DATA / name, encoding="utf-8") as fh:
        yield from islice(fh, limit)


def documents(name: str, limit: int | None, block: int = 1):
    """NTREX files (and news.pt.txt, aligned with them) grouped into their
    articles by ntrex.docids.txt; other files line by line, or ``block``
    lines at a time (a page's worth, so that rules that read the whole
    document's evidence meet as many words as on a real page)."""
    ids_path = DATA / "ntrex.docids.txt"
    if name.startswith(("ntrex.", "news.pt")) and ids_path.is_file():
        ids = ids_path.read_text(encoding="utf-8").splitlines()
        buf, current, first = [], None, 1
        for i, line in enumerate(lines(name, limit)):
            doc_id = ids[i % len(ids)]
            if buf and doc_id != current:
                yield "".join(buf), first
                buf, first = [], i + 1
            current = doc_id
            buf.append(line)
        if buf:
            yield "".join(buf), first
    elif block > 1:
        buf, first = [], 1
        for i, line in enumerate(lines(name, limit)):
            buf.append(line)
            if len(buf) == block:
                yield "".join(buf), first
                buf, first = [], i + 2
        if buf:
            yield "".join(buf), first
    else:
        for i, line in enumerate(lines(name, limit)):
            yield line, i + 1


SLIPS = Path(__file__).resolve().parent / "clean_slips.tsv"


def verified_slips() -> set[tuple[str, int, str, int, int]]:
    """(file, line, rule, start column, end column) of the findings on clean
    text that a person read and found to be slips of that text."""
    out = set()
    if SLIPS.is_file():
        for ln in SLIPS.read_text(encoding="utf-8").splitlines():
            if ln and not ln.startswith("#") and not ln.startswith("file\t"):
                f, line, rule, s, e = ln.split("\t")[:5]
                out.add((f, int(line), rule, int(s), int(e)))
    return out


def where(name: str, first: int, text: str, start: int, end: int) -> tuple[str, int, int, int]:
    """(file, 1-based line, columns) of a finding in a document that starts at line ``first``."""
    line_start = text.rfind("\n", 0, start) + 1
    return name, first + text.count("\n", 0, start), start - line_start, end - line_start


def measure(lang: str, files: list[tuple[str, int | None]], detect: bool = True, select=None, options=None,
            block: int = 1):
    """(words, findings by rule, examples, detected languages, findings that
    are no verified slip: (file, line, rule, start column, end column, context))."""
    pipe = Pipeline(select=select, options=options) if detect else Pipeline(language=lang, select=select, options=options)
    words, counts, examples, langs = 0, Counter(), [], Counter()
    slips = verified_slips()
    unverified = []
    for name, limit in files:
        for text, first in documents(name, limit, block):
            res = pipe.check(text)
            langs[res.language] += 1
            words += len(text.split())
            for f in res.findings:
                counts[f.rule] += 1
                examples.append((f.rule, f.applicability.value,
                                 text[max(0, f.start - 30):f.end + 30].strip(), f.fix))
                file, line, s, e = where(name, first, text, f.start, f.end)
                if (file, line, f.rule, s, e) not in slips:
                    unverified.append((file, line, f.rule, s, e, text[max(0, f.start - 30):f.end + 30].strip()))
    return words, counts, examples, langs, unverified


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=list(HELD_OUT))
    ap.add_argument("--files", choices=("ntrex", "news", "parallel", "all"), default="ntrex",
                    help="held-out NTREX articles (the CI gate), the news.* lines, the parallel "
                         "sources and references, or all of them")
    ap.add_argument("--select", help="only these rules (codes, prefixes, names or categories)")
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--no-detect", action="store_true", help="force the language instead of detecting it")
    ap.add_argument("--unverified", action="store_true",
                    help="print the findings that are no verified slip (bench/clean_slips.tsv format)")
    ap.add_argument("--block", type=int, default=1,
                    help="read the news and parallel files this many lines to a document (default: a line)")
    ap.add_argument("--segment-detector", help="name short segments' language with this detector (lingua, py3langid)")
    ap.add_argument("--damaged-text", action="store_true",
                    help="as if the text were known to have lost spaces (the damaged_text option): "
                         "what that option costs on clean text")
    args = ap.parse_args(argv)
    options = {"segment_detector": args.segment_detector} if args.segment_detector else {}
    if args.damaged_text:
        options["damaged_text"] = True
    for lang in args.langs:
        files = []
        if args.files in ("ntrex", "all"):
            files.append(HELD_OUT[lang])
        if args.files in ("news", "all") and (DATA / f"news.{lang}.txt").is_file() and lang != "pt":
            files.append((f"news.{lang}.txt", None))
        if args.files in ("parallel", "all"):
            files += [(p.name, None) for p in sorted(DATA.glob(f"parallel.*-*.{lang}"))
                      if p.name != "parallel.fr-en.en"]   # (the es-en file's twin)
        if not files:
            continue
        words, counts, examples, langs, unverified = measure(lang, files, not args.no_detect,
                                                             args.select.split(",") if args.select else None, options,
                                                             args.block)
        n = sum(counts.values())
        print(f"{lang}: {words} words, {n} findings, {n / words * 1e4:.2f} per 10k words "
              f"({len(unverified)} not verified slips: {len(unverified) / words * 1e4:.2f}) "
              f"{dict(counts)}; detected {dict(langs.most_common(3))}")
        if args.unverified:
            for u in unverified:
                print("\t".join(map(str, u[:5])) + "\t" + repr(u[5]))
            continue
        random.Random(0).shuffle(examples)
        for ex in examples[:args.show]:
            print("    ", ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
