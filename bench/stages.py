"""Throughput of each pipeline stage on about 1 MB of clean news (not a test).

    python bench/stages.py [--file ../shared/data/news.en.txt] [--mb 1] [--lang en]

Prints characters per second for every stage (the slow stage stands out), for
the whole check pass, for fix (first pass over the documents, then again with
every word form already decided, as in a long corpus run), and for
ftfy.fix_text alone as a reference point. Use several --file for a mix.
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
    ap.add_argument("--file", action="append",
                    help="news file(s) (default: ../shared/data/news.en.txt); each gives --mb")
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--lang", default=None, help="force the language (default: detect)")
    args = ap.parse_args(argv)
    files = args.file or [str(ROOT.parent / "shared" / "data" / "news.en.txt")]
    docs = [d for f in files for d in load_docs(Path(f), args.mb)]
    chars = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters")
    # warm caches (lexicons, word frequencies) outside the timings
    Pipeline(language=args.lang or "en").check(docs[0])

    from normalize.stages.language import detect_language
    langs = [args.lang or detect_language(text) or "en" for text in docs]   # each stage sees its document's language
    rows = []
    stages = default_stages()
    for stage in stages:
        elapsed = 0.0
        for text, lang in zip(docs, langs):
            doc = Document(text, language=lang)
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
    # the same pipeline again: every word form has been decided once (what a
    # long corpus run converges to)
    t = time.perf_counter()
    for text in docs:
        pipe.fix(text)
    rows.append(("fix, vocabulary seen", time.perf_counter() - t))
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
