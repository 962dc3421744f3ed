"""Language identification (langdetect, seeded so that runs are repeatable)."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from functools import lru_cache
from operator import mul

from ..model import Document
from ..resources import SUPPORTED_LANGUAGES
from ..text import LANGUAGE_SAMPLE, LETTER_RE
from .base import Context, Stage

_TWENTY_LETTERS = re.compile(r"(?:[\W\d_]*[^\W\d_]){20}")
_lock = threading.Lock()


_WORD = re.compile(r"[^\W\d_]+")


# divisible by 1..n: every share of a word among the n languages is a whole number
_UNIT = math.lcm(*range(1, len(SUPPORTED_LANGUAGES) + 1))


@lru_cache(maxsize=1)
def _function_word_weights() -> dict[str, dict[str, int]]:
    """word -> {language: weight}; a word shared by k languages weighs 1/k,
    counted in whole units of 1/_UNIT so that sums are exact in any order."""
    from .anchors import function_words
    owners: dict[str, list[str]] = {}
    for lang in SUPPORTED_LANGUAGES:
        for w in function_words(lang):
            owners.setdefault(w, []).append(lang)
    return {w: {lang: _UNIT // len(langs) for lang in langs} for w, langs in owners.items()}


@lru_cache(maxsize=1)
def _weights_by_language() -> tuple[tuple[str, dict[str, int], frozenset[str]], ...]:
    """(language, its function word -> weight, its function words) for each
    supported language: :func:`_function_word_weights` turned round, so that
    a text's score in a language is one intersection and one sum, in C."""
    by: dict[str, dict[str, int]] = {lang: {} for lang in SUPPORTED_LANGUAGES}
    for w, shares in _function_word_weights().items():
        for lang, x in shares.items():
            by[lang][w] = x
    return tuple((lang, weights, frozenset(weights)) for lang, weights in by.items())


def vote_language(text: str, words: list[str] | None = None) -> str | None:
    """The supported language whose function words dominate ``text``, or None
    when the vote is not clear (best score >= 1.5 and twice the runner-up).
    A hundred times faster than langdetect, and never wrong on the held-out
    news lines it decides (bench: 99.8-100 %). ``words``, when given, are
    ``text``'s words as :data:`~normalize.text.WORD_RE` finds them, which
    spares finding them again."""
    scores: dict[str, int] = {}
    lowered = text.lower()
    if len(lowered) == len(text):
        # no letter grew when lower-cased (as İ does), so the words of the
        # lower-cased text are the lower-cased words: count them in C and
        # visit only the function words among them
        if words is None:
            counts = Counter(_WORD.findall(lowered))
        else:
            # the runs of letters in words joined by an apostrophe or hyphen
            # (l'union: l, union), as _WORD finds them; lower-casing keeps
            # which characters are letters and joiners
            joined = "\0".join(words).lower().replace("'", "\0").replace("’", "\0").replace("-", "\0")
            counts = Counter(joined.split("\0")) if words else Counter()
        hits = counts.keys() & _function_word_weights().keys()
        get = counts.__getitem__
        for lang, weights, words_of in _weights_by_language():
            hit = hits & words_of
            if hit:
                scores[lang] = sum(map(mul, map(get, hit), map(weights.__getitem__, hit)))
    else:
        weights = _function_word_weights()
        for w, n in Counter(_WORD.findall(text)).items():
            for lang, x in weights.get(w.lower(), {}).items():
                scores[lang] = scores.get(lang, 0) + x * n
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return best if 2 * score >= 3 * _UNIT and score >= 2 * second else None


class _NgramTable(dict):
    """langdetect's n-gram -> per-language probability table, each n-gram's
    list made the first time a text holds it, exactly as
    ``DetectorFactory.add_profile`` makes every list up front.

    langdetect's own start-up turns all 55 profiles into 87,000 lists of 55
    floats (0.4 to 0.5 s and tens of MB in each worker that meets one text
    the function-word vote cannot place); a run asks for a few thousand."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]]):
        super().__init__()
        self._profiles = profiles
        self._grams = set().union(*(freq.keys() for freq, _ in profiles))

    def __contains__(self, gram) -> bool:
        return gram in self._grams

    def __missing__(self, gram: str) -> list[float]:
        if gram not in self._grams:
            raise KeyError(gram)
        probs = [0.0] * len(self._profiles)
        n = len(gram)
        if 1 <= n <= 3:
            for i, (freq, n_words) in enumerate(self._profiles):
                count = freq.get(gram)
                if count is not None:
                    probs[i] = 1.0 * count / n_words[n - 1]
        self[gram] = probs
        return probs


_factory = None


def _langdetect_factory():
    """A langdetect ``DetectorFactory`` over langdetect's own profiles, read
    in the order and with the names ``load_profile`` gives them, whose
    n-gram table is an :class:`_NgramTable`."""
    import json
    import os
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    factory = DetectorFactory()
    profiles = []
    for filename in os.listdir(PROFILES_DIRECTORY):
        path = os.path.join(PROFILES_DIRECTORY, filename)
        if filename.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        factory.langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    factory.word_lang_prob_map = _NgramTable(profiles)
    return factory


def langdetect_probabilities(text: str) -> list[tuple[str, float]]:
    """langdetect's (language, probability) list, best first; seeded, so the
    same text always gets the same answer. [] when it cannot tell."""
    global _factory
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException
    with _lock:
        if _factory is None:
            _factory = _langdetect_factory()
        DetectorFactory.seed = 0
        try:
            d = _factory.create()
            d.append(text)
            return [(p.lang.split("-")[0], p.prob) for p in d.get_probabilities()]
        except LangDetectException:
            return []


_lingua = None


def lingua_probabilities(text: str) -> list[tuple[str, float]]:
    """lingua's (language, confidence) list over the supported languages,
    best first; [] when it cannot tell. lingua (``pip install
    'mtnorm[lingua]'``) is imported on first use and its models load lazily;
    ImportError when it is not installed."""
    global _lingua
    if _lingua is None:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
        langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in SUPPORTED_LANGUAGES]
        with _lock:
            if _lingua is None:
                _lingua = LanguageDetectorBuilder.from_languages(*langs).build()
    return [(c.language.iso_code_639_1.name.lower(), c.value)
            for c in _lingua.compute_language_confidence_values(text) if c.value > 0]


_py3langid = None


def py3langid_probabilities(text: str) -> list[tuple[str, float]]:
    """py3langid's (language, probability) list over the supported
    languages, best first (``pip install 'mtnorm[langid]'``); ImportError
    when it is not installed."""
    global _py3langid
    if _py3langid is None:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
        with _lock:
            if _py3langid is None:
                ident = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
                ident.set_languages(list(SUPPORTED_LANGUAGES))
                _py3langid = ident
    if not LETTER_RE.search(text):
        return []
    return [(lang, float(p)) for lang, p in _py3langid.rank(text)]


def words_probabilities(text: str) -> list[tuple[str, float]]:
    """The word lists' unigram model's (language, probability) list over the
    supported languages, best first (built in: wordfreq's frequent words of
    each language, :func:`~normalize.stages.untranslated.word_probabilities`)."""
    from .untranslated import word_probabilities
    return word_probabilities(text)


# the detectors that may name the language of a short segment (MTN801, MTN804):
# name -> (probabilities, the extra that installs it); see bench/segment_language.py
SEGMENT_DETECTORS = {"langdetect": (langdetect_probabilities, None),
                     "words": (words_probabilities, None),
                     "lingua": (lingua_probabilities, "lingua"),
                     "py3langid": (py3langid_probabilities, "langid")}


def segment_probabilities(text: str, detector: str | None = None) -> list[tuple[str, float]]:
    """(language, probability) of a short segment by ``detector`` (default
    langdetect), best first."""
    return SEGMENT_DETECTORS[detector or "langdetect"][0](text)


def check_segment_detector(name: str) -> None:
    """ValueError, with the command that installs it, when ``name`` is no
    detector or is not installed."""
    if name not in SEGMENT_DETECTORS:
        raise ValueError(f"unknown segment detector `{name}` (one of {', '.join(SEGMENT_DETECTORS)})")
    extra = SEGMENT_DETECTORS[name][1]
    if extra is not None:
        import importlib.util
        if importlib.util.find_spec(name) is None:
            raise ValueError(f"segment detector `{name}` is not installed: pip install 'mtnorm[{extra}]'")


def _main_script(text: str, sample: int = 4000) -> str:
    """'cyrillic' or 'latin' when most letters of (a sample of) ``text`` are
    of that script, else ''."""
    chunk = text[:sample]
    letters = cyr = lat = 0
    for ch in chunk:
        if ch.isalpha():
            letters += 1
            if "\u0400" <= ch <= "\u04ff":
                cyr += 1
            elif ch < "\u0250":
                lat += 1
    if not letters:
        return ""
    return "cyrillic" if cyr > 0.6 * letters else "latin" if lat > 0.6 * letters else ""


def detect_language(text: str, sample: int = LANGUAGE_SAMPLE, words: list[str] | None = None,
                    all_words: list[str] | None = None) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is too little
    text to tell. Deterministic: langdetect is seeded on every call. ``words``:
    the words of ``text[:sample]`` when they are known (see
    :func:`vote_language`).

    langdetect confuses close languages on short texts ("roast turkey for
    dinner" -> Norwegian), so a supported language with a fair probability is
    preferred, and an unsupported one is only believed for longer texts."""
    # langdetect's cost grows with the text; 1,200 characters of an article are
    # plenty to tell its language (measured in bench/stages.py)
    snippet = text[:sample]
    script = _main_script(text)
    if script == "cyrillic":
        return "ru"   # the one supported language written so
    if not _TWENTY_LETTERS.match(snippet):
        return None
    voted = vote_language(snippet, words)
    if voted == "ru" and script == "latin":
        voted = None
    if voted and len(text) > sample and all_words is not None:
        # a long text: the language of most of it, not of its first lines
        # (a headline left in the source language, a foreign caption)
        whole = vote_language(text, all_words)
        if whole and whole != voted:
            voted = whole
    if voted:
        return voted
    probs = langdetect_probabilities(snippet)
    if not probs:
        return None
    if script == "latin":
        probs = [(lang, p) for lang, p in probs if lang != "ru"] or probs
    top = probs[0][0]
    if top in SUPPORTED_LANGUAGES:
        return top
    for lang, prob in probs:
        if lang in SUPPORTED_LANGUAGES and prob >= 0.2:
            return lang
    if len(LETTER_RE.findall(snippet)) < 300:
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
        lang = detect_language(doc.text, words=ctx.analysis.head_tokens, all_words=ctx.analysis.tokens)
        self.stats[f"detected:{lang}"] += 1
        doc.language = lang or self.default
        doc.metadata["language_detected"] = True   # (not the caller's: a stage may doubt it)
        return []
