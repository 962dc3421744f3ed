"""The CTranslate2 + SentencePiece backend of mtnorm (MT-backed verification).

``Backend`` loads a converted model (OPUS-MT or Argos Translate layout) and
translates, scores (forced decoding, per word) and proposes alternatives;
``MTStage`` uses it to verify rule candidates against the source text.
ctranslate2 and sentencepiece are imported only when a model is loaded.
"""

from .backend import Backend, ModelError, ModelFiles, WordScore, find_model, pieces_to_words
from .stage import MTStage

__all__ = ["Backend", "MTStage", "ModelError", "ModelFiles", "WordScore", "find_model", "pieces_to_words"]
