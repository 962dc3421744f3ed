"""Run-together repair on the ACL tokenization-repair benchmark (Bast et al. 2021).

Measures the precision and recall of the spaces that ``mtnorm fix
--unsafe-fixes --lang en`` inserts against the gold insertions: each line read
as a document (with and without ``--damaged-text``, the option for text
extracted from PDFs), and the split read as one file, as ``mtnorm fix`` reads a
file (whose damage, then, every line shows); and the same
for a wordninja baseline (every alphabetic token not in wordfreq split by
wordninja). Reads ../shared/data/wordseg.acl.<split>.{corrupt,correct}.txt.

    python bench/wordseg_acl.py [--split test|dev] [--split-compounds] [--json]
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize import Pipeline  # noqa: E402


def space_positions(text: str) -> set[int]:
    """Spaces, keyed by how many non-space characters precede them."""
    out, n = set(), 0
    for ch in text:
        if ch.isspace():
            out.add(n)
        else:
            n += 1
    return out


def inserted_spaces(text: str, edits) -> set[int]:
    """Spaces the edits insert, keyed like :func:`space_positions` (non-space
    characters of ``text`` before them). Edits that change other characters
    (``said..`` -> ``said.``) insert no space and are skipped; a split that
    puts back a comma too (``medicinewhich`` -> ``medicine, which``) or
    whose later pass changed a letter's case (``evidenceThe`` -> ``evidence
    the``) counts its space: the comma and the case are other repairs."""
    out: set[int] = set()
    for start, end, repl in edits:
        span = text[start:end]
        kept = re.sub(r"\s", "", span)
        if re.sub(r"[\s,]", "", repl).lower() != re.sub(r",", "", kept).lower():
            continue
        before = len(re.sub(r"\s", "", text[:start]))
        n = 0
        for ch in repl:
            if ch.isspace():
                out.add(before + n)
            elif ch == "," and kept[n:n + 1] != ",":
                continue   # (a comma the fix added: no character of the corrupt text)
            else:
                n += 1
    return out


def score(pairs):
    """pairs: (corrupt, correct, output) or (corrupt, correct, edits) with
    edits as (start, end, replacement) in corrupt's offsets."""
    tp = fp = fn = 0
    for corrupt, correct, output in pairs:
        c, g = space_positions(corrupt), space_positions(correct)
        if isinstance(output, str):
            if len(re.sub(r"\s", "", output)) != len(re.sub(r"\s", "", corrupt)):
                raise ValueError("output changed non-space characters count: cannot align")
            ins = space_positions(output) - c
        else:
            ins = inserted_spaces(corrupt, output) - c
        gold_ins = g - c
        tp += len(ins & gold_ins)
        fp += len(ins - gold_ins)
        fn += len(gold_ins - ins)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"inserted": tp + fp, "gold": tp + fn, "correct": tp, "precision": round(p, 4),
            "recall": round(r, 4)}


def wordninja_fix(line: str, freqs) -> str:
    import wordninja

    def split(m):
        tok = m.group()
        if tok.lower() in freqs or len(tok) < 2:
            return tok
        parts = wordninja.split(tok)
        if "".join(parts) != tok:
            return tok
        return " ".join(parts)
    return re.sub(r"[^\W\d_]+", split, line)


def read_split(data: Path, split: str) -> tuple[list[str], list[str]]:
    """The corrupt and the correct lines of the benchmark's ``split`` (test, dev) in ``data``."""
    return tuple((data / f"wordseg.acl.{split}.{kind}.txt").read_text(encoding="utf-8").splitlines()
                 for kind in ("corrupt", "correct"))


def mtnorm_score(corrupt: list[str], correct: list[str], options: dict | None = None) -> dict:
    """:func:`score` of ``fix --unsafe-fixes`` (English, each line a document) on ``corrupt``."""
    pipe = Pipeline(language="en", unsafe_fixes=True, options=options or {})
    edits = [[(e.start, e.end, e.replacement) for e in pipe.fix(line).edits] for line in corrupt]
    return score(zip(corrupt, correct, edits))


def mtnorm_file_score(corrupt: list[str], correct: list[str], options: dict | None = None) -> dict:
    """:func:`score` of ``fix --unsafe-fixes`` on the split read as one file
    (one document, its lines paragraphs), as ``mtnorm fix --unsafe-fixes
    --lang en FILE`` reads it: the document's damage (lost spaces in many of
    its lines) is evidence for every line. Each edit is scored on its line."""
    text = "\n".join(corrupt)
    starts = [0]
    for line in corrupt[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    per_line: list[list[tuple[int, int, str]]] = [[] for _ in corrupt]
    pipe = Pipeline(language="en", unsafe_fixes=True, options=options or {})
    for e in pipe.fix(text).edits:
        i = bisect.bisect_right(starts, e.start) - 1
        if e.end <= starts[i] + len(corrupt[i]):
            per_line[i].append((e.start - starts[i], e.end - starts[i], e.replacement))
    return score(zip(corrupt, correct, per_line))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("test", "dev"))
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--split-compounds", action="store_true",
                    help="also split two content words (the split_compounds option)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    corrupt, correct = read_split(Path(args.data), args.split)
    options = {"split_compounds": True} if args.split_compounds else {}
    # the default, and the damaged_text option (`--damaged-text`), which a user
    # cleaning text extracted from PDFs sets: every paragraph on the lower bar
    # of a document known to have lost spaces
    results = {"mtnorm": mtnorm_score(corrupt, correct, options),
               "mtnorm --damaged-text": mtnorm_score(corrupt, correct, {**options, "damaged_text": True}),
               "mtnorm, file whole": mtnorm_file_score(corrupt, correct, options)}
    try:
        from normalize.resources import word_frequencies
        freqs = word_frequencies("en")
        results["wordninja"] = score((c, g, wordninja_fix(c, freqs)) for c, g in zip(corrupt, correct))
    except ImportError:
        results["wordninja"] = "not installed (pip install wordninja)"
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, r in results.items():
            print(f"{name:22s} {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
