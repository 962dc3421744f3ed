"""Lower-cased proper names (``kyiv``, ``donald trump``) restored from the casing lexicon."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import casing_lexicon
from ..model import Applicability, Document
from ..resources import pack_dirs, read_list, word_list
from .anchors import function_words
from .base import Context, Stage, finding

_HEAD_RE = re.compile(r"[^\W\d_]+")
# Elided articles and prepositions glued to their word by an apostrophe: the
# name is what follows (l'union européenne, dell'ucraina, d'italia).
_ELIDED_RE = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|dell|nell|dall|all|sull|dell|un|quest|quell)['’]",
                        re.IGNORECASE)


class _Tok:
    """A word span; for an elided form, only the part after the apostrophe."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    @classmethod
    def of(cls, m) -> "_Tok":
        tok = m.group()
        e = _ELIDED_RE.match(tok)
        if e and e.end() < len(tok):
            return cls(m.start() + e.end(), m.end(), tok[e.end():])
        return cls(m.start(), m.end(), tok)

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text
_GLUE_BEFORE = set("@#/\\._=&%$")
_GLUE_AFTER = set("@/\\_=&%$")


@lru_cache(maxsize=None)
def declensions(lang: str, rule_dirs: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """(ending, base ending) pairs from ``declensions.txt``, longest ending first."""
    pairs = []
    for d in pack_dirs(lang, rule_dirs):
        p = d / "declensions.txt"
        if p.is_file():
            for line in read_list(p):
                parts = line.split()
                pairs.append((parts[0], parts[1] if len(parts) > 1 else ""))
    return tuple(sorted(pairs, key=lambda x: -len(x[0])))


class CasingStage(Stage):
    """Restore the capitals of names written in lower case.

    Word sequences are looked up first (``donald trump``), longest first, then
    single words. What a match may change depends on the lexicon entry's kind:
    ``safe`` entries are fixed, ``unsafe`` ones only with ``--unsafe-fixes``,
    and ``context`` ones (also ordinary words) only when the document itself
    writes the canonical form somewhere else. Only all-lower-case words are
    touched: ``NATO``, ``McDonald`` or a headline in capitals stay as written.
    """

    name = "casing"
    requires = ("language",)
    rules = ("MTN301",)

    def process(self, doc: Document, ctx: Context):
        lex = casing_lexicon(doc.language or "en", ctx.rule_dirs)
        if not lex.single and not lex.multi:
            return []
        a, text = ctx.analysis, doc.text
        words = [_Tok.of(m) for m in a.words]
        out = []
        present: set[str] | None = None
        fw = function_words(doc.language or "en", ctx.rule_dirs)
        loc = word_list(doc.language or "en", "locatives.txt", ctx.rule_dirs)
        decl = declensions(doc.language or "en", ctx.rule_dirs)
        i = 0
        while i < len(words):
            w = words[i]
            tok = w.group()
            low = tok.lower()
            step = 1
            for n, key, canonical, kind in lex.lookup_multi(low):
                seq = words[i:i + n]
                if len(seq) < n or any(text[seq[k].end():seq[k + 1].start()] != " " for k in range(n - 1)):
                    continue
                if " ".join(x.group().lower() for x in seq) != key:
                    continue
                step = n
                canon = canonical.split()
                fixes = [(seq[k], canon[k]) for k in range(n)
                         if seq[k].group().islower() and seq[k].group() != canon[k]
                         and seq[k].group() not in fw]
                if any(seq[k].group() == canon[k] and canon[k][0].isupper() for k in range(n)):
                    # partly capitalised already ("minister Boris Johnson"): only
                    # words that are names on their own may change
                    fixes = [(m, g) for m, g in fixes
                             if lex.single.get(m.group(), ("", "context"))[1] in ("safe", "unsafe")]
                if not fixes:
                    break
                if kind == "context":
                    present = present if present is not None else self._present(words, a)
                    if canonical.split()[-1] not in present:
                        break
                    applicability = Applicability.UNSAFE
                else:
                    applicability = Applicability.SAFE if kind == "safe" else Applicability.UNSAFE
                for m, good in fixes:
                    out.append(self._finding(m.start(), m.group(), good, canonical, kind, applicability))
                break
            else:
                if tok.islower():
                    # the whole token (i'm, d'italia) first, then its head (kyiv's, kyiv-based)
                    base = tok if tok in lex.single else _HEAD_RE.match(tok).group()
                    entry = lex.single.get(base)
                    if entry is None or entry[1] in ("context", "locative"):
                        entry = self._declined(base, lex, decl) or entry
                    if entry and self._standalone(text, w.start(), w.start() + len(base), a):
                        canonical, kind = entry
                        applicability = None
                        if kind == "safe":
                            applicability = Applicability.SAFE
                        elif kind == "unsafe":
                            applicability = Applicability.UNSAFE
                        elif self._after_locative(text, words, i, loc):
                            applicability = Applicability.UNSAFE
                        elif kind == "context":
                            present = present if present is not None else self._present(words, a)
                            if canonical in present:
                                applicability = Applicability.UNSAFE
                        if applicability is not None:
                            out.append(self._finding(w.start(), base, canonical, canonical, kind,
                                                     applicability))
            i += step
        return out

    @staticmethod
    def _present(words, a) -> set[str]:
        """Word forms the document capitalises mid-sentence on their own (evidence
        for context entries): any word is capitalised at a sentence start, and a
        word inside a longer name ("Верховного суда", "Indonesia Airlines" next to
        a capital) says nothing about the word alone."""
        text = a.text
        out = set()
        for i, w in enumerate(words):
            tok = w.group()
            if tok.islower() or a.sentence_start(w.start()):
                continue
            prev = words[i - 1] if i else None
            nxt = words[i + 1] if i + 1 < len(words) else None
            if prev is not None and prev.group()[0].isupper() and text[prev.end():w.start()] == " ":
                continue
            if nxt is not None and nxt.group()[0].isupper() and text[w.end():nxt.start()] == " ":
                continue
            out.add(tok)
        return out

    @staticmethod
    def _declined(word: str, lex, decl) -> tuple[str, str] | None:
        """A case form of a safe name (индии of индия): the form, capitalised."""
        for ending, base_ending in decl:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                base = word[:len(word) - len(ending)] + base_ending
                entry = lex.single.get(base)
                if entry and entry[1] == "safe" and entry[0][:1].isupper() and entry[0][1:].islower():
                    return word[:1].upper() + word[1:], "safe"
        return None

    @staticmethod
    def _after_locative(text: str, words, i: int, locatives: frozenset[str]) -> bool:
        """Does a place-introducing preposition ("à paris", "in ucraina") come right before?"""
        if i == 0 or not locatives:
            return False
        prev = words[i - 1]
        return prev.group().lower() in locatives and text[prev.end():words[i].start()] == " "

    @staticmethod
    def _standalone(text: str, start: int, end: int, a) -> bool:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in _GLUE_BEFORE or after in _GLUE_AFTER:
            return False
        if after == "." and end + 1 < len(text) and (text[end + 1].islower() or text[end + 1].isdigit()):
            return False   # a domain or file name (kyiv.ua), not a glued sentence (kyiv.She)
        return not a.is_protected(start, end)

    def _finding(self, start: int, bad: str, good: str, canonical: str, kind: str,
                 applicability: Applicability):
        self.stats["names"] += 1
        return finding("MTN301", start, start + len(bad),
                       f"`{bad}` should be capitalised as in `{canonical}`", [good],
                       applicability, lexicon_kind=kind, canonical=canonical)
