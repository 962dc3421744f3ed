"""Load test of ``mtnorm serve`` on this machine (a benchmark, not a test).

Starts ``mtnorm serve`` (the real command, ``--workers`` processes) on a free
local port, then drives ``POST /v2/check`` with 1,000-word articles:

1. the nominal load: ``--clients`` (8) clients, each sending its next article
   as soon as the last is answered, ``--requests`` (50) each; prints p50, p90,
   p99 and max latency and the throughput; every request must be answered 200;
2. four times as many clients for ``--overload-seconds`` (15 s): every request
   must be answered (200, or 503 with ``Retry-After``, which the client then
   honours); none may time out or be dropped.

Articles are cut from ``../shared/data/news.en.txt`` (clean news) with a few
artefacts planted, each request a different article; without that file,
generated sentences are used. Exit status 1 when a target is missed:
p50 <= 100 ms, p99 <= 500 ms, no error, no request unanswered.

    python bench/serve_load.py [--workers 2] [--clients 8] [--requests 50]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "news.en.txt"
ARTEFACTS = [("Kyiv", "kyiv"), (". The", ".The"), ("Brussels", "brussels"), (" that", "that")]


def articles(n: int, words: int = 1000) -> list[str]:
    rng = random.Random(7)
    out: list[str] = []
    if DATA.is_file():
        cur, count = [], 0
        with open(DATA, encoding="utf-8") as fh:
            for line in fh:
                cur.append(line.rstrip("\n"))
                count += len(line.split())
                if count >= words:
                    out.append("\n".join(cur))
                    cur, count = [], 0
                    if len(out) >= n:
                        break
    while len(out) < n:                      # no data: generated sentences
        out.append(" ".join(rng.choice([
            "The talks in Kyiv ended on Sunday.", "Officials in Brussels said the plan would go ahead.",
            "The minister told reporters that the deal was close.", "Prices rose by 3 percent in November.",
        ]) for _ in range(words // 8)))
    damaged = []
    for text in out:                          # a few artefacts, as scraped MT text has
        for good, bad in ARTEFACTS:
            i = text.find(good, rng.randrange(max(1, len(text) // 2)))
            if i >= 0:
                text = text[:i] + bad + text[i + len(good):]
        damaged.append(text)
    return damaged


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("mtnorm")
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "normalize"]),
           "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    seen: set[int] = set()
    while time.time() < deadline and len(seen) < workers:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            body = json.loads(conn.getresponse().read())
            if body.get("status") == "ok":
                seen.add(body["pid"])
            conn.close()
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read()}")
    time.sleep(0.5)
    return proc


def client(port: int, texts: list[str], count: int, until: float, latencies: list, statuses: list,
           errors: list, honour_retry: bool) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent = 0
    while sent < count and time.time() < until:
        body = texts[sent % len(texts)]
        t = time.perf_counter()
        try:
            conn.request("POST", "/v2/check", body, {"Content-Type": "application/x-www-form-urlencoded"})
            resp = conn.getresponse()
            resp.read()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            sent += 1
            continue
        took = time.perf_counter() - t
        statuses.append(resp.status)
        sent += 1
        if resp.status == 200:
            latencies.append(took)
        elif resp.status == 503:
            if resp.getheader("Retry-After") is None:
                errors.append("503 without Retry-After")
            if honour_retry:
                time.sleep(float(resp.getheader("Retry-After") or 1))
    conn.close()


def run_phase(port: int, texts: list[str], clients: int, requests: int, seconds: float, honour: bool):
    latencies: list[float] = []
    statuses: list[int] = []
    errors: list[str] = []
    until = time.time() + seconds
    threads = [threading.Thread(target=client, args=(port, texts[i::clients] or texts, requests, until,
                                                     latencies, statuses, errors, honour))
               for i in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, statuses, errors, time.perf_counter() - t


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=50, help="per client, nominal load")
    ap.add_argument("--overload-seconds", type=float, default=15.0)
    args = ap.parse_args()
    texts = articles(400)
    words = statistics.mean(len(t.split()) for t in texts)
    # bodies encoded before the clock starts: the clients' work is not the server's latency
    texts = [urlencode({"text": t, "language": "en-US"}) for t in texts]
    port = free_port()
    proc = start_server(port, args.workers)
    ok = True
    try:
        run_phase(port, texts[:16], 2, 4, 30, False)     # every worker warm
        lat, st, err, wall = run_phase(port, texts, args.clients, args.requests, 300, False)
        p50, p90, p99 = (pct(lat, p) * 1e3 for p in (50, 90, 99))
        print(f"nominal: {args.clients} clients x {args.requests} requests, {args.workers} workers, "
              f"articles of {words:.0f} words")
        print(f"  answered {len(st)}/{args.clients * args.requests}: "
              f"{sum(s == 200 for s in st)} x 200, {sum(s == 503 for s in st)} x 503, "
              f"errors {len(err)}")
        print(f"  latency p50 {p50:.1f} ms, p90 {p90:.1f} ms, p99 {p99:.1f} ms, max {max(lat) * 1e3:.1f} ms; "
              f"{len(lat) / wall:.1f} requests/s")
        if p50 > 100 or p99 > 500 or err or len(st) != args.clients * args.requests \
                or any(s != 200 for s in st):
            ok = False
        lat, st, err, wall = run_phase(port, texts, 4 * args.clients, 10 ** 9, args.overload_seconds, True)
        print(f"overload: {4 * args.clients} clients for {args.overload_seconds:g} s")
        print(f"  answered {len(st)}: {sum(s == 200 for s in st)} x 200, {sum(s == 503 for s in st)} x 503 "
              f"(with Retry-After), other {sum(s not in (200, 503) for s in st)}, errors/timeouts {len(err)}")
        if lat:
            print(f"  latency of the 200s: p50 {pct(lat, 50) * 1e3:.1f} ms, p99 {pct(lat, 99) * 1e3:.1f} ms")
        if err or any(s not in (200, 503) for s in st):
            ok = False
            for e in err[:5]:
                print("  error:", e)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
