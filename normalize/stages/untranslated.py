"""Untranslated fragments: stretches of another language inside a document.

A fast candidate step, then a check: a stretch of lower-case words is a
candidate when the words are function words or frequent words of another
supported language and unknown (or rare) in the document's language; the
candidate is kept when the function-word vote and langdetect (restricted to the
supported languages) both name the same other language. Only candidates ever
reach langdetect, so the stage costs little on clean text. Capitalised words
(names, titles) never count for or against.

Measured in the MT issue's probe: langdetect on whole sentences found 2 of 30
foreign fragments, on the fragment alone 19 of 30 — so the fragment, not the
sentence, is what gets checked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Applicability, Document
from ..resources import SUPPORTED_LANGUAGES, top_frequencies, word_frequencies, zipf
from .anchors import function_words
from .base import Context, Stage, finding
from .language import langdetect_probabilities, vote_language

MIN_WORDS = 5          # shortest fragment worth flagging
MAX_CONFIRM = 16       # candidates checked per document: a document whose language was
                       # forced wrongly is all candidates, and each check runs langdetect
_BREAK = re.compile(r"[.!?…;:()\[\]{}«»“”\"„]|\n|—|–")


def _langdetect_top(text: str) -> tuple[str | None, float]:
    """The supported language langdetect finds most probable, with its probability."""
    for lang, prob in langdetect_probabilities(text):
        if lang in SUPPORTED_LANGUAGES:
            return lang, prob
    return None, 0.0


@lru_cache(maxsize=None)
def _claims() -> dict[str, int]:
    """word -> the supported languages (a bit each, in SUPPORTED_LANGUAGES'
    order) that have it among their frequent (zipf 3 or more) or function
    words: one look-up tells whether another language can claim a word."""
    claims: dict[str, int] = {}
    for bit, lang in enumerate(SUPPORTED_LANGUAGES):
        flag = 1 << bit
        for words in (top_frequencies(lang), function_words(lang)):
            for word in words:
                claims[word] = claims.get(word, 0) | flag
    return claims


@lru_cache(maxsize=None)
def _others(lang: str) -> tuple[int, tuple[tuple[int, dict[str, float], frozenset[str]], ...]]:
    """The bits of the other supported languages, and for each its bit, its
    frequent words (zipf 3 or more) and its function words."""
    others = tuple((1 << bit, top_frequencies(other), function_words(other))
                   for bit, other in enumerate(SUPPORTED_LANGUAGES) if other != lang)
    return sum(flag for flag, _, _ in others), others


def _claimed_by_others(forms, lang: str) -> list[str]:
    """The forms another supported language has among its frequent or
    function words: the only ones :func:`is_foreign` can find foreign (one
    look-up each, most forms of a text are no other language's)."""
    mask = _others(lang)[0]
    claims = _claims()
    return [form for form in forms if claims.get(form, 0) & mask]


_MEMO_LIMIT = 500_000
_memo: dict[str, dict[str, bool]] = {}


def is_foreign(lang: str, word: str) -> bool:
    """Is lower-case ``word`` far more frequent in another supported language
    than in ``lang`` (by 1.5 zipf, and at least zipf 3 there), or a function
    word of another language that is not frequent in ``lang``? wordfreq's lists
    hold each other's loans, so relative frequency decides. A word no other
    language has among its frequent or function words is not (most words: the
    look-up in ``lang``'s own list is spared). Memoised per word: a corpus
    repeats its vocabulary."""
    memo = _memo.setdefault(lang, {})
    hit = memo.get(word)
    if hit is not None:
        return hit
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    mask, others = _others(lang)
    claimed = _claims().get(word, 0) & mask
    result = False
    if claimed:
        own = zipf(word_frequencies(lang), word)
        for flag, top, fw in others:
            if not claimed & flag:
                continue   # not among that language's frequent or function words
            z = zipf(top, word)   # below 3 it cannot count
            if (z - own >= 1.5 and z >= 3.0) or (own < 3.0 and word in fw):
                result = True
                break
    memo[word] = result
    return result


class UntranslatedStage(Stage):
    """Flag sentences and clauses left in another language (display-only)."""

    name = "untranslated"
    requires = ("language",)
    rules = ("MTN801",)

    def __init__(self) -> None:
        super().__init__()
        self._confirmed = 0

    def process(self, doc: Document, ctx: Context):
        lang = doc.language
        if lang not in SUPPORTED_LANGUAGES:
            return []
        text = doc.text
        own = word_frequencies(lang)
        own_fw = function_words(lang, ctx.rule_dirs)
        # A fragment needs MIN_WORDS - 1 foreign words: count them over the
        # distinct forms first, and walk the text only when there are enough.
        a = ctx.analysis
        cache = self.form_cache((lang, ctx.rule_dirs),
                                lambda v: v.islower() and v not in own_fw and is_foreign(lang, v),
                                lambda forms: _claimed_by_others(forms, lang))
        foreign = cache.select(a.vocabulary, ctx.known).keys()
        if not foreign or not self._enough_in_a_row(a, foreign, lang, own, own_fw):
            return []
        out = []
        self._confirmed = 0
        all_words = a.words.all()
        i = 0
        for seg_start, seg_end in self._segments(text):
            # one pointer walk over the words: linear in the text, whatever the segments
            while i < len(all_words) and all_words[i].start() < seg_start:
                i += 1
            j = i
            while j < len(all_words) and all_words[j].end() <= seg_end:
                j += 1
            words = all_words[i:j]
            i = j
            run: list = []
            for m in words + [None]:
                kind = "end" if m is None else self._kind(m.group(), lang, own, own_fw)
                if kind != "own" and kind != "end":
                    run.append((m, kind))
                    continue
                f = self._candidate(text, run, lang)
                if f is not None:
                    out.append(f)
                run = []
        return out

    def _enough_in_a_row(self, a, foreign, lang: str, own: dict, own_fw: frozenset) -> bool:
        """Are there MIN_WORDS - 1 foreign words with no word of the document's
        own language between them? A fragment needs that much (a run ends at
        the first own word), and most documents with a few foreign words
        (names' particles, loans) have them far apart."""
        tokens, places = a.tokens, a.places(foreign)
        need = MIN_WORDS - 1
        for k in range(len(places) - need + 1):
            if all(self._kind(tokens[j], lang, own, own_fw) != "own"
                   for j in range(places[k] + 1, places[k + need - 1])):
                return True
        return False

    def _candidate(self, text: str, run: list, lang: str):
        """A run of non-native words: trim names at its edges, then check it."""
        while run and run[-1][1] != "foreign":
            run.pop()
        while run and run[0][1] != "foreign":
            run.pop(0)
        foreign = sum(1 for _, k in run if k == "foreign")
        lower = sum(1 for _, k in run if k != "name")
        if foreign < MIN_WORDS - 1 or lower < MIN_WORDS or foreign < 0.6 * lower:
            return None
        return self._confirm(text, [m for m, _ in run], lang)

    @staticmethod
    def _segments(text: str):
        start = 0
        for m in _BREAK.finditer(text):
            if m.start() > start:
                yield start, m.start()
            start = m.end()
        if start < len(text):
            yield start, len(text)

    @staticmethod
    def _kind(word: str, lang: str, own: dict, own_fw: frozenset) -> str:
        """'own' (a word of the document's language), 'foreign' (far more frequent
        in another supported language), 'name' (capitalised) or 'neutral'."""
        if not word.islower():
            return "name"
        if word in own_fw:
            return "own"
        if is_foreign(lang, word):
            return "foreign"
        return "own" if zipf(own, word) >= 2.0 else "neutral"

    def _confirm(self, text: str, run: list, lang: str):
        if self._confirmed >= MAX_CONFIRM:
            self.stats["capped"] += 1
            return None
        self._confirmed += 1
        start, end = run[0].start(), run[-1].end()
        fragment = text[start:end]
        self.stats["candidates"] += 1
        voted = vote_language(fragment)
        if voted is None or voted == lang:
            return None
        detected, prob = _langdetect_top(fragment)
        if detected != voted or prob < 0.8:
            return None
        self.stats["fragments"] += 1
        return finding("MTN801", start, end,
                       f"this looks untranslated ({voted} in a {lang} document)", (),
                       Applicability.DISPLAY, language=voted, probability=round(prob, 3))
