"""Capitalised function words mid-sentence: the trace of a link anchor."""

from __future__ import annotations

from functools import lru_cache

from ..model import Applicability, Document
from ..resources import pack_dirs, read_list
from .base import Context, Stage, finding


@lru_cache(maxsize=None)
def function_words(lang: str, rule_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    words: set[str] = set()
    for d in pack_dirs(lang, rule_dirs):
        p = d / "function_words.txt"
        if p.is_file():
            words.update(w.lower() for w in read_list(p))
    return frozenset(words)


@lru_cache(maxsize=None)
def sentence_openers(lang: str, rule_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    words: set[str] = set()
    for d in pack_dirs(lang, rule_dirs):
        p = d / "sentence_openers.txt"
        if p.is_file():
            words.update(w.lower() for w in read_list(p))
    return frozenset(words)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e == -1 else e)


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
        words = a.words
        out = []
        for i in range(1, len(words) - 1):
            w = words[i]
            token = w.group()
            if len(token) < 2 or not token[0].isupper() or not token[1:].islower():
                continue
            low = token.lower()
            if low not in fw:
                continue
            prev, nxt = words[i - 1], words[i + 1]
            if text[prev.end():w.start()] != " " or text[w.end():nxt.start()] != " ":
                continue
            if not (prev.group().islower() and nxt.group().islower()):
                continue
            if a.is_protected(w.start(), w.end()) or self._headline(a, i):
                continue
            self.stats["anchors"] += 1
            # A word that often opens a sentence ("night At the parade") may mark a
            # lost full stop rather than an anchor: lower-casing it is then unsafe.
            opener = low in sentence_openers(doc.language or "en", ctx.rule_dirs)
            out.append(finding("MTN501", w.start(), w.end(),
                               f"`{token}` is capitalised mid-sentence (link anchor"
                               f"{' or a lost full stop' if opener else ''}?)", [low],
                               Applicability.UNSAFE if opener else Applicability.SAFE,
                               previous=prev.group(), next=nxt.group()))
        return out

    @staticmethod
    def _headline(a, i: int) -> bool:
        """Title Case lines (headlines, titles of works) capitalise function words."""
        s, e = _line_bounds(a.text, a.words[i].start())
        toks = [w.group() for w in a.words[max(0, i - 12):i + 12] if s <= w.start() < e]
        caps = sum(1 for t in toks if t[0].isupper())
        return len(toks) >= 3 and caps / len(toks) > 0.4
