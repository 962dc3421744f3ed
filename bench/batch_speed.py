"""mtnorm batch against ftfy.fix_text alone on the same JSONL of news (not a test).

    python bench/batch_speed.py [--mb 5] [--lang en|detect]

Builds a JSONL corpus from ../shared/data/news.*.txt (20 lines per document),
then times, in one run: ftfy.fix_text over every record (read, parse, fix,
write), `mtnorm batch --workers 1` and `--workers 2` (default rule pipeline,
no MT), and prints the ratio to ftfy and the two-worker speed-up, plus the
top entries of a profile of one worker.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def build_corpus(path: Path, mb: float) -> int:
    size = 0
    langs = ["en", "es", "fr", "de", "ru"]
    files = [open(DATA / f"news.{lang}.txt", encoding="utf-8") for lang in langs]
    with open(path, "w", encoding="utf-8") as out:
        i = 0
        while size < mb * 1e6:
            fh = files[i % len(files)]
            lines = [fh.readline() for _ in range(20)]
            text = "".join(lines)
            if not text:
                break
            rec = json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n"
            out.write(rec)
            size += len(rec.encode("utf-8"))
            i += 1
    return size


def time_ftfy(path: Path) -> float:
    import ftfy
    t = time.perf_counter()
    with open(path, encoding="utf-8") as fh, open(path.with_suffix(".ftfy"), "w", encoding="utf-8") as out:
        for line in fh:
            rec = json.loads(line)
            rec["text"] = ftfy.fix_text(rec["text"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return time.perf_counter() - t


def time_batch(path: Path, workers: int, lang: str | None) -> float:
    with tempfile.TemporaryDirectory() as d:
        cmd = [sys.executable, "-m", "normalize", "batch", str(path), "-o", d, "--workers", str(workers),
               "--shard-mb", "1", "--no-progress"]
        if lang:
            cmd += ["--lang", lang]
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--lang", default="detect", help="a language to force, or 'detect'")
    args = ap.parse_args(argv)
    lang = None if args.lang == "detect" else args.lang
    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "news.jsonl"
        size = build_corpus(corpus, args.mb)
        print(f"corpus: {size / 1e6:.2f} MB")
        t_ftfy = time_ftfy(corpus)
        t1 = time_batch(corpus, 1, lang)
        t2 = time_batch(corpus, 2, lang)
        print(f"ftfy.fix_text     {t_ftfy:7.2f} s  {size / 1e6 / t_ftfy:6.2f} MB/s")
        print(f"batch, 1 worker   {t1:7.2f} s  {size / 1e6 / t1:6.2f} MB/s  = {t1 / t_ftfy:.2f} x ftfy")
        print(f"batch, 2 workers  {t2:7.2f} s  {size / 1e6 / t2:6.2f} MB/s  speed-up {t1 / t2:.2f}")
        # where one worker spends its time
        from normalize.batch import Options, plan_shards, run_shard
        prof = cProfile.Profile()
        out = Path(d) / "prof"
        out.mkdir()
        for sub in ("shards", "done", "rejects"):
            (out / sub).mkdir()
        shard = plan_shards([str(corpus)], 1 << 20)[0]
        prof.enable()
        run_shard(shard, Options(language=lang), str(out))
        prof.disable()
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(12)
        print("\n".join(s.getvalue().splitlines()[:30]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
