"""Linear time in a document's size, checked by counting work, not by timing.

A stage that searches the whole text once per candidate (``phrase in text``,
``text.find(x)`` from the start, ``text.count``, ``text[:pos]``) does work that
grows with the square of the text. :class:`CountingText` is a ``str`` that adds
up the characters its own searches and slices span; the pipeline runs on it and the characters
searched per character of text must stay flat as the document grows.
bench/scaling.py measures the seconds and the memory.
"""

import random

import pytest

from normalize import Pipeline
from normalize.quotemarks import pair_quotes
from normalize.stages import variants


class CountingText(str):
    """A ``str`` that counts the characters its searches read: a forward
    search reads from its start to what it finds (or its end), a backward
    one from its end back to what it finds, ``in`` and ``count`` all."""

    scanned = 0

    def _bounds(self, start, end):
        n = len(self)
        s = 0 if start is None else (start if start >= 0 else max(0, n + start))
        e = n if end is None else (end if end >= 0 else max(0, n + end))
        return min(s, n), min(e, n)

    def __contains__(self, sub):
        CountingText.scanned += len(self)
        return str.__contains__(self, sub)

    def find(self, sub, start=None, end=None):
        s, e = self._bounds(start, end)
        at = str.find(self, sub, start, end)
        CountingText.scanned += (at + len(sub) - s) if at >= 0 else max(0, e - s)
        return at

    def rfind(self, sub, start=None, end=None):
        s, e = self._bounds(start, end)
        at = str.rfind(self, sub, start, end)
        CountingText.scanned += (e - at) if at >= 0 else max(0, e - s)
        return at

    def index(self, sub, start=None, end=None):
        at = self.find(sub, start, end)
        if at < 0:
            raise ValueError("substring not found")
        return at

    def rindex(self, sub, start=None, end=None):
        at = self.rfind(sub, start, end)
        if at < 0:
            raise ValueError("substring not found")
        return at

    def count(self, sub, start=None, end=None):
        s, e = self._bounds(start, end)
        CountingText.scanned += max(0, e - s)
        return str.count(self, sub, start, end)

    def __getitem__(self, key):
        # a slice copies what it spans: `text[:pos]` per candidate is a whole-text read too
        got = str.__getitem__(self, key)
        if isinstance(key, slice):
            CountingText.scanned += len(got)
        return got


DENSE = "The talks in brussels ended on Sunday.She left the meeting In the end.\n"
QUOTES = "He said “the deal is done” and “Danube Shield” left; the minister ” said it, In fact.\n"
LONG = "summitthat“NATO”expansion.Sunday.She(left)the" * 3
# lower-case names whose lexicon entry needs the document's own capitalised form
CONTEXT = "The abbott and the aaron arrived late; abbott left the farm at noon.\n"


def _scanned_per_char(unit: str, times: int, lang: str = "en") -> float:
    text = CountingText(unit * times)
    CountingText.scanned = 0
    Pipeline(language=lang, unsafe_fixes=True).check(text)
    return CountingText.scanned / len(text)


@pytest.mark.parametrize("unit,one_line", [(DENSE, False), (QUOTES, False), (LONG, True), (CONTEXT, False)])
def test_no_stage_searches_the_whole_text_per_candidate(unit, one_line):
    if one_line:   # one long line: every line-bound search spans the document
        unit = unit.replace("\n", " ")
    small, large = _scanned_per_char(unit, 100), _scanned_per_char(unit, 400)
    # a search per candidate over the text makes this ratio grow with the size
    assert large <= 1.25 * small + 2, (small, large)


def test_the_counting_text_catches_a_search_per_candidate():
    """The measure above fails on the shape it guards against."""
    def quadratic(text):
        return sum(1 for w in text.split() if f"{w} ended" in text)
    for n in (100, 400):
        text = CountingText(DENSE * n)
        CountingText.scanned = 0
        quadratic(text)
        per_char = CountingText.scanned / len(text)
        if n == 100:
            small = per_char
    assert per_char > 3 * small


def test_name_variants_are_compared_within_shared_keys_only(monkeypatch):
    # 600 distinct names, none one edit from another: the old all-against-all
    # comparison made ~90,000 one_edit calls; shared deletion keys make ~none
    calls = []
    real = variants.one_edit
    monkeypatch.setattr(variants, "one_edit", lambda a, b: calls.append(1) or real(a, b))
    rng = random.Random(3)
    names = set()
    while len(names) < 600:
        names.add("".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)).capitalize())
    text = " ".join(f"Then {n} spoke." for n in sorted(names))
    Pipeline(language="en", select=["MTN702"]).check(text)
    assert len(calls) < 600


def test_a_quoted_name_is_compared_with_a_bounded_number_of_earlier_ones():
    # 2,000 distinct quoted names sharing the stem `shield`: each compared
    # with every earlier one would be ~2,000,000 comparisons
    rng = random.Random(4)
    names = set()
    while len(names) < 2000:
        names.add("Shield " + "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).title())
    text = " ".join(f"The operation “{n}” began." for n in sorted(names))
    pipe = Pipeline(language="en", select=["MTN702"])
    pipe.check(text)
    done = pipe.stage_stats()["variants"]["quoted_name_comparisons"]
    assert done <= 150 * len(names)      # (all against all: ~1,000 per name)
    # and a name written in another order is still found
    found = pipe.check("The operation “Shield of the Danube” began. Later “Danube Shield” ended.").findings
    assert [f.fix for f in found] == ["Shield of the Danube"]


def test_quote_lookups_agree_with_a_scan_of_every_mark():
    rng = random.Random(5)
    pieces = ["“", "”", "«", "»", "\"", " word ", "Name ", ". ", "\n", "said ", "„"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        qp = pair_quotes(text, lambda s, e: False, frozenset({"said"}), "en")
        for _ in range(10):
            s = rng.randint(0, len(text))
            e = rng.randint(s, len(text))
            assert qp.between(s, e) == [m for m in qp.marks if s <= m.pos < e]
            last = [m for m in qp.marks if s <= m.pos < e]
            assert qp.last_between(s, e) == (last[-1] if last else None)
            first = next((m for m in qp.marks if m.role == "open" and m.partner is not None
                          and m.pos < s and e <= m.partner.pos), None)
            assert qp.enclosing(s, e) is first
            inner = [m for m in qp.marks if m.role == "open" and m.partner is not None
                     and m.pos < s and e <= m.partner.pos]
            assert qp.innermost(s, e) is (inner[-1] if inner else None)


def test_a_mark_looks_back_for_its_sentence_a_paragraph_at_most():
    # the old search ran from the line's start for every closing mark: on a
    # text of one long line, quadratic; past SEARCH_WINDOW there is no
    # sentence to repair
    from normalize.stages.quotes import QuotePairStage
    from normalize.text import SEARCH_WINDOW
    line = "word " * (SEARCH_WINDOW // 2)
    assert QuotePairStage._sentence_start(line, 0, len(line) - 1, "en") is None
    near = "Earlier text. Then she spoke"
    assert QuotePairStage._sentence_start(near, 0, len(near), "en") == near.index("Then")


class _Writes:
    """A text sink that keeps what is written and the largest single write."""

    def __init__(self):
        self.parts, self.largest = [], 0

    def write(self, s):
        self.parts.append(s)
        self.largest = max(self.largest, len(s))


def test_reports_are_written_a_finding_at_a_time_json_in_the_standard_layout():
    import json

    from normalize.formats import write_jsonl
    from normalize.output import FileResult, write_json, write_text

    pipe = Pipeline(language="en", unsafe_fixes=True)
    results = [FileResult("a.txt", pipe.fix(DENSE * 200)), FileResult("b.txt", pipe.fix("Fine text.\n")),
               FileResult("c.txt", pipe.fix(QUOTES * 3))]
    n = sum(len(fr.result.findings) for fr in results)
    assert n > 400
    sink = _Writes()
    write_json(sink, results, ["x: unreadable"], {"extra": 1}, include_edits=True)
    out = "".join(sink.parts)
    doc = json.loads(out)
    # The layout is exactly json.dumps(indent=2)'s, so readers and diffs of
    # earlier output see no change.
    assert out == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert sum(len(f["findings"]) for f in doc["files"]) == n == doc["stats"]["findings"]
    assert doc["files"][1]["findings"] == [] and doc["files"][0]["edits"]
    # No write holds more than a few findings' worth: the document is never
    # one string.
    assert sink.largest < len(out) / 50
    lines = _Writes()
    write_jsonl(lines, results)
    assert len(lines.parts) == n and all(json.loads(p)["rule"] for p in lines.parts)
    report = _Writes()
    write_text(report, results)
    assert len(report.parts) == n + 1 and report.parts[-1].startswith(f"Found {n} findings")


def test_a_quotation_open_over_many_lines_is_not_read_whole_per_word(monkeypatch):
    # ‘ used for an elision (‘ndrangheta) opens a quotation that a ’ far below
    # closes: the stages that ask what a word's quotation holds must read the
    # word's own line of it, not thousands of lines per word
    from normalize.names import DocumentNames as Names

    widest = []
    original = Names.words_between

    def recording(self, start, end):
        r = original(self, start, end)
        widest.append(len(r))
        return r

    monkeypatch.setattr(Names, "words_between", recording)
    line = "The Mayor Visited the old port and said the ciudadanos were calm, Da Silva said.\n"
    text = "The ‘ndrangheta was in the news.\n" + line * 400 + "It ended with a ’ mark.\n"
    Pipeline(language="en", unsafe_fixes=True).check(text)
    assert widest and max(widest) <= 2 * len(line.split())


def test_each_word_form_is_judged_foreign_once_per_run(monkeypatch):
    # the foreign stage and the source guess both ask about every form, on
    # every pass of a fix; a bounded LRU cache re-decided each form at each
    # look once a document held more forms than it kept (the long-line
    # benchmark's time jumped there). One decision per distinct form, across
    # the passes and the two askers, whatever the document's size.
    from normalize.stages import foreign
    calls = []
    real = foreign.foreign_word
    monkeypatch.setattr(foreign, "foreign_word", lambda low, lang: calls.append(low) or real(low, lang))
    monkeypatch.setattr(foreign, "_FORM_CACHES", {})
    rng = random.Random(5)
    words = {"".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(3000)}
    text = "The talks in brussels ended.She left. " + " ".join(sorted(words)) + ".\n"
    Pipeline(language="en", unsafe_fixes=True).fix(text)
    assert len(calls) - len(set(calls)) <= 5   # (`The` and `the` are two forms of one word)
    assert len(calls) <= 1.1 * len(words)


def test_a_pass_frees_its_analysis_without_the_cyclic_collector(monkeypatch):
    # the names and quotations of a pass point back at its analysis; held in
    # those cycles until the collector ran, a large document's passes piled
    # up in memory (the 2 MB step of the dense benchmark's memory)
    import gc
    import weakref
    from normalize import pipeline, text as text_mod
    made = []

    class Recorded(text_mod.Analysis):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(weakref.ref(self))

    monkeypatch.setattr(pipeline, "Analysis", Recorded)
    gc.disable()
    try:
        res = Pipeline(language="en", unsafe_fixes=True).fix(
            "The talks in brussels ended on Sunday.She left. “Kyiv” said Donald trump.\n" * 20)
        alive = [r for r in made if r() is not None]
    finally:
        gc.enable()
    assert res.passes >= 2 and len(made) >= 2
    assert alive == []
