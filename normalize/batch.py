"""``mtnorm batch``: stream a corpus through the pipeline, sharded and resumable.

Inputs are JSONL files (one object per line), Parquet files (pyarrow, optional
extra) or folders of text files. Each input is cut into shards (byte ranges of
a JSONL file aligned to line starts; row groups of a Parquet file; groups of
text files). A shard is processed by one worker, streaming record by record,
and written to ``OUTPUT/shards/<n>.jsonl`` through a temporary file and a
rename; its completion marker (``OUTPUT/done/<n>.json``, with its stats) lets
a re-run skip it. Shard numbers follow input order, so reading the shards in
name order gives the records in input order (``OUTPUT/output.jsonl`` is that
concatenation, written at the end). Memory stays bounded whatever the corpus
size: a worker holds one record at a time.

Engines: ``local`` (a process pool, ``--workers N``) and ``ray`` (Ray tasks, a
local ``ray.init()`` or an existing cluster by address); both run the same
shard function, so their output is identical.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

SHARD_BYTES = 32 * 1024 * 1024    # the largest shard the automatic plan makes
MIN_SHARD_BYTES = 256 * 1024      # ...and the smallest: a tiny input stays one shard
TARGET_SHARDS = 64                # enough shards for the workers of one machine to share out evenly
TEXT_FILES_PER_SHARD = 500


@dataclass
class Options:
    text_field: str = "text"
    id_field: str | None = None
    source_field: str | None = None
    lang_field: str | None = None
    output_field: str | None = None      # None: replace the text field
    changed_only: bool = False
    unsafe_fixes: bool = False
    select: list[str] | None = None
    ignore: list[str] | None = None
    language: str | None = None
    source_language: str | None = None
    rule_dirs: list[str] = field(default_factory=list)
    findings: bool = True
    mt_model: str | None = None          # a CTranslate2 model folder: loaded once per worker
    mt_device: str = "cpu"
    damaged_text: bool = False           # the corpus lost spaces (PDF, OCR): the damaged-document bar everywhere


@dataclass(frozen=True)
class Shard:
    index: int
    kind: str            # "jsonl", "parquet", "text"
    path: str
    start: int = 0       # jsonl: byte range; parquet: row group; text: file slice
    end: int = 0
    files: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.index:06d}"


class BatchError(ValueError):
    """A usage or input problem for the whole batch."""


# ---------------------------------------------------------------- sharding

def auto_shard_bytes(inputs: list[str]) -> int:
    """The shard size for these inputs when none is given: their JSONL bytes
    cut into about TARGET_SHARDS shards, within [MIN_SHARD_BYTES,
    SHARD_BYTES]. A 4 MB file makes 16 shards of 256 KB, which two or eight
    workers share out; a 10 GB one, shards of 32 MB. It depends on the inputs
    alone, not on the number of workers, so a run resumed with another
    ``--workers`` finds the same plan."""
    total = sum(Path(p).stat().st_size for p in inputs
                if Path(p).is_file() and Path(p).suffix != ".parquet")
    return max(MIN_SHARD_BYTES, min(SHARD_BYTES, -(-total // TARGET_SHARDS)))


def plan_shards(inputs: list[str], shard_bytes: int | None = None) -> list[Shard]:
    """The shards of the inputs, in input order: JSONL files cut into byte
    ranges of ``shard_bytes`` (None: :func:`auto_shard_bytes`), text folders
    into groups of files, Parquet files into row groups."""
    if shard_bytes is None:
        shard_bytes = auto_shard_bytes(inputs)
    shards: list[Shard] = []
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            files = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix in (".txt", ".md"))
            for i in range(0, len(files), TEXT_FILES_PER_SHARD):
                shards.append(Shard(len(shards), "text", str(p), files=tuple(files[i:i + TEXT_FILES_PER_SHARD])))
        elif p.suffix == ".parquet":
            try:
                import pyarrow.parquet as pq
            except ImportError:
                raise BatchError(f"{inp}: reading Parquet needs pyarrow (pip install 'mtnorm[parquet]')") from None
            for rg in range(pq.ParquetFile(str(p)).num_row_groups):
                shards.append(Shard(len(shards), "parquet", str(p), rg, rg + 1))
        elif p.is_file():
            size = p.stat().st_size
            start = 0
            while start < size or (size == 0 and start == 0):
                end = min(size, start + shard_bytes)
                shards.append(Shard(len(shards), "jsonl", str(p), start, end))
                if size == 0:
                    break
                start = end
        else:
            raise BatchError(f"{inp}: no such file or folder")
    return shards


def _jsonl_lines(shard: Shard) -> Iterator[tuple[int, bytes]]:
    """Lines whose first byte lies in [start, end): every line in exactly one shard."""
    with open(shard.path, "rb") as fh:
        pos = shard.start
        if pos > 0:
            fh.seek(pos - 1)
            if fh.read(1) != b"\n":
                fh.readline()          # the line in progress belongs to the previous shard
            pos = fh.tell()
        else:
            fh.seek(0)
        while pos < shard.end:
            line = fh.readline()
            if not line:
                break
            yield pos, line
            pos += len(line)


def records(shard: Shard, opts: Options) -> Iterator[tuple[str, dict | None, str | None]]:
    """(where, record, error) for each input record of the shard."""
    if shard.kind == "jsonl":
        for pos, raw in _jsonl_lines(shard):
            where = f"{shard.path}@{pos}"
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield where, None, f"invalid JSON: {exc}"
                continue
            yield where, rec, None
    elif shard.kind == "parquet":
        import pyarrow.parquet as pq
        table = pq.ParquetFile(shard.path).read_row_group(shard.start)
        for i, rec in enumerate(table.to_pylist()):
            yield f"{shard.path}#rg{shard.start}:{i}", rec, None
    else:
        from .io import InputError, read_input
        for f in shard.files:
            try:
                inp = read_input(f)
            except InputError as exc:
                yield f, None, str(exc)
                continue
            yield f, {"path": f, opts.text_field: inp.text}, None


# ---------------------------------------------------------------- processing

_PIPELINE = None


# A worker allocates many short-lived containers (match lists, per-document
# sets) and frees them by reference counting; the collector's default
# threshold (700 allocations) then runs it hundreds of times per corpus
# megabyte, each pass walking young objects that are already gone or stay.
# 0.3-0.9 s of a 13 MB run went to it; with this threshold, under 0.1 s.
GC_THRESHOLD = (10_000, 50, 100)


def _tune_gc() -> None:
    """Collect less often in a process that runs batch shards (a worker, or
    `mtnorm batch` itself with one worker). Only raised, never lowered."""
    import gc
    if gc.get_threshold()[0] < GC_THRESHOLD[0]:
        gc.set_threshold(*GC_THRESHOLD)


def _pipeline(opts: Options):
    """This process's pipeline for ``opts``, built on first use and kept: a
    worker loads its tables (and the MT model, with --mt-model) once, however
    many shards it processes."""
    global _PIPELINE
    if _PIPELINE is None or _PIPELINE[0] != opts:
        _tune_gc()
        from .pipeline import Pipeline
        mt = None
        if opts.mt_model:
            from mt import Backend, MTStage, ModelError
            try:
                mt = MTStage(Backend(opts.mt_model, device=opts.mt_device))
            except ModelError as exc:
                raise BatchError(str(exc)) from None
        _PIPELINE = (opts, Pipeline(select=opts.select, ignore=opts.ignore, unsafe_fixes=opts.unsafe_fixes,
                                    language=opts.language, source_language=opts.source_language,
                                    rule_dirs=opts.rule_dirs, mt=mt,
                                    options={"damaged_text": True} if opts.damaged_text else None))
    return _PIPELINE[1]


def process_record(rec: dict, opts: Options) -> tuple[dict | None, str | None, Any]:
    """The output record (None when --changed-only drops it), or an error."""
    from .model import Document
    text = rec.get(opts.text_field)
    if not isinstance(text, str):
        return None, f"field `{opts.text_field}` missing or not a string", None
    pipe = _pipeline(opts)
    doc = Document(text, path=str(rec.get(opts.id_field)) if opts.id_field else None,
                   language=(rec.get(opts.lang_field) if opts.lang_field else None) or opts.language,
                   source=rec.get(opts.source_field) if opts.source_field else None)
    res = pipe.fix(doc)
    if opts.changed_only and not res.changed:
        return None, None, res
    out = dict(rec)
    out[opts.output_field or opts.text_field] = res.text
    info: dict[str, Any] = {"language": res.language, "changed": res.changed}
    if opts.findings:
        info["findings"] = [{"rule": f.rule, "start": f.start, "end": f.end, "text": text[f.start:f.end],
                             "replacements": list(f.replacements),
                             "applicability": f.applicability.value} for f in res.findings]
    out["mtnorm"] = info
    return out, None, res


def run_shard(shard: Shard, opts: Options, out_dir: str) -> dict[str, Any]:
    """Process one shard; write its output and rejects atomically, then its marker."""
    out = Path(out_dir)
    marker = out / "done" / f"{shard.name}.json"
    if marker.is_file():
        stats = json.loads(marker.read_text(encoding="utf-8"))
        stats["skipped"] = True
        return stats
    t0 = time.perf_counter()
    # a worker's stage counters run on across its shards: record this shard's
    # part (and, for the shard that built the pipeline, what building it counted)
    built_here = _PIPELINE is None or _PIPELINE[0] != opts
    pipe = _pipeline(opts)
    before = {} if built_here else pipe.stage_stats()
    stats: dict[str, Any] = {"shard": shard.name, "input": shard.path, "documents": 0, "written": 0,
                             "changed": 0, "rejected": 0, "bytes": 0, "by_rule": Counter()}
    final = out / "shards" / f"{shard.name}.jsonl"
    tmp = final.with_suffix(".jsonl.tmp")
    rej_final = out / "rejects" / f"{shard.name}.jsonl"
    rej_tmp = rej_final.with_suffix(".jsonl.tmp")
    with open(tmp, "w", encoding="utf-8") as fh, open(rej_tmp, "w", encoding="utf-8") as rej:
        for where, rec, error in records(shard, opts):
            stats["documents"] += 1
            if rec is not None and error is None:
                if not isinstance(rec, dict):
                    error = "not a JSON object"
                else:
                    text = rec.get(opts.text_field)
                    stats["bytes"] += len(text.encode("utf-8")) if isinstance(text, str) else 0
                    try:
                        result, error, res = process_record(rec, opts)
                    except Exception as exc:  # noqa: BLE001 - one bad record must not stop a corpus
                        result, error, res = None, f"{type(exc).__name__}: {exc}", None
                    if error is None:
                        if res is not None:
                            stats["changed"] += res.changed
                            stats["by_rule"].update(f.rule for f in res.findings)
                        if result is not None:
                            fh.write(json.dumps(result, ensure_ascii=False) + "\n")
                            stats["written"] += 1
                        continue
            stats["rejected"] += 1
            rej.write(json.dumps({"where": where, "reason": error}, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    os.replace(rej_tmp, rej_final)
    stats["by_rule"] = dict(stats["by_rule"])
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    stats["stages"] = _stage_delta(before, pipe.stage_stats())
    marker_tmp = marker.with_suffix(".tmp")
    marker_tmp.write_text(json.dumps(stats), encoding="utf-8")
    os.replace(marker_tmp, marker)
    return stats


def check_rule_packs(rule_dirs: list[str]) -> None:
    """Load every language's packs from ``rule_dirs`` now, so that a malformed
    user pack stops the batch with its file, line and field (RulePackError)
    instead of rejecting every record that meets it."""
    if not rule_dirs:
        return
    from .lexicon import casing_lexicon
    from .resources import SUPPORTED_LANGUAGES
    from .stages.lexical import confusions, consistency_groups
    dirs = tuple(str(d) for d in rule_dirs)
    for lang in SUPPORTED_LANGUAGES:
        casing_lexicon(lang, dirs)
        confusions(lang, dirs)
        consistency_groups(lang, dirs)


def _stage_delta(before: dict[str, dict[str, int]], after: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """What each stage counted between two snapshots of its counters."""
    out = {}
    for name, counts in after.items():
        old = before.get(name, {})
        diff = {k: v - old.get(k, 0) for k, v in counts.items() if v - old.get(k, 0)}
        if diff:
            out[name] = diff
    return out


def warm_up(shards: list[Shard], opts: Options, sample: int = 50) -> None:
    """Load, in this process, what the first records need (word-frequency
    tables and lexicons of their languages, compiled patterns), so that forked
    workers share it instead of each loading it again. The results are
    discarded: the workers process those records as usual."""
    _pipeline(opts)
    n = 0
    for shard in shards[:1]:
        for _, rec, error in records(shard, opts):
            if error is None and isinstance(rec, dict) and isinstance(rec.get(opts.text_field), str):
                try:
                    process_record(rec, opts)
                except Exception:  # noqa: BLE001 - a bad record is the workers' to report
                    pass
            n += 1
            if n >= sample:
                return


def _run_shard_args(args):
    return run_shard(*args)


# ---------------------------------------------------------------- engines

def run_local(shards: list[Shard], opts: Options, out_dir: str, workers: int, progress=None):
    if workers <= 1:
        for sh in shards:
            stats = run_shard(sh, opts, out_dir)
            if progress:
                progress(stats)
            yield stats
        return
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    if ctx.get_start_method() == "fork" and not opts.mt_model:
        # (never fork a process that holds a loaded model: its thread pools do not survive it)
        warm_up(shards, opts)
        # what the workers inherit is never collected there: the collector
        # would touch (and so copy) every page of the shared tables
        import gc
        gc.freeze()
    with ctx.Pool(workers) as pool:
        for stats in pool.imap_unordered(_run_shard_args, [(sh, opts, out_dir) for sh in shards]):
            if progress:
                progress(stats)
            yield stats


class ShardWorker:
    """A Ray actor that processes shards with its process's pipeline."""

    def run(self, shard: Shard, opts: Options, out_dir: str) -> dict[str, Any]:
        return run_shard(shard, opts, out_dir)


def run_ray(shards: list[Shard], opts: Options, out_dir: str, address: str | None, workers: int,
            progress=None):
    try:
        import ray
    except ImportError:
        raise BatchError("--engine ray needs Ray (pip install 'mtnorm[ray]')") from None
    started = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), ignore_reinit_error=True, log_to_driver=False,
                     include_dashboard=False)
        started = True
    try:
        # one long-lived actor per worker: its pipeline (tables, lexicons and the
        # MT model) is built once and serves every shard the actor is given
        from ray.util import ActorPool
        n = max(1, workers if not address else int(ray.available_resources().get("CPU", workers)))
        actor = ray.remote(num_cpus=1)(ShardWorker)
        pool = ActorPool([actor.remote() for _ in range(min(n, len(shards)) or 1)])
        for stats in pool.map_unordered(lambda a, sh: a.run.remote(sh, opts, out_dir), shards):
            if progress:
                progress(stats)
            yield stats
    finally:
        if started:
            ray.shutdown()


def merge_outputs(out_dir: str, n_shards: int, rejects_path: str | None) -> None:
    """Concatenate the shard outputs in order into OUTPUT/output.jsonl (atomically)."""
    out = Path(out_dir)
    final = out / "output.jsonl"
    tmp = final.with_suffix(".jsonl.tmp")
    with open(tmp, "wb") as fh:
        for i in range(n_shards):
            with open(out / "shards" / f"{i:06d}.jsonl", "rb") as part:
                while chunk := part.read(1 << 20):
                    fh.write(chunk)
    os.replace(tmp, final)
    if rejects_path:
        with open(rejects_path, "wb") as fh:
            for i in range(n_shards):
                with open(out / "rejects" / f"{i:06d}.jsonl", "rb") as part:
                    while chunk := part.read(1 << 20):
                        fh.write(chunk)


def prepare(out_dir: str, shards: list[Shard], opts: Options) -> None:
    """Create OUTPUT and record the plan; a re-run must use the same plan."""
    out = Path(out_dir)
    for sub in ("shards", "done", "rejects"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    plan = {"shards": [asdict(s) for s in shards], "options": asdict(opts)}
    plan_path = out / "plan.json"
    if plan_path.is_file():
        old = json.loads(plan_path.read_text(encoding="utf-8"))
        if old != json.loads(json.dumps(plan)):
            raise BatchError(f"{out_dir} holds a run with other inputs or options; "
                             "use a new output folder (or delete this one) to start over")
    else:
        plan_path.write_text(json.dumps(plan, indent=1), encoding="utf-8")


def summarize(all_stats: list[dict], seconds: float) -> dict[str, Any]:
    total = Counter()
    by_rule: Counter = Counter()
    stages: dict[str, Counter] = {}
    for s in all_stats:
        for k in ("documents", "written", "changed", "rejected", "bytes"):
            total[k] += s.get(k, 0)
        total["skipped_shards"] += bool(s.get("skipped"))
        by_rule.update(s.get("by_rule", {}))
        for name, counts in (s.get("stages") or {}).items():
            stages.setdefault(name, Counter()).update(counts)
    fresh = [s for s in all_stats if not s.get("skipped")]
    docs = sum(s.get("documents", 0) for s in fresh)
    nbytes = sum(s.get("bytes", 0) for s in fresh)
    out = dict(total)
    out.update({"shards": len(all_stats), "seconds": round(seconds, 2),
                "docs_per_s": round(docs / seconds, 1) if seconds and fresh else None,
                "mb_per_s": round(nbytes / 1e6 / seconds, 3) if seconds and fresh else None,
                "findings_by_rule": dict(sorted(by_rule.items())),
                "stages": {k: dict(v) for k, v in stages.items()}})
    return out


# ---------------------------------------------------------------- two-pass statistics

def _count_shard(args):
    shard, opts = args
    from .lexicon import CasingCounts, count_casing
    from .stages.language import detect_language
    per_lang: dict[str, CasingCounts] = {}
    for _, rec, error in records(shard, opts):
        if error or not isinstance(rec, dict) or not isinstance(rec.get(opts.text_field), str):
            continue
        text = rec[opts.text_field]
        lang = (rec.get(opts.lang_field) if opts.lang_field else None) or opts.language or detect_language(text) or "en"
        counts = count_casing(text.splitlines(), lang)
        per_lang.setdefault(lang, CasingCounts.empty()).merge(counts)
    return per_lang


def learn_lexicons(shards: list[Shard], opts: Options, out_dir: str, workers: int) -> list[str]:
    """First pass: casing statistics of the corpus itself (map over shards,
    reduce by language) -> OUTPUT/lexicon/<lang>/casing.tsv."""
    from .lexicon import CasingCounts, build_entries, dictionary_lowercase_words, write_tsv
    from .stages.anchors import function_words
    from .stages.casing import declensions
    merged: dict[str, CasingCounts] = {}
    jobs = [(sh, opts) for sh in shards]
    if workers > 1:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(workers) as pool:
            parts = list(pool.imap_unordered(_count_shard, jobs))
    else:
        parts = [_count_shard(j) for j in jobs]
    for part in parts:
        for lang, counts in part.items():
            merged.setdefault(lang, CasingCounts.empty()).merge(counts)
    written = []
    for lang, counts in merged.items():
        rows = build_entries(counts, lang, [], dictionary_lowercase_words(lang),
                             function=function_words(lang), declensions=declensions(lang))
        path = Path(out_dir) / "lexicon" / lang / "casing.tsv"
        write_tsv(rows, path, f"Learned by `mtnorm batch --learn` from {counts.words} words of the corpus.")
        written.append(str(path))
    return written
