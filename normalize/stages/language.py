"""Language identification (langdetect, seeded so that runs are repeatable)."""

from __future__ import annotations

import re
import threading

from ..model import Document
from ..resources import SUPPORTED_LANGUAGES
from .base import Context, Stage

_LETTERS = re.compile(r"[^\W\d_]")
_lock = threading.Lock()
_factory_ready = False


def detect_language(text: str, sample: int = 1200) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is too little
    text to tell. Deterministic: langdetect is seeded on every call.

    langdetect confuses close languages on short texts ("roast turkey for
    dinner" -> Norwegian), so a supported language with a fair probability is
    preferred, and an unsupported one is only believed for longer texts."""
    global _factory_ready
    # langdetect's cost grows with the text; 1,200 characters of an article are
    # plenty to tell its language (measured in bench/stages.py)
    snippet = text[:sample]
    if len(_LETTERS.findall(snippet)) < 20:
        return None
    from langdetect import DetectorFactory, detector_factory
    from langdetect.lang_detect_exception import LangDetectException
    with _lock:
        if not _factory_ready:
            detector_factory.init_factory()
            _factory_ready = True
        DetectorFactory.seed = 0
        try:
            d = detector_factory._factory.create()
            d.append(snippet)
            probs = d.get_probabilities()
        except LangDetectException:
            return None
    if not probs:
        return None
    top = probs[0].lang.split("-")[0]
    if top in SUPPORTED_LANGUAGES:
        return top
    for p in probs:
        if p.lang in SUPPORTED_LANGUAGES and p.prob >= 0.2:
            return p.lang
    if len(_LETTERS.findall(snippet)) < 300:
        return None
    return top


class LanguageStage(Stage):
    """Fill ``doc.language`` unless the caller forced it."""

    name = "language"
    provides = ("language",)

    def __init__(self, default: str = "en") -> None:
        super().__init__()
        self.default = default

    def process(self, doc: Document, ctx: Context):
        if doc.language:
            self.stats["forced"] += 1
            return []
        lang = detect_language(doc.text)
        self.stats[f"detected:{lang}"] += 1
        doc.language = lang or self.default
        return []
