"""Invariants over generated text (hypothesis): idempotence, exact diffs, offsets."""

import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize import Pipeline
from normalize.diff import split_lines, unified_diff
from normalize.edits import apply_edits

PIECES = ["kyiv", "Kyiv", "Kiev", "moscow", "donald trump", "the", "About", "summitthat",
          "expansionthat", "Sunday.She", " , ", " .", "“", "”", "‘", "’", "\r\n", "\n", "\u00a0",
          "\ufeff", "e\u0301", "😀", "שלום", "U.S.", "3.5", "example.com", "turkey", "Turkey",
          "caf\u00c3\u00a9", "&amp;", " ", "  ", "said", "income into NATO", "political block", "a"]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=25).map("".join)
PIPE = Pipeline(language="en", unsafe_fixes=True)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_fix_is_idempotent_and_edits_reproduce_output(text):
    res = PIPE.fix(text)
    assert PIPE.fix(res.text).text == res.text
    spans = [(e.start, e.end, e.replacement) for e in res.edits]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))   # sorted, never overlapping
    assert apply_edits(text, spans) == res.text
    for f in res.findings:
        assert 0 <= f.start <= f.end <= len(text)


@SETTINGS
@given(texts)
def test_untouched_text_is_byte_identical(text):
    res = PIPE.fix(text)
    pos = 0
    for e in res.edits:
        assert text[pos:e.start] in res.text
        pos = e.end
    if not res.edits:
        assert res.text == text


@SETTINGS
@given(texts)
def test_check_offsets_point_at_their_text(text):
    res = Pipeline(language="en").check(text)
    for f in res.findings:
        assert text[f.start:f.end] == res.original[f.start:f.end]
    if not text.strip():
        assert res.findings == []


def _patch_apply(original: str, diff: str) -> str:
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        p = f"{d}/f.txt"
        with open(p, "wb") as fh:
            fh.write(original.encode("utf-8"))
        subprocess.run(["patch", "-s", "--binary", p], input=diff.encode("utf-8"), check=True)
        with open(p, "rb") as fh:
            return fh.read().decode("utf-8")


line_texts = st.lists(st.sampled_from(["a\n", "b\r\n", "kyiv\n", "Sunday.She\n", "x", "\n", "c d\n"]),
                      max_size=12).map("".join)


@settings(max_examples=60, deadline=None)
@given(line_texts, line_texts)
def test_unified_diff_reproduces_target(a, b):
    d = unified_diff(a, b, "f.txt")
    if a == b:
        assert d == ""
        return
    if shutil.which("patch"):
        assert _patch_apply(a, d) == b
    assert "".join(split_lines(b)) == b


def _category_chars() -> list[str]:
    """Every character ftfy's mojibake categories name (ranges expanded)."""
    import re

    from ftfy.badness import MOJIBAKE_CATEGORIES
    spec = "".join(MOJIBAKE_CATEGORIES.values())
    spec = re.sub(r"(.)-(.)", lambda m: "".join(chr(c) for c in range(ord(m[1]), ord(m[2]) + 1)), spec)
    return sorted(set(spec))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_category_chars() + list("aZ é.,?!\n\t")), min_size=1, max_size=6).map("".join))
def test_mojibake_hint_finds_everything_ftfy_calls_bad(text):
    # the encoding stage asks ftfy's is_bad only where the hint matches: the
    # hint must match every string ftfy's detector flags
    from ftfy.badness import is_bad

    from normalize.stages.encoding import mojibake_hint
    if is_bad(text):
        assert mojibake_hint().search(text), text


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_category_chars() + list("aZ é.,?!\n\t")), min_size=1, max_size=6).map("".join))
def test_anchored_hint_search_is_the_hint_search(text):
    # the encoding stage tries the hint only next to its anchor characters:
    # exactly the texts a full search matches
    from normalize.stages.encoding import has_mojibake_hint, mojibake_hint
    assert has_mojibake_hint(text) == bool(mojibake_hint().search(text)), text


def _case_variants(ch):
    """Every BMP character re matches to ``ch`` under IGNORECASE, found by
    asking re itself (ſ for s, ı and İ for i, ᲀ for в...)."""
    import re
    rx = re.compile("(?i)" + re.escape(ch))
    return [chr(cp) for cp in range(0x10000) if rx.fullmatch(chr(cp))]


LITERAL_CASES = [("income", r"\b(?P<span>income)\b"), ("blocks", r"\b(?P<span>(?P<key>blocks?))\b"),
                 ("assist to", r"assist(?:s|ed)? to"), ("встреча", r"\bвстреч[аи]\b"), ("ss", r"ss")]
_VARIANTS = {ch: _case_variants(ch) for word, _ in LITERAL_CASES for ch in word}


@st.composite
def case_spelled(draw):
    """A pattern and a text holding its literal with each letter in any form
    re takes for it under IGNORECASE."""
    word, pattern = draw(st.sampled_from(LITERAL_CASES))
    spelled = "".join(draw(st.sampled_from(_VARIANTS[ch])) for ch in word)
    return pattern, draw(st.sampled_from(["", " ", "x"])) + spelled + draw(st.sampled_from(["", " ", "."]))


@SETTINGS
@given(case_spelled())
def test_literal_prefilter_never_hides_a_match(case):
    # the confusion stage skips a pattern when its required literal cannot
    # occur: that must never skip a text the pattern matches, in any case
    import re
    from normalize.stages.lexical import literal_may_occur, required_literal
    pattern, text = case
    literal = required_literal(pattern)
    assert literal
    for flags in (re.IGNORECASE, 0):
        if re.search(pattern, text, flags):
            assert literal_may_occur(literal, text, text.casefold())


def test_literal_prefilter_has_no_context_rules():
    # str.lower writes a word-final sigma as ς, so "ΟΔΟΣ" in "ΟΔΟΣΑ" would hide
    from normalize.stages.lexical import literal_may_occur, required_literal
    literal = required_literal("ΟΔΟΣ")
    assert literal_may_occur(literal, "ΟΔΟΣΑ", "ΟΔΟΣΑ".casefold())


@SETTINGS
@given(st.lists(st.sampled_from(["Kyiv", "Kiev", "Kyivs", "x", "-", " ", "'", "é", "K"]), max_size=10).map("".join))
def test_consistency_hits_are_the_look_behind_matches(text):
    # the consistency stage's regex has no look-behind (so it scans fast) and
    # checks the character before each match itself: same matches as with it
    import re
    from normalize.stages.lexical import ConsistencyStage
    stage = ConsistencyStage()
    rx, _ = stage._matcher("en", ())
    with_look_behind = re.compile(r"(?<![\w\-])" + rx.pattern)
    assert [m.span() for m in stage._hits(rx, text)] == [m.span() for m in with_look_behind.finditer(text)]


@SETTINGS
@given(st.lists(st.sampled_from(["1", "48", "0.", ".", ",", ":", "/", "-", "_", "a", "Th", "With", "the",
                                 "É", "l", "’", "'", " ", "\t", "!", "?", "”", ")", "5For", "x"]),
                max_size=14).map("".join))
def test_hinted_search_is_the_full_search(text):
    # the spacing stage tries each look-behind pattern only where its hint
    # says a match can end up: the matches must be exactly a full search's
    from normalize.stages import punctuation as p
    import re
    glued, spaced = p._mark_hints(text)
    # each hint list is where its own pattern (a mark, then a letter; a mark
    # after a blank) would have matched
    assert glued == [m.start() for m in re.finditer(r"[.!?,;:][\"”’»)]?[^\W\d_]", text)]
    assert spaced == [m.start() for m in re.finditer(r"[,.;:!?](?<=[ \t][,.;:!?])", text)]
    elision = [m.start() for m in p._ELISION_HINT.finditer(text)]
    for pattern, hints, shift, run in [(p._GLUED_RE, glued, 0, p._ALNUM),
                                       (p._DIGIT_GLUED_RE, p._DigitMarks(text).before_capital, 1, p._NUMBER_RUN),
                                       (p._ELISION_RE, elision, 0, p._LETTER),
                                       (p._SPACE_BEFORE_RE, spaced, 0, p._BLANK)]:
        assert [m.span() for m in p.hinted_finditer(pattern, hints, text, shift, run)] \
            == [m.span() for m in pattern.finditer(text)], pattern.pattern


@SETTINGS
@given(st.lists(st.sampled_from(["1", "48", "٣", "²", "0.", ",", "-", "_", "a", "Th", "É", "x", "ß", " ", "5For"]),
                max_size=14).map("".join))
def test_one_digit_scan_finds_what_three_did(text):
    # the spacing stage scans once for digits that touch a letter; each rule's
    # list must be where its own pattern would have matched
    import re
    from normalize.stages.punctuation import _DigitMarks
    marks = _DigitMarks(text)
    assert marks.before_letter == [m.start() for m in re.finditer(r"\d[^\W\d_]", text)]
    assert marks.before_capital == [m.start() for m in re.finditer(r"\d[A-Z]", text)]
    assert marks.after_letter == [m.start() for m in re.finditer(r"\d(?<=[^\W\d_]\d)", text)]


@SETTINGS
@given(st.lists(st.sampled_from(["http://", "https://a.b/c", "www.", "WwW.", "ww.", "@", "a@b.com", ".com", ".it",
                                 ".html", "x", "example", " ", "\n", "(", ")", "'", "<", "[", ".", ":", "/", "e.g."]),
                max_size=12).map("".join))
def test_urlish_spans_are_the_full_search(text):
    # the protected spans scan only the tokens that hold a hint of an address
    from normalize.text import URLISH_RE, urlish_spans
    assert urlish_spans(text) == [m.span() for m in URLISH_RE.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["kyiv", "Kyiv", "a", "b", "'", "’", "-", "--", " ", "\n", "1", "²", "_", "é",
                                 "l'", "x-y", ".", "Д"]), max_size=16).map("".join),
       st.lists(st.integers(min_value=0, max_value=40), max_size=8))
def test_words_found_on_demand_are_the_full_search(text, asked):
    # the analysis finds a word's match only when a stage asks for it (after
    # the word before it, or as the k-th whole-word occurrence of its text):
    # in any order of asking, each must be the match finditer gives
    from normalize.text import WORD_RE, Analysis
    full = list(WORD_RE.finditer(text))
    words = Analysis(text, "en").words
    assert len(words) == len(full)
    for i in [k % len(full) for k in asked] if full else []:
        for j in (i, i + 1, i - 1):
            if 0 <= j < len(full):
                assert (words[j].span(), words[j].group()) == (full[j].span(), full[j].group())
    assert [m.span() for m in words] == [m.span() for m in full]


def test_a_word_asked_for_first_is_not_found_inside_another():
    # the text of a word also stands inside longer words, after a joiner and
    # at the start of other words: asked for last word first (nothing before
    # it known), each must still be the right match
    from normalize.text import WORD_RE, Analysis
    for text in ["Kyiva a", "x-a a", "l'a a", "ab a", "a-b-a a", "²a a", "a1a a", "--a a", "a'-a a", "éa a"]:
        full = list(WORD_RE.finditer(text))
        words = Analysis(text, "en").words
        for i in reversed(range(len(full))):
            assert words[i].span() == full[i].span(), (text, i)


@SETTINGS
@given(st.lists(st.sampled_from(["ab", "a", "'", "’", "-", " ", "1", "é", "x", ".", "\n", "l'", "Д"]),
                max_size=14).map("".join), st.integers(min_value=0, max_value=30))
def test_words_and_the_sample_s_words_come_from_one_scan(text, limit):
    # the analysis finds the words of the language sample while it finds all
    # the words: both must be what a scan of each finds, whichever word the
    # limit cuts
    from normalize.text import WORD_RE, tokens_with_head
    tokens, head = tokens_with_head(text, limit)
    assert tokens == WORD_RE.findall(text) and head == WORD_RE.findall(text[:limit])


@SETTINGS
@given(st.lists(st.sampled_from(["the", "of", "la", "de", "und", "и", "не", "qu'", "l'", "est", "İ", "Σ", "THE",
                                 "-", " ", ".", "1", "word", "Kyiv"]), max_size=30).map(" ".join))
def test_the_vote_on_known_words_is_the_vote_on_the_text(text):
    # language identification counts function words over the sample's words
    # the analysis already found: the vote must be the one on the text itself
    from normalize.stages.language import vote_language
    from normalize.text import WORD_RE
    assert vote_language(text, WORD_RE.findall(text)) == vote_language(text) == _reference_vote(text)


def _reference_vote(text):
    """The function-word vote, word by word: each run of letters adds its
    weight to every language that has it."""
    import re
    from normalize.stages.language import _UNIT, _function_word_weights
    scores = {}
    for w in re.findall(r"[^\W\d_]+", text):
        for lang, x in _function_word_weights().get(w.lower(), {}).items():
            scores[lang] = scores.get(lang, 0) + x
    ranked = sorted(scores.values(), reverse=True) + [0, 0]
    if not scores or not (2 * ranked[0] >= 3 * _UNIT and ranked[0] >= 2 * ranked[1]):
        return None
    return max(scores, key=scores.get)


@pytest.fixture(scope="module")
def langdetect_own_factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def test_langdetect_table_on_demand_is_langdetect_s_table(langdetect_own_factory):
    # mtnorm builds each n-gram's probabilities when a text first holds it;
    # langdetect builds them all at start-up: same languages, same n-grams,
    # the same list for each
    from normalize.stages.language import _langdetect_factory
    ours, theirs = _langdetect_factory(), langdetect_own_factory
    assert ours.langlist == theirs.langlist
    table = ours.word_lang_prob_map
    assert all(g in table for g in theirs.word_lang_prob_map)
    assert "zzzq" not in table and "Ω§" not in table
    for gram, probs in theirs.word_lang_prob_map.items():
        assert table[gram] == probs, gram


@SETTINGS
@given(st.lists(st.sampled_from(["the", "of", "la", "de", "und", "и", "не", "qu'", "l'", "est", "Straße", "año",
                                 "İ", "Σ", "1", "word", "Kyiv", "x", "über", "ção", "!", "\n"]),
                min_size=1, max_size=40).map(" ".join))
def test_langdetect_probabilities_are_langdetect_s(langdetect_own_factory, text):
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException
    from normalize.stages.language import langdetect_probabilities
    DetectorFactory.seed = 0
    d = langdetect_own_factory.create()
    d.append(text)
    try:
        expected = [(p.lang.split("-")[0], p.prob) for p in d.get_probabilities()]
    except LangDetectException:
        expected = []
    assert langdetect_probabilities(text) == expected


def test_glue_at_either_end_tries_every_cut():
    # run-together tries a cut only while the piece still begins (ends) a
    # function word: it must find what trying every length finds, on every
    # word of up to four pieces
    import itertools
    from normalize.stages.runtogether import _glue_at_an_end
    fw = frozenset({"the", "of", "a", "an", "and", "he"})
    frequent = {"rope": 1e-5, "europe": 1e-4, "the": 1e-2, "s": 1e-3, "theof": 1e-6}
    pieces = ["the", "th", "of", "a", "an", "and", "e", "he", "t", "rope", "europe", "s", "x"]
    found = 0
    for n in range(1, 5):
        for word in map("".join, itertools.product(pieces, repeat=n)):
            every = any((word[:k] in fw and word[k:] in frequent) or (word[-k:] in fw and word[:-k] in frequent)
                        for k in range(1, len(word)))
            assert _glue_at_an_end(word, fw, frequent) == every, word
            found += every
    assert found > 100
