"""One name spelled two ways in one document (MTN702).

MT systems and stitched pages spell one name several ways: a typo
(`Ganzt` … `Gantz`), a letter of another alphabet (`Kovid-19` … `Covid-19`),
two transliterations (`Syrskyi` … `Syrsky`, `Zaporíjia` … `Zaporizhzhia`,
`Dmitry Peskov` … `Dmitri Peskow`), a case ending of the source language left
on a name in a language that does not decline (`Markiva` … `Markiv`), a given
name cut short (`Jean Mélenchon` … `Jean-Luc Mélenchon`), a given name
translated in one place (`Horace Schillaci` … `Orazio`), or the words of a
quoted name in another order (“Shield of the Danube” … “Danube Shield”).

Two capitalised words (five letters or more) are spellings of one name when
they differ by one edit (a transposition counts as one), or when their
transliteration skeletons are equal (letters folded: zh/j/i/y, kh/h, sch/sh,
w/v, c/k, z/s, accents dropped, doubled letters single). They are left alone
when both are names the language knows apart (`Iran`, `Iraq`: both frequent;
two given names of `common/given_names.txt`, `Jaroslav`, `Jaroslava`),
when the spelling to replace is a word the language's list knows (`Diddy` …
`Daddy`; two transliterations excepted) or a frequent word of another
supported language (`Russie` … `Russia`), when one is the other with an
inflection the language itself writes (a plural or possessive `s`; a case
ending in Russian), or with a suffix that makes another word (`Qatari`). The spelling kept is the
one the language's word list knows better (by half a zipf or more), else the
one the document writes more often, else none: a tie is not guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from collections import Counter

from ..lexicon import casing_lexicon
from ..model import Applicability, Document
from ..names import near
from ..resources import pack_dirs, read_list, word_frequencies, word_list, zipf
from .anchors import function_words
from .base import Context, Stage, finding
from .lexical import consistency_groups

MIN_LENGTH = 5
NAME_ZIPF = 3.0   # a word this common that the casing lexicon holds as no name is a common word (League, Partei)
# case endings a Slavic name keeps when MT leaves it declined in a language
# that does not decline names (Markiva for Markiv)
_SLAVIC_ENDINGS = ("a", "u", "om", "ym", "e", "y", "ovi", "iv", "oi", "ii")
_DECLINING = ("ru", "uk", "pl", "cs")
# the endings German nouns take for number and case (one stem, Tag, Tage, Tagen, Tages)
_GERMAN_ENDINGS = ("", "e", "en", "er", "ern", "es", "s", "n", "ns", "em")
_SKELETON = [("tsch", "ch"), ("sch", "sh"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("w", "v"),
             ("y", "i"), ("j", "i"), ("c", "k"), ("z", "s"), ("q", "k"), ("ph", "f")]
_QUOTED = re.compile(r"[“\"«„]([^“”\"«»„\n]{3,60})[”\"»“]")
_WORD = re.compile(r"[^\W\d_]+")


def _claims() -> dict[str, int]:
    """What the supported languages' word lists say of each frequent word
    (the untranslated stage's table): a word some language writes is no
    misspelling of a name."""
    from .untranslated import _claims_table
    return _claims_table()


@lru_cache(maxsize=1 << 16)   # names recur across documents: folded once
def skeleton(word: str) -> str:
    """``word`` folded for comparing transliterations: lower case, accents
    dropped, the letters that transliterations swap merged, doubled letters
    single."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if not unicodedata.combining(c))
    for a, b in _SKELETON:
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def deletion_keys(word: str) -> set[str]:
    """``word`` and each form of it with one letter dropped: two words one
    edit apart (:func:`one_edit`) share one of these keys, so an index by
    them finds a word's near spellings without comparing every pair."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one insertion, deletion, substitution or
    transposition of neighbours apart?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1:] == b[i + 1:]:
            return True                                   # substitution
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i:] == b[i + 1:]                             # insertion


class NameVariantStage(Stage):
    """Flag the spellings of a name that the rest of the document spells otherwise."""

    name = "variants"
    requires = ("language",)
    rules = ("MTN702",)

    def process(self, doc: Document, ctx: Context):
        lang = doc.language or "en"
        a = ctx.analysis
        if not a.tokens:
            return []
        names = a.names
        freqs = word_frequencies(lang)
        out = []
        spelled: Counter = Counter()
        cap = names.cap
        for i, part in enumerate(names.parts):
            if cap[i] and len(part) >= MIN_LENGTH and part.isalpha() and part[1:].islower():
                spelled[part] += 1
        if len(spelled) >= 2:
            grouped = frozenset(v for variants in consistency_groups(lang, ctx.rule_dirs).values() for v in variants)
            out.extend(self._words(names, spelled, lang, freqs, grouped))
        out.extend(self._given_names(names, lang))
        out.extend(self._translated_given(names, ctx.rule_dirs))
        if "“" in doc.text or '"' in doc.text or "«" in doc.text:
            out.extend(self._reordered(doc.text, a, function_words(lang, ctx.rule_dirs)))
        return out

    def _words(self, names, spelled: Counter, lang: str, freqs, grouped: frozenset[str] = frozenset()):
        by_skeleton: dict[str, list[str]] = {}
        for form in spelled:
            by_skeleton.setdefault(skeleton(form), []).append(form)
        forms = sorted(spelled)
        pairs = set()
        for group in by_skeleton.values():
            for x in group:
                for y in group:
                    if x < y:
                        pairs.add((x, y))
        # one edit apart: two such forms share the form or a one-letter deletion
        # of it (substitution, insertion, neighbours swapped), so only the forms
        # of a shared key are compared, not every form with every other
        by_key: dict[str, list[str]] = {}
        for f in forms:
            low = f.lower()
            for key in deletion_keys(low):
                by_key.setdefault(key, []).append(f)
        for group in by_key.values():
            if len(group) < 2:
                continue
            for f in group:
                for g in group:
                    if f < g and len(g) - len(f) in (0, 1) and (f[0] == g[0] or skeleton(f[0]) == skeleton(g[0])) \
                            and one_edit(f.lower(), g.lower()):
                        pairs.add((f, g))
        keep: dict[str, str] = {}
        claims = _claims()
        fw = function_words(lang)
        given = word_list("common", "given_names.txt")
        before, after = self._neighbours(names, {f for pair in pairs for f in pair}, fw) if pairs else ({}, {})
        lexicon = casing_lexicon(lang).single
        for x, y in sorted(pairs):
            if self._inflected(x, y, lang) or self._derived(x, y):
                continue
            if not any(zipf(freqs, w.lower()) >= NAME_ZIPF and w.lower() not in lexicon for w in (x, y)) \
                    and (self._apart(before.get(x), before.get(y)) or self._apart(after.get(x), after.get(y))):
                continue   # Julija Jefimowa, Julia Smith; Český Krumlov, České Budějovice: two names
                # (a common word that is no name stands beside many: Europa League, Champions League)
            if x.lower() in given and y.lower() in given and skeleton(x) != skeleton(y):
                continue   # two given names (Jaroslav, Jaroslava), not one transliterated twice (Dmitry, Dmitri)
            zx, zy = (zipf(freqs, x.lower()), zipf(freqs, y.lower())) if freqs else (0.0, 0.0)
            if zx >= 3.0 and zy >= 3.0:
                continue   # two names the language knows apart (Iran, Iraq)
            cx, cy = spelled[x], spelled[y]
            if max(cx, cy) >= 3 and max(cx, cy) >= 2 * min(cx, cy):
                good, bad = (x, y) if cx > cy else (y, x)   # the document's own clear majority
            elif abs(zx - zy) >= 0.5:
                good, bad = (x, y) if zx > zy else (y, x)
            elif self._declined(x, y, lang, fw, spelled[max(x, y, key=len)] == 1):
                good, bad = (x, y) if len(x) < len(y) else (y, x)
            elif cx != cy:
                good, bad = (x, y) if cx > cy else (y, x)
            else:
                continue
            if bad in grouped:
                continue   # a spelling of a consistency group: MTN701's
            zbad = zx if bad == x else zy
            if zbad >= 1.0 and skeleton(x) != skeleton(y) or claims.get(bad.lower(), 0) & ~self._own_bit(lang):
                continue   # a word the language, or another one, writes (Diddy, Daddy; Russie, Russia)
            keep.setdefault(bad, good)
        if not keep:
            return
        wanted = set(keep) | set(keep.values())
        where: dict[str, list[int]] = {}
        given: dict[str, set[str]] = {}   # a good spelling -> the capitalised words written right before it
        for i, part in enumerate(names.parts):
            if part in wanted:
                where.setdefault(part, []).append(names.matches[i].start())
                if part in keep.values() and i and names.cap[i - 1] and names.gap(i - 1, i) == " ":
                    given.setdefault(part, set()).add(names.parts[i - 1])
        for i, part in enumerate(names.parts):
            good = keep.get(part)
            if good is None or good in keep:
                continue
            m = names.matches[i]
            if not near(where.get(good, []), m.start()):
                continue   # the other spelling is in another part of a long text
            s = m.start() + m.group().find(part)
            self.stats["variant"] += 1
            first = self._given_variant(names, i, given.get(good, ()))
            if first is not None:
                # the given name before it spelled the other way too (Dmitry Peskov … Dmitri
                # Peskow): the whole name takes the other spelling
                yield finding("MTN702", names.matches[i - 1].start(), s + len(part),
                              f"`{names.parts[i - 1]} {part}` is spelled `{first} {good}` elsewhere in this text",
                              [f"{first} {good}"], Applicability.UNSAFE, preferred=f"{first} {good}",
                              counts={part: spelled[part], good: spelled[good]})
                continue
            yield finding("MTN702", s, s + len(part), f"`{part}` is spelled `{good}` elsewhere in this text",
                          [good], Applicability.UNSAFE, preferred=good, counts={part: spelled[part], good: spelled[good]})

    @staticmethod
    def _given_variant(names, i: int, before_good) -> str | None:
        """The one capitalised word written before the good spelling that is a
        second spelling of the word before ``i`` (one edit apart), if any."""
        if not before_good or not i or not names.cap[i - 1] or names.gap(i - 1, i) != " ":
            return None
        prev = names.parts[i - 1]
        if prev in before_good or not prev.isalpha():
            return None
        alike = [g for g in before_good if g != prev and len(g) >= 4 and one_edit(g.lower(), prev.lower())]
        return alike[0] if len(alike) == 1 else None

    @staticmethod
    def _neighbours(names, forms: set[str], fw: frozenset[str]) -> tuple[dict[str, set[str] | None],
                                                                      dict[str, set[str] | None]]:
        """For each of ``forms``: the capitalised words written right before
        it (one space apart; not a function word that opens a sentence, The
        or In) and those written right after it; a form written somewhere
        without one on that side gets None there."""
        before: dict[str, set[str] | None] = {}
        after: dict[str, set[str] | None] = {}
        parts, cap, n = names.parts, names.cap, len(names.parts)
        for i, part in enumerate(parts):
            if part not in forms:
                continue
            for side, j, k in ((before, i - 1, (i - 1, i)), (after, i + 1, (i, i + 1))):
                if side.get(part, set()) is None:
                    continue
                if 0 <= j < n and cap[j] and names.gap(*k) == " " and not (names.start[j] and parts[j].lower() in fw):
                    side.setdefault(part, set()).add(parts[j])
                else:
                    side[part] = None
        return before, after

    @staticmethod
    def _apart(xs: set[str] | None, ys: set[str] | None) -> bool:
        """Are two spellings always written beside other capitalised words
        on one side, and never beside the same one or a spelling of it (two
        people's surnames after their given names, two places' first
        words)? Then they are two names, not one spelled twice."""
        if not xs or not ys:
            return False
        return not any(a == b or one_edit(a.lower(), b.lower()) or skeleton(a) == skeleton(b) for a in xs for b in ys)

    @staticmethod
    def _inflected(x: str, y: str, lang: str) -> bool:
        """Is one of the two the other with an ending the language writes
        (a plural or possessive -s; any ending in a language that declines
        names; in German, two of the endings its nouns take on one stem)?"""
        short, long_ = sorted((x, y), key=len)
        if lang in _DECLINING:
            # a case ending: the two differ in their last two letters at most (Пекину, Пекина)
            k = 0
            while k < len(short) and short[k] == long_[k]:
                k += 1
            return k >= len(short) - 2
        if lang == "de":
            # German nouns take endings for number and case on a shared stem:
            # Boxring, Boxringe; Schutzgeldes, Schutzgelder; Ersatzteils, Ersatzteile
            stems = {x[:len(x) - len(e)] for e in _GERMAN_ENDINGS if x.endswith(e)}
            return any(y[:len(y) - len(e)] in stems and len(y) - len(e) >= MIN_LENGTH - 1
                       for e in _GERMAN_ENDINGS if y.endswith(e))
        if not long_.startswith(short):
            return False
        tail = long_[len(short):]
        return tail in ("s", "es")

    @staticmethod
    def _own_bit(lang: str) -> int:
        from .untranslated import _BIT
        return 1 << _BIT[lang] if lang in _BIT else 0

    @staticmethod
    def _derived(x: str, y: str) -> bool:
        """Is one the other with a suffix that makes another word of it
        (Qatar, Qatari; Kenya, Kenyan), not a second spelling (Syrsky, Syrskyi)?"""
        short, long_ = sorted((x, y), key=len)
        tail = long_[len(short):]
        return long_.startswith(short) and (tail in ("i", "n") and short[-1].lower() not in "yij"
                                            or tail in ("an", "ian", "ese", "ish", "ic", "er"))

    @staticmethod
    def _declined(x: str, y: str, lang: str, fw: frozenset[str] = frozenset(), once: bool = False) -> bool:
        """Is one the other with a Slavic case ending, in a language that does
        not decline names (Markiva … Markiv in Italian)? Not when the ending is
        a function word of the language and the longer form occurs once: a
        name glued to it (Máyneza young: Máynez a) is run-together text (MTN401)."""
        short, long_ = sorted((x, y), key=len)
        tail = long_[len(short):]
        return lang not in _DECLINING and long_.startswith(short) and tail in _SLAVIC_ENDINGS \
            and not (once and tail in fw)

    def _given_names(self, names, lang: str):
        """`Jean Mélenchon` where the text also writes `Jean-Luc Mélenchon`: the
        same surname after a given name cut at its hyphen."""
        full: dict[str, set[str]] = {}   # surname -> hyphenated given names written before it
        spots = []
        cap = names.cap
        for i in range(len(names.parts) - 1):
            if not (cap[i] and cap[i + 1] and names.gap(i, i + 1) == " "):
                continue
            first, last = names.parts[i], names.parts[i + 1]
            if "-" in first:
                full.setdefault(last, set()).add(first)
            spots.append((i, first, last))
        for i, first, last in spots:
            if "-" in first:
                continue
            longer = [g for g in full.get(last, ()) if g.startswith(first + "-")]
            if len(longer) != 1:
                continue
            m = names.matches[i]
            self.stats["given"] += 1
            yield finding("MTN702", m.start(), m.end(), f"`{first} {last}` is `{longer[0]} {last}` elsewhere in "
                          "this text", [longer[0]], Applicability.UNSAFE, preferred=f"{longer[0]} {last}")

    def _translated_given(self, names, rule_dirs: tuple[str, ...] = ()):
        """`Horace Schillaci` where the text also writes `Orazio` (alone) or
        `Orazio Schillaci`: one person's given name translated in one place
        (``given_name_equivalents.tsv``). Each form of a row is counted where
        it stands before a surname or alone (not before another capitalised
        word: `Juan Carlos`); the two forms must belong to one person: every
        full name written with a form of the row has the same surname. The
        form the text writes less often is flagged with the other (unsafe);
        a tie is not guessed."""
        row_of = given_name_rows(rule_dirs)
        if not row_of:
            return
        cap, parts = names.cap, names.parts
        n = len(parts)
        uses: dict[int, list[tuple[int, str, str | None]]] = {}   # row -> (index, form, surname or None)
        others = set()   # rows a form of which starts a double given name: another person (Juan Carlos)
        for i, part in enumerate(parts):
            row = row_of.get(part)
            if row is None or not cap[i]:
                continue
            nxt = i + 1 < n and cap[i + 1] and names.gap(i, i + 1) == " "
            if nxt and parts[i + 1] in row_of:
                others.add(row)
                continue
            if not nxt and names.start[i]:
                continue   # (alone at a sentence's start: perhaps the word, Mark my words)
            uses.setdefault(row, []).append((i, part, parts[i + 1] if nxt else None))
        for row, spots in uses.items():
            if row in others:
                continue
            forms = Counter(form for _, form, _ in spots)
            surnames = {last for _, _, last in spots if last is not None}
            if len(forms) != 2 or len(surnames) != 1:
                continue
            (major, k1), (minor, k2) = forms.most_common(2)
            if k1 == k2:
                continue
            last = next(iter(surnames))
            for i, form, _ in spots:
                if form != minor:
                    continue
                m = names.matches[i]
                self.stats["translated_given"] += 1
                yield finding("MTN702", m.start(), m.end(), f"`{minor}`: this text writes the given name of "
                              f"{last} `{major}` elsewhere ({k1} times): translated in one place", [major],
                              Applicability.UNSAFE, preferred=major)

    def _reordered(self, text: str, a, fw: frozenset[str] = frozenset()):
        """Quoted names written two ways: the same words in another order
        (“Shield of the Danube” … “Danube Shield”: the later one is fixed
        to the earlier, unsafe), or the same name's words with others added or
        inflected (“Touring Norway by Train” … “Tour Around Norway by
        Train”: the later one is flagged, which form is right being unknown)."""
        seen: list[tuple[frozenset[str], list[str], str]] = []
        by_stem: dict[str, list[int]] = {}   # stem -> the entries of `seen` holding it
        kept: set[tuple[frozenset[str], tuple[str, ...], str]] = set()
        for m in _QUOTED.finditer(text):
            inner = m.group(1)
            words = _WORD.findall(inner)
            caps = [w for w in words if w[:1].isupper()]
            if len(caps) < 2 or len(caps) < len(words) - 2:
                continue
            content = [w.lower() for w in caps if w.lower() not in fw]
            stems = frozenset(_stem(w) for w in content)
            # only the earlier names sharing a stem can match (both tests need
            # one), in the order they came: not every earlier name each time
            near = sorted({k for st in stems for k in by_stem.get(st, ())}) if len(stems) >= 2 else []
            self.stats["quoted_name_comparisons"] += len(near)
            for key, order, first in (seen[k] for k in near):
                if first == inner:
                    continue
                if stems == key and frozenset(content) == frozenset(order) and content != order:
                    self.stats["reordered"] += 1
                    yield finding("MTN702", m.start(1), m.end(1), f"“{inner}” is “{first}” earlier in this text",
                                  [first], Applicability.UNSAFE, preferred=first)
                    break
                if len(stems & key) >= 3 and (stems <= key or key <= stems):
                    self.stats["reworded"] += 1
                    yield finding("MTN702", m.start(1), m.end(1), f"“{inner}” names what “{first}” named "
                                  "earlier in this text", (), Applicability.DISPLAY, earlier=first)
                    break
            else:
                entry = (stems, tuple(content), inner)
                if entry not in kept:   # (the same name again would only repeat its first's comparisons)
                    kept.add(entry)
                    for st in stems:
                        held = by_stem.setdefault(st, [])
                        held.append(len(seen))
                        if len(held) > 2 * STEM_NAMES:
                            del held[:-STEM_NAMES]   # a stem most names hold: its latest ones only
                    seen.append((stems, content, inner))


# the earlier quoted names a stem leads to, at most: a stem that dozens of
# names share (junk between quotation marks, a word every title has) would
# make each quotation be compared with all that came before it
STEM_NAMES = 64


@lru_cache(maxsize=None)
def given_name_rows(rule_dirs: tuple[str, ...] = ()) -> dict[str, int]:
    """A given name's forms in several languages (``given_name_equivalents.tsv``
    in the common packs) -> the number of its row; a form in two rows is left out."""
    rows: dict[str, set[int]] = {}
    k = 0
    for d in pack_dirs("common", rule_dirs):
        path = d / "given_name_equivalents.tsv"
        for line in read_list(path) if path.is_file() else ():
            k += 1
            for form in {f.strip() for f in line.split("\t") if f.strip()}:
                rows.setdefault(form, set()).add(k)
    return {form: next(iter(ks)) for form, ks in rows.items() if len(ks) == 1}


def _stem(word: str) -> str:
    """A crude stem for comparing a name's words (travelling, traveling, travel)."""
    if word.endswith("lling") and len(word) >= 9:
        return word[:-4]   # (the British doubled l: travelling)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word
