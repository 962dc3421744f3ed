"""The language a document was translated from, guessed from the document.

A scraper rarely knows the source language of each page, and the
false-friend rules need one. The guess weighs what the translation left
behind:

- credits and datelines of news agencies that write in one language
  (`(dpa)`, `EFE`, `TASS`, `ANSA`, `Lusa`: ``agencies.tsv`` in the common pack);
- constructions copied from a source language (the calque patterns of the
  language's pack, ``calques.yaml``, each naming its sources);
- acronyms of a source language left in Latin letters (``source_acronyms.tsv``:
  `SVO`, `OON`, Russian);
- words left in another supported language (as MTN804 finds them) and lines
  in Cyrillic in a Latin text;
- false friends whose context patterns match (the confusion entries name
  the source languages whose cognate misleads).

The guess is the language with the most weight when it has at least
MIN_SCORE (more in a text longer than an article: ARTICLE_WORDS words of
evidence for each MIN_SCORE, since a book or a dump of many articles
gathers stray foreign words and has no one source) and half again as much
as the next; it is reported with its
evidence (``Result.stats["source_language_guess"]``, and in the JSON) and
used by the false-friend rules below the safety class a given
``--source-lang`` has. ``guess-source = false`` in the configuration turns
it off; ``source-lang`` overrides it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .resources import pack_dirs, read_tsv
from .stages.lexical import literal_may_occur, required_literals

MIN_SCORE = 3.0
ARTICLE_WORDS = 2000
_CYRILLIC = re.compile("[\u0400-\u04ff]")
WEIGHTS = {"agency": 3.0, "calque": 2.0, "acronym": 2.0, "foreign": 1.0, "script": 2.0, "false friend": 1.0}


@lru_cache(maxsize=None)
def agencies(rule_dirs: tuple[str, ...] = ()) -> tuple[tuple[re.Pattern, dict[str, tuple[str, str]],
                                                              tuple[str, ...] | None], ...]:
    """``agencies.tsv`` of the common packs as at most two scans, each a
    pattern of rows (each row a named group), group name -> (agency,
    language), and the literals one of which any match holds (None: no
    prefilter): one pass per scan instead of one per agency, and none at all
    in a text that holds none of the literals. The rows whose every
    alternative begins at a word's start or at `(` (credits and names) are
    tried only at such places, several times faster."""
    rows = []
    for d in pack_dirs("common", rule_dirs):
        p = d / "agencies.tsv"
        if p.is_file():
            for row in read_tsv(p, ("pattern", "agency", "language")):
                re.compile(row["pattern"])   # each row valid on its own (a clear error names it)
                rows.append(row)
    scans = []
    for anchored in (True, False):
        parts, groups, literals = [], {}, []
        for k, row in enumerate(rows):
            if _word_or_paren_start(row["pattern"]) == anchored:
                parts.append(f"(?P<a{k}>{row['pattern']})")
                groups[f"a{k}"] = (row["agency"], row["language"])
                found = required_literals(row["pattern"])
                literals = None if found is None or literals is None else literals + list(found)
        if parts:
            start = r"(?:(?<!\w)(?=\w)|(?=\())" if anchored else ""
            scans.append((re.compile(start + "(?:" + "|".join(parts) + ")"), groups,
                          tuple(literals) if literals is not None else None))
    return tuple(scans)


def _word_or_paren_start(pattern: str) -> bool:
    """Does every top-level alternative of ``pattern`` begin with ``\\b`` or ``\\(``?"""
    alternatives, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":   # a class: skip to its end
            i = pattern.find("]", i + 2) + 1 or len(pattern)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    alternatives.append(pattern[start:])
    return all(a.startswith(("\\b", "\\(")) for a in alternatives)


def guess_source(text: str, lang: str, analysis, rule_dirs: tuple[str, ...] = (),
                 false_friend_sources: list[tuple[str, ...]] = ()) -> dict | None:
    """{"language": guess, "score": …, "evidence": [{"kind", "text", "language"}, …]}
    or None when the document does not say."""
    score: Counter = Counter()
    evidence: list[dict] = []

    def add(kind: str, found: str, langs) -> None:
        langs = [x for x in langs if x != lang]
        for x in langs:
            score[x] += WEIGHTS[kind] / len(langs)
        if langs:
            evidence.append({"kind": kind, "text": found, "languages": list(langs)})

    credited = set()
    folded = None
    for scan, groups, literals in agencies(rule_dirs):
        if literals is not None:
            folded = text.casefold() if folded is None else folded
            if not any(literal_may_occur(x, text, folded) for x in literals):
                continue
        for m in scan.finditer(text):
            agency, source = groups[m.lastgroup]
            if agency not in credited:
                credited.add(agency)
                add("agency", m.group(), [source])
    from .stages.calques import calque_matches
    for c, found in calque_matches(text, lang, rule_dirs, analysis):
        add("calque", found[0].group(), list(c["sources"]))
    from .stages.foreign import acronym_hits, document_foreign
    sources = {m.group("acr"): source for m, source, _, _ in acronym_hits(text, lang, rule_dirs)}
    for found, source in sources.items():
        add("acronym", found, [source])
    if lang != "ru" and len(_CYRILLIC.findall(text)) >= 20:
        add("script", "Cyrillic text", ["ru"])
    from .resources import word_frequencies
    if word_frequencies(lang) and analysis.tokens:
        table = document_foreign(analysis, lang)
        names = analysis.names
        seen = set()
        for form, part in zip(names.forms, names.parts):   # each part once, in text order
            if part in seen or not part.islower():
                continue
            seen.add(part)
            other = table.get(form)
            if other is not None:
                add("foreign", part, [other])
    for sources in false_friend_sources:
        add("false friend", "", sources)
    if not score:
        return None
    ranked = score.most_common(2)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    need = MIN_SCORE * max(1.0, len(analysis.tokens) / ARTICLE_WORDS)
    if top < need or top < 1.5 * second:
        return None
    return {"language": best, "score": round(top, 2),
            "evidence": [e for e in evidence if best in e["languages"]][:10]}
