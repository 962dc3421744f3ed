"""A tiny, random CTranslate2 model with real SentencePiece models, built from
numpy weights in a second: for tests, benchmarks and smoke-testing an
installation without downloading anything. ``size="base"`` gives it the shape
of an OPUS-MT transformer-base model (6 layers, 512 wide, 32,000-token output)
so that a benchmark pays a real model's compute. It translates nonsense, but every
operation of the backend (load, tokenise, translate, score, alternatives) runs.

    python -m mt.tiny OUT_DIR [--layout opus-mt|argos]
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import numpy as np

WORDS_SRC = "el la los ministro gobierno dijo que ingreso de ucrania en otan bloque político reunión hoy".split()
WORDS_TGT = "the minister government said that entry income of ukraine into nato bloc block political meeting today".split()


def _train_spm(lines, prefix: Path, vocab: int) -> Path:
    import sentencepiece as spm
    text = prefix.with_suffix(".txt")
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(text), model_prefix=str(prefix), vocab_size=vocab,
                                   model_type="unigram", character_coverage=1.0, bos_id=1, eos_id=2,
                                   unk_id=0, pad_id=-1, hard_vocab_limit=False, minloglevel=2)
    return prefix.with_suffix(".model")


def _fill(spec, d: int, ff: int, vocab_src: int, vocab_tgt: int, rng: np.random.Generator) -> None:
    """Give every weight of a TransformerSpec a small random value of the right shape."""
    def shape(name: str):
        if name.endswith(("gamma", "beta")):
            return (d,)
        if "embeddings" in name:
            return (vocab_src if name.startswith("encoder") else vocab_tgt, d)
        if name.endswith("projection/weight"):
            return (vocab_tgt, d)
        if "ffn/linear_0" in name:
            return (ff, d)
        if "ffn/linear_1" in name:
            return (d, ff)
        if "self_attention/linear_0" in name:
            return (3 * d, d)
        if "/attention/linear_1" in name and "self" not in name:
            return (2 * d, d)
        return (d, d)

    for name, value in spec.variables(ordered=True):
        if value is not None:
            continue
        obj = spec
        parts = name.split("/")
        for part in parts[:-1]:
            if part.rsplit("_", 1)[-1].isdigit() and hasattr(obj, part.rsplit("_", 1)[0]):
                base, idx = part.rsplit("_", 1)
                obj = getattr(obj, base)[int(idx)]
            else:
                obj = getattr(obj, part)
        arr = (rng.standard_normal(shape(name)) * 0.1).astype(np.float32)
        if parts[-1] == "gamma":
            arr = np.ones(shape(name), dtype=np.float32)
        setattr(obj, parts[-1], arr)


SIZES = {
    # layers, model dim, ffn dim, heads, vocabulary padded to
    "tiny": (1, 16, 32, 2, 0),
    # the shape of an OPUS-MT (Marian transformer-base) model: same compute, random weights
    "base": (6, 512, 2048, 8, 32000),
}


def build_tiny_model(folder: Path, layout: str = "opus-mt", size: str = "tiny") -> Path:
    from ctranslate2 import specs
    import sentencepiece as spm
    rng = random.Random(0)
    src_lines = [" ".join(rng.choice(WORDS_SRC) for _ in range(rng.randint(3, 9))) for _ in range(300)]
    tgt_lines = [" ".join(rng.choice(WORDS_TGT) for _ in range(rng.randint(3, 9))) for _ in range(300)]
    work = folder / "spm"
    work.mkdir(parents=True)
    src_model = _train_spm(src_lines, work / "source", 60)
    tgt_model = _train_spm(tgt_lines, work / "target", 60)
    src_vocab = [spm.SentencePieceProcessor(model_file=str(src_model)).id_to_piece(i)
                 for i in range(spm.SentencePieceProcessor(model_file=str(src_model)).get_piece_size())]
    tgt_sp = spm.SentencePieceProcessor(model_file=str(tgt_model))
    tgt_vocab = [tgt_sp.id_to_piece(i) for i in range(tgt_sp.get_piece_size())]
    layers, d, ff, heads, pad = SIZES[size]
    # padding tokens SentencePiece never produces give the output layer a real model's width
    src_vocab += [f"<pad{i}>" for i in range(max(0, pad - len(src_vocab)))]
    tgt_vocab += [f"<pad{i}>" for i in range(max(0, pad - len(tgt_vocab)))]
    spec = specs.TransformerSpec.from_config((layers, layers), heads)
    _fill(spec, d, ff, len(src_vocab), len(tgt_vocab), np.random.default_rng(0))
    spec.register_source_vocabulary(src_vocab)
    spec.register_target_vocabulary(tgt_vocab)
    spec.validate()
    spec.optimize(quantization=None)
    if layout == "opus-mt":
        out = folder / "model"
        out.mkdir()
        spec.save(str(out))
        shutil.copy(src_model, out / "source.spm")
        shutil.copy(tgt_model, out / "target.spm")
        return out
    out = folder / "argos"
    (out / "model").mkdir(parents=True)
    spec.save(str(out / "model"))
    shutil.copy(tgt_model, out / "sentencepiece.model")
    return out


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--layout", choices=("opus-mt", "argos"), default="opus-mt")
    ap.add_argument("--size", choices=sorted(SIZES), default="tiny")
    a = ap.parse_args()
    Path(a.out).mkdir(parents=True, exist_ok=True)
    print(build_tiny_model(Path(a.out), a.layout, a.size))
    sys.exit(0)
