"""Overhead of mtnorm's MT backend over raw CTranslate2 calls (not a test).

    python bench/mt_overhead.py [--model DIR] [--segments 2000] [--device cpu]

Without --model, a random model is built (mt.tiny) so the script runs offline:
by default with an OPUS-MT transformer-base shape, so CTranslate2 does a real
model's work (--size tiny makes the Python side look as large as it can). Times, on the same segments: raw
SentencePiece + Translator.translate_batch / score_batch, against
Backend.translate_batch / score_batch (tokenisation, batching, word mapping,
cache bookkeeping, cache disabled), best of --repeat runs, and reports the
overhead and segments/s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mt import Backend  # noqa: E402
from mt.tiny import WORDS_SRC, WORDS_TGT, build_tiny_model  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model")
    ap.add_argument("--segments", type=int, default=2000)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--repeat", type=int, default=5, help="best of N runs of each")
    ap.add_argument("--size", choices=("tiny", "base"), default="base",
                    help="without --model: a random model of this shape (base: OPUS-MT's)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        model = args.model or str(build_tiny_model(Path(d), size=args.size))
        rng = random.Random(1)
        src = [" ".join(rng.choice(WORDS_SRC) for _ in range(rng.randint(5, 20))) for _ in range(args.segments)]
        tgt = [" ".join(rng.choice(WORDS_TGT) for _ in range(rng.randint(5, 20))) for _ in range(args.segments)]
        b = Backend(model, device=args.device, cache_size=0, batch_size=32, beam_size=1, max_decoding_length=40)
        sp_src, sp_tgt = b.source_sp, b.target_sp

        def raw_score():   # what any caller must do: tokenise, then score
            return b.translator.score_batch([sp_src.encode(s, out_type=str) for s in src],
                                            [sp_tgt.encode(t, out_type=str) for t in tgt], max_batch_size=32)

        def raw_translate():   # tokenise, translate, detokenise
            res = b.translator.translate_batch([sp_src.encode(s, out_type=str) for s in src], beam_size=1,
                                               max_batch_size=32, max_decoding_length=40)
            return [sp_tgt.decode(r.hypotheses[0]) for r in res]

        rows = []
        for name, raw, wrapped in [("score", raw_score, lambda: b.score_batch(src, tgt)),
                                   ("translate", raw_translate, lambda: b.translate_batch(src))]:
            raw()                                     # warm up
            t_raw = t_wrapped = float("inf")
            for _ in range(args.repeat):              # best of N, alternating: the machine is noisy
                t = time.perf_counter(); raw(); t_raw = min(t_raw, time.perf_counter() - t)
                t = time.perf_counter(); wrapped(); t_wrapped = min(t_wrapped, time.perf_counter() - t)
            rows.append((name, t_raw, t_wrapped))
        print(f"{args.segments} segments, model {model}")
        for name, t_raw, t_wrapped in rows:
            print(f"{name:10s} raw {t_raw:7.3f} s ({args.segments / t_raw:8.0f} seg/s)   mtnorm {t_wrapped:7.3f} s "
                  f"({args.segments / t_wrapped:8.0f} seg/s)   overhead {100 * (t_wrapped / t_raw - 1):+.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
