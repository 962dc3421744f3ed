"""Throughput of each pipeline stage on about 1 MB of clean news (not a test).

    python bench/stages.py [--file ../shared/data/news.en.txt] [--mb 1] [--lang en]

Prints characters per second for every stage (the slow stage stands out), for
the whole check pass, and for ftfy.fix_text alone as a reference point.
Documents are the file's lines grouped by 20, as an article would be.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize import Document, Pipeline  # noqa: E402
from normalize.stages import default_stages  # noqa: E402
from normalize.stages.base import Context  # noqa: E402
from normalize.text import Analysis  # noqa: E402


def load_docs(path: Path, mb: float, per_doc: int = 20) -> list[str]:
    docs, buf, size = [], [], 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            buf.append(line)
            size += len(line.encode("utf-8"))
            if len(buf) == per_doc:
                docs.append("".join(buf))
                buf = []
            if size >= mb * 1_000_000:
                break
    if buf:
        docs.append("".join(buf))
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", default=str(ROOT.parent / "shared" / "data" / "news.en.txt"))
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--lang", default=None, help="force the language (default: detect)")
    args = ap.parse_args(argv)
    docs = load_docs(Path(args.file), args.mb)
    chars = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters")
    # warm caches (lexicons, word frequencies) outside the timings
    Pipeline(language=args.lang or "en").check(docs[0])

    rows = []
    stages = default_stages()
    for stage in stages:
        elapsed = 0.0
        for text in docs:
            doc = Document(text, language=args.lang or "en")
            ctx = Context(Analysis(text, doc.language))
            if stage.name == "language":
                doc.language = args.lang
            t = time.perf_counter()
            stage.process(doc, ctx)
            elapsed += time.perf_counter() - t
        rows.append((stage.name, elapsed))
    t = time.perf_counter()
    pipe = Pipeline(language=args.lang)
    for text in docs:
        pipe.check(text)
    rows.append(("check (all stages)", time.perf_counter() - t))
    t = time.perf_counter()
    pipe = Pipeline(language=args.lang)
    for text in docs:
        pipe.fix(text)
    rows.append(("fix (all passes)", time.perf_counter() - t))
    import ftfy
    t = time.perf_counter()
    for text in docs:
        ftfy.fix_text(text)
    rows.append(("ftfy.fix_text (reference)", time.perf_counter() - t))
    print(f"{'stage':28s} {'seconds':>9s} {'chars/s':>12s}")
    for name, sec in rows:
        print(f"{name:28s} {sec:9.3f} {chars / sec if sec else float('inf'):12,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
