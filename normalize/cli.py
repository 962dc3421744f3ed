"""The ``mtnorm`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from . import __version__
from .diff import unified_diff, word_diff
from .formats import apply_baseline, render_github, render_rdjson, render_sarif, write_baseline, write_jsonl
from .io import InputError, expand, read_input, write_atomic
from .model import Document
from .output import FileResult, write_json, write_text
from .pipeline import Pipeline
from .config import ConfigError
from .resources import RulePackError
from .rules import RULES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json", "jsonl", "sarif", "github", "rdjson")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", default=["-"], help="files or folders; '-' for stdin (default)")
    p.add_argument("--select", action="append", default=None, metavar="RULES",
                   help="only these rules: codes, code prefixes, names or categories (comma-separated)")
    p.add_argument("--ignore", action="append", default=None, metavar="RULES",
                   help="skip these rules (same forms as --select)")
    p.add_argument("--lang", help="force the document language (ISO 639-1), skipping detection")
    p.add_argument("--source-lang", help="language the text was translated from (enables false-friend rules)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="extra rule-pack folder (with common/ and <lang>/ subfolders)")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply (or count) unsafe fixes")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="output format (check); fix accepts text or json")
    p.add_argument("--config", metavar="FILE", help="use this .mtnorm.toml / pyproject.toml, not the nearest one")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--segment-detector", choices=("langdetect", "words", "lingua", "py3langid"),
                   help="the detector that names the language of a short flagged segment (default langdetect; "
                        "words, the word lists' unigram model, is built in; lingua and py3langid are extras: "
                        "pip install 'mtnorm[lingua]' or 'mtnorm[langid]')")
    p.add_argument("--damaged-text", action="store_true",
                   help="the text is known to have lost spaces (extracted from PDFs or by OCR): weigh two "
                        "words glued on the lower bar of a damaged document everywhere (unsafe fixes)")
    p.add_argument("--mt-model", metavar="DIR", help="a CTranslate2 model folder (see `mtnorm models`)")
    p.add_argument("--source", metavar="FILE", help="the source text, line-aligned with the (single) input")
    p.add_argument("--mt-device", default="cpu", help="cpu or cuda")
    p.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="undecodable bytes: a bad input (strict, exit 2) or replaced by U+FFFD and "
                        "reported (replace; such files are never rewritten in place)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtnorm", description="Find and repair machine-translation and scraping artefacts.")
    parser.add_argument("--version", action="version", version=f"mtnorm {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="report findings; exit 1 when there are any")
    _common(c)
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    c.add_argument("--statistics", action="store_true", help="add counts per rule")
    c.add_argument("--baseline", metavar="FILE", help="ignore the findings recorded in FILE")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")

    f = sub.add_parser("fix", help="write the cleaned text (stdout, or files with --in-place)")
    _common(f)
    f.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    f.add_argument("--in-place", "-i", action="store_true", help="rewrite the files atomically")
    f.add_argument("--backup", metavar="SUFFIX", help="with --in-place: keep the old file as FILE+SUFFIX")
    f.add_argument("--word-diff", action="store_true",
                   help="with --diff: changed lines with [-old-]{+new+} (coloured on a terminal)")

    rp = sub.add_parser("report", help="write a self-contained HTML diff report")
    _common(rp)
    rp.add_argument("-o", "--output", required=True, help="the HTML file to write")
    rp.add_argument("--title", default="mtnorm report")

    r = sub.add_parser("rule", help="explain a rule, or list them all")
    r.add_argument("code", nargs="?", help="rule code (e.g. MTN301) or name")

    ev = sub.add_parser("eval", help="measure the pipeline on annotated gold documents")
    ev.add_argument("gold", nargs="+", help="gold folders or NAME.json files (text in NAME.txt)")
    ev.add_argument("--format", choices=("text", "json"), default="text")
    ev.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    ev.add_argument("--lang", help="force the language of every document")
    ev.add_argument("--rules", action="append", default=[], metavar="DIR")
    ev.add_argument("--threshold", action="append", default=[], metavar="T",
                    help="e.g. flag_rate>=0.8, casing.fix_rate>=0.9, clean_findings<=0 "
                         "(exit 1 when one is not met)")

    ij = sub.add_parser("inject", help="make a gold set by damaging clean text")
    ij.add_argument("source", help="clean text, one segment a line")
    ij.add_argument("-o", "--output", required=True, help="folder for NAME.txt + NAME.json")
    ij.add_argument("--lang", required=True)
    ij.add_argument("--docs", type=int, default=50, help="documents to write")
    ij.add_argument("--lines", type=int, default=8, help="lines per document")
    ij.add_argument("--clean-every", type=int, default=5, help="leave every Nth document clean")
    ij.add_argument("--per-words", type=int, default=40, help="about one artefact per N words")
    ij.add_argument("--seed", type=int, default=0)
    ij.add_argument("--source-lang", help="record this source language in the gold files")

    b = sub.add_parser("batch", help="clean a corpus (JSONL, Parquet, folders of text) in shards")
    b.add_argument("inputs", nargs="+", help="JSONL / Parquet files, or folders of text files")
    b.add_argument("-o", "--output", required=True, help="output folder (resumable)")
    b.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    b.add_argument("--engine", choices=("local", "ray"), default="local")
    b.add_argument("--address", help="Ray cluster address (default: a local Ray)")
    b.add_argument("--text-field", default="text")
    b.add_argument("--id-field")
    b.add_argument("--source-field")
    b.add_argument("--lang-field")
    b.add_argument("--output-field", help="write the cleaned text here instead of replacing the text")
    b.add_argument("--changed-only", action="store_true", help="write only the documents that changed")
    b.add_argument("--rejects", metavar="FILE", help="write the records that could not be processed, with why")
    b.add_argument("--no-findings", action="store_true", help="do not add the findings to each record")
    b.add_argument("--learn", action="store_true",
                   help="two passes: learn casing statistics from the corpus first, then clean with them")
    b.add_argument("--shard-mb", type=float, default=None,
                   help="JSONL shard size in MB (default: the input cut into about 64 shards, 0.25 to 32 MB each)")
    b.add_argument("--select", action="append")
    b.add_argument("--ignore", action="append")
    b.add_argument("--lang")
    b.add_argument("--source-lang")
    b.add_argument("--rules", action="append", default=[], metavar="DIR")
    b.add_argument("--unsafe-fixes", action="store_true")
    b.add_argument("--damaged-text", action="store_true",
                   help="the corpus is known to have lost spaces (PDF or OCR text): see `mtnorm check --help`")
    b.add_argument("--mt-model", metavar="DIR",
                   help="a CTranslate2 model (with --source-field): loaded once per worker")
    b.add_argument("--mt-device", default="cpu", help="cpu or cuda")
    b.add_argument("--no-progress", action="store_true")

    md = sub.add_parser("models", help="list configured MT models, or explain how to convert one")
    md.add_argument("action", nargs="?", choices=("list", "convert"), default="list")
    md.add_argument("--mt-model", metavar="DIR")

    ch = sub.add_parser("cache", help="show, build ahead or clear mtnorm's cache (the word-frequency index "
                                      "and the table of what each language's list says of a word)")
    ch.add_argument("action", nargs="?", choices=("show", "warm", "clear"), default="show",
                    help="show (default): where it is and what it holds; warm: build it now "
                         "(before a cluster run, in an image); clear: delete mtnorm's files there")
    ch.add_argument("--lang", action="append", help="languages to warm (default: all supported)")

    sv = sub.add_parser("serve", help="a LanguageTool-compatible HTTP server (/v2/check) for editors and "
                                      "browser extensions (needs the `server` extra)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this "
                                                        "machine only)")
    sv.add_argument("--port", type=int, default=8081, help="port (default 8081, LanguageTool's)")
    sv.add_argument("--workers", type=int, default=1,
                    help="worker processes, each with its own pipeline (default 1; one per core for load)")
    sv.add_argument("--max-bytes", type=int, default=1_000_000, help="largest request body (else 413)")
    sv.add_argument("--timeout", type=float, default=10.0, help="seconds to answer a request (else 408)")
    sv.add_argument("--queue", type=int, default=8,
                    help="requests a worker holds, running or waiting, before it answers 503")
    sv.add_argument("--api-key", default=os.environ.get("MTNORM_API_KEY"),
                    help="ask clients for this key (default: $MTNORM_API_KEY; none: no key asked)")
    sv.add_argument("--config", metavar="FILE", help="use this .mtnorm.toml / pyproject.toml")
    sv.add_argument("--unsafe-fixes", action="store_true", default=None,
                    help="/mtnorm/fix applies unsafe fixes unless a request says otherwise")
    sv.add_argument("--mt-model", metavar="DIR", help="a CTranslate2 model, loaded once per worker")
    sv.add_argument("--allow-origin", metavar="ORIGIN",
                    help="let web pages from this origin (comma-separated, or *) call the server (CORS)")

    ls = sub.add_parser("lsp", help="a language server (stdio) for editors: diagnostics and fixes "
                                    "(needs the `lsp` extra)")
    ls.add_argument("--debounce", type=float, default=0.3,
                    help="seconds to wait after a change before checking (default 0.3)")

    lx = sub.add_parser("lexicon", help="build lexicons from clean corpora")
    lsub = lx.add_subparsers(dest="lexicon_command", required=True)
    lb = lsub.add_parser("build", help="build casing.tsv from clean text (+ gazetteer)")
    lb.add_argument("corpora", nargs="+", help="clean text files (one segment a line) or JSONL")
    lb.add_argument("-o", "--output", required=True, help="output rule folder")
    lb.add_argument("--lang", required=True, help="language of the corpora")
    lb.add_argument("--no-gazetteer", action="store_true", help="corpus statistics only")
    return parser


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v for item in values for v in item.split(",") if v.strip()]


class Pipelines:
    """One pipeline per effective configuration: command-line options override
    the nearest ``.mtnorm.toml`` / ``[tool.mtnorm]``, per-file ignores apply."""

    def __init__(self, args):
        from .pipeline import rule_matches
        self.args = args
        self.select, self.ignore = _split(args.select), _split(args.ignore)
        for sel in (self.select or []) + (self.ignore or []):
            if not any(rule_matches(c, sel) for c in RULES):
                raise InputError(f"unknown rule selector `{sel}`")
        self.fixed = None
        if getattr(args, "config", None):
            from .config import load_config_file
            from pathlib import Path
            self.fixed = load_config_file(Path(args.config).resolve())
        self._cache: dict = {}
        self.stages: list = []

    def config_for(self, path: str):
        from .config import Config, find_config
        if getattr(self.args, "isolated", False):
            return Config(None)
        return self.fixed if self.fixed is not None else find_config(path)

    def for_path(self, path: str) -> Pipeline:
        cfg = self.config_for(path)
        a = self.args
        select = self.select or cfg.get("select")
        ignore = (cfg.get("ignore") or []) + cfg.ignores_for(path) + (self.ignore or [])
        options = cfg.pipeline_options()
        if getattr(a, "segment_detector", None):
            from .stages.language import check_segment_detector
            try:
                check_segment_detector(a.segment_detector)
            except ValueError as exc:
                raise InputError(str(exc)) from None
            options["segment_detector"] = a.segment_detector
        if getattr(a, "damaged_text", False):
            options["damaged_text"] = True
        key = (tuple(select or ()), tuple(ignore), a.unsafe_fixes or cfg.get("unsafe-fixes", False),
               a.lang or cfg.get("lang"), a.source_lang or cfg.get("source-lang"),
               tuple(cfg.rule_dirs() + list(a.rules)), repr(sorted(options.items())))
        if key not in self._cache:
            pipe = Pipeline(select=key[0] or None, ignore=list(key[1]) or None, unsafe_fixes=key[2],
                            language=key[3], source_language=key[4], rule_dirs=key[5], options=options,
                            mt=self.mt_stage(cfg))
            self._cache[key] = pipe
            self.stages.append(pipe)
        return self._cache[key]

    def mt_stage(self, cfg):
        model = getattr(self.args, "mt_model", None) or cfg.get("mt-model")
        if not model:
            return None
        if not hasattr(self, "_mt"):
            from mt import Backend, MTStage, ModelError
            try:
                self._mt = MTStage(Backend(model, device=getattr(self.args, "mt_device", "cpu")))
            except ModelError as exc:
                raise InputError(str(exc)) from None
        return self._mt

    def source_for(self, path: str) -> str | None:
        src = getattr(self.args, "source", None)
        if not src:
            return None
        return read_input(src).text

    def json_stats(self) -> dict:
        stages = self.stage_stats()
        out = {"stages": stages}
        if "mt" in stages:
            out["mt"] = stages["mt"]     # also at the top: {"stats": {"mt": {"segments_scored": N}}}
        return out

    def stage_stats(self) -> dict:
        merged: dict = {}
        for pipe in self.stages:
            for name, counts in pipe.stage_stats().items():
                bucket = merged.setdefault(name, {})
                for k, v in counts.items():
                    bucket[k] = bucket.get(k, 0) + v
        return merged


def _err(msg: str) -> None:
    sys.stderr.write(f"mtnorm: error: {msg}\n")


def _inputs(paths, errors: list[str], encoding: str = "utf-8", on_error: str = "strict"):
    """Read each input; a bad one is reported (and remembered) and skipped."""
    for path in paths:
        try:
            inp = read_input(path, encoding, on_error)
        except InputError as exc:
            errors.append(str(exc))
            _err(str(exc))
            continue
        if inp.replaced:
            sys.stderr.write(f"mtnorm: warning: {path}: replaced {inp.replaced} undecodable "
                             f"byte{'s' if inp.replaced != 1 else ''} with U+FFFD\n")
        yield inp


def cmd_check(args) -> int:
    pipe = Pipelines(args)
    results, errors = [], []
    for inp in _inputs(expand(args.files), errors, args.encoding, args.errors):
        doc = Document(inp.text, path=inp.path, source=pipe.source_for(inp.path))
        results.append(FileResult(inp.path, pipe.for_path(inp.path).check(doc)))
    if args.write_baseline:
        n = write_baseline(results, args.write_baseline)
        sys.stderr.write(f"mtnorm: recorded {n} findings in {args.write_baseline}\n")
    if args.baseline:
        try:
            apply_baseline(results, args.baseline)
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(f"{args.baseline}: not a readable baseline ({exc})") from None
    renderers = {"sarif": render_sarif, "github": render_github, "rdjson": render_rdjson}
    if args.format == "json":
        write_json(sys.stdout, results, errors, pipe.json_stats())
    elif args.format == "jsonl":
        write_jsonl(sys.stdout, results)
    elif args.format in renderers:
        sys.stdout.write(renderers[args.format](results))
    else:
        write_text(sys.stdout, results, statistics=args.statistics)
    if errors:
        return EXIT_ERROR
    if any(fr.result.findings for fr in results) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_fix(args) -> int:
    pipe = Pipelines(args)
    paths = list(expand(args.files))
    if args.format not in ("text", "json"):
        raise InputError(f"`fix` writes text or json; use `check --format {args.format}`")
    if len(paths) > 1 and not (args.in_place or args.diff or args.format == "json"):
        raise InputError("several files need --in-place, --diff or --format json "
                         "(plain `fix` writes one cleaned text to stdout)")
    if args.in_place and "-" in paths:
        raise InputError("--in-place cannot rewrite stdin")
    results, errors = [], []
    written = 0
    out = sys.stdout.buffer
    for inp in _inputs(paths, errors, args.encoding, args.errors):
        result = pipe.for_path(inp.path).fix(Document(inp.text, path=inp.path, source=pipe.source_for(inp.path)))
        results.append(FileResult(inp.path, result))
        if args.diff and args.word_diff:
            out.write(word_diff(result.original, result.edits, inp.path,
                                color=sys.stdout.isatty()).encode("utf-8"))
        elif args.diff:
            out.write(unified_diff(result.original, result.text, inp.path).encode("utf-8"))
        elif args.in_place:
            if result.changed and inp.replaced:
                msg = (f"{inp.path}: not rewritten: {inp.replaced} undecodable bytes would be lost "
                       f"(fix the encoding, or pass --encoding)")
                errors.append(msg)
                _err(msg)
            elif result.changed:
                write_atomic(inp.path, result.text, inp.encoding, args.backup)
                written += 1
        elif args.format != "json":
            out.write(result.text.encode("utf-8"))
    out.flush()
    if args.format == "json":
        write_json(sys.stdout, results, errors, pipe.json_stats(), include_edits=True)
    elif args.in_place or args.diff:
        n = written if args.in_place and not args.diff else sum(fr.result.changed for fr in results)
        sys.stderr.write(f"mtnorm: {n} of {len(results)} file{'s' if len(results) != 1 else ''} "
                         f"{'would be ' if args.diff else ''}changed\n")
    return EXIT_ERROR if errors else EXIT_OK


def cmd_report(args) -> int:
    from .report import render_report
    pipe = Pipelines(args)
    results, errors = [], []
    for inp in _inputs(expand(args.files), errors, args.encoding, args.errors):
        results.append(FileResult(inp.path, pipe.for_path(inp.path).fix(Document(inp.text, path=inp.path))))
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(render_report(results, args.title))
    sys.stderr.write(f"mtnorm: wrote {args.output} ({len(results)} files)\n")
    return EXIT_ERROR if errors else EXIT_OK


def cmd_rule(args) -> int:
    if not args.code:
        for code, r in sorted(RULES.items()):
            sys.stdout.write(f"{code}  {r.name:34s} {r.category.value:20s} {r.summary}\n")
        return EXIT_OK
    key = args.code.strip()
    for code, r in RULES.items():
        if key.upper() == code or key.lower() == r.name:
            sys.stdout.write(r.doc())
            return EXIT_OK
    raise InputError(f"unknown rule `{key}` (see `mtnorm rule`)")


def cmd_lexicon(args) -> int:
    from .lexicon import build
    from pathlib import Path
    for c in args.corpora:
        if not Path(c).is_file():
            raise InputError(f"{c}: no such file")
    out = build(args.corpora, args.lang, args.output, with_gazetteer=not args.no_gazetteer)
    sys.stderr.write(f"mtnorm: wrote {out}\n")
    return EXIT_OK


def cmd_eval(args) -> int:
    from .evaluate import GoldError, check_thresholds, evaluate, iter_gold, render_table
    import json
    try:
        report = evaluate(iter_gold(args.gold), {"unsafe_fixes": args.unsafe_fixes,
                                                 "language": args.lang, "rule_dirs": args.rules})
        failed = check_thresholds(report, args.threshold)
    except (GoldError, ValueError) as exc:
        raise InputError(str(exc)) from None
    if args.format == "json":
        report["failed_thresholds"] = failed
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        sys.stdout.write(render_table(report))
        for f in failed:
            sys.stdout.write(f"threshold not met: {f}\n")
    return EXIT_FINDINGS if failed else EXIT_OK


def cmd_inject(args) -> int:
    from pathlib import Path
    from .inject import write_gold_set
    if not Path(args.source).is_file():
        raise InputError(f"{args.source}: no such file")
    n = write_gold_set(args.source, args.lang, args.output, docs=args.docs, lines_per_doc=args.lines,
                       clean_every=args.clean_every, seed=args.seed, per_words=args.per_words,
                       source_language=args.source_lang)
    sys.stderr.write(f"mtnorm: wrote {n} gold documents to {args.output}\n")
    return EXIT_OK


def cmd_batch(args) -> int:
    import time
    from .batch import (BatchError, Options, check_rule_packs, learn_lexicons, merge_outputs, plan_shards,
                        prepare, run_local, run_ray, summarize)
    try:
        if args.mt_model:
            from mt import ModelError, find_model
            try:
                find_model(args.mt_model)   # fail now, not in every worker
            except ModelError as exc:
                raise BatchError(str(exc)) from None
        shards = plan_shards(args.inputs, int(args.shard_mb * 1024 * 1024) if args.shard_mb else None)
        opts = Options(text_field=args.text_field, id_field=args.id_field, source_field=args.source_field,
                       lang_field=args.lang_field, output_field=args.output_field,
                       changed_only=args.changed_only, unsafe_fixes=args.unsafe_fixes,
                       select=_split(args.select), ignore=_split(args.ignore), language=args.lang,
                       source_language=args.source_lang, rule_dirs=list(args.rules),
                       findings=not args.no_findings, mt_model=args.mt_model, mt_device=args.mt_device,
                       damaged_text=args.damaged_text)
        check_rule_packs(opts.rule_dirs)
        if args.learn:
            lex_root = str(Path(args.output) / "lexicon")
            if not (Path(lex_root)).is_dir():
                Path(args.output).mkdir(parents=True, exist_ok=True)
                learned = learn_lexicons(shards, opts, args.output, args.workers)
                sys.stderr.write(f"mtnorm: learned {', '.join(learned) or 'nothing'}\n")
            opts.rule_dirs = opts.rule_dirs + [str(Path(lex_root).resolve())]
        prepare(args.output, shards, opts)
    except BatchError as exc:
        raise InputError(str(exc)) from None
    total_bytes = sum(max(0, s.end - s.start) for s in shards if s.kind == "jsonl")
    bar = _progress(len(shards), total_bytes, disabled=args.no_progress)
    t0 = time.perf_counter()
    engine = (run_ray(shards, opts, args.output, args.address, args.workers, bar.update)
              if args.engine == "ray" else run_local(shards, opts, args.output, args.workers, bar.update))
    try:
        all_stats = list(engine)
    except BatchError as exc:
        raise InputError(str(exc)) from None
    finally:
        bar.close()
    merge_outputs(args.output, len(shards), args.rejects)
    summary = summarize(all_stats, time.perf_counter() - t0)
    (Path(args.output) / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    rate = (f"{summary['docs_per_s']} docs/s, {summary['mb_per_s']} MB/s" if summary["docs_per_s"] is not None
            else "every shard was done already")
    sys.stderr.write(
        f"mtnorm: {summary['documents']} documents, {summary['changed']} changed, "
        f"{summary['rejected']} rejected, {summary['shards']} shards ({summary['skipped_shards']} already done) "
        f"in {summary['seconds']} s ({rate}); "
        f"findings: {summary['findings_by_rule']}; output {Path(args.output) / 'output.jsonl'}\n")
    return EXIT_OK


class _progress:
    """A rich progress bar on a terminal (docs/s, MB/s); silent otherwise."""

    def __init__(self, shards: int, total_bytes: int, disabled: bool = False):
        self.bar = None
        self.docs = self.bytes = 0
        self.t0 = __import__("time").perf_counter()
        if disabled or not sys.stderr.isatty():
            return
        try:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        except ImportError:
            return
        self.bar = Progress(TextColumn("shards"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), transient=True)
        self.task = self.bar.add_task("batch", total=shards, rate="")
        self.bar.start()

    def update(self, stats: dict) -> None:
        self.docs += stats.get("documents", 0)
        self.bytes += stats.get("bytes", 0)
        if self.bar is not None:
            dt = max(1e-6, __import__("time").perf_counter() - self.t0)
            self.bar.update(self.task, advance=1,
                            rate=f"{self.docs / dt:,.0f} docs/s {self.bytes / 1e6 / dt:.2f} MB/s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


CONVERT_HELP = """Converting a model for mtnorm (CTranslate2 + SentencePiece); nothing is downloaded by mtnorm.

OPUS-MT (Marian), e.g. Spanish -> English, from a downloaded OPUS-MT zip:
    pip install ctranslate2
    ct2-opus-mt-converter --model_dir opus-mt-es-en --output_dir es-en-ct2 --quantization int8
    cp opus-mt-es-en/source.spm opus-mt-es-en/target.spm es-en-ct2/
    mtnorm check --mt-model es-en-ct2 --source article.es.txt article.en.txt

A Hugging Face checkpoint (Helsinki-NLP/opus-mt-es-en, facebook/nllb-200-distilled-600M), with
transformers installed and the checkpoint already on disk:
    ct2-transformers-converter --model PATH --output_dir es-en-ct2 --quantization int8
    (copy source.spm / target.spm from the checkpoint; NLLB: its sentencepiece model as both)

An Argos Translate package (.argosmodel is a zip): unzip it; the folder with model/model.bin and
sentencepiece.model is used as it is.

Set it once in pyproject.toml: [tool.mtnorm] mt-model = "models/es-en-ct2"
"""


def cmd_models(args) -> int:
    from .config import find_config
    from mt import ModelError, find_model
    if args.action == "convert":
        sys.stdout.write(CONVERT_HELP)
        return EXIT_OK
    model = args.mt_model or find_config("-").get("mt-model")
    if not model:
        sys.stdout.write("No MT model configured (--mt-model DIR, or mt-model in [tool.mtnorm]).\n"
                         "`mtnorm models convert` explains how to make one.\n")
        return EXIT_OK
    try:
        files = find_model(model)
    except ModelError as exc:
        raise InputError(str(exc)) from None
    sys.stdout.write(f"{model}: {files.layout} layout; model {files.model_dir}; "
                     f"source {files.source_spm.name}; target {files.target_spm.name}\n")
    return EXIT_OK


def cmd_cache(args) -> int:
    from . import resources
    where = resources.cache_dir()
    if where is None:
        sys.stdout.write("The cache is off (MTNORM_CACHE_DIR is empty): every run builds its "
                         "word-frequency index in memory.\n")
        return EXIT_OK
    if args.action == "clear":
        removed = resources.clear_cache()
        sys.stdout.write(f"{where}: removed {len(removed)} file(s)\n")
        return EXIT_OK
    if args.action == "warm":
        import time
        langs = _split(args.lang) or list(resources.SUPPORTED_LANGUAGES)
        unknown = [lang for lang in langs if lang not in resources.SUPPORTED_LANGUAGES]
        if unknown:
            raise InputError(f"unsupported language(s): {', '.join(unknown)} "
                             f"(supported: {', '.join(resources.SUPPORTED_LANGUAGES)})")
        for lang in langs:
            t = time.perf_counter()
            table = resources.word_frequencies(lang)
            sys.stdout.write(f"{lang}: {len(table):,} words, {time.perf_counter() - t:.2f} s\n")
        if set(langs) == set(resources.SUPPORTED_LANGUAGES):
            # what every language's word list says of each word, made from all seven
            from .stages.untranslated import _claims_table
            t = time.perf_counter()
            claims = _claims_table()
            sys.stdout.write(f"claims: {len(claims):,} words, {time.perf_counter() - t:.2f} s\n")
    files = resources.cache_files()
    size = sum(f.stat().st_size for f in files)
    sys.stdout.write(f"{where}: {len(files)} file(s), {size / 1e6:.1f} MB\n")
    for f in files:
        sys.stdout.write(f"  {f.name}  {f.stat().st_size / 1e6:.1f} MB\n")
    if not resources.cache_writable():
        sys.stdout.write(f"(cannot write to {where}: every run builds its index in memory)\n")
    return EXIT_OK


def _extra(module: str, extra: str):
    try:
        __import__(module)
    except ImportError:
        raise InputError(f"`mtnorm {extra}` needs the `{extra}` extra: pip install 'mtnorm[{extra}]'") from None


def cmd_serve(args) -> int:
    _extra("starlette", "server")
    _extra("uvicorn", "server")
    if args.workers < 1 or args.queue < 1 or args.max_bytes < 1 or args.timeout <= 0:
        raise InputError("--workers, --queue, --max-bytes and --timeout must be positive")
    if args.config and not Path(args.config).is_file():
        raise InputError(f"{args.config}: no such file")
    from .server import Settings, serve
    serve(Settings(host=args.host, port=args.port, workers=args.workers, max_bytes=args.max_bytes,
                   timeout=args.timeout, queue=args.queue, api_key=args.api_key or None,
                   config=args.config, unsafe_fixes=args.unsafe_fixes, mt_model=args.mt_model,
                   allow_origin=args.allow_origin))
    return EXIT_OK


def cmd_lsp(args) -> int:
    _extra("pygls", "lsp")
    from .lsp import run
    run(debounce=args.debounce)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"check": cmd_check, "fix": cmd_fix, "rule": cmd_rule, "lexicon": cmd_lexicon,
                "eval": cmd_eval, "inject": cmd_inject, "report": cmd_report, "batch": cmd_batch,
                "models": cmd_models, "cache": cmd_cache, "serve": cmd_serve, "lsp": cmd_lsp}
    try:
        return handlers[args.command](args)
    except (InputError, RulePackError, ConfigError) as exc:
        _err(str(exc))
        return EXIT_ERROR
    except FileNotFoundError as exc:
        _err(f"{exc.filename}: no such file")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def console(argv: Sequence[str] | None = None) -> NoReturn:
    """The ``mtnorm`` command: :func:`main`, then the process's end without
    the collector's last walk over every table it loaded (0.2 to 0.3 s after
    a run that met all seven languages; nothing is left to write by then)."""
    code = main(argv)
    import gc
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    console()
