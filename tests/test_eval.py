"""mtnorm eval and mtnorm inject: the measurements behave as documented."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from normalize.evaluate import GoldError, check_thresholds, evaluate, iter_gold, load_gold
from normalize.inject import inject

GOLD = Path(__file__).resolve().parent.parent / "corpora" / "gold"


def write_doc(d: Path, name: str, text: str, meta: dict) -> Path:
    (d / f"{name}.txt").write_text(text, encoding="utf-8")
    p = d / f"{name}.json"
    p.write_text(json.dumps(meta), encoding="utf-8")
    return p


def test_eval_counts_flags_exact_fixes_clean_findings_and_outside_changes(tmp_path):
    write_doc(tmp_path, "a", "talks in kyiv.She said the summitthat ended.",
              {"language": "en", "annotations": [
                  {"text": "kyiv", "category": "casing", "fix": "Kyiv"},
                  {"text": "summitthat", "category": "run_together", "fix": "summit then"}]})
    write_doc(tmp_path, "b", "He met donald trump in moscow.", {"language": "en", "kind": "clean"})
    report = evaluate(iter_gold([str(tmp_path)]))
    cats = report["categories"]
    assert cats["casing"]["annotated"] == 1 and cats["casing"]["fixed_exact"] == 1
    # the tool's "summit that" is not the (deliberately different) gold fix
    assert cats["run_together"]["flagged"] == 1 and cats["run_together"]["fixed_exact"] == 0
    # the unannotated missing space was changed: an outside change
    assert cats["spacing"]["outside_changes"] == 1
    # the "clean" document has lower-cased names: three clean findings
    assert cats["casing"]["clean_findings"] == 3
    failed = check_thresholds(report, ["flag_rate>=0.5", "run_together.fix_rate>=0.9", "clean_findings<=0"])
    assert len(failed) == 2


def test_gold_errors_name_file_and_field(tmp_path):
    p = write_doc(tmp_path, "x", "some text", {"annotations": [{"text": "absent", "category": "casing", "fix": "A"}]})
    with pytest.raises(GoldError, match=r"x\.json: annotations\[0\]: field `text`"):
        load_gold(p)
    p = write_doc(tmp_path, "y", "some text", {"annotations": [{"text": "some", "category": "nope"}]})
    with pytest.raises(GoldError, match="field `category`"):
        load_gold(p)


def test_injected_damage_is_where_the_gold_says_and_undoes_to_the_original():
    clean = ("The talks in Moscow ended on Monday. Officials said the plan that emerged was “fair”, "
             "and the ministry, which led them, agreed about the details with the delegation.\n")
    rng = random.Random(3)
    damaged, ann = inject(clean, "en", rng, per_words=5)
    assert ann and damaged != clean
    restored, pos = [], 0
    for a in ann:
        assert damaged[a["start"]:a["end"]] == a["text"]
        restored.append(damaged[pos:a["start"]] + a["fix"])
        pos = a["end"]
    restored.append(damaged[pos:])
    assert "".join(restored) == clean


def test_project_gold_sets_meet_their_thresholds():
    """The project's hand-written gold documents (corpora/gold): every artefact
    flagged, most fixed exactly, nothing on clean documents, nothing outside."""
    report = evaluate(iter_gold([str(GOLD)]), {"unsafe_fixes": True})
    failed = check_thresholds(report, ["flag_rate>=0.9", "fix_rate>=0.85", "clean_findings<=0",
                                       "outside_changes<=0"])
    assert not failed, (failed, report["categories"])


def test_eval_cli_exit_code(tmp_path):
    r = subprocess.run([sys.executable, "-m", "normalize", "eval", str(GOLD), "--unsafe-fixes",
                        "--format", "json", "--threshold", "flag_rate>=1.01"], capture_output=True)
    assert r.returncode == 1
    assert json.loads(r.stdout)["failed_thresholds"]
