"""The MT backend on a tiny model built here (SentencePiece trained on a few
hundred lines, a CTranslate2 Transformer filled with small numpy weights), and
the MT stage's decisions with a deterministic fake scorer. A real model is
tested when MTNORM_TEST_MODEL points to a converted one."""

import json
import os
import subprocess
import sys

import pytest

from mt import Backend, MTStage, ModelError, WordScore, find_model, pieces_to_words
from mt.tiny import build_tiny_model
from normalize import Document, Pipeline
from normalize.model import Applicability

@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("ctranslate2")
    return build_tiny_model(tmp_path_factory.mktemp("mt"))


def test_layouts_are_recognised(tiny_model, tmp_path):
    assert find_model(tiny_model).layout == "opus-mt"
    argos = build_tiny_model(tmp_path, "argos")
    assert find_model(argos).layout == "argos"
    with pytest.raises(ModelError, match="not a CTranslate2 model folder"):
        find_model(tmp_path / "spm")


def test_translate_score_and_alternatives(tiny_model):
    b = Backend(tiny_model)
    assert b.encode_source("el ministro dijo")[0].startswith("▁")
    out = b.translate_batch(["el ministro dijo que", "la reunión hoy"])
    assert len(out) == 2 and all(isinstance(x, str) for x in out)
    target = "the minister said that"
    [words] = b.score_batch(["el ministro dijo que"], [target])
    assert [w.word for w in words] == target.split()
    assert all(target[w.start:w.end] == w.word and w.log_prob < 0 for w in words)
    again = b.score_batch(["el ministro dijo que"], [target])
    assert b.stats["cache_hits"] >= 1 and again[0] == words
    alts = b.alternatives("el ministro dijo que", "the", 3)
    assert isinstance(alts, list) and len(alts) <= 3


def test_a_device_that_fails_at_its_first_computation_fails_the_load(tiny_model, monkeypatch):
    # CTranslate2 loads cuBLAS at the first computation on a GPU (seen on an
    # H200 whose CUDA 13 image lacks the libcublas.so.12 that ctranslate2 4.x
    # links): Backend must say so when it loads, not crash mid-run
    import ctranslate2

    class Broken:
        def __init__(self, *args, **kwargs):
            pass

        def translate_batch(self, *args, **kwargs):
            raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")

    monkeypatch.setattr(ctranslate2, "Translator", Broken)
    with pytest.raises(ModelError, match="cannot load on cuda: Library libcublas"):
        Backend(tiny_model, device="cuda")


def test_pieces_to_words_maps_back_to_offsets():
    text = "the income of Ukraine"
    words = pieces_to_words(text, ["▁the", "▁in", "come", "▁of", "▁Ukr", "aine"],
                            [-1.0, -2.0, -3.0, -0.5, -1.0, -1.0])
    assert [(w.word, w.start, w.end, w.log_prob) for w in words] == [
        ("the", 0, 3, -1.0), ("income", 4, 10, -5.0), ("of", 11, 13, -0.5), ("Ukraine", 14, 21, -2.0)]


class FakeScorer:
    """Deterministic scores: a sentence containing a preferred word scores higher."""

    def __init__(self, preferred=("entry",), unlikely=("xylophone",)):
        self.preferred, self.unlikely = preferred, unlikely
        self.stats = {"segments_scored": 0}

    def sentence_score(self, source, target):
        return -1.0 if any(p in target.split() for p in self.preferred) else -3.0

    def score_batch(self, sources, targets):
        self.stats["segments_scored"] += len(targets)
        out = []
        for t in targets:
            words, pos = [], 0
            for w in t.split():
                i = t.find(w, pos)
                words.append(WordScore(w, i, i + len(w), -12.0 if w.strip(".,") in self.unlikely else -1.0))
                pos = i + len(w)
            out.append(words)
        return out

    def alternatives(self, source, prefix, n=3):
        return ["piano"]


def test_stage_applies_a_candidate_only_when_the_model_prefers_it():
    src = "Ucrania pidió su ingreso en la OTAN."
    tgt = "Ukraine asked for its income into NATO."
    pipe = Pipeline(language="en", source_language="es", mt=MTStage(FakeScorer(preferred=("entry",))))
    res = pipe.fix(Document(tgt, source=src))
    assert res.text == "Ukraine asked for its entry into NATO."
    f = [f for f in res.findings if f.rule == "MTN601"][0]
    assert f.evidence["mt_candidate_score"] > f.evidence["mt_score"]
    # a model that prefers none of the candidates leaves the text alone, as a suggestion
    pipe = Pipeline(language="en", source_language="es", unsafe_fixes=True,
                    mt=MTStage(FakeScorer(preferred=("nothing",))))
    res = pipe.fix(Document(tgt, source=src))
    assert res.text == tgt
    f = [f for f in res.findings if f.rule == "MTN601"][0]
    assert f.applicability is Applicability.DISPLAY


def test_stage_flags_unlikely_words_missing_numbers_and_untranslated_lines():
    src = "El índice subió un 3,5 % en 2023.\nDer Vertrag wurde gestern unterzeichnet."
    tgt = "The xylophone rose by percent in 2023.\nDer Vertrag wurde gestern unterzeichnet."
    res = Pipeline(language="en", mt=MTStage(FakeScorer())).check(Document(tgt, source=src))
    rules = {f.rule: f for f in res.findings}
    assert tgt[rules["MTN602"].start:rules["MTN602"].end] == "xylophone" and rules["MTN602"].fix == "piano"
    assert rules["MTN603"].evidence["missing"] == ["3.5"]
    assert "MTN802" in rules
    # no source: the stage does nothing (the German line is still found by MTN804, without a model)
    found = {f.rule for f in Pipeline(language="en", mt=MTStage(FakeScorer())).check(tgt).findings}
    assert not found & {"MTN602", "MTN603", "MTN802"} and found <= {"MTN804"}


def test_cli_scores_every_segment(tiny_model, tmp_path):
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("el ministro dijo que\nla reunión hoy\n", encoding="utf-8")
    tgt.write_text("the minister said that\nthe meeting today\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "normalize", "check", "--mt-model", str(tiny_model), "--source",
                        str(src), str(tgt), "--format", "json", "--lang", "en"], capture_output=True)
    assert r.returncode in (0, 1), r.stderr
    stats = json.loads(r.stdout)["stats"]
    assert stats["mt"]["segments_scored"] == 2 and stats["stages"]["mt"] == stats["mt"]


@pytest.mark.skipif(not os.environ.get("MTNORM_TEST_MODEL"), reason="set MTNORM_TEST_MODEL to a converted model")
def test_real_model():
    b = Backend(os.environ["MTNORM_TEST_MODEL"])
    [out] = b.translate_batch(["El presidente llegó ayer a Kiev."])
    assert out.strip()
    [words] = b.score_batch(["El presidente llegó ayer a Kiev."], [out])
    assert words and all(w.log_prob <= 0 for w in words)


@pytest.mark.parametrize("engine", ["local", "ray"])
def test_batch_loads_the_model_once_per_worker(tiny_model, tmp_path, engine):
    if engine == "ray":
        pytest.importorskip("ray")
    corpus = tmp_path / "c.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i in range(12):
            fh.write(json.dumps({"id": i, "src": "el ministro dijo que\nla reunión hoy",
                                 "text": f"the minister said that {i}\nthe meeting today {i}"}) + "\n")
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "normalize", "batch", str(corpus), "-o", str(out), "--engine", engine,
                        "--workers", "2", "--shard-mb", "0.0002", "--mt-model", str(tiny_model),
                        "--source-field", "src", "--lang", "en", "--no-progress"], capture_output=True)
    assert r.returncode == 0, r.stderr
    summary = json.loads((out / "summary.json").read_text())
    mt = summary["stages"]["mt"]
    assert summary["shards"] >= 6
    assert mt["segments_scored"] == 24                  # every line of every record
    assert 1 <= mt["model_loads"] <= 2                  # once per worker, not once per shard


def test_batch_refuses_a_missing_model(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "normalize", "batch", str(corpus), "-o", str(tmp_path / "o"),
                        "--mt-model", str(tmp_path / "nowhere"), "--no-progress"], capture_output=True)
    assert r.returncode == 2 and b"nowhere" in r.stderr
