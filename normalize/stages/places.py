"""Place names the translation garbled, found in lists of places (MTN608).

MT spells a small town it does not know by ear (`Lule` for Loulé, `Oiras` for
Oeiras). Alone, such a word says nothing; in a list of places it does: when
two or more other items of a comma-separated list are towns of one country
(GeoNames, every town of 15,000 people or more: ``rules/common/towns.tsv``,
written by ``corpora/build_towns.py``),
an item that is no known place and hardly a word of the language, one letter
away from one town of that country within 60 km of a town of the list (or from
a town four times larger than any other that near), is that town misspelled.

The towns are read on first use, and a country's spelling index is built
when a list of its towns is met.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from ..model import Applicability, Document
from ..resources import SUPPORTED_LANGUAGES, pack_dirs, word_frequencies, zipf
from .base import Context, Stage, finding
from .variants import deletion_keys, one_edit

# an item: capitalised words, with the particles place names hold between them
_PARTICLES = r"(?:de|do|da|dos|das|del|della|di|du|des|la|le|les|lo|el|von|van)"
_UPPER = "[" + "".join(re.escape(chr(c)) for c in range(0x250) if chr(c).isupper()) \
    + "\u0400-\u042f\u0370-\u03ff]"   # (Latin and its accents, Cyrillic and Greek capitals)
_CAP = _UPPER + r"[^\W\d_]*(?:[\-'’][^\W\d_]+)*"
_ITEM = rf"(?:{_CAP})(?: (?:{_PARTICLES} )?{_CAP}){{0,3}}"
# a region in brackets after an item: Silves (Faro), Odivelas (Lisbon)
_REGION = r"(?: ?\([^()\n]{1,40}\))?"
_LIST = re.compile(rf"{_ITEM}{_REGION}(?:(?:, | and | e | y | et | und | и ){_ITEM}{_REGION}){{2,}}")
_SPLIT = re.compile(r", | and | e | y | et | und | и ")
MIN_KNOWN = 2        # items of the list that are towns of one country
UNKNOWN_ZIPF = 2.0   # the garbled item: a word the language hardly writes
NEAR_KM = 60        # the garbled town lies this near a town of the list
LARGER = 4          # of two towns one letter away, the one this many times larger is meant


def fold(name: str) -> str:
    """Lower case without accents (Loulé -> loule)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(ch))


@lru_cache(maxsize=None)
def towns(rule_dirs: tuple[str, ...] = ()) -> dict[str, tuple[tuple[str, str, int, float, float], ...]]:
    """folded name -> the towns so named, (name, country, population,
    latitude, longitude), from ``towns.tsv`` in the common packs."""
    out: dict[str, list[tuple[str, str, int, float, float]]] = {}
    for d in pack_dirs("common", rule_dirs):
        path = d / "towns.tsv"
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or line.startswith("name\t"):
                    continue
                name, cc, pop, lat, lon = line.rstrip("\n").split("\t")
                out.setdefault(fold(name), []).append((name, cc, int(pop), float(lat), float(lon)))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=64)
def country_keys(country: str, rule_dirs: tuple[str, ...] = ()) -> dict[str, tuple[tuple[str, int, float, float], ...]]:
    """Deletion key -> the towns of ``country`` holding it (each town's
    folded name and the name with one letter dropped), built on first use."""
    out: dict[str, list[tuple[str, int, float, float]]] = {}
    for f, places in towns(rule_dirs).items():
        for name, cc, pop, lat, lon in places:
            if cc == country:
                for k in deletion_keys(f):
                    out.setdefault(k, []).append((name, pop, lat, lon))
    return {k: tuple(v) for k, v in out.items()}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


class PlaceListStage(Stage):
    """Garbled town names in lists of places."""

    name = "places"
    requires = ("language",)
    rules = ("MTN608",)

    def process(self, doc: Document, ctx: Context):
        lang = doc.language
        if lang not in SUPPORTED_LANGUAGES or ", " not in doc.text:
            return []
        text = doc.text
        a = ctx.analysis
        freqs = word_frequencies(lang)
        out = []
        for m in _LIST.finditer(text):
            items = []
            pos = m.start()
            for piece in _SPLIT.split(m.group()):
                start = text.index(piece, pos)   # (inside the match: bounded by its length)
                pos = start + len(piece)
                piece = re.sub(r" ?\([^()]*\)$", "", piece)   # (the region after it)
                items.append((start, start + len(piece), piece))
            if not all(p[:1].isupper() for _, _, p in items):
                continue
            known = towns(ctx.rule_dirs)
            if not known:
                return out
            sites = [(p, t) for _, _, p in items for t in known.get(fold(p), ())]
            countries = Counter(cc for _, cc in {(p, t[1]) for p, t in sites})
            if not countries:
                continue
            country, n = countries.most_common(1)[0]
            if n < MIN_KNOWN:
                continue
            self.stats["place_lists"] += 1
            places: dict[str, list] = {}   # each listed town of the country -> where it may lie
            for p, t in sites:
                if t[1] == country:
                    places.setdefault(p, []).append(t)
            for s, e, piece in items:
                f = fold(piece)
                if f in known or len(f) < 4 or not piece.replace(" ", "").isalpha():
                    continue
                by_key = country_keys(country, ctx.rule_dirs)
                # the towns one letter away, near one of the list's towns (a list of
                # places is a region's: Sulingen, Nienburg und Rotenburg is not Solingen)
                near = {(pop, name): sum(1 for q in places if any(_km(lat, lon, t[3], t[4]) <= NEAR_KM
                                                                   for t in places[q]))
                        for k in deletion_keys(f) for name, pop, lat, lon in by_key.get(k, ())
                        if one_edit(f, fold(name))}
                # of those, the ones near the most of the list's towns (Oeiras near four
                # towns of a list around Lisbon, not Eiras near its one Coimbra)
                most = max(near.values(), default=0)
                found = sorted((c for c, k in near.items() if k == most), reverse=True) if most else []
                if not found or len(found) > 1 and found[0][0] < LARGER * found[1][0] or a.is_protected(s, e):
                    continue   # (two towns as near, neither far larger: which is meant is unknown)
                good = found[0][1]
                if any(zipf(freqs, w.lower()) >= UNKNOWN_ZIPF for w in set(piece.split()) - set(good.split())):
                    continue   # a word of the language (Lures is English): no garbled name
                self.stats["garbled"] += 1
                out.append(finding("MTN608", s, e, f"`{piece}` is no town; in this list of places in {country}, "
                                   f"`{good}` is one letter away", [good], Applicability.UNSAFE,
                                   country=country, town=good))
        return out
