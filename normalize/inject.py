"""The artefact injector: realistic scraped-MT damage at known positions.

Takes clean text (one segment a line), groups lines into documents, and
damages each document the way scraping and MT do — a name lower-cased, two
words glued at a would-be link edge, a function word capitalised like an
anchor, a closing quote flipped, the space after a full stop dropped, a space
put before a comma, a word turned to mojibake, a false friend from the rule
packs — recording each damage as a gold annotation whose fix is the original
text. Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .lexicon import casing_lexicon
from .resources import load_yaml, pack_dirs
from .stages.anchors import function_words, sentence_openers
from .text import WORD_RE

QUOTES = {"en": ("“", "”"), "es": ("“", "”"), "pt": ("“", "”"), "it": ("“", "”"),
          "fr": ("«", "»"), "de": ("„", "“"), "ru": ("«", "»")}


@dataclass
class Damage:
    start: int          # span in the clean text
    end: int
    damaged: str        # what replaces it
    category: str


def _sites_names(text, lang, rng):
    lex = casing_lexicon(lang)
    for m in WORD_RE.finditer(text):
        tok = m.group()
        entry = lex.single.get(tok.lower())
        if entry and entry[0] == tok and entry[1] == "safe" and tok.lower() != tok:
            yield Damage(m.start(), m.end(), tok.lower(), "casing")


def _sites_glue(text, lang, rng):
    fw = function_words(lang)
    for m in re.finditer(r"\b([^\W\d_]{4,}) ([^\W\d_]{2,})\b", text):
        a, b = m.group(1), m.group(2)
        if a.islower() and b.islower() and (b in fw) != (a in fw) and a not in fw:
            yield Damage(m.start(), m.end(), a + b, "run_together")


def _sites_anchor(text, lang, rng):
    fw, op = function_words(lang), sentence_openers(lang)
    for m in re.finditer(r"(?<=[^\W\d_] )([^\W\d_]{2,})(?= [^\W\d_])", text):
        w = m.group(1)
        after = text[m.end() + 1]
        if w in fw and w not in op and w.islower() and after.islower():
            yield Damage(m.start(), m.end(), w[0].upper() + w[1:], "capitalised_anchor")


def _sites_quote(text, lang, rng):
    opening, closing = QUOTES.get(lang, QUOTES["en"])
    for m in re.finditer(re.escape(closing), text):
        i = m.start()
        if i > 0 and text[i - 1].isalpha() and (i + 1 == len(text) or text[i + 1] in " ,.;:"):
            yield Damage(i, i + 1, opening, "quote")


def _sites_full_stop(text, lang, rng):
    for m in re.finditer(r"(?<=[^\W\d_]{3})\. (?=[A-ZÀ-ÖØ-ÞА-Я][^\W\d_]{2,})", text):
        yield Damage(m.start(), m.end(), ".", "spacing")


def _sites_comma(text, lang, rng):
    for m in re.finditer(r"(?<=[^\W\d_]{3}), (?=[^\W\d_])", text):
        yield Damage(m.start(), m.end(), " , ", "spacing")


def _sites_mojibake(text, lang, rng):
    for m in WORD_RE.finditer(text):
        tok = m.group()
        if not tok.isascii():
            try:
                bad = tok.encode("utf-8").decode("cp1252")
            except UnicodeDecodeError:
                continue
            if bad != tok:
                yield Damage(m.start(), m.end(), bad, "encoding")


def _false_friends(lang: str) -> list[tuple[re.Pattern, str]]:
    out = []
    for d in pack_dirs(lang):
        p = d / "confusions.yaml"
        if p.is_file():
            for e in (load_yaml(p) or {}).get("confusions") or []:
                for good, bad in (e.get("inject") or {}).items():
                    out.append((re.compile(rf"\b{re.escape(str(good))}\b"), str(bad)))
    return out


def _sites_false_friend(text, lang, rng):
    for rx, bad in _false_friends(lang):
        for m in rx.finditer(text):
            yield Damage(m.start(), m.end(), bad, "mistranslation")


INJECTORS: dict[str, Callable] = {
    "casing": _sites_names, "run_together": _sites_glue, "capitalised_anchor": _sites_anchor,
    "quote": _sites_quote, "spacing": _sites_full_stop, "spacing_comma": _sites_comma,
    "encoding": _sites_mojibake, "mistranslation": _sites_false_friend,
}


def inject(text: str, lang: str, rng: random.Random, per_words: int = 40,
           kinds: Iterable[str] = tuple(INJECTORS)) -> tuple[str, list[dict]]:
    """Damage ``text``: about one artefact per ``per_words`` words, at most one
    per site, sites at least three characters apart. Returns the damaged text
    and its annotations (offsets into the damaged text)."""
    budget = max(1, len(text.split()) // per_words)
    candidates: list[Damage] = []
    for kind in kinds:
        sites = list(INJECTORS[kind](text, lang, rng))
        rng.shuffle(sites)
        candidates += sites[:3]
    rng.shuffle(candidates)
    chosen: list[Damage] = []
    for d in candidates:
        if len(chosen) >= budget:
            break
        if all(d.end + 3 <= c.start or c.end + 3 <= d.start for c in chosen):
            chosen.append(d)
    chosen.sort(key=lambda d: d.start)
    out, annotations, pos, shift = [], [], 0, 0
    for d in chosen:
        out.append(text[pos:d.start])
        start = d.start + shift
        out.append(d.damaged)
        annotations.append({"start": start, "end": start + len(d.damaged), "text": d.damaged,
                            "category": d.category, "fix": text[d.start:d.end]})
        shift += len(d.damaged) - (d.end - d.start)
        pos = d.end
    out.append(text[pos:])
    return "".join(out), annotations


def documents(lines: Iterable[str], size: int) -> Iterator[str]:
    buf: list[str] = []
    for line in lines:
        line = line.rstrip("\n")
        if line.strip():
            buf.append(line)
        if len(buf) == size:
            yield "\n".join(buf) + "\n"
            buf = []
    if buf:
        yield "\n".join(buf) + "\n"


def write_gold_set(source: str, lang: str, out_dir: str, docs: int = 50, lines_per_doc: int = 8,
                   clean_every: int = 5, seed: int = 0, per_words: int = 40,
                   source_language: str | None = None) -> int:
    """Write ``docs`` gold documents from ``source`` into ``out_dir``: every
    ``clean_every``-th one left clean. Returns the number written."""
    rng = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(source, encoding="utf-8") as fh:
        for i, doc in enumerate(documents(fh, lines_per_doc)):
            if n >= docs:
                break
            name = f"{Path(source).stem}.{i:04d}"
            if clean_every and i % clean_every == clean_every - 1:
                text, ann, kind = doc, [], "clean"
            else:
                text, ann = inject(doc, lang, rng, per_words)
                kind = "dirty"
            (out / f"{name}.txt").write_bytes(text.encode("utf-8"))
            meta = {"language": lang, "kind": kind, "generator": "mtnorm inject", "seed": seed,
                    "annotations": ann}
            if source_language:
                meta["source_language"] = source_language
            (out / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")
            n += 1
    return n
