"""How often the source-language guess speaks, right and wrong (not a test).

    python bench/source_guess.py

On the held-out clean news (NTREX articles; Portuguese: news.pt.txt lines
1-1997), a guess is a false alarm: that text was written or professionally
translated, and says so nowhere. On ../shared/data/real-dev, the dirty pages'
annotators give a `source_language_guess`; the table shows how often mtnorm's
guess agrees with it, and how often it says nothing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from clean_gate import DATA, HELD_OUT, documents  # noqa: E402
from normalize import Pipeline  # noqa: E402


def main() -> int:
    pipe = Pipeline()
    print("clean news (a guess is a false alarm):")
    for lang, (name, limit) in HELD_OUT.items():
        if not (DATA / name).is_file():
            continue
        n, guessed = 0, Counter()
        for text, _ in documents(name, limit):
            n += 1
            g = pipe.check(text).stats.get("source_language_guess")
            if g:
                guessed[g["language"]] += 1
        print(f"  {lang}: {sum(guessed.values())}/{n} articles guessed translated {dict(guessed)}")
    dev = DATA / "real-dev"
    if dev.is_dir():
        agree = wrong = silent = clean_guess = 0
        for meta_path in sorted(dev.rglob("*.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            text = meta_path.with_suffix(".txt").read_text(encoding="utf-8")
            g = Pipeline(language=meta["language"]).check(text).stats.get("source_language_guess")
            if meta.get("kind") == "clean":
                clean_guess += bool(g)
            elif not g:
                silent += 1
            elif g["language"] == meta.get("source_language_guess"):
                agree += 1
            else:
                wrong += 1
        print(f"real-dev dirty pages: guess agrees {agree}, differs {wrong}, silent {silent}; "
              f"clean pages guessed translated: {clean_guess}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
