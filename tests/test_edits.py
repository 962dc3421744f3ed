"""The edit engine: conflicts, selection, multi-pass composition onto the original."""

import pytest

from normalize.edits import EditMap, apply_edits, select
from normalize.model import Applicability as A
from normalize.model import Finding


def F(rule, s, e, fix, app=A.SAFE):
    return Finding(rule, s, e, "m", (fix,), app)


@pytest.mark.parametrize("a,b,both", [
    ((0, 5, "x"), (3, 8, "y"), False),      # overlapping replacements
    ((0, 5, "x"), (5, 8, "y"), True),       # touching is fine
    ((4, 4, "-"), (4, 6, "y"), False),      # an insertion at a replacement's start: no single order
    ((6, 6, "-"), (4, 6, "y"), True),       # an insertion at its end is ordered
    ((5, 5, "-"), (4, 6, "y"), False),      # an insertion inside a replacement
    ((2, 2, "-"), (2, 2, "+"), False),      # two insertions at one point
])
def test_select_keeps_only_compatible_edits(a, b, both):
    fa, fb = F("MTN101", *a), F("MTN102", *b)
    chosen = select([fa, fb], {A.SAFE}, {"MTN101": 1, "MTN102": 2})
    assert chosen == (sorted([fa, fb], key=lambda f: (f.start, f.end)) if both else [fa])


def test_select_prefers_priority_then_position_and_skips_conflicts():
    a = F("MTN401", 0, 10, "x")
    b = F("MTN301", 5, 8, "y")
    c = F("MTN101", 12, 12, " ")
    chosen = select([b, a, c], {A.SAFE}, {"MTN401": 30, "MTN301": 40, "MTN101": 10})
    assert chosen == [a, c]


def test_select_respects_applicability():
    safe, unsafe, disp = F("X", 0, 1, "a"), F("X", 2, 3, "b", A.UNSAFE), F("X", 4, 5, "c", A.DISPLAY)
    assert select([safe, unsafe, disp], {A.SAFE}) == [safe]
    assert select([safe, unsafe, disp], {A.SAFE, A.UNSAFE}) == [safe, unsafe]


def test_apply_edits_rejects_overlap():
    assert apply_edits("abcdef", [(0, 1, "X"), (3, 3, "-")]) == "Xbc-def"
    with pytest.raises(ValueError):
        apply_edits("abcdef", [(0, 3, "X"), (2, 4, "Y")])


def test_editmap_composes_passes_onto_original():
    original = "in kyiv.she said"
    m = EditMap(original)
    # pass 1: insert a space after the full stop
    t1 = m.apply([(8, 8, " ", "MTN101")])
    assert t1 == "in kyiv. she said"
    # pass 2 (current coordinates): capitalise "she" and "kyiv"
    t2 = m.apply([(3, 7, "Kyiv", "MTN301"), (9, 12, "She", "MTN301")])
    assert t2 == "in Kyiv. She said"
    edits = m.edits()
    # edits are on the original text, do not overlap, and reproduce the output
    assert [(e.start, e.end) for e in edits] == [(3, 7), (8, 11)]
    assert apply_edits(original, [(e.start, e.end, e.replacement) for e in edits]) == t2
    assert set(edits[1].rules) == {"MTN101", "MTN301"}


def test_editmap_maps_offsets_and_drops_reverted_regions():
    m = EditMap("abc def")
    m.apply([(0, 3, "ABCD", "R")])
    assert m.to_original(5) == 4            # 'd' of "def" moved by one
    assert m.span_to_original(1, 2) == (0, 3)  # inside a changed region: the region
    m.apply([(0, 4, "abc", "R")])
    assert m.current == "abc def" and m.edits() == []


def test_form_cache_decides_each_form_once_and_stays_bounded():
    from normalize.stages.base import FormCache
    calls = []

    def decide(form):
        calls.append(form)
        return form.upper() if form.startswith("k") else None

    cache = FormCache(decide, limit=4)
    assert cache.select(frozenset({"kyiv", "the", "kiev"})) == {"kyiv": "KYIV", "kiev": "KIEV"}
    assert cache.select(frozenset({"kyiv", "the"})) == {"kyiv": "KYIV"}
    assert sorted(calls) == ["kiev", "kyiv", "the"]          # nothing decided twice
    cache.select(frozenset({"a", "b"}))                        # past the limit: starts over
    assert len(cache.seen) <= 4 and cache.select(frozenset({"kyiv"})) == {"kyiv": "KYIV"}


def _recording_cache(calls):
    from normalize.stages.base import FormCache

    def decide(form):
        calls.append(form)
        return form.upper() if form.startswith("k") else None
    return FormCache(decide)


def _pass(known, text, *caches):
    """One pass over ``text``: every cache asked, then the pass committed."""
    from normalize.text import Analysis
    a = Analysis(text, "en")
    known.begin(a)
    out = [c.select(a.vocabulary, known) for c in caches]
    known.commit()
    return out


def test_known_forms_let_caches_share_what_the_run_has_met():
    from normalize.stages.base import KnownForms
    known = KnownForms()
    calls_a, calls_b = [], []
    a, b = _recording_cache(calls_a), _recording_cache(calls_b)
    assert _pass(known, "kyiv the kiev", a, b) == [{"kyiv": "KYIV", "kiev": "KIEV"}] * 2
    assert _pass(known, "the kyiv and kharkiv", a, b) == [{"kyiv": "KYIV", "kharkiv": "KHARKIV"}] * 2
    # each cache decided each form once, and kept no record of its own
    assert sorted(calls_a) == sorted(calls_b) == ["and", "kharkiv", "kiev", "kyiv", "the"]
    assert not a.seen and a.known is known and known.met == {"kyiv", "the", "kiev", "and", "kharkiv"}


def test_a_cache_that_sits_out_a_pass_keeps_its_own_record():
    from normalize.stages.base import KnownForms
    known = KnownForms()
    calls_a, calls_b = [], []
    a, b = _recording_cache(calls_a), _recording_cache(calls_b)
    _pass(known, "kyiv the", a, b)
    _pass(known, "kherson", a)            # b is not asked: it never decided "kherson"
    assert b.known is None and b not in known.caches
    assert b.select(frozenset({"kherson", "kyiv"}), known) == {"kherson": "KHERSON", "kyiv": "KYIV"}
    assert "kherson" in calls_b and a.known is known


def test_a_failed_pass_leaves_its_forms_new():
    from normalize.stages.base import KnownForms
    from normalize.text import Analysis
    known = KnownForms()
    calls = []
    a = _recording_cache(calls)
    _pass(known, "the", a)
    known.begin(Analysis("kyiv the", "en"))
    a.select(frozenset({"kyiv", "the"}), known)
    # a stage after it raised: no commit; the next pass meets "kyiv" as new
    _pass(known, "kyiv", a)
    assert "kyiv" in known.met and a.known is known and calls.count("kyiv") == 2


def test_known_forms_start_over_at_their_limit():
    from normalize.stages.base import KnownForms
    known = KnownForms(limit=3)
    calls = []
    a = _recording_cache(calls)
    _pass(known, "kyiv the", a)
    _pass(known, "a b", a)                # past the limit: the record and the values start over
    assert not known.met and not a.values
    assert _pass(known, "kyiv", a) == [{"kyiv": "KYIV"}] and calls.count("kyiv") == 2


def test_a_long_lived_pipeline_finds_what_fresh_ones_do():
    # stages remember what they decided about each word form across the
    # documents of a run (and share which forms are new): the findings of one
    # pipeline run over many documents must be those of a fresh pipeline each
    import glob
    from normalize import Pipeline
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("corpora/gold/*/*.txt"))]
    assert len(texts) >= 20
    run = Pipeline(unsafe_fixes=True)
    for text in texts + texts[::-1]:
        long_lived, fresh = run.fix(text), Pipeline(unsafe_fixes=True).fix(text)
        assert long_lived.text == fresh.text and long_lived.findings == fresh.findings


def test_a_cache_decides_only_the_forms_worth_deciding():
    from normalize.stages.base import FormCache, KnownForms
    calls = []

    def decide(form):
        calls.append(form)
        return form.upper() if form.startswith("k") else None

    # the stage's cheap test over a pass's new forms: what it drops is never decided
    worth = FormCache(decide, worth=lambda forms: [f for f in forms if f[0] in "kt"])
    known = KnownForms()
    assert _pass(known, "kyiv the kiev and", worth) == [{"kyiv": "KYIV", "kiev": "KIEV"}]
    assert _pass(known, "kyiv and a", worth) == [{"kyiv": "KYIV"}]
    assert sorted(calls) == ["kiev", "kyiv", "the"]
    # and the same with the cache's own record
    calls.clear()
    own = FormCache(decide, worth=lambda forms: [f for f in forms if f[0] in "kt"])
    assert own.select(frozenset({"kyiv", "and"})) == {"kyiv": "KYIV"}
    assert own.select(frozenset({"kyiv", "and", "kherson"})) == {"kyiv": "KYIV", "kherson": "KHERSON"}
    assert sorted(calls) == ["kherson", "kyiv"]


def _forms_to_weigh(lang, shared):
    """Word forms of every kind the stages weigh in ``lang``: the casing
    lexicon's names (as written, capitalised, with an apostrophe, hyphenated,
    with the language's case endings), function words glued to frequent
    words either way round, the gold sets' words and, when ../shared/data is
    there, 600 lines of the language's news."""
    import glob
    import itertools
    from normalize.lexicon import casing_lexicon
    from normalize.resources import top_frequencies
    from normalize.stages.anchors import function_words
    from normalize.stages.casing import declensions
    from normalize.text import WORD_RE
    lex = casing_lexicon(lang)
    names = sorted(set(lex.single) | {w for entries in lex.multi.values() for e in entries for w in e[1].split()})
    endings = [e for e, _ in declensions(lang)]
    forms = set()
    for w in names:
        forms |= {w, w.capitalize(), w.upper(), w + "'s", w + "’s", w + "-based", "l'" + w, "d’" + w}
        forms |= {w + e for e in endings[:12]}
    fw = sorted(function_words(lang))
    frequent = list(itertools.islice(top_frequencies(lang), 1000))
    for i, w in enumerate(frequent):
        f = fw[i % len(fw)]
        forms |= {w, f + w, w + f, (f + w).capitalize(), w + "of" + "the"}
    for p in glob.glob("corpora/gold/*/*.txt"):
        forms.update(WORD_RE.findall(open(p, encoding="utf-8").read()))
    if shared is not None and (shared / f"news.{lang}.txt").is_file():
        with open(shared / f"news.{lang}.txt", encoding="utf-8") as fh:
            forms.update(WORD_RE.findall("".join(itertools.islice(fh, 600))))
    return {f for f in forms if WORD_RE.fullmatch(f)}   # as a text's words are


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "it", "pt", "ru"])
def test_what_a_stage_does_not_decide_it_would_have_turned_down(lang, request):
    # casing, run-together and untranslated decide only the new forms their
    # cheap test lets through: every form whose decision matters must pass it
    from conftest import SHARED
    from normalize import Pipeline
    pipe = Pipeline(language=lang)
    pipe.fix("word " * 30)
    forms = _forms_to_weigh(lang, SHARED if SHARED.is_dir() else None)
    checked = 0
    for stage in pipe.stages:
        for cache in stage._form_caches.values():
            if cache.worth is None:
                continue
            kept = set(cache.worth(set(forms)))
            matter = {f for f in forms if cache.decide(f)}
            assert matter, (stage.name, "no form of the sample matters: the check proves nothing")
            assert matter <= kept, (stage.name, sorted(matter - kept)[:10])
            checked += 1
    assert checked == 3
