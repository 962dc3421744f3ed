"""Mistranslations the target text shows without its source (MTN604-MTN607).

- MTN604 a construction the language's news never writes, copied from the
  source language (``calques.yaml`` in the pack: `For your part` for *por su
  parte*, `80,000 million` for *80.000 millones*, `today, Monday,`, Russian `о
  угрозах` for `об угрозах`);
- MTN605 an outlet's, agency's or broadcaster's name translated as words
  (``translated_names.tsv``: `South German newspaper` for *Süddeutsche Zeitung*), only next to a
  credit, a source tag or an attribution;
- MTN606 English `a` before a vowel sound, `an` before a consonant (`a event`);
- MTN607 a phrase written twice in a row (`la guardia costiera la guardia costiera`),
  or four times or more with the same marks between (`Bern, Bern, Bern, Bern`: a loop);
- MTN609 a person of Taiwan, Hong Kong, Macau or Singapore written in pinyin, as MT
  from Chinese writes every name, where the press uses another romanisation
  (``common/romanised_names.tsv``: `Lai Qingde` is `Lai Ching-te`);
- MTN610 English a noun left singular after a number (`21 illness can`), a
  mass noun with a plural verb (`significant progress have been`);
- MTN611 English `he` for a woman just named as the sentence's subject
  (`Giorgia Meloni takes a stand and …, he announces`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Applicability, Document
from ..lexicon import casing_lexicon
from ..resources import (RulePackError, load_yaml, pack_dirs, read_tsv, top_frequencies, word_frequencies, word_list,
                         zipf)
from .base import Context, Stage, finding
from .lexical import _compile, literal_may_occur, required_literals
from .untranslated import is_foreign

CALQUE_FIELDS = frozenset({"id", "pattern", "sources", "candidates", "fix", "message", "billion", "weekday", "case",
                           "words"})
_WEEKDAY = re.compile(r"(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
                      r"donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
                      r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì|"
                      r"venerdì|sabato|domenica)")
_DAY_TEMPLATE = {"en": "on {}", "de": "am {}", "es": "el {}", "fr": "{}", "it": "{}"}
# an indefinite article: what follows is a description (a Russian newspaper), no name
_INDEFINITE = {"en": ("a", "an", "another"), "fr": ("un", "une"), "es": ("un", "una", "otro", "otra"),
               "it": ("un", "una", "uno", "un'"), "pt": ("um", "uma", "outro", "outra"),
               "de": ("ein", "eine", "einer", "einem", "einen", "eines")}
# the reporting verbs a source's name is the bare subject of (noticias de lubeck informe)
_ATTRIBUTION_VERBS = {"en": "said|says|reported|reports|wrote|writes",
                      "fr": "a rapporté|rapporte|écrit|a écrit",
                      "es": "informa|informó|informe|publica|publicó|dijo|dice",
                      "it": "riporta|riferisce|scrive|ha scritto",
                      "pt": "informa|informou|noticia|noticiou|escreve|escreveu",
                      "de": "berichtet|berichtete|schreibt|schrieb"}
# what stands next to a source's name: a credit, a tag, an attribution
_ATTRIBUTION = {
    "en": r"\b(?:according to|said|says|reported|reports|told|wrote|writes|quoted|cited|newspaper|daily|"
          r"magazine|broadcaster|agency|station|channel)\b",
    "fr": r"\b(?:selon|d'après|a déclaré|a dit|a commenté|rapporte|rapporté|écrit|journal|quotidien|chaîne|"
          r"agence|magazine)\b",
    "es": r"\b(?:según|dijo|informa|informó|informe|publica|publicó|diario|periódico|cadena|agencia|revista)\b",
    "it": r"\b(?:secondo|ha detto|riporta|riferisce|scrive|quotidiano|giornale|agenzia|emittente|rivista)\b",
    "pt": r"\b(?:segundo|disse|relata|noticia|informa|escreve|jornal|diário|agência|revista|emissora)\b",
    "de": r"\b(?:laut|zufolge|sagte|berichtet|berichtete|schreibt|schrieb|Zeitung|Sender|Agentur|Magazin)\b",
}
_ARTICLE_AN = re.compile(r"(?:\b(?P<art>an?)|(?:^|(?<=[.!?] ))(?P<cap>An?)) (?P<word>[a-z][a-z\-]+)\b", re.MULTILINE)
# words after "a" that sound like a consonant, or after "an" like a vowel
_VOWEL_LETTER_CONSONANT_SOUND = re.compile(r"^(?:uni|use|usu|uti|ure|uro|eu|ewe|one|once|ouija|ukr|uga|uk\b|u\-)")
_CONSONANT_LETTER_VOWEL_SOUND = re.compile(r"^(?:hour|honest|honou?r|heir|herb)")
LOOP_MIN_REPEATS = 4   # a phrase written this many times in a row is MT caught in a loop...
LOOP_MAX_WORDS = 12    # ...when it has at most this many words
LOOP_WORD_REPEATS = 6  # a single word, this many times (very very very very is emphasis)
_SENTENCE_GAP = re.compile(r"[.!?\n]")   # a loop stays inside a sentence (a text may repeat a line)
_LOOP_GAP = re.compile(r"[,;]?[ \t]+|[ \t]*[,;][ \t]*")   # what stands between two of its times
_REPEAT = re.compile(r"\b(?P<phrase>(?:[^\W\d_]+ ){1,3}[^\W\d_]+) (?P=phrase)\b")


def _repeat_matches(text: str, a):
    """``_REPEAT.finditer(text)``, tried only where it can match. The first
    word of a phrase written twice comes again k words on (k = 2..4: the
    analysis's words, a compound ending in it at the first place), so the
    regex, whose backtracking at every word is slow, runs only on the few
    stretches of 2k words that pass this test."""
    tokens = a.tokens
    n = len(tokens)
    compounds = [i for i, x in enumerate(tokens) if "-" in x or "'" in x or "’" in x]
    cands = []
    for k in (2, 3, 4):
        same = [i for i, (x, y) in enumerate(zip(tokens, tokens[k:])) if x == y]
        same += [i for i in compounds if i + k < n and len(tokens[i]) > len(tokens[i + k])
                 and tokens[i].endswith(tokens[i + k]) and tokens[i][-len(tokens[i + k]) - 1] in "-'’"]
        # ...and so does its second word (the last of the text may run on into a compound)
        cands += [(i, k) for i in same if i + k + 1 < n and (
            tokens[i + 1] == tokens[i + k + 1] or tokens[i + k + 1].startswith(tokens[i + 1])
            and tokens[i + k + 1][len(tokens[i + 1]):len(tokens[i + 1]) + 1] in ("-", "'", "’"))]
    if not cands:
        return
    words = a.words.all()
    end = 0
    for i, k in sorted(cands):
        last = min(i + 2 * k - 1, len(words) - 1)
        m = _REPEAT.search(text, max(words[i].start(), end), words[last].end())
        if m:
            end = m.end()
            yield m


@lru_cache(maxsize=None)
def calques(lang: str, rule_dirs: tuple[str, ...] = ()) -> tuple[dict, ...]:
    out = []
    for d in pack_dirs(lang, rule_dirs):
        p = d / "calques.yaml"
        if not p.is_file():
            continue
        data = load_yaml(p) or {}
        entries = data.get("calques") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise RulePackError(f"{p}: field `calques`: expected a list")
        for n, e in enumerate(entries):
            where = f"{p}: calques[{n}]"
            if not isinstance(e, dict) or "id" not in e or "pattern" not in e or "message" not in e:
                raise RulePackError(f"{where}: each entry needs `id`, `pattern` and `message`")
            unknown = set(e) - CALQUE_FIELDS
            if unknown:
                raise RulePackError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
            words = e.get("words") or {}
            if not isinstance(words, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in words.items()):
                raise RulePackError(f"{where}: field `words`: expected a mapping of words to their candidates")
            out.append(dict(e, compiled=_compile(e["pattern"], f"{where}: field `pattern`", re.MULTILINE),
                            words={k.lower(): v for k, v in words.items()},
                            candidates=tuple(map(str, e.get("candidates") or ())),
                            literals=required_literals(e["pattern"]),
                            sources=tuple(map(str, e.get("sources") or ()))))
    return tuple(out)


def _part_translations(literal: str, name: str, function: frozenset | set = frozenset()) -> list[list[str]]:
    """The literal's words, then, for a literal with as many words as the
    name (two to four), each mix of the two word for word that is neither
    the name nor the literal and translates a word other than a function
    word (not `the Sole 24 Ore`, which English writes)."""
    lit, nam = literal.split(), name.split()
    out = [lit]
    if 2 <= len(lit) == len(nam) <= 4:
        from itertools import product
        for pick in product((0, 1), repeat=len(lit)):
            words = [nam[k] if p else lit[k] for k, p in enumerate(pick)]
            if all(w.casefold() == n.casefold() for w, n in zip(words, nam)) or \
                    all(w.casefold() == x.casefold() for w, x in zip(words, lit)):
                continue
            if not any(w.casefold() != n.casefold() and w.casefold() not in function for w, n in zip(words, nam)):
                continue
            if words not in out:
                out.append(words)
    return out


@lru_cache(maxsize=None)
def translated_names(lang: str, rule_dirs: tuple[str, ...] = ()) -> tuple[re.Pattern | None,
                                                                         dict[str, tuple[str, str, str]]]:
    """``translated_names.tsv`` as one scan: a pattern of every literal (each
    a named group, spaces matching any white space) and group name -> (name,
    source language, literal). A literal with as many words as its name (four at
    most) also matches half translated, word for word (`Antenna Bayern` for
    `Antenne Bayern`, `Antenna Bavaria`)."""
    parts, groups = [], {}
    function = frozenset(word_list(lang, "function_words.txt", rule_dirs))
    for d in pack_dirs(lang, rule_dirs):
        p = d / "translated_names.tsv"
        if p.is_file():
            for row in read_tsv(p, ("literal", "name", "language")):
                g = f"t{len(groups)}"
                parts.append(f"(?P<{g}>" + "|".join(
                    r"\s+".join(map(re.escape, words))
                    for words in _part_translations(row["literal"], row["name"], function)) + ")")
                groups[g] = (row["name"], row["language"], row["literal"])
    if not parts:
        return None, {}
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE), groups


_PINYIN_VOWEL = "aeoāáǎàēéěèōóǒò"


def _pinyin_pattern(pinyin: str) -> str:
    """A pattern for one row's pinyin: the family name, white space, then the
    given name's syllables joined, hyphenated or spaced (a later syllable's
    capital optional; one that begins with a vowel also after an
    apostrophe)."""
    family, _, given = pinyin.partition(" ")
    syllables = given.split("-")
    out = re.escape(family) + r"[ \u00a0]+" + re.escape(syllables[0])
    for syl in syllables[1:]:
        sep = r"(?:[-‐ ]|['’]|)" if syl[0].lower() in _PINYIN_VOWEL else r"(?:[-‐ ]|)"
        out += sep + f"[{re.escape(syl[0].upper())}{re.escape(syl[0].lower())}]" + re.escape(syl[1:])
    return out


@lru_cache(maxsize=None)
def romanised_names(rule_dirs: tuple[str, ...] = ()) -> tuple[re.Pattern | None, re.Pattern | None, dict[str, str]]:
    """``common/romanised_names.tsv`` as a quick scan for the family names,
    a pattern of every row (each a named group) tried where one stands, and
    group name -> the name the press writes."""
    parts, groups, families = [], {}, set()
    for d in pack_dirs("common", rule_dirs):
        p = d / "romanised_names.tsv"
        if p.is_file():
            for row in read_tsv(p, ("pinyin", "name")):
                family, _, given = row["pinyin"].strip().partition(" ")
                if not family or not given or " " in given or "" in given.split("-"):
                    raise RulePackError(f"{p}: pinyin {row['pinyin']!r}: expected a family name, a space and "
                                        f"a given name with a hyphen between its syllables (Lai Qing-de)")
                g = f"r{len(groups)}"
                parts.append(f"(?P<{g}>{_pinyin_pattern(row['pinyin'].strip())})")
                groups[g] = row["name"]
                families.add(row["pinyin"].split()[0])
    if not parts:
        return None, None, {}
    quick = re.compile(r"(?<![\w'’\-])(?:" + "|".join(map(re.escape, sorted(families, key=len, reverse=True)))
                       + r")[ \u00a0]")
    return quick, re.compile(r"(?:" + "|".join(parts) + r")(?![\w\-])"), groups


def calque_matches(text: str, lang: str, rule_dirs: tuple[str, ...] = (), analysis=None) -> list:
    """[(calque, [matches])] of the language's calques in ``text``, found once
    per pass (kept in ``analysis.memo``: the source-language guess reads them
    too). A calque whose literals the text lacks is not scanned at all."""
    key = ("calques", lang, rule_dirs)
    if analysis is not None and key in analysis.memo:
        return analysis.memo[key]
    out, folded = [], None
    for c in calques(lang, rule_dirs):
        if c["literals"] is not None:
            folded = text.casefold() if folded is None else folded
            if not any(literal_may_occur(x, text, folded) for x in c["literals"]):
                continue   # (most texts: substring tests at C speed rule the pattern out)
        found = list(c["compiled"].finditer(text))
        if found:
            out.append((c, found))
    if analysis is not None:
        analysis.memo[key] = out
    return out


# what follows a counted noun phrase that has ended: a modal or auxiliary verb,
# a preposition, a clause's punctuation (not a noun it modifies: a 24 hour period)
_AFTER_COUNTED = (r"(?=\s*[,;:](?!\d)|\.(?!\d)|\s(?:can|could|will|would|may|might|must|should|are|were|have|had|"
                  r"(?P<prep>in|of|for|from|with|at|on|among|across))\b)")


@lru_cache(maxsize=None)
def _counted_pattern(rule_dirs: tuple[str, ...] = ()) -> re.Pattern:
    words = sorted(word_list("en", "count_words.txt", rule_dirs), key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(r"(?P<prev>\b[a-z]+) (?P<n>(?<![\d.,/:#-])\d+|(?i:" + alts + r")) (?P<w>[a-z]{4,})\b"
                      + _AFTER_COUNTED)


# a mass noun's phrase opening a clause, then a plural verb: the words that open
# a clause before the phrase, its determiners, the verbs and their singular
_MASS_OPENERS = frozenset("that which because since while when where although though but".split())
_MASS_DET = frozenset("the this that much some no more any such all little enough further".split())
_SINGULAR_VERB = {"have": "has", "are": "is", "haven't": "hasn't", "aren't": "isn't", "haven’t": "hasn’t",
                  "aren’t": "isn’t"}


@lru_cache(maxsize=None)
def _mass_pattern(rule_dirs: tuple[str, ...] = ()) -> re.Pattern | None:
    nouns = word_list("en", "mass_nouns.txt", rule_dirs)
    if not nouns:
        return None
    return re.compile(r"\b(?P<noun>" + "|".join(sorted(nouns)) + r")\s(?P<verb>have|are|haven['’]t|aren['’]t)\b",
                      re.IGNORECASE)


def plural_of(word: str, freqs: dict[str, float], min_zipf: float = 3.0) -> str | None:
    """The plural English writes of ``word`` (the most frequent of -s, -es,
    -ies), if it is a word at zipf ``min_zipf`` or more; else None."""
    forms = [word + "s", word + "es"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.append(word[:-1] + "ies")
    best = max(forms, key=lambda f: zipf(freqs, f))
    return best if zipf(freqs, best) >= min_zipf else None


# a name, a pronoun for it, its verb in the past (`FTSEMib it lost 0.23%`)
_RESUMED = re.compile(r"\b(?P<name>[A-Z][A-Za-z]+) (?P<span>(?:it|he|she) )(?=(?:lost|rose|fell|won|made|took|gave|got|"
                      r"saw|said|told|sold|bought|left|held|led|paid|cut|hit|beat|ran|came|went|became|began|grew|"
                      r"closed|opened|gained|dropped|added|slipped|climbed|jumped|ended|reported|announced|posted|"
                      r"recorded)\b)")
RESUMED_NAME_ZIPF = 2.5   # the name: a word English hardly writes in lower case


# MTN611: a sentence, a full name, the verb after a subject, `he` as a subject
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_FULL_NAME = re.compile(r"\b([A-ZÀ-ÞŁŚŻ][a-zß-ÿłśżźćńşğı]+) [A-ZÀ-ÞŁŚŻ][\w’'\-]+")
_VERB_AFTER = re.compile(r" (?:[a-z]+(?:s|ed)|said|told|took|made|met|gave|won|lost|went|came|spoke|wrote|sent|left|"
                         r"led|held|will|would|can|could|must|may|might|should|did)\b")
_HE = re.compile(r"\bhe (?=[a-z]{2,})")
_OTHER_NAME = re.compile(r"\b[A-ZÀ-ÞŁŚŻ][a-zß-ÿłśżźćńşğı]+ [A-ZÀ-ÞŁŚŻ][\w\-]+(?P<pos>['’]s\b)?")
_QUOTE_MARKS = re.compile(r"[“”\"«»„]")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MALE_NOUNS = frozenset({"man", "men", "husband", "father", "son", "brother", "boy", "king", "pope", "prince", "uncle",
                         "nephew", "grandfather", "grandson", "gentleman", "mr", "sir", "lord", "he", "his", "him"})


@lru_cache(maxsize=None)
def _capitalised(words: frozenset[str]) -> frozenset[str]:
    """``words`` as a name is written (giorgia -> Giorgia)."""
    return frozenset(w[:1].upper() + w[1:] for w in words)


@lru_cache(maxsize=None)
def given_name_forms(rule_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    """Every form of ``given_name_equivalents.tsv``, lower case."""
    from .variants import given_name_rows
    return frozenset(f.lower() for f in given_name_rows(rule_dirs))


def _plural_form(word: str, freqs) -> bool:
    """Does ``word`` read as a plural: an -s form of a frequent word (news,
    others, cities; not illness, business)?"""
    return word.endswith("s") and (word[:-1] in freqs or word.endswith("es") and word[:-2] in freqs
                                   or word.endswith("ies") and word[:-3] + "y" in freqs)


def billions(n: str, d: str, rest: str) -> str:
    """`80,000 million` -> `80 billion`; `42,300 million` -> `42.3 billion`."""
    frac = (d + rest).rstrip("0")
    return f"{n}.{frac} billion" if frac else f"{n} billion"


class CalqueStage(Stage):
    """Constructions copied from the source language, translated names,
    English article and number agreement, phrases written twice, pinyin
    names, `he` for a woman."""

    name = "calques"
    requires = ("language",)
    rules = ("MTN604", "MTN605", "MTN606", "MTN607", "MTN609", "MTN610", "MTN611")

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        lang = doc.language or "en"
        a = ctx.analysis
        out = []
        for c, found in calque_matches(text, lang, ctx.rule_dirs, a):
            for m in found:
                span = m.span("span") if "span" in c["compiled"].groupindex else m.span()
                if a.is_protected(*span):
                    continue
                cands = list(c["candidates"])
                if c.get("billion"):
                    cands = [billions(m.group("n"), m.group("d"), m.group("rest"))]
                elif c.get("weekday"):
                    day = _WEEKDAY.search(m.group("span"))
                    cands = [_DAY_TEMPLATE.get(lang, "{}").format(day.group())] if day else []
                elif c["words"]:
                    word = c["words"].get(m.group("span").lower())
                    if word and m.group("span")[:1].isupper():
                        word = word[:1].upper() + word[1:]
                    cands = [word] if word else []
                elif c.get("case") and cands and m.group("span")[:1].isupper():
                    cands = [x[:1].upper() + x[1:] for x in cands]
                applicability = Applicability.UNSAFE if c.get("fix") == "unsafe" and cands else Applicability.DISPLAY
                self.stats[c["id"]] += 1
                out.append(finding("MTN604", span[0], span[1], c["message"], cands, applicability,
                                   calque=c["id"], sources=list(c["sources"])))
        out.extend(self._translated_names(text, a, lang, ctx.rule_dirs))
        if lang == "en":
            out.extend(self._articles(text, a))
            out.extend(self._counted(text, a, ctx.rule_dirs))
            out.extend(self._mass_verbs(text, a, ctx.rule_dirs))
            out.extend(self._pronoun_gender(text, a, ctx.rule_dirs))
            out.extend(self._resumptive(text, a, {f.start for f in out if f.rule == "MTN604"}, ctx.rule_dirs))
        out.extend(self._repeats(text, a, lang, ctx.rule_dirs))
        if lang != "ru":   # (Russian writes Chinese names in Cyrillic)
            out.extend(self._romanised(text, a, ctx.rule_dirs))
        return out

    def _romanised(self, text: str, a, rd):
        quick, rows, groups = romanised_names(rd)
        if quick is None:
            return
        for hit in quick.finditer(text):
            m = rows.match(text, hit.start())
            if m is None:
                continue
            s, e = m.span()
            name = groups[m.lastgroup]
            if a.is_protected(s, e) or m.group() == name:
                continue
            self.stats["romanised_name"] += 1
            yield finding("MTN609", s, e, f"`{m.group()}` is pinyin: this person is written `{name}`",
                          [name], Applicability.UNSAFE, name=name)

    def _translated_names(self, text: str, a, lang: str, rd):
        scan, groups = translated_names(lang, rd)
        if scan is None:
            return
        attribution = re.compile(_ATTRIBUTION.get(lang, _ATTRIBUTION["en"]), re.IGNORECASE)
        for m in scan.finditer(text):
            name, source, literal = groups[m.lastgroup]
            s, e = m.span()
            before = text[max(0, s - 80):s]
            after = text[e:e + 60]
            tagged = before.rstrip().endswith(("|", "(", "–", "—"))
            own_sentence = re.search(r"[.!?]\s*$", before) and re.match(r"\s*[.!?)]", after)
            if not (tagged or own_sentence):
                # next to an attribution only: the words must be written as a
                # name, not as the phrase they also are (`a Russian newspaper
                # reported`, `the Russian newspaper Kommersant`)
                if not (attribution.search(before[-50:]) or attribution.search(after[:40])) \
                        or not self._written_as_name(text, m, literal, lang, rd):
                    continue
            if a.is_protected(s, e):
                continue
            self.stats["translated_name"] += 1
            yield finding("MTN605", s, e, f"`{m.group()}` looks like the name `{name}` translated as words",
                          [name], Applicability.UNSAFE, name=name, language=source)

    @staticmethod
    def _written_as_name(text: str, m, literal: str, lang: str, rd) -> bool:
        """Is the match of ``literal`` written as a name's words: not after an
        indefinite article nor before a capitalised word (a description before
        the name: `the Russian newspaper Kommersant`), and with a capital the
        phrase itself would not have (a word the row writes in lower case, or a
        capitalised article mid-sentence: `Free Press`, `Zeitung Der Wächter`;
        in German, which capitalises nouns, only the article says it)?"""
        words, row = m.group().split(), literal.split()
        if len(words) != len(row):
            return True   # half translated (Antenna Bayern): the name's own words say it
        prev = re.search(r"(\w+)\s+$", text[max(0, m.start() - 30):m.start()])
        if prev and prev.group(1).lower() in _INDEFINITE.get(lang, ()):
            return False
        if re.match(r"\s+[A-ZÀ-ÖØ-ÞА-ЯЁ]", text[m.end():m.end() + 3]):
            return False
        fw = word_list(lang, "function_words.txt", rd)
        verb = re.match(r"\s+(?:" + _ATTRIBUTION_VERBS.get(lang, "-") + r")\b", text[m.end():m.end() + 20],
                        re.IGNORECASE)
        if verb and row[0].lower() not in fw and not (prev and prev.group(1).lower() in fw):
            return True   # the bare subject of a reporting verb (noticias de lubeck informe)
        # (the five characters before it: a sentence's end, a line's, or the text's start)
        opens_sentence = re.search(r"(?:^|[.!?:]\s*|\n\s*)[\"“«„]?$", text[max(0, m.start() - 5):m.start()])
        for k, (w, r) in enumerate(zip(words, row)):
            if not w[:1].isupper():
                continue
            if k == 0:
                # a capital mid-sentence on an article (Zeitung Der Wächter) or
                # on a word no name list capitalises (according to Antenna Bavaria)
                if (r.lower() in fw or lang != "de" and not casing_lexicon(lang, rd).single.get(r.lower())) \
                        and not opens_sentence:
                    return True
            elif r[:1].islower() and lang not in ("de",):
                return True
            elif r[:1].isupper() and lang not in ("de",) and not casing_lexicon(lang, rd).single.get(r.lower()):
                return True   # a common word the row capitalises (The Country, General)
        return False

    def _articles(self, text: str, a):
        for m in _ARTICLE_AN.finditer(text):
            art, word = m.group("art") or m.group("cap"), m.group("word")
            vowel_letter = word[0] in "aeiou"
            if art.lower() == "a":
                wrong = vowel_letter and not _VOWEL_LETTER_CONSONANT_SOUND.match(word)
                good = "an" if art == "a" else "An"
            else:
                wrong = not vowel_letter and not _CONSONANT_LETTER_VOWEL_SOUND.match(word) and len(word) > 1
                good = "a" if art == "an" else "A"
            if not wrong or len(word) < 3 or a.is_protected(m.start(), m.end()):
                continue
            if m.start() and text[m.start() - 1] in "-'’":
                continue
            if is_foreign("en", word.lower()):
                continue   # another language's words: Club an der Alster, Volver a empezar
            self.stats["article"] += 1
            g = "art" if m.group("art") else "cap"
            yield finding("MTN606", m.start(g), m.end(g), f"`{art} {word}`: `{good}` before this sound",
                          [good], Applicability.UNSAFE)

    def _counted(self, text: str, a, rd):
        """A noun left singular after a number or a counting word, where the
        noun phrase ends there (`that 21 illness can be`, `and 24 other
        were`): the number comes after a function word (not a determiner,
        before which a number names a thing: the 206 model, a 911 call), is
        no year nor part of a decimal, and the noun is a frequent word whose
        plural English writes about as often."""
        freqs = top_frequencies("en", 3.0)
        fw = word_list("en", "function_words.txt", rd)
        det = word_list("en", "determiners.txt", rd) - {"that"}   # (that also opens a clause)
        singular = word_list("en", "singular_after_numbers.txt", rd)
        for m in _counted_pattern(rd).finditer(text):
            prev, n, w = m.group("prev"), m.group("n"), m.group("w")
            if prev not in fw or prev in det or w in singular or w not in freqs or _plural_form(w, freqs):
                continue
            if n.isdigit() and (int(n) < 2 or len(n) == 4 and 1800 <= int(n) <= 2100):
                continue
            if not n.isdigit() and m.group("prep"):
                continue   # a counting word stands alone before a verb (two focus on)
            plural = plural_of(w, freqs)
            if plural is None or zipf(freqs, plural) < zipf(freqs, w) - 1.5:
                continue
            s, e = m.span("w")
            if a.is_protected(m.start("n"), e):
                continue
            self.stats["counted"] += 1
            yield finding("MTN610", s, e, f"`{n} {w}`: a noun after a number is plural (`{plural}`)",
                          [plural], Applicability.UNSAFE, plural=plural)

    def _mass_verbs(self, text: str, a, rd):
        """A mass noun that opens its clause before a plural verb (`adding
        that significant progress have been achieved`); the noun must open
        the clause (after its determiner and up to two modifiers), so that
        it is the verb's subject (not in `the benefits of this knowledge
        are`, `satellites providing information are`)."""
        pattern = _mass_pattern(rd)
        if pattern is None:
            return
        fw = word_list("en", "function_words.txt", rd) | word_list("en", "conjunctions.txt", rd)
        for m in pattern.finditer(text):
            if not self._opens_clause(text[max(0, m.start() - 60):m.start()], fw, m.start() <= 60):
                continue
            verb = m.group("verb")
            good = _SINGULAR_VERB.get(verb.lower())
            s, e = m.span("verb")
            if good is None or a.is_protected(m.start("noun"), e):
                continue
            if verb[:1].isupper():
                good = good[:1].upper() + good[1:]
            self.stats["mass_verb"] += 1
            yield finding("MTN610", s, e, f"`{m.group('noun')} {verb}`: `{m.group('noun')}` is not counted; "
                          f"its verb is singular (`{good}`)", [good], Applicability.UNSAFE, singular=good)

    def _resumptive(self, text: str, a, taken: set[int], rd):
        """A name no word list knows as a word (a ticker, a company, a
        surname), then `it`, `he` or `she`, then a verb in the past
        (`FTSEMib it lost 0.23%`, `UniCredit it lost`): the pronoun repeats the
        subject, a clitic or resumed subject of the source (calques.yaml's
        `resumptive-pronoun` finds it after `while`, `and` or a comma, whatever
        the name). A common word before the pronoun (`Overnight it rose`) is
        no name, and nor is a place or a time after a preposition (`In Kherson
        it rained`)."""
        if " it " not in text and " he " not in text and " she " not in text:
            return
        freqs = word_frequencies("en")
        fw = word_list("en", "function_words.txt", rd) - {"and", "but", "while", "whereas"}
        for m in _RESUMED.finditer(text):
            s, e = m.span("span")
            if s in taken or zipf(freqs, m.group("name").lower()) >= RESUMED_NAME_ZIPF or a.is_protected(s, e):
                continue
            prev = re.search(r"(\w+)\W*$", text[max(0, m.start() - 30):m.start()])
            if prev and prev.group(1).lower() in fw:
                continue   # (a place or a time after a preposition: In Kherson it rained)
            self.stats["resumptive"] += 1
            yield finding("MTN604", s, e, f"`{m.group('name')} {m.group('span').strip()}`: a pronoun repeats "
                          "the subject just named: the translation kept a clitic or a resumed subject",
                          [""], Applicability.UNSAFE, calque="resumptive-pronoun", sources=["it", "es", "pt", "fr"])

    def _pronoun_gender(self, text: str, a, rd):
        """`he` for a woman: a full name whose given name is a woman's in
        every language (``female_given_names.txt``) is the subject of its
        sentence (it opens the sentence or follows a comma, and a verb
        follows it), and later in the sentence `he` is the subject of a verb,
        with no quotation mark, no other person's given name and no noun for a
        man or a post (``person_titles.txt``: the president, her husband)
        between: MT from a language that drops its subjects (Italian, Spanish,
        Portuguese) supplied the pronoun. A suggestion only."""
        female = word_list("common", "female_given_names.txt", rd)
        if a.vocabulary.isdisjoint(_capitalised(female)):
            return   # (no woman's given name: one set look-up, not a walk of the vocabulary)
        others = (word_list("common", "given_names.txt", rd) | given_name_forms(rd)) - female
        nouns = word_list("en", "person_titles.txt", rd) | _MALE_NOUNS
        for sm in _SENTENCE.finditer(text):
            sentence = sm.group()
            for m in _FULL_NAME.finditer(sentence):
                if m.group(1).lower() not in female:
                    continue
                before = sentence[:m.start()].rstrip()
                verb = _VERB_AFTER.match(sentence, m.end())
                if before and not before.endswith(",") or verb is None:
                    continue
                he = _HE.search(sentence, m.end())
                if he is None:
                    break
                between = sentence[m.end():he.start()]
                if _QUOTE_MARKS.search(between):
                    break
                words = _WORD_RE.findall(between)
                if any(w.lower() in nouns for w in words) \
                        or any(w[:1].isupper() and w.lower() in others for w in words) \
                        or any(not n.group("pos") for n in _OTHER_NAME.finditer(between)):
                    break   # (another person, perhaps: a full name not in a possessive, Palazzo Chigi's)
                s, e = sm.start() + he.start(), sm.start() + he.start() + 2
                if a.is_protected(s, e):
                    break
                self.stats["pronoun_gender"] += 1
                yield finding("MTN611", s, e, f"`he` after `{m.group()}`, a woman, as the sentence's subject: "
                              "the translation supplied a pronoun the source did not have",
                              ["she"], Applicability.DISPLAY, person=m.group())
                break

    @staticmethod
    def _opens_clause(before: str, fw, whole: bool) -> bool:
        """Does the noun phrase ending at the end of ``before`` open a clause:
        up to two modifiers that are no function words and a determiner
        after the text's or a sentence's start, an opening quote or bracket,
        or a word that opens a clause (that, because)? ``whole``: ``before``
        starts where the text does."""
        words = re.findall(r"[\w'’\-]+|[^\w\s]", before)
        i, mods = len(words), 0
        while i and mods <= 2:
            low = words[i - 1].lower()
            if low in _MASS_DET or low in _MASS_OPENERS or low in fw or not low[:1].isalpha():
                break
            i, mods = i - 1, mods + 1
        if mods > 2:
            return False

        def opener(k: int) -> bool:
            if k == 0:
                return whole
            return words[k - 1].lower() in _MASS_OPENERS or words[k - 1] in ".!?“\"("

        if i == len(words) and words and words[-1].lower() in ("that", "which"):
            return False   # (the noun may be a verb there: firms that research have)
        return opener(i) or i > 0 and words[i - 1].lower() in _MASS_DET and opener(i - 1)

    def _loops(self, text: str, a, fw: frozenset[str]):
        """A phrase of two to LOOP_MAX_WORDS words written LOOP_MIN_REPEATS
        times or more in a row (a single word LOOP_WORD_REPEATS times), the
        same marks between every two (``the
        bank's products, the bank's products, the bank's products, …``,
        ``Bern, Bern, Bern, Bern``): neural MT caught in a loop. The phrase
        holds a word of three letters or more that is no function word
        (``no, no, no, no`` is speech), stays inside one sentence (a page
        may repeat a line), and is not quoted (chants and speech
        repeat themselves on purpose). The fix keeps the first time (unsafe).
        Yields (finding, span)."""
        words = a.words.all()
        n = len(words)
        toks = [w.group().lower() for w in words]
        # breaks[j]: sentence breaks in the gaps before word j; a loop's
        # words stand between two breaks, so counting its repeats stops at
        # one (a page that repeats a line a thousand times costs a line's
        # worth of comparisons per word, not the page's)
        breaks = [0]
        for j in range(n - 1):
            breaks.append(breaks[-1] + bool(_SENTENCE_GAP.search(text, words[j].end(), words[j + 1].start())))
        # failed[(k, phase)]: where a run of period k that was no loop ends; a
        # start in the same run and phase holds a subset of its marks, so it is
        # not counted again (a sentence that repeats a phrase a thousand times
        # with the wrong marks costs a pass over it per period, not per word)
        failed: dict[tuple[int, int], int] = {}
        i = 0
        while i < n - LOOP_MIN_REPEATS + 1:
            hit = None
            for k in range(1, LOOP_MAX_WORDS + 1):
                if i + LOOP_MIN_REPEATS * k > n:
                    break
                if toks[i + k] != toks[i] or failed.get((k, i % k), -1) > i:
                    continue
                phrase = toks[i:i + k]
                reps = 1
                while i + (reps + 1) * k <= n and breaks[i + (reps + 1) * k - 1] == breaks[i] \
                        and toks[i + reps * k:i + (reps + 1) * k] == phrase:
                    reps += 1
                if reps < (LOOP_WORD_REPEATS if k == 1 else LOOP_MIN_REPEATS):
                    continue
                seps = {text[words[i + r * k - 1].end():words[i + r * k].start()] for r in range(1, reps)}
                inner = {tuple(text[words[i + r * k + j].end():words[i + r * k + j + 1].start()] for j in range(k - 1))
                         for r in range(reps)}
                if len(seps) == 1 and len(inner) == 1 and _LOOP_GAP.fullmatch(next(iter(seps))) \
                        and not any(_SENTENCE_GAP.search(g) for g in next(iter(inner))) \
                        and any(len(t) >= 3 and t not in fw and t.isalpha() for t in phrase):
                    hit = (k, reps)
                    break
                failed[(k, i % k)] = i + reps * k
            if hit is None:
                i += 1
                continue
            k, reps = hit
            start, first_end, end = words[i].start(), words[i + k - 1].end(), words[i + reps * k - 1].end()
            i += k * reps
            if a.is_protected(start, end) or a.quotes.enclosing(start, end) is not None:
                continue
            said = text[start:first_end]
            self.stats["loop"] += 1
            yield finding("MTN607", first_end, end, f"`{said}` written {reps} times in a row (MT caught in a "
                          "loop)", [""], Applicability.UNSAFE, phrase=said, repeats=reps), (start, end)

    def _repeats(self, text: str, a, lang: str, rd):
        fw = word_list(lang, "function_words.txt", rd)
        loops = list(self._loops(text, a, fw))
        yield from (f for f, _ in loops)
        for m in _repeat_matches(text, a):
            words = m.group("phrase").split()
            content = [w for w in words if w.lower() not in fw and len(w) >= 3]
            if len(words) < 2 or not content or words[-1].lower() in fw or a.is_protected(m.start(), m.end()):
                continue   # (idioms repeat a word around a function word: de mano en mano, more and more)
            if any(s <= m.start() < e for _, (s, e) in loops):
                continue   # (part of a loop, reported whole)
            s = m.start() + len(m.group("phrase")) + 1
            self.stats["repeat"] += 1
            yield finding("MTN607", m.start(), m.end(), f"`{m.group('phrase')}` is written twice in a row",
                          [m.group("phrase")], Applicability.UNSAFE, phrase=m.group("phrase"))
