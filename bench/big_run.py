"""A corpus-scale run of `mtnorm batch`: constant memory, interrupted and resumed (not a test).

    python bench/big_run.py [--gb 1] [--workers 2] [--interrupt-after 120] [--dir /tmp/mtnorm-big]

Writes a JSONL corpus of --gb gigabytes by cycling the documents of
../shared/data/news.*.txt (20 lines each, seven languages, every record with
its own id), runs `mtnorm batch` on it, stops it with SIGTERM after
--interrupt-after seconds, runs the same command again (it resumes from the
completion markers), and checks that the output has every input record once,
in input order, with the same ids. The resident memory of the whole process
tree is sampled every second (PSS summed over the processes, and the
largest process's RSS); the maxima, the throughput and the shards done
before and after the interruption are printed (and written to RESULT.json).

The corpus repeats its documents, so the per-form caches are warmer than on a
real corpus of this size: take the throughput from bench/batch_speed.py, and
memory and resumption from here.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
LANGS = ["en", "es", "fr", "de", "it", "pt", "ru"]


def documents(per_doc: int = 20) -> list[str]:
    docs = []
    for lang in LANGS:
        with open(DATA / f"news.{lang}.txt", encoding="utf-8") as fh:
            buf = []
            for line in fh:
                buf.append(line)
                if len(buf) == per_doc:
                    docs.append("".join(buf))
                    buf = []
    return docs


def build(path: Path, gb: float) -> int:
    docs = documents()
    size = n = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < gb * 1e9:
            rec = json.dumps({"id": n, "text": docs[(n * 7919) % len(docs)]}, ensure_ascii=False) + "\n"
            out.write(rec)
            size += len(rec.encode("utf-8"))
            n += 1
    return n


def _pss(pid: int) -> int | None:
    """Proportional set size: shared pages (forked workers share the parent's
    tables) count once over the processes that share them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def tree_rss(pid: int) -> tuple[int, int]:
    """(sum of PSS, max RSS) in bytes over ``pid`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(stat[1]), []).append(int(d.name))
            rss[int(d.name)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(children.get(p, []))
    total = sum((_pss(p) if _pss(p) is not None else rss.get(p, 0)) for p in seen)
    return total, max((rss.get(p, 0) for p in seen), default=0)


def run(cmd: list[str], stop_after: float | None) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    peak_sum = peak_max = 0
    stopped = False
    while proc.poll() is None:
        s, m = tree_rss(proc.pid)
        peak_sum, peak_max = max(peak_sum, s), max(peak_max, m)
        if stop_after is not None and time.perf_counter() - t0 > stop_after and not stopped:
            os.killpg(proc.pid, signal.SIGTERM)
            stopped = True
        time.sleep(1)
    _, err = proc.communicate()
    return {"seconds": round(time.perf_counter() - t0, 1), "returncode": proc.returncode, "stopped": stopped,
            "peak_pss_tree_mb": round(peak_sum / 2**20), "peak_rss_process_mb": round(peak_max / 2**20),
            "stderr_tail": err.decode("utf-8", "replace")[-400:]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gb", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--interrupt-after", type=float, default=120.0)
    ap.add_argument("--dir", default="/tmp/mtnorm-big")
    args = ap.parse_args(argv)
    d = Path(args.dir)
    d.mkdir(parents=True, exist_ok=True)
    corpus = d / "corpus.jsonl"
    if not corpus.is_file():
        n = build(corpus, args.gb)
    else:
        with open(corpus, "rb") as fh:
            n = sum(1 for _ in fh)
    out = d / "out"
    cmd = [sys.executable, "-m", "normalize", "batch", str(corpus), "-o", str(out), "--workers", str(args.workers),
           "--no-progress"]
    result = {"records": n, "bytes": corpus.stat().st_size, "workers": args.workers}
    result["first"] = run(cmd, args.interrupt_after)
    result["done_after_interrupt"] = len(list((out / "done").glob("*.json"))) if (out / "done").is_dir() else 0
    result["shards"] = len(json.loads((out / "plan.json").read_text())["shards"])
    result["resumed"] = run(cmd, None)
    summary = json.loads((out / "summary.json").read_text())
    result["skipped_shards_on_resume"] = summary["skipped_shards"]
    # every record once, in order
    ok, count = True, 0
    with open(out / "output.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if json.loads(line)["id"] != i:
                ok = False
                break
            count += 1
    result["output_records"] = count
    result["order_and_ids_ok"] = ok and count == n
    total = result["first"]["seconds"] + result["resumed"]["seconds"]
    result["mb_per_s_overall"] = round(result["bytes"] / 1e6 / total, 2)
    (d / "RESULT.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0 if result["order_and_ids_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
