"""mtnorm batch: streaming shards, order, rejects, resume, engines, two-pass statistics."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from normalize.batch import Options, plan_shards, records


def run(*args):
    return subprocess.run([sys.executable, "-m", "normalize", *args], capture_output=True)


def write_corpus(path: Path, n: int = 300) -> list[dict]:
    recs = []
    for i in range(n):
        text = f"Officials in kyiv met on day {i}.She said the summitthat ended was useful." if i % 3 == 0 \
            else f"The minister spoke on day {i} about the budget and the economy."
        recs.append({"id": i, "text": text, "meta": {"k": [i, "x"]}})
    with open(path, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r) + "\n")
        fh.write("{broken json\n")
        fh.write(json.dumps({"id": "no-text", "body": "x"}) + "\n")
    return recs


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_line_is_in_exactly_one_shard(tmp_path):
    p = tmp_path / "c.jsonl"
    write_corpus(p, 200)
    opts = Options()
    shards = plan_shards([str(p)], shard_bytes=997)   # boundaries fall inside lines
    assert len(shards) > 5
    seen = [rec["id"] for sh in shards for _, rec, err in records(sh, opts) if rec]
    assert seen == list(range(200)) + ["no-text"]


def test_batch_keeps_fields_order_and_reports_rejects(tmp_path):
    p = tmp_path / "c.jsonl"
    recs = write_corpus(p)
    out = tmp_path / "out"
    r = run("batch", str(p), "-o", str(out), "--workers", "2", "--shard-mb", "0.004", "--lang", "en",
            "--rejects", str(tmp_path / "rejects.jsonl"))
    assert r.returncode == 0, r.stderr
    rows = read_jsonl(out / "output.jsonl")
    assert [row["id"] for row in rows] == [rec["id"] for rec in recs]          # order kept
    assert rows[0]["meta"] == {"k": [0, "x"]}                                   # fields kept
    assert rows[0]["text"] == "Officials in Kyiv met on day 0. She said the summit that ended was useful."
    assert rows[0]["mtnorm"]["changed"] and rows[1]["mtnorm"] == {"language": "en", "changed": False,
                                                                   "findings": []}
    rejects = read_jsonl(tmp_path / "rejects.jsonl")
    assert [x["reason"].split(":")[0] for x in rejects] == ["invalid JSON", "field `text` missing or not a string"]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["documents"] == 302 and summary["changed"] == 100 and summary["rejected"] == 2


def test_batch_resumes_only_unfinished_shards(tmp_path):
    p = tmp_path / "c.jsonl"
    write_corpus(p)
    out = tmp_path / "out"
    args = ["batch", str(p), "-o", str(out), "--workers", "1", "--shard-mb", "0.004", "--lang", "en"]
    assert run(*args).returncode == 0
    first = (out / "output.jsonl").read_bytes()
    # an interrupted run: one shard's marker and output never made it to disk
    (out / "done" / "000001.json").unlink()
    (out / "shards" / "000001.jsonl").unlink()
    r = run(*args)
    assert r.returncode == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["skipped_shards"] == summary["shards"] - 1
    assert (out / "output.jsonl").read_bytes() == first
    # run once more: nothing is left to do, and the summary says so (no rate of nothing)
    r = run(*args)
    assert r.returncode == 0 and b"every shard was done already" in r.stderr and b"None" not in r.stderr
    assert (out / "output.jsonl").read_bytes() == first
    # a different run into the same folder is refused
    r = run("batch", str(p), "-o", str(out), "--lang", "de")
    assert r.returncode == 2 and b"other inputs or options" in r.stderr


def test_stage_counts_add_up_whatever_the_workers(tmp_path):
    # a worker's stage counters run on across its shards: each shard records
    # only its own part, so the summary is the same with one worker or two
    p = tmp_path / "c.jsonl"
    write_corpus(p, 120)
    stages = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        r = run("batch", str(p), "-o", str(out), "--workers", workers, "--shard-mb", "0.002", "--lang", "en")
        assert r.returncode == 0, r.stderr
        summary = json.loads((out / "summary.json").read_text())
        assert summary["shards"] > 4
        stages.append(summary["stages"])
    assert stages[0]["casing"] == stages[1]["casing"] == {"names": 40}
    assert stages[0]["spacing"] == stages[1]["spacing"]


def test_changed_only_output_field_and_text_folders(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("talks in moscow\n", encoding="utf-8")
    (folder / "b.txt").write_text("Nothing to fix here at all.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(folder), "-o", str(out), "--changed-only", "--output-field", "clean",
            "--lang", "en", "--workers", "1")
    assert r.returncode == 0, r.stderr
    rows = read_jsonl(out / "output.jsonl")
    assert len(rows) == 1 and rows[0]["text"] == "talks in moscow\n" and rows[0]["clean"] == "talks in Moscow\n"


def test_damaged_text_option_reaches_the_workers(tmp_path):
    folder = tmp_path / "pdf"
    folder.mkdir()
    (folder / "a.txt").write_text("A Proposal for WordSense Disambiguation.\n", encoding="utf-8")
    for flags, want in (((), "WordSense"), (("--damaged-text",), "Word Sense")):
        out = tmp_path / f"out{len(flags)}"
        r = run("batch", str(folder), "-o", str(out), "--unsafe-fixes", *flags, "--lang", "en", "--workers", "1")
        assert r.returncode == 0, r.stderr
        assert want in read_jsonl(out / "output.jsonl")[0]["text"]


def test_parquet_input(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    table = pa.table({"id": [1, 2], "text": ["talks in kyiv", "fine text"]})
    path = tmp_path / "c.parquet"
    pq.write_table(table, path)
    out = tmp_path / "out"
    assert run("batch", str(path), "-o", str(out), "--lang", "en", "--workers", "1").returncode == 0
    assert [r["text"] for r in read_jsonl(out / "output.jsonl")] == ["talks in Kyiv", "fine text"]


def test_ray_engine_gives_the_local_output(tmp_path):
    pytest.importorskip("ray")
    p = tmp_path / "c.jsonl"
    write_corpus(p, 120)
    local, ray_out = tmp_path / "local", tmp_path / "ray"
    common = ["--shard-mb", "0.004", "--lang", "en", "--workers", "2"]
    assert run("batch", str(p), "-o", str(local), *common).returncode == 0
    r = run("batch", str(p), "-o", str(ray_out), "--engine", "ray", *common)
    assert r.returncode == 0, r.stderr[-2000:]
    assert (ray_out / "output.jsonl").read_bytes() == (local / "output.jsonl").read_bytes()


def test_two_pass_learns_the_corpus_spelling(tmp_path):
    p = tmp_path / "c.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for i in range(60):
            fh.write(json.dumps({"text": f"Officials in Zorbland said on day {i} that Zorbland would vote."}) + "\n")
        fh.write(json.dumps({"text": "The mayor of zorbland resigned."}) + "\n")
    plain = run("batch", str(p), "-o", str(tmp_path / "plain"), "--lang", "en", "--workers", "1")
    assert plain.returncode == 0
    assert read_jsonl(tmp_path / "plain" / "output.jsonl")[-1]["text"] == "The mayor of zorbland resigned."
    learned = run("batch", str(p), "-o", str(tmp_path / "learned"), "--lang", "en", "--workers", "1", "--learn")
    assert learned.returncode == 0, learned.stderr
    assert read_jsonl(tmp_path / "learned" / "output.jsonl")[-1]["text"] == "The mayor of Zorbland resigned."
    assert (tmp_path / "learned" / "lexicon" / "en" / "casing.tsv").is_file()


def test_a_malformed_rule_pack_stops_the_batch_before_any_work(tmp_path):
    rules = tmp_path / "rules" / "en"
    rules.mkdir(parents=True)
    (rules / "casing.tsv").write_text("lower\tcanonical\tkind\nkyiv\tKyiv\tweird\n", encoding="utf-8")
    p = tmp_path / "c.jsonl"
    write_corpus(p, 10)
    out = tmp_path / "out"
    r = run("batch", str(p), "-o", str(out), "--rules", str(tmp_path / "rules"), "--lang", "en", "--no-progress")
    assert r.returncode == 2
    assert b"casing.tsv: row 1 (kyiv): field `kind`" in r.stderr and b"Traceback" not in r.stderr
    assert not out.exists()
