"""A CTranslate2 translation model with its SentencePiece models.

Layouts understood (``find_model``):

- a converted OPUS-MT model: ``DIR/model.bin`` + vocabulary files (written by
  ``ct2-opus-mt-converter`` / ``ct2-transformers-converter``) and the
  ``source.spm`` / ``target.spm`` SentencePiece models copied beside them;
- an Argos Translate package: ``DIR/model/model.bin`` and ``DIR/sentencepiece.model``
  (one model for both sides).

``ctranslate2`` and ``sentencepiece`` are imported when a model is loaded.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence


class ModelError(ValueError):
    """A model directory that cannot be used; the message says what is missing."""


@dataclass(frozen=True)
class ModelFiles:
    model_dir: Path
    source_spm: Path
    target_spm: Path
    layout: str


def find_model(path: str | Path) -> ModelFiles:
    p = Path(path)
    if (p / "model.bin").is_file() and (p / "source.spm").is_file() and (p / "target.spm").is_file():
        return ModelFiles(p, p / "source.spm", p / "target.spm", "opus-mt")
    if (p / "model" / "model.bin").is_file() and (p / "sentencepiece.model").is_file():
        return ModelFiles(p / "model", p / "sentencepiece.model", p / "sentencepiece.model", "argos")
    if not p.is_dir():
        raise ModelError(f"{p}: no such model folder")
    raise ModelError(f"{p}: not a CTranslate2 model folder: expected model.bin with source.spm and "
                     "target.spm (OPUS-MT layout), or model/model.bin with sentencepiece.model "
                     "(Argos Translate package)")


@dataclass
class WordScore:
    word: str
    start: int          # code points into the target sentence
    end: int
    log_prob: float     # sum of the word's pieces' log-probabilities


class Backend:
    """Translate, score and propose alternatives with one model.

    Batches requests (``batch_size``) and caches translations and scores of
    segments already seen (LRU, ``cache_size`` entries).
    """

    def __init__(self, path: str | Path, device: str = "cpu", compute_type: str = "default",
                 batch_size: int = 32, beam_size: int = 4, cache_size: int = 10_000,
                 inter_threads: int = 1, intra_threads: int = 0, max_decoding_length: int = 256):
        files = find_model(path)
        import ctranslate2
        import sentencepiece as spm
        if compute_type == "default":
            compute_type = "int8" if device == "cpu" else "default"
        self.source_sp = spm.SentencePieceProcessor(model_file=str(files.source_spm))
        self.target_sp = spm.SentencePieceProcessor(model_file=str(files.target_spm))
        threads = {"inter_threads": inter_threads, "intra_threads": intra_threads}
        try:
            try:
                self.translator = ctranslate2.Translator(str(files.model_dir), device=device,
                                                         compute_type=compute_type, **threads)
            except (RuntimeError, ValueError):
                if compute_type == "default":
                    raise
                # int8 is not supported by every model/device pair: the model's own type
                self.translator = ctranslate2.Translator(str(files.model_dir), device=device, **threads)
            if device != "cpu":
                # a GPU's libraries (cuBLAS) load at the first computation: run one
                # now, so that a missing one fails here, clearly, not mid-corpus
                self.translator.translate_batch([self.source_sp.encode("a", out_type=str) or ["a"]],
                                                beam_size=1, max_decoding_length=1)
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"{path}: cannot load on {device}: {exc}") from None
        self.files = files
        self.batch_size = batch_size
        self.beam_size = beam_size
        self.max_decoding_length = max_decoding_length
        self._cache: OrderedDict = OrderedDict()
        self.cache_size = cache_size
        self.stats = {"segments_translated": 0, "segments_scored": 0, "cache_hits": 0, "model_loads": 1}

    # ------------------------------------------------------------ helpers
    def _cached(self, key):
        if key in self._cache:
            self._cache.move_to_end(key)
            self.stats["cache_hits"] += 1
            return self._cache[key]
        return None

    def _store(self, key, value):
        if self.cache_size <= 0:
            return
        self._cache[key] = value
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def encode_source(self, text: str) -> list[str]:
        return self.source_sp.encode(text, out_type=str)

    def encode_target(self, text: str) -> list[str]:
        return self.target_sp.encode(text, out_type=str)

    # ------------------------------------------------------------ operations
    def translate_batch(self, sources: Sequence[str]) -> list[str]:
        out: list[str | None] = [self._cached(("t", s)) for s in sources]
        todo = [i for i, x in enumerate(out) if x is None]
        if todo:
            results = self.translator.translate_batch(
                self.source_sp.encode([sources[i] for i in todo], out_type=str),
                beam_size=self.beam_size, max_batch_size=self.batch_size,
                max_decoding_length=self.max_decoding_length)
            texts = self.target_sp.decode([r.hypotheses[0] for r in results])
            for i, text in zip(todo, texts):
                out[i] = text
                self._store(("t", sources[i]), text)
            self.stats["segments_translated"] += len(todo)
        return [x or "" for x in out]

    def score_batch(self, sources: Sequence[str], targets: Sequence[str]) -> list[list[WordScore]]:
        """Forced decoding: the log-probability of each target word given its source."""
        out: list = [self._cached(("s", s, t)) for s, t in zip(sources, targets)]
        todo = [i for i, x in enumerate(out) if x is None]
        if todo:
            # one call: CTranslate2 batches (max_batch_size) and sorts by length itself
            pieces = self.target_sp.encode([targets[i] for i in todo], out_type=str)
            results = self.translator.score_batch(self.source_sp.encode([sources[i] for i in todo], out_type=str),
                                                  pieces, max_batch_size=self.batch_size)
            for i, p, r in zip(todo, pieces, results):
                words = pieces_to_words(targets[i], p, r.log_probs)
                out[i] = words
                self._store(("s", sources[i], targets[i]), words)
            self.stats["segments_scored"] += len(todo)
        return out

    def sentence_score(self, source: str, target: str) -> float:
        """Mean log-probability per target word (higher is more likely)."""
        words = self.score_batch([source], [target])[0]
        return sum(w.log_prob for w in words) / max(1, len(words))

    def alternatives(self, source: str, target_prefix: str, n: int = 5) -> list[str]:
        """The model's candidates for the word that follows ``target_prefix``."""
        prefix = self.encode_target(target_prefix) if target_prefix.strip() else []
        r = self.translator.translate_batch([self.encode_source(source)], target_prefix=[prefix],
                                            num_hypotheses=n, return_alternatives=True,
                                            max_decoding_length=len(prefix) + 8, beam_size=max(n, 1))[0]
        words = []
        for hyp in r.hypotheses:
            rest = hyp[len(prefix):]
            text = self.target_sp.decode(rest).split()
            if text and text[0] not in words:
                words.append(text[0])
        return words


def pieces_to_words(text: str, pieces: list[str], log_probs: list[float]) -> list[WordScore]:
    """Group SentencePiece pieces into the words of ``text`` ('▁' starts a word);
    the end-of-sentence token's score, if present, is dropped (zip stops first)."""
    out: list[WordScore] = []
    word, lp = "", 0.0
    pos = 0
    find = text.find
    for piece, p in zip(pieces, log_probs):
        if piece[:1] == "▁":
            if word:
                i = find(word, pos)
                i = pos if i < 0 else i
                out.append(WordScore(word, i, i + len(word), lp))
                pos = i + len(word)
            word, lp = piece[1:], p
        else:
            word += piece
            lp += p
    if word:
        i = find(word, pos)
        i = pos if i < 0 else i
        out.append(WordScore(word, i, i + len(word), lp))
    return [w if not math.isnan(w.log_prob) else WordScore(w.word, w.start, w.end, -99.0) for w in out]
