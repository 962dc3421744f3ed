"""Which language detector names the language of a short segment best?

MTN801, MTN803 and MTN804 name the language of the passage they flag, often a
few words long. This compares langdetect (the default), the word lists'
unigram model (``words``, built in), what MTN804 names by default
(``mtn804``: langdetect checked by the word model), lingua
(``pip install 'mtnorm[lingua]'``) and py3langid, each restricted to the seven
supported languages, on segments of 1, 2, 3, 5 and 8 consecutive words taken
at random (seeded) from the clean news in ``../shared/data/news.<lang>.txt``:
accuracy per segment length and milliseconds per segment.

    python bench/segment_language.py [--per 300] [--detectors langdetect,words,mtn804,lingua,py3langid]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.resources import SUPPORTED_LANGUAGES  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
LENGTHS = (1, 2, 3, 5, 8)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def segments(lang: str, per: int, seed: int = 7):
    """``per`` segments of each length of LENGTHS from the language's news,
    read line by line (a reservoir per length: the file is not held)."""
    rng = random.Random(f"{seed}-{lang}")
    reservoirs = {n: [] for n in LENGTHS}
    seen = {n: 0 for n in LENGTHS}
    with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
        for line in fh:
            words = _WORD.findall(line)
            for n in LENGTHS:
                if len(words) < n + 2:
                    continue
                i = rng.randrange(0, len(words) - n)
                seg = " ".join(words[i:i + n])
                if n == 1 and len(seg) < 4:
                    continue
                seen[n] += 1
                r = reservoirs[n]
                if len(r) < per:
                    r.append(seg)
                else:
                    k = rng.randrange(seen[n])
                    if k < per:
                        r[k] = seg
    return reservoirs


def detectors(names):
    """name -> a function naming a segment's supported language (or None),
    each detector restricted to the supported languages."""
    from normalize.stages.language import check_segment_detector, segment_probabilities
    out = {}
    for name in names:
        if name == "mtn804":
            # what MTN804 names by default: langdetect from 12 characters, checked
            # by the word model, else the word model (no document language to leave out)
            from normalize.stages.foreign import ForeignTextStage
            out[name] = lambda text: ForeignTextStage._language_of(text, [], "")
            continue
        try:
            check_segment_detector(name)
        except ValueError as exc:
            raise ImportError(str(exc)) from None

        def best(text, name=name):
            for lang, _ in segment_probabilities(text, name):
                if lang in SUPPORTED_LANGUAGES:
                    return lang
            return None
        out[name] = best
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per", type=int, default=300, help="segments per language and length")
    ap.add_argument("--detectors", default="langdetect,words,mtn804,lingua,py3langid")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"no {DATA}: nothing to measure")
        return 0
    names = args.detectors.split(",")
    try:
        dets = detectors(names)
    except ImportError as e:
        print(f"a detector is not installed ({e}); pip install 'mtnorm[lingua]' py3langid")
        return 2
    data = {lang: segments(lang, args.per) for lang in SUPPORTED_LANGUAGES}
    for name, det in dets.items():
        det("warm up the models")
        right = {n: 0 for n in LENGTHS}
        total = {n: 0 for n in LENGTHS}
        t0 = time.perf_counter()
        for lang, by_len in data.items():
            for n, segs in by_len.items():
                for seg in segs:
                    total[n] += 1
                    right[n] += det(seg) == lang
        ms = 1000 * (time.perf_counter() - t0) / max(1, sum(total.values()))
        cells = "  ".join(f"{n} w: {right[n] / max(1, total[n]):.3f}" for n in LENGTHS)
        print(f"{name:<11} {cells}   {ms:.2f} ms/segment")
    return 0


if __name__ == "__main__":
    sys.exit(main())
