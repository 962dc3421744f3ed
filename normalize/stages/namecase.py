"""Capitals from the document's own evidence (MTN302-MTN307).

The lexicon stage (MTN301) restores the capitals of names it knows. These
rules read the document instead (:attr:`~normalize.text.Analysis.names`) and
the way clean news writes each word mid-sentence (``lower_words.tsv``, counts
from ``corpora/measure_casing.py``):

- MTN302 a sentence that starts in lower case (`Sunday. the ministry said`,
  a paragraph or a document that starts `departures on vacation…`);
- MTN303 a name the document writes with its capital elsewhere, in lower case
  here (`Marco Bianchi` … `dice bianchi`; `Donald Trump` … `trump said`);
- MTN304 a name of several words with one in the wrong case (`new Delhi`,
  `Mexico city`, `marine le Pen`): the gazetteer's names, or the document's;
- MTN305 a word the language writes in lower case, capitalised in the middle
  of a sentence (`interesse Particolare`, `While, The candidate`, `; Un sospetto`,
  `Weber Visited the`, `Kremlin Spokesman` where the text writes `Kremlin
  spokesman`);
- MTN306 an elided article or preposition capitalised mid-sentence
  (`della Banca Centrale Dell'Islanda`, `Dall'ambasciatore`);
- MTN307 a line in English title case in a language that does not write
  headlines so (`Regierung Plant Neue Steuer Für Konzerne`).

Evidence in the document can make a fix likely; a word list alone never makes
one certain: every fix here is unsafe, a finding without a clear fix is shown only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import casing_lexicon
from ..model import Applicability, Document
from ..names import ELIDED, PARTICLES, capitalised
from ..resources import (SUPPORTED_LANGUAGES, pack_dirs, read_list, read_tsv, rules_root, word_frequencies, word_list,
                         zipf)
from .anchors import function_words, sentence_openers
from .base import Context, Stage, finding
from .foreign import _others

_TERMINAL = ".!?…"
_CLOSING = "\"”»’)]"
_OPENING = "\"“«„‘(["
_DASH = "–—-"
# languages whose nouns are capitalised: a capital mid-sentence says little there
_NOUN_CAPITALS = ("de",)
# Languages whose adjectives follow the noun (un mortaio ucraino): there a
# capitalised common word closing a clause after a noun is a slip; in English
# it is a name in apposition (the brand Truly, the hurricane Rosa), and Russian
# capitalises a name's first word.
_ADJECTIVE_AFTER_NOUN = ("es", "fr", "it", "pt")
TITLE_NAME_MAX = 3.6   # a word of a name after a title: the language writes it this little at most
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "nord", "sud", "est", "ouest", "norte", "sur", "este", "oeste", "centro", "nordest", "sudest",
                      "север", "юг", "восток", "запад"})
# languages that capitalise only the first word of many names (Национальная ассамблея)
_FIRST_WORD_CAPITAL = ("ru",)
RARE_ZIPF = 2.0   # a word the language hardly writes (MTN303's rare pairs)...
NAME_ZIPF = 3.0   # ...after a capitalised word it writes no more than a name (wordfreq holds names)
# places and people: their every capital is right in any house style (the
# capitals of organisations' names vary: Nations unies, Nations Unies)
_GAZETTEER_SOURCES = ("geonames", "curated:people", "curated:personnes", "curated:personas", "curated:persone",
                      "curated:pessoas", "curated:personen", "curated:places", "curated:lieux", "curated:lugares",
                      "curated:luoghi", "curated:orte")


JOB_TITLE_STYLES = ("keep", "lower", "lower-all")


def job_title_style(setting, lang: str) -> str:
    """The job-title house style for ``lang`` from the ``job-titles`` setting
    (one style for every language, or a table of language -> style; a
    language the table leaves out keeps its capitals): ``keep`` (the
    default), ``lower`` or ``lower-all`` (titles before a name too)."""
    if isinstance(setting, dict):
        setting = setting.get(lang)
    return setting if setting in JOB_TITLE_STYLES else "keep"


@lru_cache(maxsize=None)
def job_titles(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[tuple[str, ...], tuple[str, ...]]:
    """lower-cased words of a title -> its words as running text writes them
    (``job_titles.txt``: `primer ministro`, `Premier ministre`)."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "job_titles.txt"
        if p.is_file():
            for line in read_list(p):
                words = tuple(line.split())
                out[tuple(w.lower() for w in words)] = words
    return out


@lru_cache(maxsize=None)
def lower_words(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """word -> (lower-case uses, capitalised uses) mid-sentence in clean news:
    the words ``lower_words.tsv`` lists, which the language writes in lower case."""
    out: dict[str, tuple[int, int]] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "lower_words.tsv"
        if p.is_file():
            for row in read_tsv(p, ("word", "low", "cap")):
                out[row["word"]] = (int(row["low"]), int(row["cap"]))
    return out


@lru_cache(maxsize=None)
def gazetteer_names(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[str, dict[str, str]]:
    """first word -> {lower-cased name: canonical} for the names of several
    words in the language's casing lexicon that come from a gazetteer of
    places (geonames, the curated places) or the curated people, whose every
    capital is right."""
    out: dict[str, dict[str, str]] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "casing.tsv"
        if not p.is_file():
            continue
        for row in read_tsv(p, ("lower", "canonical", "kind")):
            lower = row["lower"]
            if " " not in lower or row["kind"] not in ("safe", "unsafe"):
                continue
            source = row.get("source") or ""
            if d.parent == rules_root() and not any(s in source for s in _GAZETTEER_SOURCES):
                continue   # an n-gram of the corpus: "foreign minister boris johnson"
            out.setdefault(lower.split(" ", 1)[0], {})[lower] = row["canonical"]
    return out


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Every single name the casing lexicons of the supported languages
    know (lower case): a capitalised word among them is a name in any text."""
    out: set[str] = set()
    for lang in SUPPORTED_LANGUAGES:
        lex = casing_lexicon(lang)
        out.update(k for k, (canonical, _) in lex.single.items() if canonical[:1].isupper())
    return frozenset(out)


class NameCasingStage(Stage):
    """Capitals the document's own evidence restores or removes."""

    name = "names"
    requires = ("language",)
    rules = ("MTN302", "MTN303", "MTN304", "MTN305", "MTN306", "MTN307", "MTN308")

    def process(self, doc: Document, ctx: Context):
        lang = doc.language or "en"
        if lang not in SUPPORTED_LANGUAGES:
            return []
        a = ctx.analysis
        if not a.tokens:
            return []
        names = a.names
        text = doc.text
        rd = ctx.rule_dirs
        fw = function_words(lang, rd)
        lower = lower_words(lang, rd)
        freqs = word_frequencies(lang)
        out = []
        taken: set[int] = set()   # words a finding already covers

        def add(f, *idx):
            out.append(f)
            taken.update(idx)

        for f, idx in self._name_parts(text, a, names, lang, rd):
            add(f, *idx)
        for f, idx in self._document_names(text, a, names, lang, fw, lower, freqs, taken):
            add(f, *idx)
        for f, idx in self._after_titles(a, names, lang, fw, freqs, rd, taken):
            add(f, *idx)
        for f, idx in self._sentence_starts(text, a, names, lang, rd, taken):
            add(f, *idx)
        if lang in ("fr", "it"):
            for f, idx in self._elided(text, a, names, taken):
                add(f, *idx)
        mode = job_title_style(ctx.options.get("job_titles"), lang)
        if mode != "keep":
            for f, idx in self._job_titles(text, names, lang, fw, rd, taken, mode):
                add(f, *idx)
        for f, idx in self._capitals(text, a, names, lang, fw, lower, freqs, rd, taken):
            add(f, *idx)
        for f, idx in self._mixed_titles(text, a, names, lang, rd, taken):
            add(f, *idx)
        for f, idx in self._quoted_names(text, a, names, fw, taken, lang):
            add(f, *idx)
        if lang not in ("en",):
            out.extend(self._title_lines(text, a, names, lang, fw, lower, taken))
        return out

    # -- where a word stands --------------------------------------------------

    @staticmethod
    def _before(text: str, start: int) -> tuple[str, int]:
        """The mark before the word at ``start`` ('' for a letter or digit,
        '\\n' at a line start) and where it is, spaces skipped."""
        i = start - 1
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
        if i < 0:
            return "\n", -1
        ch = text[i]
        if ch.isalnum():
            return "", i
        return ch, i

    def _boundary(self, text: str, names, i: int) -> str:
        """What comes before word ``i``: 'line', 'sentence', 'colon',
        'semicolon', 'comma', 'quote' (a closing quotation mark or bracket
        after a word), 'open' (an opening mark), 'dash' or 'word'."""
        start = names.matches[i].start()
        ch, at = self._before(text, start)
        if ch == "\n":
            return "line"
        if ch == "":
            return "word"
        if ch in _TERMINAL:
            return "sentence" if names.start[i] else "abbreviation"
        if ch == ":":
            return "colon"
        if ch == ";":
            return "semicolon"
        if ch == ",":
            return "comma"
        if ch in _CLOSING and at > 0 and text[at - 1].isalnum():
            q = names.a.quotes.at(at)
            if q is not None and q.role == "open":
                return "open-word"   # an opening mark with its space on the wrong side
            return "quote"
        if ch in _DASH:
            return "dash"
        if ch in _OPENING:
            # look through the opening mark
            b, _ = self._before(text, at)
            return "open-" + ({"\n": "line", "": "word"}.get(b, b))
        return "other"

    # -- MTN304: a name of several words, one word in the wrong case ----------

    def _name_parts(self, text: str, a, names, lang: str, rd):
        gaz = gazetteer_names(lang, rd)
        fw = function_words(lang, rd)
        if not gaz:
            return
        keys, forms, n = names.keys, names.forms, len(names.forms)
        tails: list[tuple[list[str], list[str], str]] = []
        free = 0   # the first word not inside a name already matched
        for i in [i for i, k in enumerate(keys) if k in gaz]:   # (a C-speed pass picks the candidates)
            if i < free:
                continue
            entries = gaz[keys[i]]
            hit = None
            for lower, canonical in sorted(entries.items(), key=lambda e: -len(e[0])):
                parts = lower.split(" ")
                m = len(parts)
                if i + m > n or keys[i:i + m] != parts:
                    continue
                if any(names.gap(k, k + 1) != " " for k in range(i, i + m - 1)):
                    continue
                canon = canonical.split(" ")
                seq = forms[i:i + m]
                if seq == canon:
                    break
                # some words written as the name writes them, with a capital,
                # and the others in lower case where the name has a capital
                right = [k for k in range(m) if seq[k] == canon[k] and canon[k][:1].isupper()]
                wrong = [k for k in range(m) if seq[k] != canon[k]]
                if not right or any(not seq[k].islower() or not canon[k][:1].isupper() for k in wrong):
                    continue
                if all(seq[k] in PARTICLES or seq[k] in fw and k == 0 for k in wrong):
                    continue   # a particle inside a person's name ("de Gaulle", "Maria de los Angeles");
                    # an article before a name ("by the Hague Court")
                if wrong == [0] and seq[0] in _COMPASS:
                    continue   # "east London": a direction before a place
                hit = (m, canon, wrong)
                break
            if hit is None:
                continue
            m, canon, wrong = hit
            for k in wrong:
                w = names.matches[i + k]
                self.stats["name_part"] += 1
                yield finding("MTN304", w.start(), w.end(), f"`{w.group()}` is part of the name `{' '.join(canon)}`",
                              [canon[k]], Applicability.UNSAFE, name=" ".join(canon)), (i + k,)
            if m >= 3 and any(k > 0 for k in wrong):
                tails.append((forms[i + 1:i + m], canon[1:], canon[0]))   # a surname with its particle: le Pen
            free = i + m
        # the same surname written alone in the same wrong case: `parti le Pen`
        for wrong_tail, canon_tail, given in tails:
            t = len(wrong_tail)
            for j in range(n - t + 1):
                if forms[j:j + t] != wrong_tail or j and forms[j - 1].lower() == given.lower():
                    continue
                if any(names.gap(k, k + 1) != " " for k in range(j, j + t - 1)):
                    continue
                for k in range(t):
                    if forms[j + k] != canon_tail[k]:
                        w = names.matches[j + k]
                        self.stats["name_part"] += 1
                        yield finding("MTN304", w.start(), w.end(), f"`{w.group()}` is part of the name "
                                      f"`{' '.join(canon_tail)}`", [canon_tail[k]], Applicability.UNSAFE,
                                      name=" ".join(canon_tail)), (j + k,)

    # -- MTN303: a name the document writes, in lower case here ---------------

    def _document_names(self, text: str, a, names, lang, fw, lower, freqs, taken):
        """A lower-case word the document shows is a name. It is *established*
        as one by a given name (``given_names.txt``, measured by
        ``corpora/measure_names.py``) right before it: the same pair written
        capitalised elsewhere (`Marco Bianchi` … `Marco bianchi`), or the text
        capitalising the word somewhere (`Marco bianchi` … `Bianchi dal 2022`);
        a word that is no common word (zipf under 4) is established by the pair
        alone (not `Polish Defense` … `Polish defense`). An established name is capitalised wherever the
        text writes it in lower case. A word the text writes capitalised on its
        own mid-sentence (`Trump said`) is capitalised where names stand (after
        or before a speech verb). German, whose nouns are capitalised, takes
        only the pair; Russian, which capitalises the first word of a name
        alone, only a given name's pair."""
        speech = word_list(lang, "speech_verbs.txt")
        persons = word_list(lang, "given_names.txt")
        forms, keys, parts = names.forms, names.keys, names.parts
        n = len(forms)
        nouns_capitalised = lang in _NOUN_CAPITALS
        established: dict[str, str] = {}
        found: dict[int, str] = {}
        cap = names.cap
        for i in range(1, n):
            if not cap[i - 1]:
                continue   # (the cheap test first: most words follow no capital)
            part, key = parts[i], keys[i]
            if not part.islower() or len(part) < 3 or key in fw:
                continue
            prev_cap = names.gap(i - 1, i) == " " and keys[i - 1] not in fw and not names.in_title_line(i)
            if not prev_cap:
                continue
            if names.pairs[(keys[i - 1], key)] and key not in lower \
                    and (keys[i - 1] in persons or lang not in _FIRST_WORD_CAPITAL and freqs and zipf(freqs, key) < 4.0):
                established[key] = "pair"   # Marco Bianchi … Marco bianchi (not Polish Defense … Polish defense)
            elif nouns_capitalised:
                continue
            elif keys[i - 1] in persons and (names.cap_mid[key] or names.cap_start[key]) and key not in lower:
                established[key] = "after-name"   # Marco bianchi … Bianchi dal 2022
            elif lang not in _FIRST_WORD_CAPITAL and self._rare_pair(names, i, freqs, lower, persons, fw):
                found[i] = "rare pair"   # la giornalista francese Odile vernat, che vive
        # surnames the text writes after a given name (Donald Trump): a common
        # word among them is a name only where names stand
        surnames = {b for (f, b), c in names.pairs.items() if f in persons}
        # only the words that can qualify below: established, a surname, written alone capitalised
        maybe = set(established) | surnames | set(names.cap_alone)
        for i in [i for i, k in enumerate(keys) if k in maybe]:
            part, key = parts[i], keys[i]
            if i in taken or i in found or not part.islower() or len(part) < 3 or key in fw:
                continue
            if key in established:
                if names.low_mid[key] >= 5 and names.low_mid[key] > 2 * (names.cap_mid[key] + names.cap_start[key]):
                    continue   # a word the text writes in lower case far more often (a long text's `government`)
                found[i] = established[key]
            elif key in surnames and not nouns_capitalised and part.isalpha() and key not in lower \
                    and self._name_position(names, i, speech):
                found[i] = "surname"
            elif not nouns_capitalised and names.cap_alone[key] > names.low_mid[key] and key not in lower \
                    and part.isalpha():
                if self._name_position(names, i, speech):
                    found[i] = "context"
        for i in sorted(found):
            if i in taken:
                continue
            w = names.matches[i]
            if a.is_protected(w.start(), w.end()):
                continue
            part = parts[i]
            s = w.start() + w.group().find(part)   # after an elided article (l'…)
            self.stats["document_name"] += 1
            message = (f"`{part}` is a word {lang} hardly writes, after the name `{parts[i - 1]}`: "
                       "a name's second word" if found[i] == "rare pair"
                       else f"`{part}` is written as a name elsewhere in this text")
            yield finding("MTN303", s, s + len(part), message,
                          [part[:1].upper() + part[1:]], Applicability.UNSAFE, evidence=found[i]), (i,)

    def _after_titles(self, a, names, lang: str, fw, freqs, rd, taken):
        """A person's name written in lower case after the noun it stands
        behind (``person_titles.txt``: `the opposition leader alberto núñez
        feijóo criticized`): two or three lower-case words, each a given name
        (``given_names.txt``) or a word the language hardly knows (zipf under
        :data:`TITLE_NAME_MAX`), one of them a word it does not know at all,
        none a name the casing lexicon fixes on its own (MTN301's). Not where nouns are
        capitalised (German) or a name declines (Russian)."""
        titles = word_list(lang, "person_titles.txt", rd)
        if not titles or not freqs or lang in _NOUN_CAPITALS or lang == "ru":
            return
        persons = word_list(lang, "given_names.txt", rd)
        single = casing_lexicon(lang, rd).single
        parts, keys = names.parts, names.keys
        n = len(parts)
        for i in [i for i, k in enumerate(keys) if k in titles]:
            run = []
            j = i + 1
            while j < n and len(run) < 3 and names.gap(j - 1, j) == " " and parts[j].islower() \
                    and parts[j].isalpha() and keys[j] not in fw and keys[j] not in titles \
                    and single.get(keys[j], ("", "context"))[1] == "context" \
                    and (keys[j] in persons or zipf(freqs, keys[j]) < TITLE_NAME_MAX):
                run.append(j)
                j += 1
            if len(run) < 2 or (j < n and names.gap(j - 1, j) == " " and parts[j].islower()
                                and zipf(freqs, keys[j]) < TITLE_NAME_MAX and keys[j] not in fw):
                continue   # (a name has two words at least; a longer run of rare words is no name)
            if not any(zipf(freqs, keys[k]) < 1.0 for k in run) or any(k in taken for k in run) \
                    or names.in_title_line(run[0]):
                continue
            for k in run:
                m = names.matches[k]
                if a.is_protected(m.start(), m.end()):
                    break
            else:
                for k in run:
                    m = names.matches[k]
                    part = parts[k]
                    self.stats["after_title"] += 1
                    yield finding("MTN303", m.start(), m.end(), f"`{part}`: part of a name written in lower case "
                                  f"after `{parts[i]}`", [part[:1].upper() + part[1:]], Applicability.UNSAFE,
                                  evidence="after a title"), (k,)

    @staticmethod
    def _rare_pair(names, i: int, freqs, lower, persons, fw) -> bool:
        """Is lower-case word ``i`` the second word of a name: a word the
        language hardly writes (zipf under RARE_ZIPF, four letters or more,
        never in ``lower_words.tsv``) right after a capitalised word
        mid-sentence that is a given name, or no more frequent than a name
        (zipf under NAME_ZIPF) and after a lower-case description (`la
        giornalista francese Odile vernat`), and before a mark or a
        capitalised word, where a name ends (not `the unemployed Sinaloa
        habitants were`, a rare common word after a place)?
        Two rare words in a row, the first capitalised, are a person's name
        whose second word lost its capital; a Latin species name (`Xylella
        fastidiosa`) is made of words the language's lists know."""
        if not freqs or names.start[i - 1]:
            return False
        part, key, prev = names.parts[i], names.keys[i], names.keys[i - 1]
        if len(part) < 4 or not part.isalpha() or key in lower or zipf(freqs, key) >= RARE_ZIPF:
            return False
        if _others(key, names.a.language or "")[0] is not None:
            return False   # a common word of another language (habitants): no name's
        if not names.parts[i - 1].isalpha() or prev not in persons and zipf(freqs, prev) >= NAME_ZIPF:
            return False
        if prev not in persons and not (i >= 2 and names.parts[i - 2].islower() and names.keys[i - 2] not in fw
                                        and names.gap(i - 2, i - 1) == " "):
            return False   # a name that a description introduces (not `que Kowalczyk efetue`: a surname, a verb)
        n = len(names.parts)
        if i + 1 < n and names.gap(i, i + 1) == " " and not names.cap[i + 1]:
            return False   # the name ends there: a mark follows, or another name's word (not `Sinaloa habitants were`)
        return True

    @staticmethod
    def _name_position(names, i: int, speech: frozenset[str]) -> bool:
        """Does word ``i`` stand where a name stands: right after or before a
        speech verb (`said trump`, `trump said`, `dice bianchi`)?"""
        n = len(names.keys)
        before = names.keys[i - 1] if i and names.gap(i - 1, i) == " " else ""
        after = names.keys[i + 1] if i + 1 < n and names.gap(i, i + 1) == " " else ""
        return before in speech or after in speech

    @staticmethod
    def _ends_clause(text: str, names, i: int) -> bool:
        """Does a punctuation mark, a line end or the text's end follow word ``i``?"""
        end = names.matches[i].end()
        return end >= len(text) or text[end] in ".,;:!?…)]\"”»’\n\r"

    # -- MTN302: a sentence that starts in lower case --------------------------

    def _sentence_starts(self, text: str, a, names, lang: str, rd, taken):
        openers = sentence_openers(lang, rd) | word_list(lang, "determiners.txt", rd)
        freqs = word_frequencies(lang)
        lex = casing_lexicon(lang, rd)
        lines = a.line_starts
        forms = names.forms
        for i in [i for i, st in enumerate(names.start) if st]:   # (sentence starts only: a C-speed pick)
            form = forms[i]
            if i in taken or not form.islower():
                continue
            m = names.matches[i]
            b = self._boundary(text, names, i)
            if b == "line" or b == "open-line":
                ln = names.line[i]
                prev = self._previous_line(text, lines, ln)
                if prev is None and "\n" not in text.strip():
                    continue   # a text of one line: a segment, perhaps cut out of its sentence
                if prev is not None and not prev.rstrip().endswith(tuple(_TERMINAL) + tuple(_CLOSING)):
                    continue   # a continuation (MTN107 joins it where it is a broken line)
                if re.match(r"\s*(?:[-–—•*·▪●>]|\d{1,3}[.)])", text[lines[ln]:m.start()]):
                    continue   # a list item
            elif b == "sentence":
                if names.keys[i] not in openers or not self._after_word_stop(text, m.start(), freqs):
                    continue   # a stray full stop rather (MTN203), an abbreviation, a question
            else:
                continue
            if len(form) < 2 or a.is_protected(m.start(), m.end()) or form in lex.single:
                continue   # (a lower-cased name is MTN301's)
            nxt = text[m.end():m.end() + 1]
            if nxt in "@/\\._" and nxt:
                continue   # a handle, a path
            self.stats["sentence_start"] += 1
            yield finding("MTN302", m.start(), m.end(), f"a sentence starts in lower case: `{form}`",
                          [form[0].upper() + form[1:]], Applicability.UNSAFE), (i,)

    @staticmethod
    def _after_word_stop(text: str, start: int, freqs) -> bool:
        """Is the mark before ``start`` a full stop right after a word of the
        language (three letters or more, not all capitals: not `EE. UU.`,
        `долл.`)?"""
        i = start - 1
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
        if i < 1 or text[i] != ".":
            return False
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = text[j:i]
        if word.lower() in word_list("common", "final_abbreviations.txt"):
            return False   # (etc. in their experiments: the sentence goes on)
        return len(word) >= 3 and not word.isupper() and (not freqs or zipf(freqs, word.lower()) >= 3.0)

    @staticmethod
    def _previous_line(text: str, lines: list[int], ln: int) -> str | None:
        """The last non-blank line before line ``ln`` (None at the text's start)."""
        k = ln - 1
        while k >= 0:
            end = lines[k + 1] - 1
            line = text[lines[k]:end]
            if line.strip():
                return line
            k -= 1
        return None

    # -- MTN306: an elided article capitalised mid-sentence --------------------

    def _elided(self, text: str, a, names, taken):
        lex_names = known_names()
        for i, form in enumerate(names.forms):
            if i in taken or not form[:1].isupper() or names.start[i] or names.in_title_line(i):
                continue
            e = ELIDED.match(form)
            if not e or e.end() >= len(form) or not form[:e.end() - 1].istitle() and not form[:e.end() - 1].isupper():
                continue
            b = self._boundary(text, names, i)
            if b not in ("word", "comma", "quote"):
                continue
            rest = form[e.end():]
            prev = names.parts[i - 1] if i else ""
            if rest[:1].islower():
                pass   # Dall'ufficiale: no surname is written so
            elif names.keys[i - 1] in lex_names and capitalised(prev) or prev.isupper():
                continue   # Massimo D'Alema, Marcello Dell'Utri: a surname after a given name
            elif rest.lower() not in lex_names:
                continue   # the name after the apostrophe is not a known place or name
            m = names.matches[i]
            head = form[:e.end()]
            good = head[0].lower() + head[1:].lower()
            self.stats["elided"] += 1
            yield finding("MTN306", m.start(), m.start() + len(head),
                          f"`{head}` is an article or preposition mid-sentence: `{good}`", [good],
                          Applicability.UNSAFE), (i,)

    # -- MTN308: a job title capitalised where the house style writes it lower -

    def _job_titles(self, text: str, names, lang: str, fw, rd, taken, mode: str):
        """A title of ``job_titles.txt`` capitalised mid-sentence after a
        lower-case word, a comma or a sentence's opening article (`el Primer
        Ministro británico`, `El Presidente del Gobierno`); before a name
        (`o Presidente Jorge Sampaio`) only in mode ``lower-all``."""
        titles = job_titles(lang, rd)
        if not titles:
            return
        longest = max(len(t) for t in titles)
        parts, keys, cap = names.parts, names.keys, names.cap
        n = len(parts)
        i = 1
        while i < n:
            if not cap[i] or i in taken or names.start[i] or names.in_title_line(i):
                i += 1
                continue
            canon = None
            for size in range(min(longest, n - i), 0, -1):
                if all(names.gap(k, k + 1) == " " for k in range(i, i + size - 1)):
                    canon = titles.get(tuple(keys[i:i + size]))
                    if canon is not None:
                        break
            if canon is None:
                i += 1
                continue
            j = i + size
            before = names.gap(i - 1, i)
            after_word = before == ", " or before == " " and (
                parts[i - 1].islower() or names.start[i - 1] and keys[i - 1] in fw)
            before_name = j < n and names.gap(j - 1, j) == " " and cap[j]
            if not after_word or before_name and mode != "lower-all" \
                    or self._in_quoted_title(text, names, i):
                i = j
                continue
            for k, good in zip(range(i, j), canon):
                if k in taken or parts[k] == good or parts[k] != names.forms[k]:
                    continue
                m = names.matches[k]
                self.stats["job_title"] += 1
                yield finding("MTN308", m.start(), m.end(), f"`{parts[k]}` is part of a title, written "
                              f"`{' '.join(canon)}` in running {lang} text in this house style", [good],
                              Applicability.UNSAFE, title=" ".join(canon)), (k,)
            i = j

    # -- MTN305: a word the language writes in lower case, capitalised --------

    def _capitals(self, text: str, a, names, lang: str, fw, lower, freqs, rd, taken):
        also = word_list(lang, "also_capitalised.txt", rd)
        determiners = word_list(lang, "determiners.txt", rd)
        # adjectives of nationality, which Romance languages write in lower case
        # (a small language's news is too short to count them all in lower_words.tsv)
        demonyms = word_list(lang, "demonyms.txt", rd)
        given = word_list(lang, "given_names.txt", rd)
        lex = casing_lexicon(lang, rd)
        forms, keys, parts = names.forms, names.keys, names.parts
        n = len(forms)
        pair_seen: dict[str, bool] = {}

        def written_lower(pair: str) -> bool:
            # (each pair looked for once per text, not once per capital)
            if pair not in pair_seen:
                pair_seen[pair] = pair in text
            return pair_seen[pair]

        for i in [i for i, c in enumerate(names.cap) if c and i]:   # (capitals only: a C-speed pick)
            form = forms[i]
            if i in taken or form != parts[i] or len(form) < 2 or not form[1:].islower():
                continue   # (NeXT, McDonald: a brand's or a name's inner capital)
            if names.in_title_line(i) or names.start[i] and self._boundary(text, names, i) != "semicolon":
                continue
            key = keys[i]
            nxt_lower = i + 1 < n and parts[i + 1].islower() and names.gap(i, i + 1) in (" ", ", ")
            b = self._boundary(text, names, i)
            run = names.run_of(i)
            why = None
            if key in fw and key not in also and lang not in _NOUN_CAPITALS and key != "i":
                # a function word after a comma, a semicolon, a closing mark or a
                # capitalised word, before a lower-case word (MTN501 takes the one
                # between two lower-case words)
                if not nxt_lower:
                    if b in ("word", "quote", "comma") and key not in determiners \
                            and (run is None or run[0] == i) and self._before_person(names, i, given):
                        # a particle stands after a given name (Charles de Gaulle), never
                        # before one: `le vote du "Front populaire" De Jean Dupont`
                        why = "function word before a name"
                    else:
                        continue
                if run is not None and i - run[0] >= 2:
                    continue   # the end of a name of three words (Kim Jong Un)
                nxt_content = parts[i + 1] not in fw
                if b == "semicolon" or b == "comma" and nxt_content and (lang == "en" or key not in determiners):
                    # (after a comma a Romance title of a work opens with its article: ,
                    # Il colore dei soldi; English titles are in title case)
                    why = "function word"
                elif b == "word" and names.cap[i - 1] and not parts[i - 1].isupper() \
                        and names.gap(i, i + 1) == " " and (names.start[i - 1] or nxt_content) \
                        and keys[i - 1] not in given and not (names.start[i - 1] and keys[i - 1] not in lower
                                                             and keys[i - 1] not in fw):
                    # Déjà Il a été; Macron He said (not Emre Can, Raymond So: a name's second word)
                    why = "function word"
            elif key not in fw and lang not in _NOUN_CAPITALS and key not in lex.single and names.cap_mid[key] <= 1:
                ends = i + 1 >= n or parts[i + 1].islower() or self._ends_clause(text, names, i)
                if b == "semicolon" and ends and run is None and zipf(freqs, key) >= 4.0 \
                        and key not in known_names():
                    why = "after a semicolon"   # ; Madre, a pesar de su edad
                elif b == "word" and names.cap[i - 1] and keys[i - 1] not in fw and key in lower \
                        and lower[key][0] >= 20 and lower[key][1] <= 0.05 * lower[key][0] \
                        and written_lower(f"{parts[i - 1]} {key}"):
                    # Kremlin Spokesman Dmitry Peskov … Kremlin spokesman says: the
                    # text's own usage, and clean news's, write the word in lower case
                    why = "in lower case after the same word elsewhere in this text"
                elif not (self._strictly_lower(key, lower) or key in demonyms) or not ends:
                    pass
                elif run is None and b == "word" and parts[i - 1].islower() and keys[i - 1] not in fw \
                        and lang in _ADJECTIVE_AFTER_NOUN and not self._in_name(names, i, fw) \
                        and not any(e[1] == f"{keys[i - 1]} {key}" for e in lex.multi.get(keys[i - 1], ())):
                    why = "lower-case word"   # un interesse Particolare, un mortaio Ucraino (Russian capitalises a name's first word)
                elif run is not None and run[1] == i + 1 and run[1] - run[0] >= 3 \
                        and names.pairs[(keys[i - 2], keys[i - 1])] >= 2:
                    why = "after a name"   # Anna Weber Visited the plant (Anna Weber elsewhere)
            if why is None:
                continue
            m = names.matches[i]
            if a.is_protected(m.start(), m.end()) or self._in_quoted_title(text, names, i):
                continue
            self.stats["capital"] += 1
            yield finding("MTN305", m.start(), m.end(), f"`{form}` is written in lower case mid-sentence "
                          f"({why})", [form[0].lower() + form[1:]], Applicability.UNSAFE, reason=why), (i,)

    @staticmethod
    def _in_name(names, i: int, fw) -> bool:
        """Is word ``i`` joined by function words to a capitalised word before
        or after it (the Office of the Coast and Rivers, Members of
        Parliament)?"""
        n = len(names.parts)
        for step in (-1, 1):
            k, steps = i + step, 0
            while 0 <= k < n and names.keys[k] in fw and names.parts[k].islower() and steps < 2:
                k += step
                steps += 1
            if steps and 0 <= k < n and names.cap[k] and not names.start[k]:
                return True
        return False

    @staticmethod
    def _before_person(names, i: int, given) -> bool:
        """Do a given name (``given_names.txt``) and another capitalised word
        follow word ``i``, each after one space (`… De Jean Dupont`)?"""
        n = len(names.parts)
        return i + 2 < n and names.keys[i + 1] in given and names.cap[i + 1] and names.cap[i + 2] \
            and names.gap(i, i + 1) == " " and names.gap(i + 1, i + 2) == " "

    @staticmethod
    def _strictly_lower(key: str, lower) -> bool:
        """Does clean news write ``key`` in lower case mid-sentence (``lower_words.tsv``:
        20 uses or more, capitalised in 1 % of them at most)?"""
        counts = lower.get(key)
        return counts is not None and counts[0] >= 20 and counts[1] <= 0.01 * counts[0]

    @staticmethod
    def _in_quoted_title(text: str, names, i: int) -> bool:
        """Inside a quotation whose words are mostly capitalised (a title)?"""
        pos = names.matches[i].start()
        m = names.a.quotes.innermost(pos, pos + 1)
        if m is None:
            return False
        ls, le = names.a.line_bounds(pos)
        # (the quotation's words on this line only, found by bisection: a
        # quotation open over many lines is not read whole per word)
        inner = names.words_between(max(m.pos, ls - 1), min(m.partner.pos, le))
        return len(inner) >= 2 and sum(names.cap[k] for k in inner) > 0.5 * len(inner)

    # -- MTN305: a title of two words in two cases, before a name ------------

    def _mixed_titles(self, text: str, a, names, lang: str, rd, taken):
        """`the Mayor’s press Secretary Anna Weber`: a title of two words
        (``titles.txt``) before a name, its first word in lower case and its
        second capitalised. A house style writes a title before a name
        all capitalised or all in lower case; the lower-case word says which."""
        titles = word_list(lang, "titles.txt", rd)
        if not titles or lang in _NOUN_CAPITALS:
            return
        parts, keys = names.parts, names.keys
        n = len(parts)
        for i in range(1, n - 1):
            if i in taken or not names.cap[i] or not parts[i - 1].islower() \
                    or f"{keys[i - 1]} {keys[i]}" not in titles:
                continue
            if not names.cap[i + 1] or names.gap(i - 1, i) != " " or names.gap(i, i + 1) != " ":
                continue
            if names.start[i] or names.in_title_line(i) or keys[i - 1] in word_list(lang, "function_words.txt", rd):
                continue
            m = names.matches[i]
            self.stats["capital"] += 1
            yield finding("MTN305", m.start(), m.end(), f"`{parts[i - 1]} {parts[i]}`: a title in two cases before "
                          "a name", [parts[i][0].lower() + parts[i][1:]], Applicability.UNSAFE,
                          reason="title in two cases"), (i,)

    # -- MTN304: a quoted name in sentence case among quoted names in title case --

    def _quoted_names(self, text: str, a, names, fw, taken, lang: str = "en"):
        """`“Desert Lion”, “Iron dome” and “Northern Wind”`: short
        quoted names (two or three words, no sentence punctuation) where the
        text writes two or more in title case and one with a content word in
        lower case. English only: the other languages write titles and names
        of operations in sentence case."""
        if lang != "en":
            return
        qp = a.quotes
        quoted = []
        for m in qp.marks:
            if m.role != "open" or m.partner is None or m.partner.line != m.line:
                continue
            inner = text[m.pos + 1:m.partner.pos]
            if any(c in inner for c in ".!?,;:") or not inner[:1].isupper():
                continue
            idx = list(names.words_between(m.pos, m.partner.pos))   # (partner on the same line)
            if not 2 <= len(idx) <= 4:
                continue
            quoted.append(idx)
        title_case = [idx for idx in quoted if all(names.cap[k] or names.keys[k] in fw for k in idx)]
        if len(title_case) < 2:
            return
        for idx in quoted:
            if idx in title_case:
                continue
            # a part of one or two letters is a particle (`Laskar e Taiba`, `Ponte da Barca`), not a slip
            low = [k for k in idx[1:] if names.parts[k].islower() and names.keys[k] not in fw
                   and len(names.parts[k]) > 2]
            if len(low) != 1 or low[0] in taken:
                continue
            k = low[0]
            m = names.matches[k]
            self.stats["name_part"] += 1
            yield finding("MTN304", m.start(), m.end(), f"`{m.group()}`: the text writes its other quoted names in "
                          "title case", [m.group()[0].upper() + m.group()[1:]], Applicability.UNSAFE), (k,)

    # -- MTN307: a title-case line where the language writes none --------------

    def _title_lines(self, text: str, a, names, lang: str, fw, lower, taken):
        also = word_list(lang, "also_capitalised.txt")
        for ln in sorted(names.title_lines):
            idx = names.line_words[ln]
            if len(idx) < 4:
                continue
            caps_fw = [k for k in idx[1:] if names.cap[k] and names.keys[k] in fw
                       and names.keys[k] not in also and not names.start[k]]
            caps_common = [k for k in idx[1:] if names.cap[k] and names.keys[k] in lower
                           and names.keys[k] not in fw]
            if len(caps_fw) < 2 or len(caps_common) < 2 or len(idx) > 15:
                continue   # (a line of names: Diego El Cigala, Chano Lobato, El Lebrijano)
            if lang in _NOUN_CAPITALS:
                fixable = caps_fw + [k for k in idx[1:] if k not in caps_fw and names.cap[k]
                                     and names.keys[k] in lower and not names.start[k]]
            else:
                fixable = [k for k in idx[1:] if names.cap[k] and not names.start[k]
                           and (names.keys[k] in fw or names.keys[k] in lower)]
            for k in fixable:
                if k in taken:
                    continue
                m = names.matches[k]
                self.stats["title_line"] += 1
                yield finding("MTN307", m.start(), m.end(), f"a headline in English title case: `{m.group()}` "
                              f"is written in lower case in {lang}", [m.group()[0].lower() + m.group()[1:]],
                              Applicability.UNSAFE)
