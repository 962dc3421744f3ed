"""The language a document was translated from, guessed from the document.

A scraper rarely knows the source language of each page, and the
false-friend rules need one. The guess weighs what the translation left
behind:

- credits and datelines of news agencies that write in one language
  (`(dpa)`, `EFE`, `TASS`, `ANSA`, `Lusa`: ``agencies.tsv`` in the common pack);
- constructions copied from a source language (the calque patterns of the
  language's pack, ``calques.yaml``, each naming its sources);
- words left in another supported language (as MTN804 finds them) and lines
  in Cyrillic in a Latin text;
- false friends whose context patterns match (the confusion entries name
  the source languages whose cognate misleads).

The guess is the language with the most weight when it has at least
MIN_SCORE and half again as much as the next; it is reported with its
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

MIN_SCORE = 3.0
WEIGHTS = {"agency": 3.0, "calque": 2.0, "foreign": 1.0, "script": 2.0, "false friend": 1.0}


@lru_cache(maxsize=None)
def agencies(rule_dirs: tuple[str, ...] = ()) -> tuple[tuple[re.Pattern, str, str], ...]:
    """(pattern, agency, language) for ``agencies.tsv`` in the common packs."""
    out = []
    for d in pack_dirs("common", rule_dirs):
        p = d / "agencies.tsv"
        if p.is_file():
            for row in read_tsv(p, ("pattern", "agency", "language")):
                out.append((re.compile(row["pattern"]), row["agency"], row["language"]))
    return tuple(out)


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

    for rx, agency, source in agencies(rule_dirs):
        m = rx.search(text)
        if m:
            add("agency", m.group(), [source])
    from .stages.calques import calques
    for c in calques(lang, rule_dirs):
        for m in c["compiled"].finditer(text):
            add("calque", m.group(), [s for s in c["sources"]])
            break
    from .stages.foreign import ForeignTextStage, script_of
    if lang != "ru" and sum(1 for ch in text if "\u0400" <= ch <= "\u04ff") >= 20:
        add("script", "Cyrillic text", ["ru"])
    stage = ForeignTextStage()
    from .resources import word_frequencies
    freqs = word_frequencies(lang)
    if freqs and analysis.tokens:
        seen = set()
        for part in analysis.names.parts:
            if part in seen or not part.islower():
                continue
            seen.add(part)
            other, _ = stage._foreign(part, lang, freqs)
            if other is not None:
                add("foreign", part, [other])
    for sources in false_friend_sources:
        add("false friend", "", sources)
    if not score:
        return None
    ranked = score.most_common(2)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < MIN_SCORE or top < 1.5 * second:
        return None
    return {"language": best, "score": round(top, 2),
            "evidence": [e for e in evidence if best in e["languages"]][:10]}
