"""A longer fuzz run than CI's (tests/test_reliability.py) for maintainers.

    python bench/fuzz.py --examples 200000 [--seed 1]

Generates text from a mix of artefact-like pieces and arbitrary Unicode, and
checks: no exception, fix is idempotent, the edits reproduce the output,
offsets are in range. Failing inputs are printed with repr() so they can be
added to the tests as regressions.
"""

from __future__ import annotations

import argparse
import random
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from normalize import Pipeline  # noqa: E402
from normalize.edits import apply_edits  # noqa: E402

PIECES = ["kyiv", "Kiev", "Kyiv", "donald trump", "summitthat", "Sunday.She", " , ", " .", "“", "”",
          "‘", "’", "«", "»", "„", "\r\n", "\n", "\u00a0", "\ufeff", "e\u0301", "😀", "שלום", "U.S.",
          "3.5", "example.com", "caf\u00c3\u00a9", "&amp;", "l' Union", "<!-- mtnorm: ignore -->",
          "`code`", "```\n", "<b>", "http://x.org/a.b", " About ", "income into NATO", "a.", "  ",
          # quotations in single marks, loans, another language's words and names
          "`", "'", " 'la guerra contra la pobreza' ", " joie de vivre ", "Colonia Juárez", " an der ",
          "Český Krumlov", " the ", " said ", " the situation is under control ",
          # a name of the lexicon glued to a word; a sentence opened by another language's article
          "Dublinyesterday", "Barcelonatuvo ", ". The opposition called for ", "Il faut bien le faire."]


def sample(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        if rng.random() < 0.7:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 6))))
    return "".join(p for p in parts if not any(0xD800 <= ord(c) <= 0xDFFF for c in p))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    pipes = [Pipeline(language=lang, unsafe_fixes=True) for lang in ("en", "fr", "de", None)]
    failures = 0
    for i in range(args.examples):
        text = sample(rng)
        pipe = pipes[i % len(pipes)]
        try:
            res = pipe.fix(text)
            assert pipe.fix(res.text).text == res.text, "not idempotent"
            assert apply_edits(text, [(e.start, e.end, e.replacement) for e in res.edits]) == res.text
            assert all(0 <= f.start <= f.end <= len(text) for f in res.findings)
        except Exception:  # noqa: BLE001 - report every failure and go on
            failures += 1
            print(f"FAIL {i}: {text!r}\n{traceback.format_exc(limit=3)}")
    print(f"{args.examples} examples, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
