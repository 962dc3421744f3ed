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


@lru_cache(maxsize=None)
def _other_lower_words(lang: str) -> frozenset[str]:
    """The words the other supported languages' clean news writes in lower
    case (their ``lower_words.tsv``)."""
    from ..resources import SUPPORTED_LANGUAGES
    from .namecase import lower_words
    return frozenset(w for other in SUPPORTED_LANGUAGES if other != lang for w in lower_words(other))


def _elsewhere(low: str, lang: str) -> bool:
    """Does another supported language write ``low`` far more often (zipf 3.5
    or more, and 2 more than ``lang``)? Related languages count here: a
    French word in a Spanish text is no Spanish name."""
    from ..resources import word_frequencies, zipf
    from .foreign import MARGIN, OTHER_MIN, _others
    other, z = _others(low, lang)
    return other is not None and z >= OTHER_MIN and z - zipf(word_frequencies(lang), low) >= MARGIN


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

    @staticmethod
    def text_of(form: str) -> str:
        """The text :meth:`of` keeps of a word form."""
        e = _ELIDED_RE.match(form)
        return form[e.end():] if e and e.end() < len(form) else form

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


@lru_cache(maxsize=65536)
def _rest(key: str) -> list[str]:
    """The words of a multi-word lexicon key after the first."""
    return key.split(" ")[1:]


class _Presence:
    """The word forms a document capitalises mid-sentence on their own
    (:meth:`CasingStage._present_at`), asked form by form: only the places
    where the asked form occurs are looked at."""

    def __init__(self, words: "_Toks", a):
        self._words, self._a = words, a
        self._memo: dict[str, bool] = {}
        self._places: dict[str, list[int]] | None = None
        self._by_text: dict[str, list[str]] = {}

    def _index(self) -> dict[str, list[int]]:
        """Token -> its indices, and word text -> the elided forms that keep
        it (l'Europe: Europe), built once on the first question: a scan of
        the text per asked form would be quadratic in a large document."""
        if self._places is None:
            places: dict[str, list[int]] = {}
            for i, t in enumerate(self._a.tokens):
                places.setdefault(t, []).append(i)
            for v in places:
                tv = _Tok.text_of(v)
                if tv != v:
                    self._by_text.setdefault(tv, []).append(v)
            self._places = places
        return self._places

    def __contains__(self, form: str) -> bool:
        hit = self._memo.get(form)
        if hit is None:
            hit = self._memo[form] = self._find(form)
        return hit

    def outnumbers(self, form: str, lower: str) -> bool:
        """Does the document write ``form`` capitalised mid-sentence at least
        a third as often as ``lower`` in lower case? (A table's `Verb` once,
        beside `verb` nine times, is no name; `Polish` once beside `polish`
        twice may be.)"""
        places = self._index()
        cap = sum(1 for raw in [form] + self._by_text.get(form, []) for i in places.get(raw, ())
                  if CasingStage._present_at(self._words, self._a, i))
        return 3 * cap >= len(places.get(lower, ()))

    def _find(self, form: str) -> bool:
        a = self._a
        if not form or form.islower():
            return False
        places = self._index()
        # the form itself, or an elided form that keeps it (l'Europe)
        for raw in [form] + self._by_text.get(form, []):
            for i in places.get(raw, ()):
                if CasingStage._present_at(self._words, a, i):
                    return True
        return False


class _Toks:
    """:class:`_Tok` views of the analysis' words, made on first access: the
    stage visits only the few words its lexicon can match."""

    def __init__(self, matches):
        self._m = matches
        self._t: dict[int, _Tok] = {}

    def __len__(self) -> int:
        return len(self._m)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self._m)))]
        if i < 0:
            i += len(self._m)
        t = self._t.get(i)
        if t is None:
            t = self._t[i] = _Tok.of(self._m[i])
        return t


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
    ``safe`` entries are fixed, ``unsafe`` ones only with ``--unsafe-fixes``
    (and those only a corpus's count made names as context ones are),
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
        decl = declensions(doc.language or "en", ctx.rule_dirs)
        multi_hits, single_hits = self._candidates(a.vocabulary, lex, doc.language or "en", ctx.rule_dirs, decl,
                                                   ctx.known)
        if not multi_hits and not single_hits:
            return []
        words = _Toks(a.words)
        out = []
        present = None
        fw = function_words(doc.language or "en", ctx.rule_dirs)
        loc = word_list(doc.language or "en", "locatives.txt", ctx.rule_dirs)
        tokens = a.tokens
        after = 0   # words before this index were consumed by a longer name
        hits = multi_hits | single_hits.keys()
        seen: dict[str, bool] = {}

        def in_text(form: str) -> bool:
            # each form searched for once per text, not once per occurrence
            if form not in seen:
                seen[form] = form in text
            return seen[form]

        places = a.places(hits)
        at_hit = set(places)
        for i in places:
            if i < after:
                continue
            raw = tokens[i]
            tok = _Tok.text_of(raw) if "'" in raw or "’" in raw else raw
            step = 1
            multi = ()
            if raw in multi_hits and i + 1 < len(tokens):
                multi = lex.lookup_multi(tok.lower(), tokens[i + 1].lower())
                if multi and raw not in single_hits and not self._may_fix(tokens, i, multi, fw) \
                        and at_hit.isdisjoint(range(i + 1, i + multi[0][0])):
                    # (mostly a name written as it should be: "United States")
                    continue   # no name here needs a fix, and nothing else is at stake
            for n, key, canonical, kind in multi:
                if tokens[i + 1:i + n] != _rest(key) and [t.lower() for t in tokens[i + 1:i + n]] != _rest(key):
                    continue   # the following words differ (checked on the raw forms first)
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
                    present = present if present is not None else _Presence(words, a)
                    if canonical.split()[-1] not in present:
                        break
                    applicability = Applicability.UNSAFE
                else:
                    applicability = Applicability.SAFE if kind == "safe" else Applicability.UNSAFE
                for m, good in fixes:
                    here = self._safe_here(applicability, m.group(), a, doc.language, ctx.rule_dirs)
                    out.append(self._finding(m.start(), m.group(), good, canonical, kind, here))
                break
            else:
                entry = single_hits.get(raw)
                # a context or locative entry needs a locative word right before
                # it or its canonical form in the text: most never get that far
                # an unsafe entry no list of names backs (a dictionary word the
                # corpus happened to write capitalised only: verb, nevada,
                # rosa) needs what a context entry needs
                weak = entry is not None and entry[2] == "unsafe" and entry[0].lower() in lex.corpus_only
                # (a place preposition is no evidence for those: `to polish` is a verb)
                if entry is not None and (
                        entry[2] == "safe" or entry[2] == "unsafe" and not weak
                        or i and not weak and _Tok.text_of(tokens[i - 1]).lower() in loc
                        or entry[2] in ("context", "unsafe") and in_text(entry[1])):
                    base, canonical, kind = entry
                    w = words[i]
                    if self._standalone(text, w.start(), w.start() + len(base), a):
                        applicability = None
                        if kind == "safe":
                            applicability = Applicability.SAFE
                        elif kind == "unsafe" and not weak:
                            applicability = Applicability.UNSAFE
                        elif not weak and self._after_locative(text, words, i, loc):
                            applicability = Applicability.UNSAFE
                        elif kind in ("context", "unsafe"):
                            present = present if present is not None else _Presence(words, a)
                            if canonical in present and (not weak or present.outnumbers(canonical, base)):
                                applicability = Applicability.UNSAFE
                        if applicability is not None:
                            here = self._safe_here(applicability, base, a, doc.language, ctx.rule_dirs)
                            out.append(self._finding(w.start(), base, canonical, canonical, kind, here))
            after = i + step
        return out

    @staticmethod
    def _may_fix(tokens: list[str], i: int, multi, fw: frozenset[str]) -> bool:
        """Can one of the multi-word entries ``multi`` (longest first) that
        starts at word ``i`` change a word there? Only an entry the following
        words spell can, and only where one of its words is in lower case,
        differs from the name and is no function word: a necessary condition,
        read on the tokens alone."""
        for n, key, canonical, _ in multi:
            seq = [_Tok.text_of(t) for t in tokens[i:i + n]]
            if len(seq) < n or " ".join(seq).lower() != key:
                continue
            canon = canonical.split()
            if any(g.islower() and g != c and g not in fw for g, c in zip(seq, canon)):
                return True
        return False

    def _candidates(self, vocabulary: frozenset[str], lex, lang: str, rule_dirs: tuple[str, ...],
                    decl: tuple[tuple[str, str], ...], known=None) -> tuple[set[str], dict[str, tuple[str, str, str]]]:
        """The word forms of the text that can start a multi-word name, and
        those that are a lower-cased single name, with (the part that is the
        name, canonical, kind): the rest of the text is not visited. Each
        distinct form is decided once per run."""
        tails = word_list(lang, "name_compound_tails.txt", rule_dirs)
        cache = self.form_cache((lang, rule_dirs), lambda form: self._form_kinds(form, lex, decl, tails),
                                lambda forms: self._worth_deciding(forms, lex, decl))
        kinds = cache.select(vocabulary, known)
        if not kinds:
            return set(), {}
        single_out = {form: single for form, (_, single, _) in kinds.items() if single}
        firsts = {form: first for form, (first, _, _) in kinds.items() if first}
        multi_out: set[str] = set()
        if firsts:
            # a name's first word counts only if one of its second words occurs too
            seconds = {second for _, _, second in kinds.values() if second}
            multi_out = {form for form, first in firsts.items() if not lex.seconds[first].isdisjoint(seconds)}
        return multi_out, single_out

    @staticmethod
    def _worth_deciding(forms, lex, decl: tuple[tuple[str, str], ...]) -> list[str]:
        """The forms :meth:`_form_kinds` may find something in: every form
        with an apostrophe, hyphen or digit, and the words of letters only
        whose lower case starts or continues a multi-word name, or that are
        in lower case and a single name or end in a case ending of ``decl``
        (one or two look-ups a form, where deciding takes a dozen)."""
        single, multi, seconds = lex.single, lex.multi, lex.all_seconds
        endings = tuple(ending for ending, _ in decl)
        return [form for form in forms
                if not form.isalpha() or (low := form.lower()) in multi or low in seconds
                or form.islower() and (form in single or endings and form.endswith(endings))]

    @classmethod
    def _form_kinds(cls, form: str, lex, decl: tuple[tuple[str, str], ...] = (),
                    tails: frozenset[str] = frozenset()):
        """What one word form can be: (the multi-word key it can start, the
        single name it is written for as (the part that is the name, canonical,
        kind), its lower case when that is the second word of a multi-word
        key); None when none of them. Elided forms (l'union) count by what
        follows the apostrophe, forms with an apostrophe also by their head
        (kyiv's), hyphenated ones by their head only before a word of
        ``name_compound_tails.txt`` (kyiv-based; not co-manager, грин-карта,
        new-yorkais). A single name is the whole token (i'm, d'italia) or its
        head, found in the lexicon or as a case form of a safe name there
        (индии of индия)."""
        plain = form.isalpha()   # most forms: no apostrophe to strip, no head to find
        tok = form if plain else _Tok.text_of(form)
        low = tok.lower()
        first = low if low in lex.multi else None
        second = low if low in lex.all_seconds else None
        single = None
        if tok.islower():
            base = tok if plain or tok in lex.single else _HEAD_RE.match(tok).group()
            if len(base) < len(tok) and tok[len(base)] == "-":
                tail = _HEAD_RE.match(tok, len(base) + 1)
                if tail is None or tail.group() not in tails:
                    base = ""
            if base:
                entry = lex.single.get(base)
                if entry is None or entry[1] in ("context", "locative"):
                    entry = cls._declined(base, lex, decl) or entry
                if entry:
                    single = (base, *entry)
        return (first, single, second) if first or single or second else None

    @staticmethod
    def _present_at(words, a, i: int) -> bool:
        """Is word ``i`` capitalised mid-sentence on its own (evidence for
        context entries)? Any word is capitalised at a sentence start, and a
        word inside a longer name ("Верховного суда", "Indonesia Airlines" next
        to a capital) says nothing about the word alone."""
        text = a.text
        w = words[i]
        if w.group().islower() or a.sentence_start(w.start()):
            return False
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        if prev is not None and prev.group()[0].isupper() and text[prev.end():w.start()] == " ":
            return False
        if nxt is not None and nxt.group()[0].isupper() and text[w.end():nxt.start()] == " ":
            return False
        return True

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
        if end - start <= 3:
            j = start - 1 if start and text[start - 1] in " \u00a0\u202f" else start
            if j and text[j - 1].isdigit():
                return False   # a unit after a number (100 ms, 5 mb), not a name (Ms, MB)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in _GLUE_BEFORE or after in _GLUE_AFTER:
            return False
        if after == "." and end + 1 < len(text) and (text[end + 1].islower() or text[end + 1].isdigit()):
            return False   # a domain or file name (kyiv.ua), not a glued sentence (kyiv.She)
        if after == "." and end - start <= 3 and text[end + 1:end + 2] in (" ", "\u00a0") \
                and text[end + 2:end + 3].isdigit():
            return False   # an abbreviation before a number (pp. 86, vol. 3), not a name
        return not a.is_protected(start, end)

    def _safe_here(self, applicability: Applicability, form: str, a, lang: str | None,
                   rule_dirs: tuple[str, ...] = ()) -> Applicability:
        """A safe entry's fix is applied unattended; it stays safe only where
        nothing says the word may be no name here. It becomes unsafe for a
        form of two letters (`eu`, `ue`: as often a typo or a word of another
        language as an acronym), a word another supported language writes in
        lower case (`eu` in Portuguese) or writes far more often than this one
        (`énergie` of a French name quoted in Spanish), or a word this text
        writes in lower case twice or more and never capitalised where only a
        corpus count, no list of names, made it a name (`el shah … el shah`:
        its own usage, a common noun; not `kyiv … kyiv`, a gazetteer's)."""
        if applicability is not Applicability.SAFE:
            return applicability
        low = form.lower()
        names = a.names
        doubt = len(low) <= 2 or low in _other_lower_words(lang or "en") or _elsewhere(low, lang or "en") \
            or low in casing_lexicon(lang or "en", rule_dirs).corpus_only and names.low[low] >= 2 \
            and not names.cap_mid[low] and not names.cap_start[low]
        if doubt:
            self.stats["demoted_to_unsafe"] += 1
            return Applicability.UNSAFE
        return applicability

    def _finding(self, start: int, bad: str, good: str, canonical: str, kind: str,
                 applicability: Applicability):
        self.stats["names"] += 1
        return finding("MTN301", start, start + len(bad),
                       f"`{bad}` should be capitalised as in `{canonical}`", [good],
                       applicability, lexicon_kind=kind, canonical=canonical)
