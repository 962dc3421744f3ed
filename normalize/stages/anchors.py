"""Capitalised function words mid-sentence: the trace of a link anchor."""

from __future__ import annotations

from functools import lru_cache

from ..model import Applicability, Document
from ..resources import word_list
from ..text import SEARCH_WINDOW
from .base import Context, Stage, finding


def function_words(lang: str, rule_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    """Closed-class words of ``lang`` (``function_words.txt`` in its packs)."""
    return word_list(lang, "function_words.txt", rule_dirs)


def sentence_openers(lang: str, rule_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    """Function words that often open a sentence (``sentence_openers.txt``)."""
    return word_list(lang, "sentence_openers.txt", rule_dirs)


@lru_cache(maxsize=None)
def _capitalised(words: frozenset[str]) -> frozenset[str]:
    """The forms whose lower case is one of ``words`` and that are Capitalised
    (``About`` for ``about``): every form :class:`AnchorStage` looks at."""
    out = set()
    for w in words:
        for form in {w.capitalize(), w[:1].upper() + w[1:]}:
            if len(form) >= 2 and form[0].isupper() and form[1:].islower() and form.lower() in words:
                out.add(form)
    return frozenset(out)


_QUOTES = ('"', "“", "”", "„", "«", "»")


@lru_cache(maxsize=None)
def _anchor_forms(lang: str, rule_dirs: tuple[str, ...]) -> frozenset[str]:
    """The Capitalised forms :class:`AnchorStage` looks for: of the function
    words, less those the language itself capitalises (``also_capitalised.txt``)."""
    return _capitalised(function_words(lang, rule_dirs) - word_list(lang, "also_capitalised.txt", rule_dirs))


class AnchorStage(Stage):
    """``announced About plans`` -> ``announced about plans``.

    A function word (from the language's list) written Capitalised, with a
    lower-case word right before it and right after it, separated by single
    spaces only: no punctuation, quote or line break that could start a title,
    a quotation or a heading.
    """

    name = "anchors"
    rules = ("MTN501",)

    def process(self, doc: Document, ctx: Context):
        fw = function_words(doc.language or "en", ctx.rule_dirs)
        if not fw:
            return []
        a, text = ctx.analysis, doc.text
        # Capitalised function words among the distinct forms (not those the
        # language itself capitalises: German das Aus, Russian polite Вы), then
        # their places
        capitals = _anchor_forms(doc.language or "en", ctx.rule_dirs)
        hits = a.vocabulary & capitals
        if not hits:
            return []
        words, tokens = a.words, a.tokens
        out = list(self._between_names(a, hits, doc.language or "en", ctx.rule_dirs))
        for i in a.places(hits):
            if i == 0 or i == len(tokens) - 1:
                continue
            token = tokens[i]
            if len(token) < 2 or not token[0].isupper() or not token[1:].islower():
                continue
            low = token.lower()
            if low not in fw:
                continue
            # Both neighbours lower case: after a capitalised word the capital is as
            # likely a title of a work ("Keeping Up with", "Bring It On star").
            if not (tokens[i - 1].islower() and tokens[i + 1].islower()):
                continue
            # (one space either side, read off the words' own offsets: a search
            # of the text for the three words per candidate made this stage
            # quadratic in a large document)
            prev, w, nxt = words[i - 1], words[i], words[i + 1]
            if text[prev.end():w.start()] != " " or text[w.end():nxt.start()] != " ":
                continue
            if a.is_protected(w.start(), w.end()) or self._headline(a, i) or self._quoted_title(a, i):
                continue
            # A word that often opens a sentence ("night At the parade") may mark a
            # lost full stop rather than an anchor: lower-casing it is then unsafe.
            opener = low in sentence_openers(doc.language or "en", ctx.rule_dirs)
            if opener and a.sentence_start(prev.start()):
                continue   # a lower-case word alone before it where a sentence starts is
                # a label or a breadcrumb the scraper ran in (`world The president
                # said`, `postsSome researchers`): an anchor's sentence would open
                # in lower case
            self.stats["anchors"] += 1
            # before another function word it may be a name of its own (`the
            # Cologne group Can in 2003`): the lower case is then no sure fix
            named = tokens[i + 1] in fw
            out.append(finding("MTN501", w.start(), w.end(),
                               f"`{token}` is capitalised mid-sentence (link anchor"
                               f"{' or a lost full stop' if opener else ''}?)", [low],
                               Applicability.UNSAFE if opener or named else Applicability.SAFE,
                               previous=prev.group(), next=nxt.group()))
        return out

    def _between_names(self, a, hits, lang: str, rule_dirs):
        """A conjunction capitalised between two names or acronyms mid-sentence
        (`MediaCorp And Alpha Bank`): a link anchor's capital, lower-cased
        (unsafe; not in title-case lines, where a title writes it so)."""
        conj = word_list(lang, "conjunctions.txt", rule_dirs)
        forms = {f for f in hits if f.lower() in conj}
        if not forms:
            return
        text, tokens, words = a.text, a.tokens, a.words
        for i in a.places(forms):
            if i == 0 or i == len(tokens) - 1:
                continue
            prev, nxt = tokens[i - 1], tokens[i + 1]
            if not (prev[:1].isupper() and nxt[:1].isupper()) or prev.lower() in conj:
                continue
            p, w, x = words[i - 1], words[i], words[i + 1]
            if text[p.end():w.start()] != " " or text[w.end():x.start()] != " ":
                continue
            if a.sentence_start(p.start()) and not prev.isupper():
                continue   # "Tom And Jerry" at a line's start: a title
            if a.is_protected(w.start(), w.end()) or self._headline(a, i) or self._quoted_title(a, i):
                continue
            self.stats["anchors"] += 1
            yield finding("MTN501", w.start(), w.end(), f"`{w.group()}` is capitalised between two names "
                          "(link anchor?)", [w.group().lower()], Applicability.UNSAFE, previous=prev, next=nxt)

    @staticmethod
    def _quoted_title(a, i: int) -> bool:
        """Is word ``i`` inside quotation marks around Title Case words, the
        title of a work ("To Be or Not to Be", «La Guerra de los Mundos»)?"""
        text, w = a.text, a.words[i]
        s, e = a.line_bounds(w.start())
        # (a paragraph's worth either side: a line of a whole book stays linear)
        s, e = max(s, w.start() - SEARCH_WINDOW), min(e, w.end() + SEARCH_WINDOW)
        left = max(text.rfind(q, s, w.start()) for q in _QUOTES)
        if left < 0:
            return False
        ends = [j for j in (text.find(q, w.end(), e) for q in _QUOTES) if j >= 0]
        if not ends:
            return False
        toks = [x.group() for x in a.words[max(0, i - 12):i + 12] if left < x.start() and x.end() <= min(ends)]
        return len(toks) >= 3 and sum(1 for t in toks if t[0].isupper()) / len(toks) > 0.4

    @staticmethod
    def _headline(a, i: int) -> bool:
        """Title Case lines (headlines, titles of works) capitalise function words."""
        s, e = a.line_bounds(a.words[i].start())
        toks = [w.group() for w in a.words[max(0, i - 12):i + 12] if s <= w.start() < e]
        caps = sum(1 for t in toks if t[0].isupper())
        return len(toks) >= 3 and caps / len(toks) > 0.4
